#include "lcs.h"

#include <stdint.h>
#include <stdlib.h>

/* Beyond this many cells the middle of two sequences is left unaligned. */
#define MAX_CELLS 4000000u

/* How many elements both end with, short of the first `lo` of each. */
static size_t
common_tail(size_t n, size_t m, size_t lo,
    int (*same)(void *ctx, size_t i, size_t j), void *ctx)
{
	size_t tail = 0;

	while (tail < n - lo && tail < m - lo &&
	    same(ctx, n - 1 - tail, m - 1 - tail))
		tail++;
	return tail;
}

int
lcs_align(size_t n, size_t m, int (*same)(void *ctx, size_t i, size_t j),
    void *ctx, struct lcs_pair **pairs, size_t *count)
{
	struct lcs_pair *out;
	uint32_t *len = NULL;
	size_t lo = 0, tail, hi_n, hi_m, rows, cols, i, k = 0;

	*pairs = NULL;
	*count = 0;
	if ((out = malloc(((n < m ? n : m) + 1) * sizeof(*out))) == NULL)
		return -1;
	while (lo < n && lo < m && same(ctx, lo, lo)) {
		out[k].old = out[k].new = lo;
		k++, lo++;
	}
	tail = common_tail(n, m, lo, same, ctx);
	hi_n = n - tail;
	hi_m = m - tail;
	rows = n - lo - tail;
	cols = m - lo - tail;
	if (rows > 0 && cols > 0 && (rows + 1) * (cols + 1) <= MAX_CELLS) {
		size_t j;

		/* len[i][j]: the longest common run of old[lo+i..], new[lo+j..] */
		if ((len = calloc((rows + 1) * (cols + 1), sizeof(*len))) == NULL) {
			free(out);
			return -1;
		}
#define L(i, j) len[(i) * (cols + 1) + (j)]
		for (i = rows; i-- > 0; )
			for (j = cols; j-- > 0; )
				L(i, j) = same(ctx, lo + i, lo + j) ? L(i + 1, j + 1) + 1 :
				    L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
		i = j = 0;
		while (i < rows && j < cols) {
			if (same(ctx, lo + i, lo + j)) {
				out[k].old = lo + i++;
				out[k++].new = lo + j++;
			} else if (L(i + 1, j) >= L(i, j + 1))
				i++;
			else
				j++;
		}
#undef L
		free(len);
	}
	for (i = hi_n; i < n; i++) {
		out[k].old = i;
		out[k++].new = hi_m + (i - hi_n);
	}
	*pairs = out;
	*count = k;
	return 0;
}
