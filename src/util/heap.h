/*
 * The heap in 2 MB pages where the kernel hands them out on request
 * (Linux's transparent huge pages in "madvise" mode, Debian's default).
 * A render touches 10 to 20 MB of fresh heap; faulting it in 4 KB at a
 * time was a fifth of a cold render's CPU. glibc does the same under
 * GLIBC_TUNABLES=glibc.malloc.hugetlb=1, which a program cannot set for
 * itself once started. Elsewhere, and where it fails, nothing changes.
 */
#ifndef KESSAN_HEAP_H
#define KESSAN_HEAP_H

/* Call first in main: the heap grows 32 MB at a time, advised. */
void heap_prefer_huge_pages(void);

#endif
