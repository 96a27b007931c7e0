#include "readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
read_regular_file(const char *path, size_t limit, unsigned char **data,
    size_t *size, char *err, size_t errsize)
{
	unsigned char *buf = NULL;
	struct stat st;
	size_t len = 0;
	int fd, rc = -1;

	*data = NULL;
	*size = 0;
	/* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)) < 0) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "not a regular file");
		goto out;
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > limit) {
		snprintf(err, errsize, "file is larger than the limit of %zu MiB",
		    limit / (1024 * 1024));
		goto out;
	}
	/* One byte more than the size seen, to notice a file that grew. */
	if ((buf = malloc((size_t)st.st_size + 2)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	for (;;) {
		ssize_t got = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			snprintf(err, errsize, "cannot read: %s", strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		len += (size_t)got;
		if (len > (size_t)st.st_size) {
			snprintf(err, errsize, "the file changed while it was read");
			goto out;
		}
	}
	buf[len] = '\0';
	*data = buf;
	*size = len;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	close(fd);
	return rc;
}
