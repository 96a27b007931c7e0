/*
 * A table's figures: one per row and column, each as the release prints
 * it. Value, USD and share columns take what the table's footing decided;
 * change columns take a change the release states, the company's policy
 * for items that vanished or changed sign, or the exact change rounded.
 */
#include "figure.h"

#include <stdlib.h>
#include <string.h>

/* A per-cent or ratio figure at one decimal; 0, or -1 (reported). */
static int
ratio_figure(struct figure_env *env, struct rat value, int percent, int line,
    struct figure *f)
{
	f->decimals = 1;
	f->flags |= FIGURE_RATIO | (percent ? FIGURE_PERCENT : 0);
	if (figure_print(env->book, env->release, f, value) != 0) {
		figure_error(env, line, "cannot format a figure (too large?)");
		return -1;
	}
	return 0;
}

/* A figure footing decided, as ref would print it; 0 or -1 (reported). */
static int
footed_figure(struct figure_env *env, const struct tpl_table *t,
    const struct tpl_row *row, const struct footing_cell *fc,
    const struct value_ref *ref, int scaled, struct figure *f)
{
	struct rat v;

	if (rat_scale10(rat_int(row->reversed ? -fc->units : fc->units),
	    -fc->decimals, &v) != RAT_OK ||
	    (scaled && row->format == ROW_AMOUNT &&
	    rat_scale10(v, t->scale, &v) != RAT_OK)) {
		figure_error(env, row->line, "cannot format a figure (too large?)");
		return -1;
	}
	if (figure_decide(env, v, EVAL_OK, ref, row->line, f) != 0)
		return -1;
	/* The record keeps the exact figure; the sign printed is the footed
	 * one's (a footed zero is no "△0"). */
	f->exact = row->reversed ? rat_neg(fc->exact) : fc->exact;
	f->adjustment = fc->adjustment;
	if (fc->units != fc->own)
		f->flags |= FIGURE_FOOTED;
	return 0;
}

/* The change the release states for this cell, or NULL. */
static const struct stated_change *
stated_change(const struct period *p, const struct tpl_row *row,
    const struct tpl_column *c)
{
	size_t k;

	for (k = 0; k < p->nstated; k++)
		if (footing_stated_applies(&p->stated[k], row, c, p->ordinal))
			return &p->stated[k];
	return NULL;
}

/* The change column of a row: value (status st) against its base. */
static void
change_figure(struct figure_env *env, const struct tpl_row *row,
    const struct tpl_column *c, struct rat value, enum eval_status st,
    int absent, int percent, struct figure *f)
{
	const struct company *company = period_company(env->book,
	    env->release);
	const struct stated_change *stated;
	struct rat base, diff, change;
	enum eval_status bst;
	int base_absent, meaningful;

	bst = figure_evaluate(env, row->value, c->base, row->line, &base,
	    &base_absent, f);
	if (bst == EVAL_MISSING || (bst != EVAL_OK && bst != EVAL_NOT_MEANINGFUL &&
	    bst != EVAL_DIV_ZERO) || (absent && base_absent))
		return;
	if (row->reversed)
		base = rat_neg(base);
	f->compares = 1;
	f->now = value;
	f->then = base;
	if (st != EVAL_OK || bst != EVAL_OK) {
		f->state = FIGURE_NOT_MEANINGFUL;
		f->movement = MOVE_NOT_MEANINGFUL;
		return;
	}
	if (absent && !base_absent) {
		switch (company->vanished) {
		case VANISHED_BLANK:
			return;
		case VANISHED_NOT_MEANINGFUL:
			f->state = FIGURE_NOT_MEANINGFUL;
			return;
		case VANISHED_ZERO:
			(void)ratio_figure(env, rat_int(0), percent, row->line, f);
			return;
		default:
			break;
		}
	}
	if ((stated = stated_change(env->release, row, c)) != NULL) {
		f->stated = stated;
		(void)ratio_figure(env, stated->shown, percent, row->line, f);
		return;
	}
	meaningful = !rat_is_zero(base) &&
	    !(company->not_meaningful == NM_NOT_MEANINGFUL &&
	    (rat_sign(base) < 0 || rat_sign(value) * rat_sign(base) < 0));
	if (!meaningful) {
		f->state = FIGURE_NOT_MEANINGFUL;
		return;
	}
	if (rat_sub(value, base, &diff) != RAT_OK ||
	    rat_div(diff, base, &change) != RAT_OK ||
	    rat_mul(change, rat_int(100), &change) != RAT_OK) {
		figure_error(env, row->line, "a change overflows");
		return;
	}
	(void)ratio_figure(env, change, percent, row->line, f);
}

static enum value_format
row_value_format(enum row_format format)
{
	switch (format) {
	case ROW_COUNT:
		return VALUE_COUNT;
	case ROW_PER_SHARE:
		return VALUE_PER_SHARE;
	case ROW_PERCENT:
		return VALUE_PERCENT;
	case ROW_BANDWIDTH:
		return VALUE_BANDWIDTH;
	default:
		return VALUE_AMOUNT;
	}
}

/* One figure cell; fc is what footing decided, or NULL. */
static void
cell_figure(struct figure_env *env, const struct tpl_table *t,
    const struct tpl_row *row, const struct tpl_column *c,
    const struct footing_cell *fc, struct figure *f)
{
	struct value_ref ref = { .value = NULL,
	    .format = row_value_format(row->format),
	    .decimals = tpl_row_decimals(row), .scale = t->scale };
	const struct period *release = env->release;
	struct rat value, total;
	enum eval_status st, tst;
	int absent, percent = t->percent_all || row->mark;

	memset(f, 0, sizeof(*f));
	if ((c->kind == COLUMN_CHANGE && row->no_changes) ||
	    (c->kind == COLUMN_SHARE && row->no_shares) ||
	    (c->kind == COLUMN_USD && row->no_usd))
		return;
	st = figure_evaluate(env, row->value, c->period, row->line, &value,
	    &absent, f);
	if (st == EVAL_MISSING || (st != EVAL_OK && st != EVAL_NOT_MEANINGFUL &&
	    st != EVAL_DIV_ZERO))
		return;
	if (row->reversed)
		value = rat_neg(value);
	if (fc != NULL && !fc->governed)
		fc = NULL;
	switch (c->kind) {
	case COLUMN_VALUE:
		if (absent) {
			f->state = FIGURE_ABSENT;
			return;
		}
		if (fc != NULL)
			(void)footed_figure(env, t, row, fc, &ref, 1, f);
		else
			(void)figure_decide(env, value, st, &ref, row->line, f);
		/* A ratio row of a table without per-cent signs. */
		if (ref.format == VALUE_PERCENT && !percent)
			f->flags &= ~FIGURE_PERCENT;
		return;
	case COLUMN_USD:
		if (absent) {
			f->state = FIGURE_ABSENT;
			return;
		}
		if (fc != NULL)
			(void)footed_figure(env, t, row, fc, &ref, 1, f);
		else if (st != EVAL_OK)
			(void)figure_decide(env, value, st, &ref, row->line, f);
		else if (!release->has_release)
			figure_error(env, row->line, "no convenience rate for %s",
			    release->id);
		else if (rat_div(value, release->convenience_rate, &value) !=
		    RAT_OK)
			figure_error(env, row->line, "cannot format a figure "
			    "(too large?)");
		else
			(void)figure_decide(env, value, EVAL_OK, &ref, row->line, f);
		f->flags |= FIGURE_USD;
		return;
	case COLUMN_SHARE:
		if (absent)
			return;
		if (fc != NULL) {
			struct value_ref share = { .format = VALUE_PERCENT,
			    .decimals = 1 };
			(void)footed_figure(env, t, row, fc, &share, 0, f);
			if (!percent)
				f->flags &= ~FIGURE_PERCENT;
			return;
		}
		tst = st == EVAL_OK ? figure_evaluate(env, t->share_of, c->period,
		    row->line, &total, NULL, NULL) : st;
		if (tst == EVAL_OK && rat_is_zero(total)) {
			/* A share of nothing: a quarter without revenues. */
			f->state = FIGURE_NOT_MEANINGFUL;
			return;
		}
		if (tst != EVAL_OK || rat_div(value, total, &value) != RAT_OK ||
		    rat_mul(value, rat_int(100), &value) != RAT_OK) {
			figure_error(env, row->line, "cannot compute a share of the "
			    "table's total");
			return;
		}
		(void)ratio_figure(env, value, percent, row->line, f);
		return;
	case COLUMN_CHANGE:
		change_figure(env, row, c, value, st, absent, percent, f);
		if (f->state == FIGURE_VALUE)
			f->movement = f->sign > 0 ? MOVE_INCREASE :
			    f->sign < 0 ? MOVE_DECREASE : MOVE_UNCHANGED;
		return;
	}
}

int
figure_table_open(struct figure_env *env, const struct tpl_table *t,
    int line, struct figure_grid *out)
{
	memset(out, 0, sizeof(*out));
	out->table = t;
	out->nrows = t->nrows;
	out->ncolumns = t->ncolumns;
	if ((out->cells = calloc(t->nrows * t->ncolumns + 1,
	    sizeof(*out->cells))) == NULL) {
		figure_error(env, line, "out of memory");
		return -1;
	}
	/* A table that does not foot as recorded still renders (a draft
	 * may be mid-edit); kessan check is what reports it. */
	(void)footing_compute_deps(t, env->book, env->release, DIAG_NOTE,
	    &out->footing, NULL, env->deps);
	if (out->footing.out_of_memory) {
		figure_error(env, line, "out of memory");
		return -1;
	}
	return 0;
}

int
figure_table_row(struct figure_env *env, struct figure_grid *g, size_t r)
{
	const struct tpl_table *t = g->table;
	const char *file = env->file;
	int failed = env->failed;
	size_t c;

	if (g->cells == NULL || r >= g->nrows || t->rows[r].value == NULL)
		return 0;
	env->file = t->file;
	env->failed = 0;
	for (c = 0; c < t->ncolumns; c++)
		cell_figure(env, t, &t->rows[r], &t->columns[c],
		    footing_at(&g->footing, r, c), &g->cells[r * g->ncolumns + c]);
	env->file = file;
	if (env->failed)
		return -1;
	env->failed = failed;
	return 0;
}

int
figure_table(struct figure_env *env, const struct tpl_table *t, int line,
    struct figure_grid *out)
{
	int rc = figure_table_open(env, t, line, out);
	size_t r;

	for (r = 0; rc == 0 && r < t->nrows; r++)
		if (figure_table_row(env, out, r) != 0)
			rc = -1;
	return rc;
}

const struct figure *
figure_at(const struct figure_grid *g, size_t row, size_t column)
{
	if (g->cells == NULL || row >= g->nrows || column >= g->ncolumns)
		return NULL;
	return &g->cells[row * g->ncolumns + column];
}

void
figure_grid_free(struct figure_grid *g)
{
	if (g == NULL)
		return;
	free(g->cells);
	g->cells = NULL;
	footing_free(&g->footing);
}
