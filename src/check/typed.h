/* Numbers typed into authored text that a fact of the book holds. */
#ifndef KESSAN_CHECK_TYPED_H
#define KESSAN_CHECK_TYPED_H

#include "../model/book.h"
#include "../util/diag.h"

/*
 * Warns, at the period file's line, about each number of three or more
 * digits in a release's narratives (both languages; `only`: one period)
 * that equals a fact of that quarter, the prior quarter or the prior-year
 * quarter as printed. Returns the number of warnings.
 */
int check_typed_numbers(const struct book *book, const char *only,
    struct diag_list *diags);

#endif
