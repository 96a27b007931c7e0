#include "reach.h"

#include "../model/expr.h"

/* A year-to-date figure sums from the fiscal year's first quarter: at
 * most three before the one named. */
#define YTD_BACK 3

static void
widen(struct reach *r, int first, int last)
{
	if (first < r->first)
		r->first = first;
	if (last > r->last)
		r->last = last;
}

/*
 * Widens *r by what e reads when evaluated in any quarter of `at` (offsets
 * from the release). Only the constructs known here are bounded; anything
 * else returns -1 so that a new one cannot silently read past the window.
 */
static int
reach_expr(const struct expr *e, struct reach at, int cumulative,
    struct reach *r)
{
	size_t i;

	if (e == NULL)
		return 0;
	switch (e->kind) {
	case EXPR_NUMBER:
		return 0;
	case EXPR_FACT:
		/* Under a cumulative policy any flow may be summed year to date;
		 * restatements are read from quarters up to the release, which
		 * the window holds already. */
		widen(r, at.first + e->u.ref.offset - (cumulative ? YTD_BACK : 0),
		    at.last + e->u.ref.offset);
		return 0;
	case EXPR_NEG:
		return reach_expr(e->u.operand, at, cumulative, r);
	case EXPR_ADD:
	case EXPR_SUB:
	case EXPR_MUL:
	case EXPR_DIV:
		return reach_expr(e->u.binary.left, at, cumulative, r) != 0 ||
		    reach_expr(e->u.binary.right, at, cumulative, r) != 0 ? -1 : 0;
	case EXPR_CALL:
		break;
	default:
		return -1;
	}
	switch (e->u.call.func) {
	case FUNC_YTD:
		at.first -= YTD_BACK;
		break;
	case FUNC_SUM:
	case FUNC_RATIO:
	case FUNC_PCT_CHANGE:
	case FUNC_SHARE:
	case FUNC_USD:
	case FUNC_ROUND:
	case FUNC_EITHER:
	case FUNC_ABS:
	case FUNC_GROWTH:
	case FUNC_RATE:   /* the release's own rate */
		break;
	default:
		return -1;
	}
	for (i = 0; i < e->u.call.nargs; i++)
		if (reach_expr(e->u.call.args[i], at, cumulative, r) != 0)
			return -1;
	return 0;
}

static int
reach_value(const struct value_ref *v, struct reach at, int cumulative,
    struct reach *r)
{
	return reach_expr(v->value, at, cumulative, r) != 0 ||
	    reach_expr(v->base, at, cumulative, r) != 0 ||
	    reach_expr(v->base2, at, cumulative, r) != 0 ? -1 : 0;
}

/* A message's values and period labels, read in any quarter of `at`. */
static int
reach_message(const struct tpl_message *m, struct reach at, int cumulative,
    struct reach *r)
{
	size_t i;

	for (i = 0; i < m->nargs; i++) {
		const struct tpl_arg *a = &m->args[i];
		/* A label reads no fact, but costs nothing to include. */
		if (a->source == ARG_PERIOD)
			widen(r, at.first + a->period.offset,
			    at.last + a->period.offset);
		else if (a->source == ARG_VALUE &&
		    reach_value(&a->value, at, cumulative, r) != 0)
			return -1;
	}
	return 0;
}

static int
reach_blocks(const struct tpl_block *blocks, size_t n, int cumulative,
    struct reach *r)
{
	struct reach release = { 0, 0 };
	size_t i;

	/* Tables and charts are read through set->tables, narrative slots
	 * through the period, includes through their own template. */
	for (i = 0; i < n; i++)
		if (reach_message(&blocks[i].message, release, cumulative, r) != 0 ||
		    reach_blocks(blocks[i].children, blocks[i].nchildren,
		    cumulative, r) != 0)
			return -1;
	return 0;
}

static int
reach_table(const struct tpl_table *t, int cumulative, struct reach *r)
{
	struct reach at = { 0, 0 };
	size_t i, k;

	/* Every figure of the table is read in one of its columns' quarters
	 * (or the release's): their span bounds them all. */
	for (i = 0; i < t->ncolumns; i++) {
		widen(&at, t->columns[i].period, t->columns[i].period);
		if (t->columns[i].kind == COLUMN_CHANGE)
			widen(&at, t->columns[i].base, t->columns[i].base);
	}
	for (i = 0; i < t->nheader_rows; i++)
		for (k = 0; k < t->nheaders[i]; k++)
			widen(&at, t->headers[i][k].period, t->headers[i][k].period);
	widen(r, at.first, at.last);
	if (reach_expr(t->share_of, at, cumulative, r) != 0)
		return -1;
	for (i = 0; i < t->nrows; i++) {
		if (reach_expr(t->rows[i].value, at, cumulative, r) != 0)
			return -1;
		for (k = 0; k < t->rows[i].nnotes; k++)
			if (reach_message(&t->rows[i].notes[k], at, cumulative, r) != 0)
				return -1;
	}
	return 0;
}

int
reach_templates(const struct template_set *set, int cumulative,
    struct reach *r)
{
	size_t i;

	for (i = 0; i < set->ntables; i++)
		if (reach_table(&set->tables[i], cumulative, r) != 0)
			return -1;
	for (i = 0; i < set->ntemplates; i++)
		if (reach_blocks(set->templates[i].blocks, set->templates[i].nblocks,
		    cumulative, r) != 0)
			return -1;
	return 0;
}

static int
reach_run(const struct run *run, int cumulative, struct reach *r)
{
	struct reach release = { 0, 0 };
	size_t i;

	if (run->kind == RUN_PERIOD)
		widen(r, run->period.offset, run->period.offset);
	if (run->kind == RUN_FACT &&
	    reach_value(&run->value, release, cumulative, r) != 0)
		return -1;
	for (i = 0; i < run->nchildren; i++)
		if (reach_run(&run->children[i], cumulative, r) != 0)
			return -1;
	return 0;
}

int
reach_period(const struct period *p, int cumulative, struct reach *r)
{
	const struct narrative *n;
	size_t i, j, k;
	int l;

	for (l = 0; l < LANG_MAX; l++) {
		n = &p->narrative[l];
		for (i = 0; i < n->nslots; i++)
			for (j = 0; j < n->slots[i].nblocks; j++)
				for (k = 0; k < n->slots[i].blocks[j].nitems; k++)
					if (reach_run(&n->slots[i].blocks[j].items[k],
					    cumulative, r) != 0)
						return -1;
		for (i = 0; i < n->nnotes; i++)
			if (reach_run(&n->notes[i].content, cumulative, r) != 0)
				return -1;
	}
	/* Stated changes and display adjustments name quarters by ordinal. */
	for (i = 0; i < p->nstated; i++)
		widen(r, p->stated[i].against - p->ordinal,
		    p->stated[i].against - p->ordinal);
	for (i = 0; i < p->nadjustments; i++)
		widen(r, p->adjustments[i].ordinal - p->ordinal,
		    p->adjustments[i].ordinal - p->ordinal);
	return 0;
}
