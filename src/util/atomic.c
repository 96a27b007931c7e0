#include "atomic.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
write_file_atomic(const char *path, const char *data, size_t len, char *err,
    size_t errsize)
{
	size_t n = strlen(path) + 16, done = 0;
	char *tmp = malloc(n);
	int fd = -1;
	ssize_t w;

	if (tmp == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	snprintf(tmp, n, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errsize, "cannot create a file beside it: %s",
		    strerror(errno));
		free(tmp);
		return -1;
	}
	while (done < len) {
		if ((w = write(fd, data + done, len - done)) < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		done += (size_t)w;
	}
	/* Files are meant to be read by others: mkstemp's 0600 is too tight. */
	if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:
	snprintf(err, errsize, "%s", strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

int
atomic_is_temp_name(const char *name, const char *target)
{
	size_t len = strlen(name), i;

	/* The suffix write_file_atomic gives mkstemp: ".tmp.XXXXXX". */
	if (len < 11 || memcmp(name + len - 11, ".tmp.", 5) != 0)
		return 0;
	for (i = len - 6; i < len; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	return target == NULL || (strlen(target) == len - 11 &&
	    memcmp(name, target, len - 11) == 0);
}
