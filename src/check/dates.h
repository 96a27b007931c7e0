/*
 * The dates of a release, against its quarter and each other: a release
 * dated before its quarter ends, a dateline far from the release date, a
 * convenience rate dated outside the quarter. Each is a warning at its
 * line, with the date expected: the dates are the author's, and a book
 * may have reasons (a release held back, a rate of another day).
 */
#ifndef KESSAN_DATES_H
#define KESSAN_DATES_H

#include "../model/book.h"
#include "../util/diag.h"

/* The most days a dateline may lie from the release date (time zones and
 * a release put out on both sides of the Pacific). */
#define DATELINE_MAX_DAYS 3

/* Checks the release of every quarter (or only `only`). Returns the
 * number of warnings added. */
int check_dates(const struct book *book, const char *only,
    struct diag_list *diags);

#endif
