/* Edit distance and the closest known name (see suggest.h). */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t *rows, *prev2, *prev, *cur;

	/* Three rows of lb + 1: the one before last, the last, this one. */
	if ((rows = malloc(3 * (lb + 1) * sizeof(*rows))) == NULL)
		return (size_t)-1;
	prev2 = rows;
	prev = rows + (lb + 1);
	cur = rows + 2 * (lb + 1);
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		size_t *t;

		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;

			d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (prev[j - 1] + cost < d)
				d = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	free(rows);
	return d;
}

int
suggest_close(size_t distance, size_t len)
{
	return distance > 0 && (distance <= 2 || distance * 3 <= len);
}

const char *
suggest_closest(const char *word,
    const char *(*name)(const void *ctx, size_t i), const void *ctx, size_t n)
{
	const char *best = NULL;
	size_t best_distance = (size_t)-1, len, i;

	if (word == NULL)
		return NULL;
	len = strlen(word);
	for (i = 0; i < n; i++) {
		const char *c = name(ctx, i);
		size_t d;

		if (c == NULL || strcmp(c, word) == 0)
			continue;
		d = edit_distance(word, c);
		if (d == (size_t)-1)
			return NULL;   /* out of memory: no suggestion */
		if (suggest_close(d, len) && d < best_distance) {
			best = c;
			best_distance = d;
		}
	}
	return best;
}
