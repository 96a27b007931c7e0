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

/*
 * Says which quarters around `release` its render reads, as offsets
 * *first <= 0 <= *last, from the book's company and accounts (no period
 * is loaded yet but the release's own). Returns 0, or -1 when it cannot
 * tell.
 */
typedef int (*book_reach_fn)(void *arg, const struct book *book,
    const struct period *release, int *first, int *last);

/*
 * The book as a render of one quarter needs it: company.xml, accounts.xml,
 * the quarter's file, and only those other period files that reach() puts
 * within the release's reach; the rest are not opened. The quarter is
 * `period`, or with period_file (a draft, as book_load_draft) the
 * draft's. When reach() cannot tell, or the quarter's own file has
 * anything to report, or period is NULL, the whole book loads as
 * book_load_draft does.
 */
struct book *book_load_release(const char *dir, const char *period,
    const char *period_file, book_reach_fn reach, void *arg,
    struct diag_list *diags);

#endif
