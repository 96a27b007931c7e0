#include "causes_find.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/expr.h"
#include "util/buffer.h"

static const char *const policy_names[POLICY_FIELD_MAX] = {
	"rounding", "percent rounding", "negatives", "not-meaningful changes",
	"vanished items", "footing", "names", "URLs", "contacts", "officers"
};



struct try *
causes_add(struct finder *f, enum cause_kind kind, char *old_value,
    char *new_value, const char *fmt, ...)
{
	struct change_cause *c;
	struct try *t;
	va_list ap;

	if ((c = array_grow(f->causes, f->n, sizeof(*c))) != NULL)
		f->causes = c;
	if ((t = array_grow(f->tries, f->n, sizeof(*t))) != NULL)
		f->tries = t;
	if (c == NULL || t == NULL || old_value == NULL || new_value == NULL) {
		free(old_value);
		free(new_value);
		f->failed = 1;
		return NULL;
	}
	c = &f->causes[f->n];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->old_value = old_value;
	c->new_value = new_value;
	va_start(ap, fmt);
	c->name = str_vprintf(fmt, ap);
	va_end(ap);
	t = &f->tries[f->n++];
	memset(t, 0, sizeof(*t));
	t->old_at = t->new_at = -1;
	if (c->name == NULL)
		f->failed = 1;
	return t;
}

/* ---- facts ---- */

static char *
rat_text(struct rat v)
{
	char buf[64];

	if (rat_to_exact_decimal(v, buf, sizeof(buf)) != RAT_OK)
		snprintf(buf, sizeof(buf), "?");
	return strdup(buf);
}

/* A fact's value as its file writes it, in its unit of record. */
static char *
slot_text(const struct fact_decl *d, const struct fact_slot *s)
{
	struct rat v;

	if (s->state == SLOT_PRESENT)
		return rat_text(rat_scale10(s->value, -d->scale, &v) == RAT_OK ? v :
		    s->value);
	return strdup(s->state == SLOT_ABSENT ? "(does not exist)" :
	    "(not recorded)");
}

static int
same_slot(const struct fact_slot *a, const struct fact_slot *b)
{
	return a->state == b->state && (a->state != SLOT_PRESENT ||
	    rat_cmp(a->value, b->value) == 0);
}

static void
find_facts(struct finder *f, struct period *op, const struct period *np)
{
	size_t i;

	for (i = 0; i < f->new->nfacts; i++) {
		long k = book_fact_index(f->old, f->new->facts[i].id);
		const struct fact_slot *a, *b = &np->slots[i];
		struct try *t;

		if (k < 0)
			continue;
		a = &op->slots[k];
		/* A total derived from its parts is no input of its own. */
		if ((a->line == 0 && b->line == 0) || same_slot(a, b))
			continue;
		if ((t = causes_add(f, CAUSE_FACT, slot_text(&f->old->facts[k], a),
		    slot_text(&f->new->facts[i], b),
		    "%s %s", np->id, f->new->facts[i].id)) == NULL)
			return;
		t->kind = TRY_FACT;
		t->op = op;
		t->np = np;
		t->of = (size_t)k;
		t->nf = i;
	}
}

static int
restatement_at(const struct book *book, const struct period *p,
    const char *fact, int ordinal)
{
	size_t i;

	for (i = 0; i < p->nrestatements; i++)
		if (p->restatements[i].ordinal == ordinal &&
		    strcmp(book->facts[p->restatements[i].fact].id, fact) == 0)
			return (int)i;
	return -1;
}

static char *
restated_text(const struct book *b, const struct restatement *r)
{
	struct fact_slot s;

	memset(&s, 0, sizeof(s));
	s.state = SLOT_PRESENT;
	s.value = r->value;
	return slot_text(&b->facts[r->fact], &s);
}

static void
restatement_cause(struct finder *f, struct period *op,
    const struct period *np, const char *fact, int ordinal)
{
	int a = restatement_at(f->old, op, fact, ordinal);
	int b = restatement_at(f->new, np, fact, ordinal);
	const struct period *of = book_period(f->new, ordinal);
	long k = book_fact_index(f->old, fact);
	struct try *t;

	if (k < 0 || (a >= 0 && b >= 0 && rat_cmp(op->restatements[a].value,
	    np->restatements[b].value) == 0))
		return;
	if ((t = causes_add(f, CAUSE_FACT,
	    a >= 0 ? restated_text(f->old, &op->restatements[a]) : strdup(""),
	    b >= 0 ? restated_text(f->new, &np->restatements[b]) : strdup(""),
	    "%s %s restated in %s", of != NULL ? of->id : "?", fact,
	    np->id)) == NULL)
		return;
	t->kind = TRY_RESTATEMENT;
	t->op = op;
	t->np = np;
	t->of = (size_t)k;
	t->old_at = a;
	t->new_at = b;
}

static void
find_restatements(struct finder *f, struct period *op, const struct period *np)
{
	size_t i;

	for (i = 0; i < np->nrestatements; i++)
		restatement_cause(f, op, np, f->new->facts[np->restatements[i].fact].id,
		    np->restatements[i].ordinal);
	for (i = 0; i < op->nrestatements; i++) {
		const char *fact = f->old->facts[op->restatements[i].fact].id;

		if (restatement_at(f->new, np, fact, op->restatements[i].ordinal) < 0)
			restatement_cause(f, op, np, fact, op->restatements[i].ordinal);
	}
}

static char *
rate_text(const struct period *p)
{
	char *rate;
	char *s;

	if (p->convenience_line == 0)
		return strdup("");
	if ((rate = rat_text(p->convenience_rate)) == NULL)
		return NULL;
	s = str_printf("%s (%04d-%02d-%02d)", rate, p->convenience_date.year,
	    p->convenience_date.month, p->convenience_date.day);
	free(rate);
	return s;
}

static int
date_compare(struct date a, struct date b)
{
	long x = date_days(a), y = date_days(b);

	return x < y ? -1 : x > y;
}

static int
same_datelines(const struct period *a, const struct period *b)
{
	size_t i;
	int l;

	if (a->ndatelines != b->ndatelines)
		return 0;
	for (i = 0; i < a->ndatelines; i++)
		for (l = 0; l < LANG_MAX; l++) {
			const char *x = a->datelines[i].city[l];
			const char *y = b->datelines[i].city[l];

			if ((x == NULL) != (y == NULL) || (x != NULL &&
			    strcmp(x, y) != 0) || date_compare(a->datelines[i].date,
			    b->datelines[i].date) != 0)
				return 0;
		}
	return 1;
}

static char *
date_text(struct date d)
{
	return str_printf("%04d-%02d-%02d", d.year, d.month, d.day);
}

static void
find_period_fields(struct finder *f, struct period *op,
    const struct period *np)
{
	struct try *t;

	if ((op->convenience_line != 0) != (np->convenience_line != 0) ||
	    (np->convenience_line != 0 &&
	    (rat_cmp(op->convenience_rate, np->convenience_rate) != 0 ||
	    date_compare(op->convenience_date, np->convenience_date) != 0))) {
		if ((t = causes_add(f, CAUSE_FACT, rate_text(op), rate_text(np),
		    "%s convenience rate", np->id)) == NULL)
			return;
		t->kind = TRY_RATE;
		t->op = op;
		t->np = np;
	}
	if (op->has_release != np->has_release ||
	    date_compare(op->release_date, np->release_date) != 0 ||
	    !same_datelines(op, np)) {
		if ((t = causes_add(f, CAUSE_FACT, date_text(op->release_date),
		    date_text(np->release_date), "%s release date and places",
		    np->id)) == NULL)
			return;
		t->kind = TRY_RELEASE;
		t->op = op;
		t->np = np;
	}
}

/* ---- narrative: slots and footnotes, compared run by run ---- */

static int
same_expr(const struct book *ba, const struct expr *a, const struct book *bb,
    const struct expr *b)
{
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case EXPR_NUMBER:
		return rat_cmp(a->u.number, b->u.number) == 0;
	case EXPR_FACT:
		return a->u.ref.offset == b->u.ref.offset &&
		    strcmp(ba->facts[a->u.ref.fact].id, bb->facts[b->u.ref.fact].id)
		    == 0;
	case EXPR_NEG:
		return same_expr(ba, a->u.operand, bb, b->u.operand);
	case EXPR_CALL:
		if (a->u.call.func != b->u.call.func ||
		    a->u.call.nargs != b->u.call.nargs)
			return 0;
		for (i = 0; i < a->u.call.nargs; i++)
			if (!same_expr(ba, a->u.call.args[i], bb, b->u.call.args[i]))
				return 0;
		return 1;
	default:
		return same_expr(ba, a->u.binary.left, bb, b->u.binary.left) &&
		    same_expr(ba, a->u.binary.right, bb, b->u.binary.right);
	}
}

static int
same_text(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static int
same_run(const struct book *ba, const struct run *a, const struct book *bb,
    const struct run *b)
{
	size_t i;

	if (a->kind != b->kind || !same_text(a->text, b->text) ||
	    a->nchildren != b->nchildren)
		return 0;
	if (a->kind == RUN_FACT && (a->value.format != b->value.format ||
	    a->value.decimals != b->value.decimals ||
	    a->value.scale != b->value.scale ||
	    !same_expr(ba, a->value.value, bb, b->value.value) ||
	    !same_expr(ba, a->value.base, bb, b->value.base) ||
	    !same_expr(ba, a->value.base2, bb, b->value.base2)))
		return 0;
	if (a->kind == RUN_PERIOD && (a->period.offset != b->period.offset ||
	    a->period.style != b->period.style))
		return 0;
	for (i = 0; i < a->nchildren; i++)
		if (!same_run(ba, &a->children[i], bb, &b->children[i]))
			return 0;
	return 1;
}

static int
same_slot_text(const struct book *ba, const struct slot *a,
    const struct book *bb, const struct slot *b)
{
	size_t i, k;

	if (a->is_inline != b->is_inline || a->nblocks != b->nblocks)
		return 0;
	for (i = 0; i < a->nblocks; i++) {
		const struct narrative_block *x = &a->blocks[i], *y = &b->blocks[i];

		if (x->is_list != y->is_list || x->heading_level != y->heading_level ||
		    x->nitems != y->nitems)
			return 0;
		for (k = 0; k < x->nitems; k++)
			if (!same_run(ba, &x->items[k], bb, &y->items[k]))
				return 0;
	}
	return 1;
}

/* Where period_slot and period_note find id in p's narrative, or -1. */
static int
slot_index(const struct period *p, enum lang l, const char *id)
{
	const struct slot *s = period_slot(p, l, id);

	return s != NULL ? (int)(s - p->narrative[l].slots) : -1;
}

static int
note_index(const struct period *p, enum lang l, const char *id)
{
	const struct authored_note *n = period_note(p, l, id);

	return n != NULL ? (int)(n - p->narrative[l].notes) : -1;
}

static char *
presence(int at, const char *word)
{
	return strdup(at < 0 ? "(none)" : word);
}

static void
narrative_cause(struct finder *f, struct period *op, const struct period *np,
    enum lang l, const char *id, int a, int b, int is_note)
{
	struct try *t = causes_add(f, is_note ? CAUSE_FOOTNOTE : CAUSE_SLOT,
	    presence(a, "(as it was)"), presence(b, "(rewritten)"),
	    "%s %s %s %s", np->id, lang_code(l), is_note ? "footnote" : "slot", id);

	if (t == NULL)
		return;
	t->kind = is_note ? TRY_NOTE : TRY_SLOT;
	t->op = op;
	t->np = np;
	t->lang = l;
	t->old_at = a;
	t->new_at = b;
}

static void
find_narrative(struct finder *f, struct period *op, const struct period *np)
{
	int l;
	size_t i;

	for (l = 0; l < LANG_MAX; l++) {
		const struct narrative *on = &op->narrative[l], *nn = &np->narrative[l];

		for (i = 0; i < nn->nslots; i++) {
			int a = slot_index(op, (enum lang)l, nn->slots[i].id);

			if (a < 0 || !same_slot_text(f->old, &on->slots[a], f->new,
			    &nn->slots[i]))
				narrative_cause(f, op, np, (enum lang)l, nn->slots[i].id,
				    a, (int)i, 0);
		}
		for (i = 0; i < on->nslots; i++)
			if (slot_index(np, (enum lang)l, on->slots[i].id) < 0)
				narrative_cause(f, op, np, (enum lang)l, on->slots[i].id,
				    (int)i, -1, 0);
		for (i = 0; i < nn->nnotes; i++) {
			int a = note_index(op, (enum lang)l, nn->notes[i].id);

			if (a < 0 || !same_run(f->old, &on->notes[a].content, f->new,
			    &nn->notes[i].content))
				narrative_cause(f, op, np, (enum lang)l, nn->notes[i].id,
				    a, (int)i, 1);
		}
		for (i = 0; i < on->nnotes; i++)
			if (note_index(np, (enum lang)l, on->notes[i].id) < 0)
				narrative_cause(f, op, np, (enum lang)l, on->notes[i].id,
				    (int)i, -1, 1);
	}
}

/* ---- the company's policies for the release ---- */

static int
same_footing(const struct company *a, const struct company *b)
{
	size_t i;

	if (a->nfooting != b->nfooting)
		return 0;
	for (i = 0; i < a->nfooting; i++)
		if (!same_text(a->footing[i].kind, b->footing[i].kind) ||
		    a->footing[i].allocate != b->footing[i].allocate)
			return 0;
	return 1;
}

static int
policy_value(const struct company *c, int field)
{
	switch (field) {
	case POLICY_ROUNDING:
		return (int)c->rounding;
	case POLICY_PERCENT_ROUNDING:
		return (int)c->percent_rounding;
	case POLICY_NEGATIVES:
		return (int)c->negatives[LANG_EN] * NEG_STYLE_MAX +
		    (int)c->negatives[LANG_JA];
	case POLICY_NOT_MEANINGFUL:
		return (int)c->not_meaningful;
	case POLICY_VANISHED:
		return (int)c->vanished;
	default:
		return 0;
	}
}

static const char *
or_none(const char *s)
{
	return s != NULL ? s : "";
}

/* The company's words of one field, en then ja, " / " between. */
static char *
company_text(const struct company *c, int field)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t i;
	int l;

	buffer_puts(&b, "");
	if (field == POLICY_NAMES)
		buffer_printf(&b, "%s / %s / %s / %s %s",
		    or_none(c->name[LANG_EN]), or_none(c->name[LANG_JA]),
		    or_none(c->short_name), or_none(c->market), or_none(c->ticker));
	for (l = 0; l < LANG_MAX && field == POLICY_URLS; l++)
		buffer_printf(&b, "%s%s", l > 0 ? " / " : "", or_none(c->url[l]));
	for (l = 0; l < LANG_MAX && field == POLICY_CONTACTS; l++)
		buffer_printf(&b, "%s%s, %s, %s, %s, %s", l > 0 ? " / " : "",
		    or_none(c->contact[l].person), or_none(c->contact[l].office),
		    or_none(c->contact[l].email), or_none(c->contact[l].tel),
		    or_none(c->contact[l].fax));
	for (i = 0; i < c->nofficers && field == POLICY_OFFICERS; i++)
		for (l = 0; l < LANG_MAX; l++)
			buffer_printf(&b, "%s%s %s, %s", i + (size_t)l > 0 ? " / " : "",
			    or_none(c->officers[i].role),
			    or_none(c->officers[i].name[l]),
			    or_none(c->officers[i].title[l]));
	if (b.failed) {
		free(b.data);
		return NULL;
	}
	return b.data;
}

/* Whether two companies say the same in one of the fields of words. */
static int
same_company_text(const struct company *a, const struct company *b,
    int field)
{
	char *x = company_text(a, field), *y = company_text(b, field);
	/* Out of memory: a cause, which then fails to be named. */
	int same = x != NULL && y != NULL && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

/* A policy as company.xml writes it. */
static char *
policy_text(const struct company *c, int field)
{
	static const char *const rounding[] = { "half-up", "truncate" };
	static const char *const negatives[NEG_STYLE_MAX] = { "parentheses",
	    "minus", "triangle", "black-triangle" };
	static const char *const nm[] = { "arithmetic", "not-meaningful" };
	static const char *const vanished[] = { "arithmetic", "zero",
	    "not-meaningful", "blank" };
	static const char *const footing[] = { "independent", "allocate",
	    "totals" };
	size_t i;
	char *s, *more;

	if (field > POLICY_FOOTING)
		return company_text(c, field);
	switch (field) {
	case POLICY_ROUNDING:
		return strdup(rounding[c->rounding != ROUND_HALF_UP]);
	case POLICY_PERCENT_ROUNDING:
		return strdup(rounding[c->percent_rounding != ROUND_HALF_UP]);
	case POLICY_NEGATIVES:
		return str_printf("en %s, ja %s", negatives[c->negatives[LANG_EN]],
		    negatives[c->negatives[LANG_JA]]);
	case POLICY_NOT_MEANINGFUL:
		return strdup(nm[c->not_meaningful != NM_ARITHMETIC]);
	case POLICY_VANISHED:
		return strdup(vanished[c->vanished]);
	default:
		s = strdup("");
		for (i = 0; s != NULL && i < c->nfooting; i++) {
			more = str_printf("%s%s%s %s", s, i > 0 ? ", " : "",
			    c->footing[i].kind != NULL ? c->footing[i].kind :
			    "default", footing[c->footing[i].allocate]);
			free(s);
			s = more;
		}
		return s;
	}
}

static void
find_policies(struct finder *f, const struct period *orel,
    const struct period *nrel)
{
	const struct company *oc = period_company(f->old, orel);
	const struct company *nc = period_company(f->new, nrel);
	int k;

	for (k = 0; k < POLICY_FIELD_MAX; k++) {
		struct try *t;

		if (k > POLICY_FOOTING ? same_company_text(oc, nc, k) :
		    k == POLICY_FOOTING ? same_footing(oc, nc) :
		    policy_value(oc, k) == policy_value(nc, k))
			continue;
		if ((t = causes_add(f, CAUSE_POLICY, policy_text(oc, k),
		    policy_text(nc, k), "company.xml %s",
		    policy_names[k])) == NULL)
			return;
		t->kind = TRY_POLICY;
		t->np = nrel;
		t->op = (struct period *)orel;
		t->field = k;
	}
}


void
causes_find(struct finder *f, const char *period)
{
	size_t i;

	for (i = 0; i < f->new->nperiods && !f->failed; i++) {
		struct period *op = (struct period *)book_period_by_id(f->old,
		    f->new->periods[i]->id);

		if (op == NULL)
			continue;
		find_facts(f, op, f->new->periods[i]);
		find_restatements(f, op, f->new->periods[i]);
		find_period_fields(f, op, f->new->periods[i]);
		find_narrative(f, op, f->new->periods[i]);
	}
	if (!f->failed)
		find_policies(f, book_period_by_id(f->old, period),
		    book_period_by_id(f->new, period));
}
