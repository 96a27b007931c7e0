/* Numbers typed into authored text that a fact of the book holds. */
#ifndef KESSAN_CHECK_TYPED_H
#define KESSAN_CHECK_TYPED_H

#include "../model/book.h"
#include "../util/diag.h"

/*
 * Warns, at line of the period file, about each number of three or more
 * digits in authored text of `period`'s narrative in lang that equals a
 * fact of that quarter, the prior quarter or the prior-year quarter as
 * printed. Returns the number of warnings.
 */
int check_typed_numbers(const struct book *book, const struct period *period,
    enum lang lang, const char *text, int line, struct diag_list *diags);

#endif
