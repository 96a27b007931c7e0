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

#include "../render.h"
#include "../util/diag.h"

struct parity_stats {
	size_t figures;      /* figures read back */
	size_t mismatches;   /* … that disagreed */
};

/*
 * Checks every quarter of env's book that carries a release, or only the
 * one with id `only`. Mismatches are DIAG_ERROR at the template or period
 * line that made the figure; stats are added to. Returns 0 when clean, 1
 * when a figure disagrees, 2 when a document could not be built
 * (diagnostics say why).
 */
int check_parity(struct render_env *env, const struct book *book,
    const char *only, struct parity_stats *stats, struct diag_list *diags);

#endif
