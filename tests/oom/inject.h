/*
 * Fault injection for the out-of-memory test build (configure
 * --enable-fault-injection): forced into every file of kessan with
 * -include, it sends each allocation kessan's own code makes through a
 * counter that fails the Nth one ($KESSAN_FAIL_ALLOCATION=N). The
 * libraries' own allocations (ICU, libxml2, libharu) are not counted.
 */
#ifndef KESSAN_INJECT_H
#define KESSAN_INJECT_H

/* Only stddef.h: a system header included here would fix the feature
 * macros before a file's own _XOPEN_SOURCE. The macros below then turn
 * <stdlib.h>'s and <string.h>'s declarations into these. */
#include <stddef.h>

void *inject_malloc(size_t size);
void *inject_calloc(size_t count, size_t size);
void *inject_realloc(void *p, size_t size);
char *inject_strdup(const char *s);
char *inject_strndup(const char *s, size_t n);
void inject_free(void *p);

#define malloc(size) inject_malloc(size)
#define calloc(count, size) inject_calloc(count, size)
#define realloc(p, size) inject_realloc(p, size)
#define strdup(s) inject_strdup(s)
#define strndup(s, n) inject_strndup(s, n)
#define free(p) inject_free(p)

#endif
