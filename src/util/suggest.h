/*
 * "Did you mean": the known name closest to a misspelled one.
 *
 * Distance is the optimal-string-alignment Damerau-Levenshtein distance
 * (insertions, deletions, substitutions and transpositions of adjacent
 * bytes, each costing 1). A name is suggested only when it is close: at
 * most 2 edits, or at most a third of the misspelling's length.
 */
#ifndef KESSAN_SUGGEST_H
#define KESSAN_SUGGEST_H

#include <stddef.h>

/* The edit distance between a and b, or (size_t)-1 when memory ran out. */
size_t edit_distance(const char *a, const char *b);

/* Whether a distance between a word of length len and a candidate is close
 * enough to suggest the candidate. */
int suggest_close(size_t distance, size_t len);

/*
 * The closest of n candidates, name(ctx, i) giving the i-th (NULL entries
 * are skipped), that is close to word and differs from it; NULL when none
 * is. Ties go to the earliest candidate. Borrowed from the candidates.
 */
const char *suggest_closest(const char *word,
    const char *(*name)(const void *ctx, size_t i), const void *ctx, size_t n);

#endif
