/*
 * `kessan check`: tie-outs and release prerequisites over a loaded book.
 * A phase of its own: it reads the model and reports, it renders nothing.
 */
#ifndef KESSAN_CHECK_H
#define KESSAN_CHECK_H

#include <stddef.h>

#include "../model/book.h"
#include "../util/diag.h"

struct check_stats {
	size_t periods;          /* periods checked */
	size_t passed;           /* identity × period checks that held */
	size_t failed;           /* … that did not */
	size_t not_applicable;   /* … skipped: facts not recorded there */
	size_t derived;          /* … that derived a fact the file leaves out */
	size_t unwritten;        /* values, rates, slots and footnotes left
	                            empty (kessan new) */
};

/*
 * Checks every period of book, or only the one with id `only` when not
 * NULL. Diagnostics go to diags: DIAG_ERROR for a failed tie-out,
 * DIAG_FATAL for input that cannot be checked (a missing comparative).
 * Returns 0 when clean, 1 when a check failed, 2 on bad input.
 */
/* Whether period p still has something to write (struct unwritten). */
int period_unwritten(const struct period *p);

int check_book(const struct book *book, const char *only,
    struct check_stats *stats, struct diag_list *diags);

#endif
