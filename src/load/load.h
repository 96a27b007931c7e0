/* Loading a book folder (company.xml, accounts.xml, periods/) into memory. */
#ifndef KESSAN_LOAD_H
#define KESSAN_LOAD_H

#include "../model/book.h"
#include "../util/diag.h"

/*
 * Loads and validates the book in dir. Every problem found is added to
 * diags as a fatal "file:line" diagnostic; loading goes on where it can so
 * that one run reports as many as possible. Returns the book (free with
 * book_free) or NULL if anything was wrong.
 */
struct book *book_load(const char *dir, struct diag_list *diags);

/*
 * The same, with period_file (any name, anywhere) read in place of the
 * book's file for that quarter: a draft compared with `kessan diff`.
 */
struct book *book_load_draft(const char *dir, const char *period_file,
    struct diag_list *diags);

#endif
