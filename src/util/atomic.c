#include "atomic.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes all of data to fd; 0, or -1 with errno. */
static int
write_all(int fd, const char *data, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		done += (size_t)w;
	}
	return 0;
}

/*
 * An output that is no regular file: a device or a pipe (/dev/null,
 * /dev/stdout, a FIFO) is written in place, since renaming over it would
 * replace a file kessan did not make; a link, through to what it names.
 */
static int
write_special(const char *path, const struct stat *st, const char *data,
    size_t len, char *err, size_t errsize)
{
	struct stat to = *st;
	int fd;

	if (S_ISLNK(st->st_mode) && stat(path, &to) != 0) {
		snprintf(err, errsize, "a link to nothing: %s", strerror(errno));
		return -1;
	}
	if (S_ISREG(to.st_mode)) {
		/* A link to a file: the file is replaced, the link kept. */
		char *target = realpath(path, NULL);
		int rc;

		if (target == NULL) {
			snprintf(err, errsize, "%s", strerror(errno));
			return -1;
		}
		rc = write_file_atomic(target, data, len, err, errsize);
		free(target);
		return rc;
	}
	if (S_ISDIR(to.st_mode)) {
		snprintf(err, errsize, "is a folder");
		return -1;
	}
	if ((fd = open(path, O_WRONLY | O_NOCTTY)) < 0 ||
	    write_all(fd, data, len) != 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (close(fd) != 0) {
		snprintf(err, errsize, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

int
write_file_atomic(const char *path, const char *data, size_t len, char *err,
    size_t errsize)
{
	size_t n = strlen(path) + 16;
	char *tmp;
	int fd = -1;
	struct stat st;

	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_special(path, &st, data, len, err, errsize);
	if ((tmp = malloc(n)) == NULL) {
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
	if (write_all(fd, data, len) != 0)
		goto fail;
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
