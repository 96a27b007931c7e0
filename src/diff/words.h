/*
 * Word-level comparison of two versions of a sentence, with ICU's word
 * breaker: English splits at spaces and punctuation; Japanese is
 * segmented by ICU's dictionary, so a changed word is marked, not the
 * whole sentence; numbers ("8,675", "4.0") stay whole tokens.
 */
#ifndef KESSAN_WORDS_H
#define KESSAN_WORDS_H

#include <stddef.h>

#include "../doc/sentences.h"
#include "../util/lang.h"

/*
 * Splits UTF-8 text into ICU word-break segments (words, numbers, spaces
 * and punctuation each a token), covering it end to end. Sets *tokens
 * (malloc'd) and *count; returns 0, or -1 when out of memory or ICU fails.
 */
int words_split(const char *text, enum lang lang, struct span **tokens,
    size_t *count);

/* One step from the old text to the new: an unchanged stretch (the same
 * bytes at old and new) or a change (old replaced by new; either may be
 * empty). */
struct word_op {
	int changed;
	struct span old;
	struct span new;
};

/*
 * The shortest edit from old to new over their tokens (a longest common
 * subsequence), as alternating unchanged stretches and changes, covering
 * both texts end to end. Changes separated only by spaces are joined
 * ("[-rose 4.0%-]{+fell 3.0%+}"), as a proofreader reads them. Sets *ops
 * (malloc'd) and *count; returns 0, or -1 when out of memory or ICU fails.
 */
int words_diff(const char *old, const char *new, enum lang lang,
    struct word_op **ops, size_t *count);

/* The same over tokens already split (spans covering each text end to
 * end): sentences, for one. */
int spans_diff(const char *old, const struct span *a, size_t na,
    const char *new, const struct span *b, size_t nb,
    struct word_op **ops, size_t *count);

#endif
