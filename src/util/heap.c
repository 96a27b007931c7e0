/* madvise, sbrk and mallopt are glibc's and Linux's. */
#define _GNU_SOURCE 1

#include "heap.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#define HEAP_STEP ((size_t)32 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)
#define PROBES 64

void
heap_prefer_huge_pages(void)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
	void *probe[PROBES];
	size_t n = 0, i;
	char *before = sbrk(0), *after, *from;

	if (before == (char *)-1 ||
	    mallopt(M_TOP_PAD, (int)HEAP_STEP) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, (int)(2 * HEAP_STEP)) == 0)
		return;
	/* Blocks under the mmap threshold until the heap grows, by a whole
	 * HEAP_STEP now; freed, they stay in the heap for what comes. */
	while (n < PROBES && (char *)sbrk(0) == before &&
	    (probe[n] = malloc(64 * 1024)) != NULL)
		n++;
	after = sbrk(0);
	for (i = 0; i < n; i++)
		free(probe[i]);
	/* No brk heap grew (valgrind, the sanitizers' allocators): nothing
	 * to advise. */
	if (after == (char *)-1 || after <= before)
		return;
	from = (char *)(((uintptr_t)before + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1));
	if (from < after)
		(void)madvise(from, (size_t)(after - from), MADV_HUGEPAGE);
#endif
}
