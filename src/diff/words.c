#include "words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>

/* Beyond this many token pairs the middle of two texts that differ is
 * one change: the comparison stays bounded in time and memory. */
#define MAX_PAIRS 4000000u

int
words_split(const char *text, enum lang lang, struct span **tokens,
    size_t *count)
{
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi = NULL;
	UChar *u = NULL;
	size_t *bytes = NULL, len = strlen(text), n_out = 0;
	struct span *out = NULL;
	int32_t n = 0, i = 0, k, start, end;
	int rc = -1;

	*tokens = NULL;
	*count = 0;
	if (len > INT32_MAX / 2)
		return -1;
	u_strFromUTF8(NULL, 0, &n, text, (int32_t)len, &status);
	status = U_ZERO_ERROR;
	if ((u = malloc(((size_t)n + 1) * sizeof(UChar))) == NULL ||
	    (bytes = malloc(((size_t)n + 1) * sizeof(*bytes))) == NULL ||
	    (out = malloc(((size_t)n + 1) * sizeof(*out))) == NULL)
		goto out;
	u_strFromUTF8(u, n + 1, NULL, text, (int32_t)len, &status);
	if (U_FAILURE(status))
		goto out;
	/* The byte offset of each UTF-16 unit, to give tokens as bytes. */
	for (k = 0; k < (int32_t)len; ) {
		int32_t at = k;
		UChar32 c;

		U8_NEXT(text, k, (int32_t)len, c);
		if (c < 0)
			c = 0xFFFD;
		bytes[i++] = (size_t)at;
		if (U16_LENGTH(c) == 2 && i <= n)
			bytes[i++] = (size_t)at;
	}
	bytes[n] = len;
	bi = ubrk_open(UBRK_WORD, lang == LANG_JA ? "ja" : "en", u, n, &status);
	if (U_FAILURE(status))
		goto out;
	start = ubrk_first(bi);
	for (end = ubrk_next(bi); end != UBRK_DONE; start = end,
	    end = ubrk_next(bi)) {
		out[n_out].start = bytes[start];
		out[n_out].len = bytes[end] - bytes[start];
		n_out++;
	}
	*tokens = out;
	*count = n_out;
	out = NULL;
	rc = 0;
out:
	if (bi != NULL)
		ubrk_close(bi);
	free(u);
	free(bytes);
	free(out);
	return rc;
}

static int
same_token(const char *a, const struct span *ta, const char *b,
    const struct span *tb)
{
	return ta->len == tb->len && memcmp(a + ta->start, b + tb->start,
	    ta->len) == 0;
}

static int
only_spaces(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ')
			return 0;
	return 1;
}

/* The ops being built, with the position reached in both texts. */
struct edit {
	struct word_op *ops;
	size_t count;
	size_t old_at, new_at;   /* bytes */
};

/* Appends the stretch up to old_end/new_end, unchanged or changed. */
static void
emit(struct edit *e, int changed, size_t old_end, size_t new_end)
{
	struct word_op *last = e->count > 0 ? &e->ops[e->count - 1] : NULL;

	if (old_end == e->old_at && new_end == e->new_at)
		return;
	if (last != NULL && last->changed == changed) {
		last->old.len = old_end - last->old.start;
		last->new.len = new_end - last->new.start;
	} else {
		e->ops[e->count].changed = changed;
		e->ops[e->count].old.start = e->old_at;
		e->ops[e->count].old.len = old_end - e->old_at;
		e->ops[e->count].new.start = e->new_at;
		e->ops[e->count].new.len = new_end - e->new_at;
		e->count++;
	}
	e->old_at = old_end;
	e->new_at = new_end;
}

/* A change, a run of spaces, a change: one change. */
static void
join_changes(struct edit *e, const char *new)
{
	size_t i, out = 0;

	for (i = 0; i < e->count; i++) {
		struct word_op *op = &e->ops[i];

		if (op->changed && out >= 2 && e->ops[out - 1].changed == 0 &&
		    e->ops[out - 2].changed &&
		    only_spaces(new + e->ops[out - 1].new.start,
		    e->ops[out - 1].new.len)) {
			struct word_op *prev = &e->ops[out - 2];
			prev->old.len = op->old.start + op->old.len - prev->old.start;
			prev->new.len = op->new.start + op->new.len - prev->new.start;
			out--;
			continue;
		}
		e->ops[out++] = *op;
	}
	e->count = out;
}

int
words_diff(const char *old, const char *new, enum lang lang,
    struct word_op **ops, size_t *count)
{
	struct span *a = NULL, *b = NULL;
	size_t na = 0, nb = 0, lo = 0, hi_a, hi_b, rows, cols, i, j;
	uint32_t *lcs = NULL;
	struct edit e = { NULL, 0, 0, 0 };
	int rc = -1;

	*ops = NULL;
	*count = 0;
	if (words_split(old, lang, &a, &na) != 0 ||
	    words_split(new, lang, &b, &nb) != 0)
		goto out;
	/* At most one op per token and one more. */
	if ((e.ops = malloc((na + nb + 1) * sizeof(*e.ops))) == NULL)
		goto out;
	while (lo < na && lo < nb && same_token(old, &a[lo], new, &b[lo]))
		lo++;
	hi_a = na;
	hi_b = nb;
	while (hi_a > lo && hi_b > lo &&
	    same_token(old, &a[hi_a - 1], new, &b[hi_b - 1]))
		hi_a--, hi_b--;
	if (lo > 0)
		emit(&e, 0, a[lo - 1].start + a[lo - 1].len,
		    b[lo - 1].start + b[lo - 1].len);
	rows = hi_a - lo;
	cols = hi_b - lo;
	if (rows > 0 && cols > 0 && (rows + 1) * (cols + 1) <= MAX_PAIRS) {
		/* lcs[i][j]: the longest common run of a[lo+i..] and b[lo+j..]. */
		if ((lcs = calloc((rows + 1) * (cols + 1), sizeof(*lcs))) == NULL)
			goto out;
#define L(i, j) lcs[(i) * (cols + 1) + (j)]
		for (i = rows; i-- > 0; )
			for (j = cols; j-- > 0; )
				L(i, j) = same_token(old, &a[lo + i], new, &b[lo + j]) ?
				    L(i + 1, j + 1) + 1 : L(i + 1, j) >= L(i, j + 1) ?
				    L(i + 1, j) : L(i, j + 1);
		i = j = 0;
		while (i < rows && j < cols) {
			if (same_token(old, &a[lo + i], new, &b[lo + j])) {
				/* what came before this token changed */
				emit(&e, 1, a[lo + i].start, b[lo + j].start);
				emit(&e, 0, a[lo + i].start + a[lo + i].len,
				    b[lo + j].start + b[lo + j].len);
				i++, j++;
			} else if (L(i + 1, j) >= L(i, j + 1))
				i++;
			else
				j++;
		}
#undef L
	}
	/* The rest of the middle changed; the common ending did not. */
	emit(&e, 1, hi_a < na ? a[hi_a].start : strlen(old),
	    hi_b < nb ? b[hi_b].start : strlen(new));
	emit(&e, 0, strlen(old), strlen(new));
	join_changes(&e, new);
	*ops = e.ops;
	*count = e.count;
	e.ops = NULL;
	rc = 0;
out:
	free(a);
	free(b);
	free(lcs);
	free(e.ops);
	return rc;
}
