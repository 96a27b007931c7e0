/*
 * Sentences of a run of text, as readers and proofreaders count them: the
 * text backend writes one a line, and the diff compares them one by one.
 */
#ifndef KESSAN_SENTENCES_H
#define KESSAN_SENTENCES_H

#include <stddef.h>

#include "../util/lang.h"

/* A byte range of a UTF-8 string. */
struct span {
	size_t start;
	size_t len;
};

/*
 * Splits UTF-8 text into sentences with ICU's sentence breaker for lang,
 * keeping together what it splits wrongly: a footnote marker alone
 * ("…2005.¹"), a word listed in no_break_after (space-separated, may be
 * NULL: "U.S. Inc."), and in English a segment starting with "(" or a
 * lower-case letter. The spans cover the text end to end, spaces
 * included. Sets *spans (malloc'd) and *count; returns 0, or -1 when out
 * of memory or ICU fails.
 */
int sentences_split(const char *text, enum lang lang,
    const char *no_break_after, struct span **spans, size_t *count);

/* ICU sentence breakers kept open across calls, one a language, opened on
 * first use. Zero-initialise; close with sentence_breakers_close. */
struct sentence_breakers {
	struct UBreakIterator *bi[LANG_MAX];
};

/* sentences_split with breakers reused from b. */
int sentences_split_with(struct sentence_breakers *b, const char *text,
    enum lang lang, const char *no_break_after, struct span **spans,
    size_t *count);
void sentence_breakers_close(struct sentence_breakers *b);

#endif
