#include "footing.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/expr.h"
#include "allocate.h"
#include "figure.h"
#include "../util/number.h"

static const char *const column_names[SHOWN_COLUMN_MAX] = {
	"value", "share", "usd"
};

const char *
footing_column_name(enum shown_column column)
{
	return column < SHOWN_COLUMN_MAX ? column_names[column] : "?";
}

int
footing_allocates(const struct book *book, const struct period *release,
    const char *kind)
{
	const struct company *c = period_company(book, release);
	int by_default = 0;
	size_t i;

	for (i = 0; i < c->nfooting; i++) {
		if (c->footing[i].kind == NULL)
			by_default = c->footing[i].allocate;
	}
	for (i = 0; kind != NULL && i < c->nfooting; i++)
		if (c->footing[i].kind != NULL &&
		    strcmp(c->footing[i].kind, kind) == 0)
			return c->footing[i].allocate;
	return by_default;
}

/* One column being worked out. */
struct work {
	const struct tpl_table *t;
	const struct book *book;
	const struct period *release;
	enum diag_level level;
	struct diag_list *diags;
	struct table_footing *f;
	size_t column;
	unsigned char *decided;    /* per row */
	unsigned char *is_part;    /* per row: a part of some sum */
	struct number_formatter *numbers;
	struct build_deps *deps;   /* what is read, for the build; or NULL */
	int failed;
};

static struct footing_cell *
cell(struct work *w, size_t row)
{
	return &w->f->cells[row * w->f->ncolumns + w->column];
}

static void
report(struct work *w, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void
report(struct work *w, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	w->failed = 1;
	if (w->diags == NULL)
		return;
	va_start(ap, fmt);
	diag_addv(w->diags, w->level, file, line, fmt, ap);
	va_end(ap);
}

const char *
footing_units_text(struct number_formatter *numbers, int64_t units,
    int decimals, int reversed, char *buf, size_t size)
{
	struct rat v;

	if (rat_scale10(rat_int(reversed ? -units : units), -decimals, &v) !=
	    RAT_OK || number_format_places(numbers, v, decimals, buf,
	    size) != 0)
		snprintf(buf, size, "?");
	return buf;
}

/* "share of 2003-q1" */
static const char *
column_text(struct work *w, char *buf, size_t size)
{
	const struct tpl_column *c = &w->t->columns[w->column];
	int year, quarter;
	char id[16];

	fiscal_from_ordinal(w->release->ordinal + c->period, &year, &quarter);
	period_id_format(year, quarter, id, sizeof(id));
	snprintf(buf, size, "%s of %s", c->kind == COLUMN_SHARE ? "share" :
	    c->kind == COLUMN_USD ? "usd" : "value", id);
	return buf;
}

struct presence {
	int present;
	struct build_deps *deps;
	int viewpoint;
};

static void
note_presence(void *arg, const struct lookup *found)
{
	struct presence *pr = arg;

	if (!found->absent)
		pr->present = 1;
}

static void
note_lookup(void *arg, const struct lookup *tried)
{
	struct presence *pr = arg;

	build_deps_read(pr->deps, tried->ordinal, pr->viewpoint, tried->fact);
}

static int
evaluate(struct work *w, const struct expr *e, const struct period *view,
    int ordinal, struct rat *value, int *absent)
{
	struct presence pr = { 0, w->deps, view->ordinal };
	struct eval_ctx ctx = figure_eval_context(w->book, ordinal,
	    view->ordinal);
	struct eval_result r;

	ctx.on_fact = note_presence;
	ctx.on_lookup = note_lookup;
	ctx.arg = &pr;

	if (expr_eval(e, &ctx, &r) != EVAL_OK)
		return -1;
	*value = r.value;
	if (absent != NULL)
		*absent = !pr.present;
	return 0;
}

/*
 * Row r's figure in the column for quarter `ordinal` as the release of
 * `view` prints it, in display units, into fc. *exact tells whether it is
 * exact at the printed precision (or absent): such a figure never moves.
 */
static void
figure_of(struct work *w, size_t r, const struct period *view, int ordinal,
    struct footing_cell *fc, int *exact)
{
	const struct tpl_table *t = w->t;
	const struct tpl_row *row = &t->rows[r];
	const struct tpl_column *c = &t->columns[w->column];
	unsigned flags = row->format == ROW_PERCENT ? FIGURE_RATIO : 0;
	struct rat v, total, units;
	int absent, amount = row->format == ROW_AMOUNT;

	*exact = 0;
	if (row->value == NULL || c->kind == COLUMN_CHANGE ||
	    (c->kind == COLUMN_SHARE && row->no_shares) ||
	    (c->kind == COLUMN_USD && row->no_usd) ||
	    evaluate(w, row->value, view, ordinal, &v, &absent) != 0)
		return;
	if (absent) {
		/* Printed blank or "-": it takes no unit of any sum. */
		fc->absent = 1;
		fc->exact = rat_int(0);
		*exact = 1;
		return;
	}
	fc->decimals = tpl_row_decimals(row);
	switch (c->kind) {
	case COLUMN_USD:
		if (!view->has_release ||
		    rat_div(v, view->convenience_rate, &v) != RAT_OK)
			return;
		/* fall through */
	case COLUMN_VALUE:
		if (amount && rat_scale10(v, -t->scale, &v) != RAT_OK)
			return;
		break;
	case COLUMN_SHARE:
		if (t->share_of == NULL ||
		    evaluate(w, t->share_of, view, ordinal, &total, NULL) != 0 ||
		    rat_div(v, total, &v) != RAT_OK ||
		    rat_mul(v, rat_int(100), &v) != RAT_OK)
			return;
		fc->decimals = 1;
		flags = FIGURE_RATIO;
		break;
	default:
		return;
	}
	if (figure_round_units(w->book, w->release, v, fc->decimals, flags,
	    &fc->own) != 0 ||
	    rat_scale10(v, fc->decimals, &units) != RAT_OK)
		return;
	fc->exact = v;
	fc->units = fc->own;
	fc->governed = 1;
	*exact = units.den == 1;
}

/* The figure of row r in the column, in display units; fills the cell. */
static void
measure(struct work *w, size_t r)
{
	int exact;

	figure_of(w, r, w->release, w->release->ordinal +
	    w->t->columns[w->column].period, cell(w, r), &exact);
	/* A figure exact at the printed precision is never moved. */
	if (exact)
		w->decided[r] = 1;
}

/* A cell that takes part in footing: shown, or absent (zero). */
static int
usable(struct work *w, size_t r)
{
	return cell(w, r)->governed || cell(w, r)->absent;
}

static enum shown_column
shown_kind(enum column_kind kind)
{
	return kind == COLUMN_SHARE ? SHOWN_SHARE :
	    kind == COLUMN_USD ? SHOWN_USD : SHOWN_VALUE;
}

/* Whether adjustment a names row r's cell in the column (quarter
 * `ordinal`), whatever release records it. */
static int
names_cell(struct work *w, const struct display_adjustment *a, size_t r,
    int ordinal)
{
	const struct tpl_column *c = &w->t->columns[w->column];

	return c->kind != COLUMN_CHANGE && shown_kind(c->kind) == a->column &&
	    a->ordinal == ordinal && w->t->rows[r].id != NULL &&
	    strcmp(a->table, w->t->id) == 0 &&
	    strcmp(a->row, w->t->rows[r].id) == 0;
}

/*
 * Pins row r's cell as adjustment a, recorded by the release of `from`
 * (this one, or an earlier one whose adjustment is carried), says;
 * returns 1 when a names the cell.
 */
static int
apply_adjustment(struct work *w, const struct display_adjustment *a,
    const struct period *from, size_t r)
{
	const struct tpl_column *c = &w->t->columns[w->column];
	const struct tpl_row *row = &w->t->rows[r];
	struct footing_cell *fc = cell(w, r);
	struct rat units;
	int64_t shown, gap;
	char where[64];

	if (!names_cell(w, a, r, w->release->ordinal + c->period))
		return 0;
	column_text(w, where, sizeof(where));
	if (!fc->governed) {
		report(w, from->file, a->line, "adjust: %s/%s shows no "
		    "figure in its %s column", w->t->id, a->row, where);
		return 1;
	}
	if (rat_scale10(a->shown, fc->decimals, &units) != RAT_OK ||
	    units.den != 1) {
		report(w, from->file, a->line, "adjust: %s/%s (%s) is "
		    "printed with %d decimal%s", w->t->id, a->row, where,
		    fc->decimals, fc->decimals == 1 ? "" : "s");
		return 1;
	}
	shown = row->reversed ? -units.num : units.num;
	gap = shown > fc->own ? shown - fc->own : fc->own - shown;
	if (gap > 1) {
		char text[64], own[64];
		report(w, from->file, a->line, "adjust: %s/%s (%s) shown "
		    "as %s is more than one unit from its own rounding %s%s%s",
		    w->t->id, a->row, where,
		    footing_units_text(w->numbers, shown, fc->decimals,
		    row->reversed, text, sizeof(text)),
		    footing_units_text(w->numbers, fc->own, fc->decimals,
		    row->reversed, own, sizeof(own)),
		    from != w->release ? " in the release of " : "",
		    from != w->release ? w->release->id : "");
		return 1;
	}
	fc->units = shown;
	fc->adjustment = a;
	fc->adjusted_in = from;
	w->decided[r] = 1;
	return 1;
}

/*
 * Carries an earlier release's adjustment of row r's cell into this one.
 * The latest release before this one that adjusts the cell (same table,
 * row, column kind and quarter) is the one that counts, and only while
 * the cell's exact figure is what that release adjusted: a restatement of
 * a fact under it (or another convenience rate) ends the carry, and the
 * cell prints its own figure again (recorded in lapsed for check). An
 * adjustment this release records for the cell wins over any carried.
 */
static void
carry_adjustment(struct work *w, size_t r)
{
	const struct period *release = w->release, *from = NULL;
	const struct display_adjustment *a = NULL;
	struct footing_cell *fc = cell(w, r), then;
	int ordinal = release->ordinal + w->t->columns[w->column].period;
	int o, exact;
	size_t k;

	if (fc->adjustment != NULL || !fc->governed)
		return;
	for (k = 0; k < release->nadjustments; k++)
		if (names_cell(w, &release->adjustments[k], r, ordinal))
			return;
	for (o = release->ordinal - 1; o >= ordinal && a == NULL; o--) {
		const struct period *p = book_period(w->book, o);
		/* whether o has a release, and its adjustments, are read */
		build_deps_read(w->deps, o, release->ordinal,
		    BUILD_READ_ADJUSTMENTS);
		if (p == NULL || !p->has_release)
			continue;
		for (k = 0; k < p->nadjustments && a == NULL; k++)
			if (names_cell(w, &p->adjustments[k], r, ordinal)) {
				a = &p->adjustments[k];
				from = p;
			}
	}
	if (a == NULL)
		return;
	/* its release's rate, date and policy are read: the whole file */
	build_deps_whole(w->deps, from->ordinal);
	memset(&then, 0, sizeof(then));
	figure_of(w, r, from, ordinal, &then, &exact);
	if (!then.governed || then.decimals != fc->decimals ||
	    rat_cmp(then.exact, fc->exact) != 0) {
		fc->lapsed = a;
		fc->lapsed_in = from;
		fc->lapsed_exact = then.governed ? then.exact : fc->exact;
		return;
	}
	(void)apply_adjustment(w, a, from, r);
}

/* Allocates the parts of row r's sum not yet shown; 1 if it did any. */
static int
allocate_sum(struct work *w, size_t r)
{
	const struct tpl_row *row = &w->t->rows[r];
	struct rat parts[TPL_MAX_SUM_PARTS];
	size_t index[TPL_MAX_SUM_PARTS], k, n = 0;
	int64_t out[TPL_MAX_SUM_PARTS], rest = cell(w, r)->units;
	enum allocate_status st;

	if (!cell(w, r)->governed || !w->decided[r] ||
	    row->nsum > TPL_MAX_SUM_PARTS)
		return 0;
	for (k = 0; k < row->nsum; k++) {
		size_t p = row->sum[k].row;
		int sign = row->sum[k].subtract ? -1 : 1;

		if (!usable(w, p) || (cell(w, p)->governed &&
		    cell(w, p)->decimals != cell(w, r)->decimals))
			return 0;
		if (w->decided[p]) {
			/* 18-digit figures: 64 of them can pass int64. */
			if (__builtin_sub_overflow(rest, sign * cell(w, p)->units,
			    &rest))
				return 0;
		} else {
			index[n] = p;
			parts[n++] = sign < 0 ? rat_neg(cell(w, p)->exact) :
			    cell(w, p)->exact;
		}
	}
	if (n == 0)
		return 0;
	st = allocate_to_units(parts, n, rest, cell(w, r)->decimals, out);
	if (st == ALLOCATE_NO_MEMORY) {
		w->f->out_of_memory = 1;
		report(w, w->t->file, row->line, "out of memory");
		return 0;
	}
	if (st != ALLOCATE_OK) {
		char where[64];
		report(w, w->t->file, row->line, "table %s: the parts of row %s "
		    "cannot add up to it (%s): they are more than a unit each "
		    "from what is left of it", w->t->id, row->id,
		    column_text(w, where, sizeof(where)));
		for (k = 0; k < n; k++)
			w->decided[index[k]] = 1;
		return 1;
	}
	for (k = 0; k < row->nsum; k++) {
		size_t j;
		for (j = 0; j < n; j++)
			if (index[j] == row->sum[k].row)
				cell(w, index[j])->units = row->sum[k].subtract ?
				    -out[j] : out[j];
	}
	for (k = 0; k < n; k++)
		w->decided[index[k]] = 1;
	return 1;
}

/* Whether row r's shown parts add up to it; counts it if every part shows. */
static void
verify_sum(struct work *w, size_t r)
{
	const struct tpl_row *row = &w->t->rows[r];
	struct footing_cell *fc = cell(w, r);
	int64_t sum = 0;
	size_t k;

	if (!fc->governed)
		return;
	for (k = 0; k < row->nsum; k++) {
		const struct footing_cell *p = cell(w, row->sum[k].row);
		if (!usable(w, row->sum[k].row) ||
		    (p->governed && p->decimals != fc->decimals))
			return;
		if (__builtin_add_overflow(sum, row->sum[k].subtract ? -p->units :
		    p->units, &sum))
			return;
	}
	w->f->sums++;
	fc->foots = sum == fc->units;
	if (fc->foots)
		return;
	w->f->unfooted++;
	if (w->f->allocate) {
		char total[64], parts[64], where[64];
		report(w, w->t->file, row->line, "table %s: row %s (%s) shows %s "
		    "but its parts add up to %s", w->t->id, row->id,
		    column_text(w, where, sizeof(where)),
		    footing_units_text(w->numbers, fc->units, fc->decimals,
		    row->reversed, total, sizeof(total)),
		    footing_units_text(w->numbers, sum, fc->decimals,
		    row->reversed, parts, sizeof(parts)));
	}
}

static void
work_column(struct work *w)
{
	const struct tpl_table *t = w->t;
	const struct period *p = w->release;
	size_t r, k;

	memset(w->decided, 0, t->nrows);
	for (r = 0; r < t->nrows; r++)
		measure(w, r);
	for (k = 0; k < p->nadjustments; k++) {
		const struct display_adjustment *a = &p->adjustments[k];
		for (r = 0; r < t->nrows; r++)
			if (strcmp(a->table, t->id) == 0 && t->rows[r].id != NULL &&
			    strcmp(a->row, t->rows[r].id) == 0)
				apply_adjustment(w, a, p, r);
	}
	for (r = 0; r < t->nrows; r++)
		carry_adjustment(w, r);
	if (w->f->allocate) {
		int progress;
		for (r = 0; r < t->nrows; r++)
			if (!w->is_part[r] ||
			    (w->f->allocate == FOOTING_TOTALS && t->rows[r].nsum > 0))
				w->decided[r] = 1;
		do {
			progress = 0;
			for (r = 0; r < t->nrows; r++)
				if (t->rows[r].nsum > 0 && allocate_sum(w, r))
					progress = 1;
		} while (progress);
	}
	for (r = 0; r < t->nrows; r++)
		if (t->rows[r].nsum > 0)
			verify_sum(w, r);
}

/* Reports adjustments of this table that name no row or no column. */
static void
unmatched_adjustments(struct work *w)
{
	const struct tpl_table *t = w->t;
	const struct period *p = w->release;
	size_t k, r, c;

	for (k = 0; k < p->nadjustments; k++) {
		const struct display_adjustment *a = &p->adjustments[k];
		int row_found = 0, column_found = 0;

		if (strcmp(a->table, t->id) != 0)
			continue;
		for (r = 0; r < t->nrows; r++)
			if (t->rows[r].id != NULL && strcmp(a->row, t->rows[r].id) == 0)
				row_found = 1;
		for (c = 0; c < t->ncolumns; c++)
			if (t->columns[c].kind != COLUMN_CHANGE &&
			    shown_kind(t->columns[c].kind) == a->column &&
			    p->ordinal + t->columns[c].period == a->ordinal)
				column_found = 1;
		for (r = 0; r < k; r++) {
			const struct display_adjustment *b = &p->adjustments[r];
			if (strcmp(a->table, b->table) == 0 &&
			    strcmp(a->row, b->row) == 0 && a->column == b->column &&
			    a->ordinal == b->ordinal) {
				report(w, p->file, a->line, "adjust: a second adjustment "
				    "of the same cell (the first is on line %d)", b->line);
				break;
			}
		}
		if (!row_found)
			report(w, p->file, a->line, "adjust: table %s has no row %s",
			    t->id, a->row);
		else if (!column_found) {
			int year, quarter;
			char id[16];
			fiscal_from_ordinal(a->ordinal, &year, &quarter);
			period_id_format(year, quarter, id, sizeof(id));
			report(w, p->file, a->line, "adjust: table %s has no %s "
			    "column for %s", t->id, footing_column_name(a->column),
			    id);
		}
	}
}

int
footing_compute(const struct tpl_table *t, const struct book *book,
    const struct period *release, enum diag_level level,
    struct table_footing *out, struct diag_list *diags)
{
	return footing_compute_deps(t, book, release, level, out, diags, NULL);
}

int
footing_compute_deps(const struct tpl_table *t, const struct book *book,
    const struct period *release, enum diag_level level,
    struct table_footing *out, struct diag_list *diags,
    struct build_deps *deps)
{
	struct work w;
	size_t r, k;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.deps = deps;
	w.t = t;
	w.book = book;
	w.release = release;
	w.level = level;
	w.diags = diags;
	w.f = out;
	out->allocate = footing_allocates(book, release, t->kind);
	out->nrows = t->nrows;
	out->ncolumns = t->ncolumns;
	if ((out->cells = calloc(t->nrows * t->ncolumns + 1,
	    sizeof(*out->cells))) == NULL ||
	    (w.decided = calloc(t->nrows + 1, 1)) == NULL ||
	    (w.is_part = calloc(t->nrows + 1, 1)) == NULL) {
		out->out_of_memory = 1;
		report(&w, t->file, t->line, "out of memory");
		goto out;
	}
	for (r = 0; r < t->nrows; r++)
		for (k = 0; k < t->rows[r].nsum; k++)
			w.is_part[t->rows[r].sum[k].row] = 1;
	/* Only diagnostics need one: render passes no list. */
	if (diags != NULL)
		w.numbers = number_formatter_open("en");
	unmatched_adjustments(&w);
	for (w.column = 0; w.column < t->ncolumns; w.column++)
		work_column(&w);
	number_formatter_close(w.numbers);
out:
	free(w.decided);
	free(w.is_part);
	return w.failed ? -1 : 0;
}

int
footing_stated_applies(const struct stated_change *s,
    const struct tpl_row *row, const struct tpl_column *c, int release)
{
	const struct expr *e = row->value;

	return e != NULL && e->kind == EXPR_FACT && e->u.ref.offset == 0 &&
	    e->u.ref.fact == s->fact && c->kind == COLUMN_CHANGE &&
	    c->period == 0 && release + c->base == s->against;
}

const struct footing_cell *
footing_at(const struct table_footing *f, size_t row, size_t column)
{
	if (f->cells == NULL || row >= f->nrows || column >= f->ncolumns)
		return NULL;
	return &f->cells[row * f->ncolumns + column];
}

void
footing_free(struct table_footing *f)
{
	if (f == NULL)
		return;
	free(f->cells);
	f->cells = NULL;
}
