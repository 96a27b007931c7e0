/*
 * What a translation must keep of its English pattern: the arguments it
 * uses and the keywords of its select arguments; and where a pattern's
 * simple arguments ({0}) sit, for exchange formats that protect them as
 * inline codes.
 */
#ifndef KESSAN_PATTERN_H
#define KESSAN_PATTERN_H

#include <stddef.h>

/* Arguments a pattern may number, as catalog.c allows. */
#define PATTERN_MAX_ARGS 16

struct pattern_shape {
	unsigned args;      /* bit N: {N} is used */
	unsigned selects;   /* bit N: {N, select, …} is used */
	/* per select argument: its keywords, sorted, space-separated */
	char keywords[PATTERN_MAX_ARGS][256];
};

/* The shape of pattern. 0, or -1 when it cannot be read (unbalanced
 * braces, an argument that is not a number, too many keywords). */
int pattern_shape(const char *pattern, struct pattern_shape *shape);

/*
 * Calls fn for each piece of pattern in order: text (arg -1) or a simple
 * argument {N} outside any quote or select (arg N), with the piece's
 * bytes. A pattern that cannot be read is all text.
 */
typedef void (*pattern_piece_fn)(void *ctx, const char *start, size_t len,
    int arg);
void pattern_pieces(const char *pattern, pattern_piece_fn fn, void *ctx);

#endif
