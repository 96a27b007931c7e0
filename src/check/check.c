/* Tie-outs: every identity in every period where its facts are known. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "../util/number.h"
#include "../figure/figure.h"
#include "../model/expr.h"

/* The facts one evaluation used, for tolerance and for the failure report. */
struct used_facts {
	struct lookup *items;
	size_t len;
	size_t cap;
	int oom;
};

/* An identity that does not hold in the period being checked, reported
 * once every identity of the period has been tried. */
struct failure {
	const struct identity *id;
	struct rat left, right, diff, tolerance;
	struct used_facts used;
	long fact;             /* the fact a fix would change, or -1 */
	struct rat fix;        /* … its value that makes the identity hold */
	int follows;           /* explained by another failure's fix */
};

struct checker {
	const struct book *book;
	struct diag_list *diags;
	struct number_formatter *numbers;
	struct check_stats *stats;
	int fatal;
	/* Quarters already reported missing for the release being checked. */
	int reported[8];
	size_t nreported;
	struct failure *failures;
	size_t nfailures;
};

static void
record_fact(void *arg, const struct lookup *found)
{
	struct used_facts *used = arg;
	struct lookup *items;
	size_t i;

	for (i = 0; i < used->len; i++)
		if (used->items[i].fact == found->fact &&
		    used->items[i].ordinal == found->ordinal)
			return;
	if (used->len == used->cap) {
		size_t cap = used->cap ? used->cap * 2 : 16;
		if ((items = realloc(used->items, cap * sizeof(*items))) == NULL) {
			used->oom = 1;
			return;
		}
		used->items = items;
		used->cap = cap;
	}
	used->items[used->len++] = *found;
}

static const char *
number(struct checker *ck, struct rat value, char *buf, size_t size)
{
	if (number_format_rat(ck->numbers, value, buf, size) != 0)
		snprintf(buf, size, "(unprintable)");
	return buf;
}

static const char *
offset_name(int from, int to)
{
	switch (to - from) {
	case 0:
		return "this quarter";
	case OFFSET_PRIOR_QUARTER:
		return "prior quarter";
	case OFFSET_PRIOR_YEAR:
		return "prior-year quarter";
	default:
		return "earlier quarter";
	}
}

/*
 * Tolerance of a linear identity: facts recorded in the finest unit among
 * its terms are exact there; each fact recorded coarser was rounded and may
 * be off by half its unit.
 */
static int
derived_tolerance(const struct book *book, const struct used_facts *used,
    struct rat *out)
{
	struct rat finest = rat_int(0), res;
	int have = 0;
	size_t i;

	*out = rat_int(0);
	for (i = 0; i < used->len; i++) {
		if (used->items[i].absent)
			continue;
		res = fact_resolution(&book->facts[used->items[i].fact],
		    used->items[i].decimals);
		if (!have || rat_cmp(res, finest) < 0)
			finest = res;
		have = 1;
	}
	for (i = 0; i < used->len; i++) {
		if (used->items[i].absent)
			continue;
		res = fact_resolution(&book->facts[used->items[i].fact],
		    used->items[i].decimals);
		if (rat_cmp(res, finest) > 0 &&
		    (rat_div(res, rat_int(2), &res) != RAT_OK ||
		    rat_add(*out, res, out) != RAT_OK))
			return -1;
	}
	return 0;
}

static void
report_facts(struct checker *ck, const struct used_facts *used)
{
	char buf[96], unit[32];
	struct rat shown;
	size_t i;

	for (i = 0; i < used->len; i++) {
		const struct lookup *u = &used->items[i];
		const struct fact_decl *f = &ck->book->facts[u->fact];
		char period[16];
		int year, quarter;

		fiscal_from_ordinal(u->ordinal, &year, &quarter);
		period_id_format(year, quarter, period, sizeof(period));
		if (u->absent) {
			diag_add(ck->diags, DIAG_NOTE, u->file, u->line,
			    "%s in %s: does not exist (0)", f->id, period);
			continue;
		}
		/* Shown in the unit of record, as the period file writes it. */
		if (rat_scale10(u->value, -f->scale, &shown) != RAT_OK)
			shown = u->value;
		if (f->scale > 0)
			snprintf(unit, sizeof(unit), " (%s, x10^%d)",
			    unit_name(f->unit), f->scale);
		else
			snprintf(unit, sizeof(unit), " (%s)", unit_name(f->unit));
		diag_add(ck->diags, DIAG_NOTE, u->file, u->line, "%s in %s = %s%s",
		    f->id, period, number(ck, shown, buf, sizeof(buf)), unit);
	}
}

static void
report_missing(struct checker *ck, const struct identity *id,
    const struct period *p, const struct lookup *missing)
{
	const struct fact_decl *f = &ck->book->facts[missing->fact];
	char other[16];
	int year, quarter;

	size_t i;

	/* One error per missing quarter, not one per identity that needs it. */
	for (i = 0; i < ck->nreported; i++)
		if (ck->reported[i] == missing->ordinal)
			return;
	if (ck->nreported < sizeof(ck->reported) / sizeof(ck->reported[0]))
		ck->reported[ck->nreported++] = missing->ordinal;
	fiscal_from_ordinal(missing->ordinal, &year, &quarter);
	period_id_format(year, quarter, other, sizeof(other));
	diag_add(ck->diags, DIAG_FATAL, p->file, p->release_line,
	    "release %s needs %s of %s (%s) for identity %s, but the book "
	    "has no periods/%s.xml", p->id, f->id, other,
	    offset_name(p->ordinal, missing->ordinal), id->id, other);
	ck->fatal = 1;
}

/*
 * The fix a failure suggests: a side that is one fact written in the
 * period file takes the other side's value ("is.exp.total = 1234567"):
 * the left side first, as identities define their left.
 */
static void
suggest_fix(const struct period *p, struct failure *fl)
{
	long f;

	fl->fact = -1;
	if ((f = expr_single_fact(fl->id->left)) >= 0 && p->slots[f].line != 0) {
		fl->fact = f;
		fl->fix = fl->right;
	} else if ((f = expr_single_fact(fl->id->right)) >= 0 &&
	    p->slots[f].line != 0) {
		fl->fact = f;
		fl->fix = fl->left;
	}
}

/* Keeps a failed identity for report_failures; 0, or -1 out of memory
 * (then the caller reports it at once). Takes used on success. */
static int
add_failure(struct checker *ck, const struct identity *id,
    const struct period *p, const struct eval_result *left,
    const struct eval_result *right, struct rat diff, struct rat tolerance,
    struct used_facts *used)
{
	struct failure *grown, *fl;

	if ((grown = realloc(ck->failures, (ck->nfailures + 1) *
	    sizeof(*grown))) == NULL)
		return -1;
	ck->failures = grown;
	fl = &grown[ck->nfailures++];
	memset(fl, 0, sizeof(*fl));
	fl->id = id;
	fl->left = left->value;
	fl->right = right->value;
	fl->diff = diff;
	fl->tolerance = tolerance;
	fl->used = *used;
	memset(used, 0, sizeof(*used));
	suggest_fix(p, fl);
	return 0;
}

/* Whether failure g holds once fact `fact` of p reads as value. */
static int
holds_with(struct checker *ck, const struct period *p,
    const struct failure *g, long fact, struct rat value)
{
	struct eval_ctx ctx = figure_eval_context(ck->book, p->ordinal,
	    p->ordinal);
	struct eval_result left, right;
	struct rat diff;
	size_t i;
	int uses = 0;

	for (i = 0; i < g->used.len; i++)
		uses |= g->used.items[i].fact == (size_t)fact &&
		    g->used.items[i].ordinal == p->ordinal;
	if (!uses)
		return 0;
	ctx.cumulative = 0;
	ctx.has_what_if = 1;
	ctx.what_if_fact = (size_t)fact;
	ctx.what_if_ordinal = p->ordinal;
	ctx.what_if_value = value;
	return expr_eval(g->id->left, &ctx, &left) == EVAL_OK &&
	    expr_eval(g->id->right, &ctx, &right) == EVAL_OK &&
	    rat_sub(left.value, right.value, &diff) == RAT_OK &&
	    rat_cmp(rat_abs(diff), g->tolerance) <= 0;
}

/* The identities that fail only because of failure i's fact. */
static size_t
followers(struct checker *ck, const struct period *p, size_t i, int mark)
{
	struct failure *fl = &ck->failures[i];
	size_t j, n = 0;

	if (fl->fact < 0)
		return 0;
	for (j = 0; j < ck->nfailures; j++)
		if (j != i && !ck->failures[j].follows &&
		    holds_with(ck, p, &ck->failures[j], fl->fact, fl->fix)) {
			n++;
			if (mark)
				ck->failures[j].follows = 1;
		}
	return n;
}

/* "is.exp.total = 1234567" in the fact's unit of record, as the period
 * file writes it (no grouping, to copy). */
static void
fix_text(const struct checker *ck, const struct failure *fl, char *buf,
    size_t size)
{
	const struct fact_decl *f = &ck->book->facts[fl->fact];
	struct rat shown;
	char value[64];

	if (rat_scale10(fl->fix, -f->scale, &shown) != RAT_OK ||
	    rat_to_exact_decimal(shown, value, sizeof(value)) != RAT_OK)
		snprintf(value, sizeof(value), "(not a finite decimal)");
	snprintf(buf, size, "%s = %s", f->id, value);
}

/*
 * Reports the period's failed identities. Where one fact's fix makes
 * several hold, that root is reported once, with its follow-ons named.
 */
static void
report_failures(struct checker *ck, const struct period *p)
{
	char l[64], r[64], d[64], t[64], fix[128], also[256];
	size_t i, j, n, best, most;

	for (;;) {
		/* The root explaining most of what is left, in order. */
		for (i = 0, most = 0, best = ck->nfailures; i < ck->nfailures; i++)
			if (!ck->failures[i].follows && ck->failures[i].fact >= 0 &&
			    (n = followers(ck, p, i, 0)) > most) {
				most = n;
				best = i;
			}
		if (best == ck->nfailures)
			break;
		(void)followers(ck, p, best, 1);
		ck->failures[best].follows = -1;  /* a root, reported below */
	}
	for (i = 0; i < ck->nfailures; i++) {
		struct failure *fl = &ck->failures[i];
		if (fl->follows > 0)
			continue;
		fix[0] = also[0] = '\0';
		if (fl->fact >= 0)
			fix_text(ck, fl, fix, sizeof(fix));
		if (fl->follows < 0) {
			size_t len, count = 0;
			for (j = 0; j < ck->nfailures; j++)
				count += ck->failures[j].follows > 0 &&
				    holds_with(ck, p, &ck->failures[j], fl->fact,
				    fl->fix);
			snprintf(also, sizeof(also), ", and with it %zu follow-on "
			    "identit%s (", count, count == 1 ? "y" : "ies");
			for (j = 0, n = 0; j < ck->nfailures; j++)
				if (ck->failures[j].follows > 0 && holds_with(ck, p,
				    &ck->failures[j], fl->fact, fl->fix)) {
					len = strlen(also);
					snprintf(also + len, sizeof(also) - len, "%s%s",
					    n++ ? ", " : "", ck->failures[j].id->id);
				}
			len = strlen(also);
			snprintf(also + len, sizeof(also) - len, ")");
		}
		diag_add(ck->diags, DIAG_ERROR, fl->id->origin.file,
		    fl->id->origin.line, "%s: identity %s does not hold: %s; left "
		    "%s, right %s, difference %s, tolerance %s (base units)%s%s%s%s",
		    p->id, fl->id->id, fl->id->text,
		    number(ck, fl->left, l, sizeof(l)),
		    number(ck, fl->right, r, sizeof(r)),
		    number(ck, fl->diff, d, sizeof(d)),
		    number(ck, fl->tolerance, t, sizeof(t)),
		    fix[0] != '\0' ? "; " : "", fix,
		    fix[0] != '\0' ? " in the period file would make it hold" : "",
		    also);
		report_facts(ck, &fl->used);
	}
	for (i = 0; i < ck->nfailures; i++)
		free(ck->failures[i].used.items);
	free(ck->failures);
	ck->failures = NULL;
	ck->nfailures = 0;
}

static void
check_identity(struct checker *ck, const struct identity *id,
    const struct period *p)
{
	/* Identities hold quarter by quarter, whatever the comparison basis. */
	struct eval_ctx ctx = figure_eval_context(ck->book, p->ordinal,
	    p->ordinal);
	struct used_facts used = { NULL, 0, 0, 0 };
	struct eval_result left, right;
	struct rat diff, tolerance = rat_int(0);
	char l[64], r[64], d[64], t[64];
	long f;

	ctx.cumulative = 0;
	ctx.on_fact = record_fact;
	ctx.arg = &used;
	if (id->release_only && !p->has_release) {
		ck->stats->not_applicable++;
		goto out;
	}
	/* A fact derived from this identity meets it by construction. */
	if (((f = expr_single_fact(id->left)) >= 0 &&
	    p->slots[f].derived == id) || ((f = expr_single_fact(id->right)) >=
	    0 && p->slots[f].derived == id)) {
		ck->stats->derived++;
		goto out;
	}
	if (expr_eval(id->left, &ctx, &left) == EVAL_OK)
		expr_eval(id->right, &ctx, &right);
	else
		right = left;
	if (left.status == EVAL_MISSING || right.status == EVAL_MISSING) {
		const struct lookup *missing = left.status == EVAL_MISSING ?
		    &left.missing : &right.missing;
		/*
		 * A release cannot go without the quarters it compares with;
		 * a fact a quarter does not record (a partial group) only
		 * means the identity does not apply there.
		 */
		if (p->has_release && missing->status == LOOKUP_NO_PERIOD)
			report_missing(ck, id, p, missing);
		else
			ck->stats->not_applicable++;
		goto out;
	}
	if (used.oom) {
		diag_add(ck->diags, DIAG_FATAL, id->origin.file, id->origin.line,
		    "out of memory");
		ck->fatal = 1;
		goto out;
	}
	if (left.status != EVAL_OK || right.status != EVAL_OK) {
		diag_add(ck->diags, DIAG_ERROR, id->origin.file, id->origin.line,
		    "%s: identity %s cannot be evaluated: %s", p->id, id->id,
		    eval_status_name(left.status != EVAL_OK ? left.status :
		    right.status));
		report_facts(ck, &used);
		ck->stats->failed++;
		goto out;
	}
	if (id->has_tolerance)
		tolerance = id->tolerance;
	else if (expr_is_linear(id->left) && expr_is_linear(id->right) &&
	    derived_tolerance(ck->book, &used, &tolerance) != 0)
		tolerance = rat_int(0);
	if (rat_sub(left.value, right.value, &diff) == RAT_OK &&
	    rat_cmp(rat_abs(diff), tolerance) <= 0) {
		ck->stats->passed++;
		goto out;
	}
	ck->stats->failed++;
	if (add_failure(ck, id, p, &left, &right, diff, tolerance, &used) == 0)
		return;  /* reported with the period's other failures */
	diag_add(ck->diags, DIAG_ERROR, id->origin.file, id->origin.line,
	    "%s: identity %s does not hold: %s; left %s, right %s, difference "
	    "%s, tolerance %s (base units)", p->id, id->id, id->text,
	    number(ck, left.value, l, sizeof(l)),
	    number(ck, right.value, r, sizeof(r)),
	    number(ck, diff, d, sizeof(d)), number(ck, tolerance, t, sizeof(t)));
	report_facts(ck, &used);
out:
	free(used.items);
}

/* A release compares with its prior-year and prior quarters: both must be
 * in the book. */
static void
check_comparatives(struct checker *ck, const struct period *p)
{
	static const int offsets[] = { OFFSET_PRIOR_YEAR, OFFSET_PRIOR_QUARTER };
	char other[16];
	int year, quarter;
	size_t i;

	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		size_t k;
		int seen = 0;

		if (book_period(ck->book, p->ordinal + offsets[i]) != NULL)
			continue;
		for (k = 0; k < ck->nreported; k++)
			seen |= ck->reported[k] == p->ordinal + offsets[i];
		if (seen)
			continue;
		fiscal_from_ordinal(p->ordinal + offsets[i], &year, &quarter);
		period_id_format(year, quarter, other, sizeof(other));
		diag_add(ck->diags, DIAG_FATAL, p->file, p->release_line,
		    "release %s compares with %s (%s), but the book has no "
		    "periods/%s.xml", p->id, other,
		    offset_name(p->ordinal, p->ordinal + offsets[i]), other);
		ck->fatal = 1;
	}
}

int
period_unwritten(const struct period *p)
{
	int l;

	if (p->nunwritten > 0)
		return 1;
	for (l = 0; l < LANG_MAX; l++)
		if (p->narrative[l].nunwritten > 0)
			return 1;
	return 0;
}

/* What kessan new left empty and nobody has written yet: one error each. */
static void
report_unwritten(struct checker *ck, const struct period *p)
{
	size_t i;
	int l;

	for (i = 0; i < p->nunwritten; i++)
		diag_add(ck->diags, DIAG_ERROR, p->file, p->unwritten[i].line, "%s",
		    p->unwritten[i].message);
	ck->stats->unwritten += p->nunwritten;
	for (l = 0; l < LANG_MAX; l++) {
		const struct narrative *n = &p->narrative[l];
		for (i = 0; i < n->nunwritten; i++)
			diag_add(ck->diags, DIAG_ERROR, p->file, n->unwritten[i].line,
			    "%s", n->unwritten[i].message);
		ck->stats->unwritten += n->nunwritten;
	}
}

int
check_book(const struct book *book, const char *only,
    struct check_stats *stats, struct diag_list *diags)
{
	struct checker ck;
	size_t i, j;

	memset(&ck, 0, sizeof(ck));
	ck.book = book;
	ck.diags = diags;
	ck.stats = stats;
	memset(stats, 0, sizeof(*stats));
	if (only != NULL && book_period_by_id(book, only) == NULL) {
		diag_add(diags, DIAG_FATAL, book->dir, 0,
		    "no period %s in this book", only);
		return 2;
	}
	if ((ck.numbers = number_formatter_open("en")) == NULL) {
		diag_add(diags, DIAG_FATAL, NULL, 0,
		    "ICU cannot format numbers (is its data installed?)");
		return 2;
	}
	for (i = 0; i < book->nperiods; i++) {
		const struct period *p = book->periods[i];
		if (only != NULL && strcmp(p->id, only) != 0)
			continue;
		stats->periods++;
		ck.nreported = 0;
		report_unwritten(&ck, p);
		for (j = 0; j < book->nidentities; j++)
			check_identity(&ck, &book->identities[j], p);
		report_failures(&ck, p);
		/* After the identities, which name a fact needing the quarter. */
		if (p->has_release)
			check_comparatives(&ck, p);
	}
	number_formatter_close(ck.numbers);
	if (ck.fatal)
		return 2;
	return stats->failed > 0 || stats->unwritten > 0 ? 1 : 0;
}
