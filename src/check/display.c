#include "display.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../figure/footing.h"
#include "../util/number.h"

struct displayer {
	const struct template_set *templates;
	const struct book *book;
	struct diag_list *diags;
	struct display_stats *stats;
	struct number_formatter *numbers;
	int failed;
};

/* A decimal for a diagnostic, through ICU: "114.5", "-14.449". */
static const char *
decimal_text(struct displayer *d, struct rat value, int places, char *buf,
    size_t size)
{
	if (number_format_places(d->numbers, value, places, buf, size) != 0)
		snprintf(buf, size, "?");
	return buf;
}

static const char *
quarter_id(int ordinal, char *buf, size_t size)
{
	int year, quarter;

	fiscal_from_ordinal(ordinal, &year, &quarter);
	period_id_format(year, quarter, buf, size);
	return buf;
}

/* Lists each recorded adjustment of table t once, with its arithmetic. */
static void
list_adjustments(struct displayer *d, const struct tpl_table *t,
    const struct period *p, const struct table_footing *f)
{
	size_t r, c, k;

	for (k = 0; k < p->nadjustments; k++) {
		const struct display_adjustment *a = &p->adjustments[k];
		const struct footing_cell *fc = NULL;

		for (r = 0; r < f->nrows && fc == NULL; r++)
			for (c = 0; c < f->ncolumns && fc == NULL; c++)
				if (footing_at(f, r, c)->adjustment == a)
					fc = footing_at(f, r, c);
		if (fc == NULL)
			continue;
		for (r = 0; r < t->nrows; r++)
			if (t->rows[r].id != NULL && strcmp(t->rows[r].id, a->row) == 0)
				break;
		d->stats->adjustments++;
		{
			char shown[64], own[64], exact[64], id[16];
			int reversed = r < t->nrows && t->rows[r].reversed;
			struct rat e = reversed ? rat_neg(fc->exact) : fc->exact;
			footing_units_text(d->numbers, fc->units, fc->decimals,
			    reversed, shown, sizeof(shown));
			footing_units_text(d->numbers, fc->own, fc->decimals,
			    reversed, own, sizeof(own));
			decimal_text(d, e, fc->decimals + 3, exact, sizeof(exact));
			quarter_id(a->ordinal, id, sizeof(id));
			if (fc->units == fc->own)
				diag_add(d->diags, DIAG_NOTE, p->file, a->line, "adjust: "
				    "%s/%s (%s of %s) held at its own rounding %s (exactly "
				    "%s) where allocation would move it: %s", t->id, a->row,
				    footing_column_name(a->column), id, shown, exact,
				    a->reason != NULL ? a->reason : "");
			else
				diag_add(d->diags, DIAG_NOTE, p->file, a->line, "adjust: "
				    "%s/%s (%s of %s) shown as %s on purpose; its own "
				    "rounding is %s (exactly %s): %s", t->id, a->row,
				    footing_column_name(a->column), id, shown, own, exact,
				    a->reason != NULL ? a->reason : "");
		}
	}
}

/*
 * Lists the adjustments earlier releases made that this release carries
 * (at the line that records them), and those it no longer carries since
 * the figure they were made against has changed.
 */
static void
list_carried(struct displayer *d, const struct tpl_table *t,
    const struct period *p, const struct table_footing *f)
{
	size_t r, c;

	for (r = 0; r < f->nrows && r < t->nrows; r++)
		for (c = 0; c < f->ncolumns; c++) {
			const struct footing_cell *fc = footing_at(f, r, c);
			const struct display_adjustment *a = fc->adjustment;
			int reversed = t->rows[r].reversed;
			char own[64], exact[64], id[16];
			struct rat e = reversed ? rat_neg(fc->exact) : fc->exact;

			if (!fc->governed || (fc->lapsed == NULL &&
			    (a == NULL || fc->adjusted_in == p)))
				continue;
			decimal_text(d, e, fc->decimals + 3, exact, sizeof(exact));
			footing_units_text(d->numbers, fc->own, fc->decimals,
			    reversed, own, sizeof(own));
			if (a != NULL && fc->adjusted_in != NULL &&
			    fc->adjusted_in != p) {
				char shown[64];
				d->stats->adjustments++;
				footing_units_text(d->numbers, fc->units, fc->decimals,
				    reversed, shown, sizeof(shown));
				diag_add(d->diags, DIAG_NOTE, fc->adjusted_in->file,
				    a->line, "adjust: %s/%s (%s of %s) carried into the "
				    "release of %s, its figure unchanged: shown as %s; its "
				    "own rounding is %s (exactly %s): %s", t->id, a->row,
				    footing_column_name(a->column),
				    quarter_id(a->ordinal, id, sizeof(id)), p->id, shown,
				    own, exact, a->reason != NULL ? a->reason : "");
			}
			if ((a = fc->lapsed) != NULL) {
				char then[64];
				e = reversed ? rat_neg(fc->lapsed_exact) :
				    fc->lapsed_exact;
				decimal_text(d, e, fc->decimals + 3, then, sizeof(then));
				diag_add(d->diags, DIAG_NOTE, fc->lapsed_in->file,
				    a->line, "adjust: %s/%s (%s of %s) is not carried into "
				    "the release of %s: the figure it was made against "
				    "(exactly %s) is now exactly %s, so %s prints its own "
				    "rounding %s", t->id, a->row,
				    footing_column_name(a->column),
				    quarter_id(a->ordinal, id, sizeof(id)), p->id, then,
				    exact, p->id, own);
			}
		}
}

/*
 * The range a per-cent change can take when each of a and b may be off
 * by half its unit of record. -1 when b's range holds zero.
 */
static int
change_range(struct rat a, struct rat ha, struct rat b, struct rat hb,
    struct rat *lo, struct rat *hi)
{
	struct rat as[2], bs[2], q;
	int i, j, first = 1;

	if (rat_sub(a, ha, &as[0]) != RAT_OK || rat_add(a, ha, &as[1]) != RAT_OK ||
	    rat_sub(b, hb, &bs[0]) != RAT_OK || rat_add(b, hb, &bs[1]) != RAT_OK)
		return -1;
	if (rat_sign(bs[0]) * rat_sign(bs[1]) <= 0)
		return -1;
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			if (rat_div(as[i], bs[j], &q) != RAT_OK ||
			    rat_sub(q, rat_int(1), &q) != RAT_OK ||
			    rat_mul(q, rat_int(100), &q) != RAT_OK)
				return -1;
			if (first || rat_cmp(q, *lo) < 0)
				*lo = q;
			if (first || rat_cmp(q, *hi) > 0)
				*hi = q;
			first = 0;
		}
	return 0;
}

/* Whether some table prints the change a stated change replaces. */
static int
stated_printed(struct displayer *d, const struct period *p,
    const struct stated_change *s)
{
	size_t i, r, c;

	for (i = 0; i < d->templates->ntables; i++) {
		const struct tpl_table *t = &d->templates->tables[i];
		for (r = 0; r < t->nrows; r++)
			for (c = 0; c < t->ncolumns; c++)
				if (footing_stated_applies(s, &t->rows[r],
				    &t->columns[c], p->ordinal))
					return 1;
	}
	return 0;
}

static void
check_stated(struct displayer *d, const struct period *p,
    const struct stated_change *s)
{
	const struct fact_decl *f = &d->book->facts[s->fact];
	struct lookup now, then;
	struct rat ha, hb, lo, hi, half, slo, shi;
	char lo_text[64], hi_text[64], shown[64], id[16];

	d->stats->stated++;
	if (!stated_printed(d, p, s))
		diag_add(d->diags, DIAG_WARNING, p->file, s->line, "stated-change: "
		    "no table prints the change of %s against %s",
		    f->id, quarter_id(s->against, id, sizeof(id)));
	if (book_lookup(d->book, p->ordinal, 0, s->fact, p->ordinal, &now) !=
	    LOOKUP_OK ||
	    book_lookup(d->book, s->against, 0, s->fact, p->ordinal, &then) !=
	    LOOKUP_OK) {
		diag_add(d->diags, DIAG_ERROR, p->file, s->line, "stated-change: "
		    "the book does not hold %s in both %s and %s", f->id, p->id,
		    quarter_id(s->against, id, sizeof(id)));
		d->failed = 1;
		return;
	}
	(void)rat_div(fact_resolution(f, now.decimals), rat_int(2), &ha);
	(void)rat_div(fact_resolution(f, then.decimals), rat_int(2), &hb);
	/* What the stated figure stands for: half its last digit either way. */
	if (rat_scale10(rat_int(5), -(s->decimals + 1), &half) != RAT_OK ||
	    rat_sub(s->shown, half, &slo) != RAT_OK ||
	    rat_add(s->shown, half, &shi) != RAT_OK ||
	    change_range(now.value, ha, then.value, hb, &lo, &hi) != 0) {
		diag_add(d->diags, DIAG_ERROR, p->file, s->line, "stated-change: "
		    "the change of %s against %s is not bounded by the book (its "
		    "base may be zero)", f->id, quarter_id(s->against, id,
		    sizeof(id)));
		d->failed = 1;
		return;
	}
	decimal_text(d, lo, 3, lo_text, sizeof(lo_text));
	decimal_text(d, hi, 3, hi_text, sizeof(hi_text));
	/* As the table prints it: "(2.0)" is -2.0%, not -2%. */
	decimal_text(d, s->shown, s->decimals < 1 ? 1 : s->decimals, shown,
	    sizeof(shown));
	quarter_id(s->against, id, sizeof(id));
	if (rat_cmp(shi, lo) < 0 || rat_cmp(slo, hi) > 0) {
		diag_add(d->diags, DIAG_ERROR, p->file, s->line, "stated-change: "
		    "%s against %s is stated as %s%%, but the book's figures allow "
		    "only %s%% to %s%%", f->id, id, shown, lo_text, hi_text);
		d->failed = 1;
		return;
	}
	diag_add(d->diags, DIAG_NOTE, p->file, s->line, "stated-change: %s "
	    "against %s is printed as stated, %s%% (the book's figures allow "
	    "%s%% to %s%%): %s", f->id, id, shown, lo_text, hi_text,
	    s->reason != NULL ? s->reason : "");
}

static void
check_release(struct displayer *d, const struct period *p)
{
	size_t i, k;

	for (k = 0; k < p->nadjustments; k++)
		if (templates_table(d->templates, p->adjustments[k].table) ==
		    NULL) {
			diag_add(d->diags, DIAG_ERROR, p->file, p->adjustments[k].line,
			    "adjust: no table %s in the templates",
			    p->adjustments[k].table);
			d->failed = 1;
		}
	for (i = 0; i < d->templates->ntables; i++) {
		const struct tpl_table *t = &d->templates->tables[i];
		struct table_footing f;

		if (footing_compute(t, d->book, p, DIAG_ERROR, &f, d->diags) != 0)
			d->failed = 1;
		d->stats->tables++;
		d->stats->sums += f.sums;
		/* Independent tables may be a unit off by policy: counted in
		 * the summary, not listed (allocating ones report above). */
		if (!f.allocate)
			d->stats->unfooted += f.unfooted;
		else
			d->stats->broken += f.unfooted;
		list_adjustments(d, t, p, &f);
		list_carried(d, t, p, &f);
		footing_free(&f);
	}
	for (k = 0; k < p->nstated; k++)
		check_stated(d, p, &p->stated[k]);
}

int
check_display(const struct template_set *templates, const struct book *book,
    const char *only, struct display_stats *stats, struct diag_list *diags)
{
	struct displayer d = { templates, book, diags, stats, NULL, 0 };
	size_t k;

	d.numbers = number_formatter_open("en");
	for (k = 0; k < book->nperiods; k++) {
		const struct period *p = book->periods[k];
		if (p->has_release && (only == NULL || strcmp(p->id, only) == 0))
			check_release(&d, p);
	}
	number_formatter_close(d.numbers);
	return d.failed;
}
