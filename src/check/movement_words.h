/* Direction words an author writes next to a figure. */
#ifndef KESSAN_CHECK_MOVEMENT_WORDS_H
#define KESSAN_CHECK_MOVEMENT_WORDS_H

#include "../model/book.h"
#include "../util/diag.h"

/*
 * Warns, at the fact's line, when the direction word nearest an authored
 * figure (in `before` it, or for Japanese `after` it, to the sentence's
 * end) contradicts it: an amount that went the other way against both
 * the prior-year and the prior quarter, or a change printed without its
 * sign whose sign is the other way. Returns the number of warnings.
 */
int check_movement_words(const struct book *book, const struct period *period,
    enum lang lang, const struct run *fact, const char *before,
    const char *after, struct diag_list *diags);

#endif
