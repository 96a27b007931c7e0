/*
 * A full disk, without root or a small file system: an LD_PRELOAD shim
 * (built by tests/check_enospc.sh) under which write(), fsync() and
 * close() of a file whose name holds ENOSPC_MATCH (kessan's temporary
 * names: ".tmp.") fail with ENOSPC, as on a full disk. Every other file,
 * pipe and terminal works as usual. ENOSPC_AT says which call fails:
 * "write" (the default), "fsync" or "close" (the file is still closed, as
 * the kernel does).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int
full(int fd, const char *call)
{
	const char *match = getenv("ENOSPC_MATCH"), *at = getenv("ENOSPC_AT");
	char link[64], name[PATH_MAX];
	ssize_t n;

	if (strcmp(at != NULL && *at != '\0' ? at : "write", call) != 0)
		return 0;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, name, sizeof(name) - 1)) < 0)
		return 0;
	name[n] = '\0';
	return strstr(name, match != NULL && *match != '\0' ? match : ".tmp.") !=
	    NULL;
}

ssize_t
write(int fd, const void *buf, size_t count)
{
	static ssize_t (*real)(int, const void *, size_t);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "write");
	if (full(fd, "write")) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, count);
}

int
fsync(int fd)
{
	static int (*real)(int);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	if (full(fd, "fsync")) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd);
}

int
close(int fd)
{
	static int (*real)(int);
	int failing, rc;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "close");
	failing = full(fd, "close");
	if ((rc = real(fd)) != 0 || !failing)
		return rc;
	errno = ENOSPC;
	return -1;
}
