#include "words.h"

#include "lcs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>

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
	bi = ubrk_open(UBRK_WORD, lang_code(lang), u, n, &status);
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

/* Two texts and their tokens, for lcs_align. */
struct texts {
	const char *old, *new;
	const struct span *a, *b;
};

static int
same_token(void *ctx, size_t i, size_t j)
{
	const struct texts *t = ctx;

	return t->a[i].len == t->b[j].len && memcmp(t->old + t->a[i].start,
	    t->new + t->b[j].start, t->a[i].len) == 0;
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
spans_diff(const char *old, const struct span *a, size_t na,
    const char *new, const struct span *b, size_t nb,
    struct word_op **ops, size_t *count)
{
	struct texts t = { old, new, a, b };
	struct lcs_pair *pairs = NULL;
	struct edit e = { NULL, 0, 0, 0 };
	size_t k, npairs;

	*ops = NULL;
	*count = 0;
	/* At most a change and a stretch per pair, and one more change. */
	if (lcs_align(na, nb, same_token, &t, &pairs, &npairs) != 0 ||
	    (e.ops = malloc((2 * npairs + 2) * sizeof(*e.ops))) == NULL) {
		free(pairs);
		return -1;
	}
	for (k = 0; k < npairs; k++) {
		const struct span *x = &a[pairs[k].old], *y = &b[pairs[k].new];

		emit(&e, 1, x->start, y->start);   /* what came before changed */
		emit(&e, 0, x->start + x->len, y->start + y->len);
	}
	emit(&e, 1, strlen(old), strlen(new));
	join_changes(&e, new);
	free(pairs);
	*ops = e.ops;
	*count = e.count;
	return 0;
}

int
words_diff(const char *old, const char *new, enum lang lang,
    struct word_op **ops, size_t *count)
{
	struct span *a = NULL, *b = NULL;
	size_t na, nb;
	int rc = -1;

	*ops = NULL;
	*count = 0;
	if (words_split(old, lang, &a, &na) == 0 &&
	    words_split(new, lang, &b, &nb) == 0)
		rc = spans_diff(old, a, na, new, b, nb, ops, count);
	free(a);
	free(b);
	return rc;
}
