#include "sentences.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

static int
is_marker_char(UChar c)
{
	return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 ||
	    (c >= 0x2070 && c <= 0x2079) || c == '*' || (c >= '0' && c <= '9');
}

/* Whether u[start..end) ends with one of the words in list. */
static int
ends_with_word(const UChar *u, int32_t start, int32_t end, const char *list)
{
	const char *w, *next;

	while (end > start && u[end - 1] == ' ')
		end--;
	for (w = list; w != NULL && *w != '\0'; w = next) {
		int32_t len, i;

		while (*w == ' ')
			w++;
		next = strchr(w, ' ');
		len = next != NULL ? (int32_t)(next - w) : (int32_t)strlen(w);
		if (len == 0 || len > end - start)
			continue;
		/* The words are ASCII; compare them unit by unit. */
		for (i = 0; i < len && u[end - len + i] == (UChar)w[i]; i++)
			;
		if (i == len && (end - len == start || u[end - len - 1] == ' '))
			return 1;
	}
	return 0;
}

/*
 * Whether the segment u[start..end) that ICU found after a sentence break
 * really continues the sentence before it (which began at `from`).
 */
static int
continues_sentence(const char *no_break_after, const UChar *u, int32_t from,
    int32_t start, int32_t end, enum lang lang)
{
	int32_t i = start;
	int markers = 1;

	if (ends_with_word(u, from, start, no_break_after))
		return 1;
	while (i < end && (u[i] == ' ' || u[i] == 0x3000))
		i++;
	if (i == end)
		return 1;
	if (lang == LANG_EN && (u[i] == '(' || (u[i] >= 'a' && u[i] <= 'z')))
		return 1;
	for (; i < end; i++)
		if (!is_marker_char(u[i]) && u[i] != ' ')
			markers = 0;
	return markers;
}

void
sentence_breakers_close(struct sentence_breakers *b)
{
	int i;

	for (i = 0; i < LANG_MAX; i++) {
		if (b->bi[i] != NULL)
			ubrk_close(b->bi[i]);
		b->bi[i] = NULL;
	}
}

int
sentences_split(const char *text, enum lang lang, const char *no_break_after,
    struct span **spans, size_t *count)
{
	struct sentence_breakers b = { { NULL } };
	int rc = sentences_split_with(&b, text, lang, no_break_after, spans,
	    count);

	sentence_breakers_close(&b);
	return rc;
}

int
sentences_split_with(struct sentence_breakers *b, const char *text,
    enum lang lang, const char *no_break_after, struct span **spans,
    size_t *count)
{
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi;
	UChar *u = NULL;
	struct span *out = NULL;
	size_t n_out = 0, bytes = 0;
	int32_t n = 0, start, end;
	int rc = -1;

	*spans = NULL;
	*count = 0;
	u_strFromUTF8(NULL, 0, &n, text, -1, &status);
	status = U_ZERO_ERROR;
	/* At most one sentence per UTF-16 unit, and one for empty text. */
	if ((u = malloc(((size_t)n + 1) * sizeof(UChar))) == NULL ||
	    (out = malloc(((size_t)n + 1) * sizeof(*out))) == NULL)
		goto out;
	u_strFromUTF8(u, n + 1, NULL, text, -1, &status);
	/* Opening a breaker costs far more than splitting a paragraph. */
	if (b->bi[lang] == NULL)
		b->bi[lang] = ubrk_open(UBRK_SENTENCE, lang == LANG_JA ? "ja" :
		    "en@ss=standard", NULL, 0, &status);
	if (U_FAILURE(status))
		goto out;
	bi = b->bi[lang];
	ubrk_setText(bi, u, n, &status);
	if (U_FAILURE(status))
		goto out;
	start = ubrk_first(bi);
	for (end = ubrk_next(bi); end != UBRK_DONE; start = end,
	    end = ubrk_next(bi)) {
		int32_t len = 0, next;
		/* Extend the sentence over segments that continue it. */
		while ((next = ubrk_following(bi, end)) != UBRK_DONE &&
		    continues_sentence(no_break_after, u, start, end, next, lang))
			end = next;
		ubrk_isBoundary(bi, end);   /* leave the iterator at end */
		/* A marker that opens the next segment belongs to this one. */
		while (end < n && u[end] != '*' && is_marker_char(u[end]) &&
		    !(u[end] >= '0' && u[end] <= '9'))
			end++;
		u_strToUTF8(NULL, 0, &len, u + start, end - start, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR)
			status = U_ZERO_ERROR;
		if (U_FAILURE(status))
			break;
		out[n_out].start = bytes;
		out[n_out].len = (size_t)len;
		bytes += (size_t)len;
		n_out++;
	}
	if (U_FAILURE(status))
		goto out;
	if (n_out == 0) {
		out[0].start = 0;
		out[0].len = strlen(text);
		n_out = 1;
	}
	*spans = out;
	*count = n_out;
	out = NULL;
	rc = 0;
out:
	free(u);
	free(out);
	return rc;
}
