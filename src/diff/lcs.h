/* The longest common subsequence of two sequences: the alignment under
 * every diff kessan shows (blocks, rows, sentences, words). */
#ifndef KESSAN_LCS_H
#define KESSAN_LCS_H

#include <stddef.h>

struct lcs_pair {
	size_t old, new;    /* indexes of two elements found the same */
};

/*
 * Aligns old[0..n) with new[0..m), where same(ctx, i, j) says whether
 * old[i] and new[j] are the same. Sets *pairs (malloc'd, increasing in
 * both indexes) and *count. Past a few million comparisons, only the
 * common beginning and end are aligned, so time and memory stay bounded.
 * Returns 0, or -1 when out of memory.
 */
int lcs_align(size_t n, size_t m, int (*same)(void *ctx, size_t i, size_t j),
    void *ctx, struct lcs_pair **pairs, size_t *count);

#endif
