/*
 * Language parity: the English release and the Japanese summary of a
 * quarter say the same numbers. Each language's figures are read back
 * from their text, as a reader would, and must say the value they were
 * made from (a catalog's wording or a negative style cannot change a
 * digit or drop a sign unnoticed); and the tables both documents carry
 * must agree cell by cell, row and column by id.
 */
#ifndef KESSAN_PARITY_H
#define KESSAN_PARITY_H

#include <stddef.h>

#include "../doc/doc.h"
#include "../model/book.h"
#include "../util/diag.h"

struct parity_stats {
	size_t figures;      /* figures read back */
	size_t mismatches;   /* … that disagreed */
	size_t headings;     /* slots whose headings differ by language */
};

/* The checker of one run: its number readers and what it has counted. */
struct parity;

/* Returns a checker reporting into diags, or NULL after a fatal
 * diagnostic (ICU cannot read numbers, out of memory). */
struct parity *parity_new(struct diag_list *diags);

/*
 * Reads back every figure of doc, a release built by the caller for one
 * language. A mismatch is DIAG_ERROR at the template or period line that
 * made the figure.
 */
void parity_check_figures(struct parity *pc, const struct node *doc);

/* The tables the English and the Japanese documents of one quarter both
 * carry must agree cell by cell, row and column by id. */
void parity_check_tables(struct parity *pc, const struct node *en,
    const struct node *ja);

/* A slot both languages of period p fill must have the same headings:
 * as many, in the same order, at the same levels. A difference is
 * DIAG_ERROR at the Japanese slot's line, with a note at the English. */
void parity_check_headings(struct parity *pc, const struct period *p);

/* Adds what pc counted to stats (when not NULL) and frees pc. Returns 1
 * when a figure or a slot's headings disagreed, else 0. NULL is a no-op. */
int parity_free(struct parity *pc, struct parity_stats *stats);

#endif
