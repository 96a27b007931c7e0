#include "config.h"

#include "datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/kessan"
#endif

/* The directory holding the running executable, or "" if unknown. */
static void
exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	char *slash;

	if (n <= 0) {
		buf[0] = '\0';
		return;
	}
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) != NULL)
		*slash = '\0';
	/* libtool wrappers run the real binary from .libs/. */
	if ((slash = strrchr(buf, '/')) != NULL && strcmp(slash, "/.libs") == 0)
		*slash = '\0';
}

int
datadir_path(const char *relative, char *buf, size_t size)
{
	const char *env = getenv("KESSAN_DATADIR");
	int n;

	if (env != NULL && *env != '\0')
		n = snprintf(buf, size, "%s/%s", env, relative);
	else {
		char dir[4096];

		exe_dir(dir, sizeof(dir));
		n = snprintf(buf, size, "%s/%s", dir, relative);
		if (dir[0] == '\0' || n < 0 || (size_t)n >= size ||
		    access(buf, R_OK) != 0)
			n = snprintf(buf, size, "%s/%s", PKGDATADIR, relative);
	}
	return n < 0 || (size_t)n >= size ? -1 : 0;
}
