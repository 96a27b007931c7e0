/*
 * What each figure cell of a table shows, so that printed columns add up.
 *
 * A table's rows may declare sums (sum="a b -c"). Under the company's
 * `allocate` policy for the table's kind, every sum's printed parts add up
 * exactly to its printed total: the total is shown as rounded on its own
 * (or as recorded), and its parts are allocated by largest remainder
 * (allocate.h). Under `totals`, every row that is a sum (subtotals too)
 * is shown as rounded on its own and only the leaf items, parts that are
 * no sum themselves, are allocated. Under `independent`, each cell is
 * rounded on its own and a total may be a unit off its printed parts.
 * Either way a release may
 * record that it shows a cell one display unit off its own rounding
 * (struct display_adjustment); such a cell is fixed before anything is
 * allocated. A later release that prints the same cell (table, row,
 * column kind, quarter) carries the latest earlier adjustment of it as
 * long as the cell's exact figure is still the one it was made against,
 * unless it records its own.
 *
 * The order is fixed, so the result depends on the figures alone:
 *  1. recorded cells, and cells exact at the printed precision (100.0%,
 *     an amount recorded in the unit shown), keep their figure;
 *  2. a row that is part of no sum is rounded on its own, and under
 *     `totals` so is every row that is a sum;
 *  3. sums are taken in row order, over and over until none is left: a
 *     sum whose total is shown gives its parts not yet shown what is left
 *     of the total after the parts already shown.
 * Sums work in arithmetic signs; a reversed row only prints the opposite.
 */
#ifndef KESSAN_FOOTING_H
#define KESSAN_FOOTING_H

#include <stddef.h>
#include <stdint.h>

#include "../load/template.h"
#include "../model/book.h"
#include "../util/diag.h"

struct footing_cell {
	int governed;     /* a value, share or USD cell showing a figure */
	int absent;       /* the item does not exist in that quarter */
	int decimals;
	int64_t units;    /* shown, in 10^-decimals display units, arithmetic
	                     sign (a reversed row prints -units) */
	int64_t own;      /* the figure rounded on its own */
	struct rat exact; /* full precision, display units, arithmetic sign */
	const struct display_adjustment *adjustment;  /* recorded, or NULL */
	const struct period *adjusted_in;  /* the release recording it: this
	                                      one, or an earlier (carried) */
	/* An earlier release's adjustment of this cell that no longer
	 * applies: the exact figure it was made against has changed. */
	const struct display_adjustment *lapsed;
	const struct period *lapsed_in;
	struct rat lapsed_exact;  /* the figure it was made against */
	int foots;        /* a sum row: its shown parts add up to it */
};

struct table_footing {
	int allocate;            /* the policy applied (enum footing_policy):
	                            not 0 when the table foots */
	size_t nrows, ncolumns;
	struct footing_cell *cells;   /* nrows * ncolumns, row by row */
	size_t sums;             /* sum cells with every part shown */
	size_t unfooted;         /* … whose parts do not add up to them */
	int out_of_memory;       /* the cells cannot be trusted */
};

/* Whether the company allocates in tables of this kind (NULL: none). */
int footing_allocates(const struct book *book, const struct period *release,
    const char *kind);

/*
 * Works out table t as the release of quarter `release` shows it. Cells
 * whose figure cannot be evaluated (a missing quarter: the document
 * builder reports those) are left ungoverned. Problems go to diags at
 * `level`, at the file and line that made them: an adjustment naming no
 * cell, one more than a unit off, parts that cannot make their total, and
 * (allocate) a total that does not foot. Returns 0, or -1 when any was
 * found or memory ran out; *out is usable either way until footing_free.
 */
int footing_compute(const struct tpl_table *t, const struct book *book,
    const struct period *release, enum diag_level level,
    struct table_footing *out, struct diag_list *diags);

/* The same, noting in deps (not NULL) what it reads of the book's
 * quarters for the build (figure.h). */
struct build_deps;
int footing_compute_deps(const struct tpl_table *t, const struct book *book,
    const struct period *release, enum diag_level level,
    struct table_footing *out, struct diag_list *diags,
    struct build_deps *deps);

/*
 * Whether stated change s is what column c prints for row, in the release
 * of quarter `release`: the row's value is s's fact, and c is its change
 * in that release against s's base quarter.
 */
int footing_stated_applies(const struct stated_change *s,
    const struct tpl_row *row, const struct tpl_column *c, int release);

const struct footing_cell *footing_at(const struct table_footing *f,
    size_t row, size_t column);

void footing_free(struct table_footing *f);

struct number_formatter;

/* A cell's units as printed, for a diagnostic: "114.5", "-14.5"; "?" when
 * they do not fit. `reversed` prints the opposite sign. */
const char *footing_units_text(struct number_formatter *numbers,
    int64_t units, int decimals, int reversed, char *buf, size_t size);

/* The column kind an adjustment names, as written ("share"). */
const char *footing_column_name(enum shown_column column);

#endif
