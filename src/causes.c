#include "causes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "causes_find.h"
#include "causes_layout.h"
#include "diff/group.h"
#include "load/template.h"
#include "model/expr.h"

/* ---- trying one cause on the old book ---- */

/* A copy of array (n of size) with entry `at` (-1: none) taken out and,
 * when elem is not NULL, elem in its place (or at the end); its count in
 * *count. */
static void *
array_with(const void *array, size_t n, size_t size, int at,
    const void *elem, size_t *count)
{
	char *copy = malloc((n + 1) * size), *to = copy;
	size_t i;

	if (copy == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if ((int)i == at) {
			if (elem != NULL) {
				memcpy(to, elem, size);
				to += size;
				elem = NULL;
			}
			continue;
		}
		memcpy(to, (const char *)array + i * size, size);
		to += size;
	}
	if (elem != NULL) {
		memcpy(to, elem, size);
		to += size;
	}
	*count = (size_t)(to - copy) / size;
	return copy;
}

static int
keep(struct try *t, void *target, size_t size)
{
	t->target = target;
	t->size = size;
	if ((t->saved = malloc(size)) == NULL)
		return -1;
	memcpy(t->saved, target, size);
	return 0;
}

static void
undo(struct finder *f, struct try *t)
{
	size_t i;

	if (t->kind == TRY_MESSAGE || t->kind == TRY_TEMPLATE)
		causes_layout_undo(t);
	for (i = 0; i < t->nslots; i++) {
		free(f->old->periods[i]->slots);
		f->old->periods[i]->slots = t->slots[i];
	}
	free(t->slots);
	t->slots = NULL;
	t->nslots = 0;
	if (t->saved != NULL)
		memcpy(t->target, t->saved, t->size);
	free(t->saved);
	free(t->temp);
	t->saved = t->temp = NULL;
}

/* Facts derived again from what is written, after one was changed. */
static int
derive_again(struct book *b, struct period *p)
{
	size_t i;

	for (i = 0; i < b->nfacts; i++)
		if (p->slots[i].derived != NULL) {
			memset(&p->slots[i], 0, sizeof(p->slots[i]));
			p->slots[i].state = SLOT_ABSENT;
		}
	return book_derive(b, p, period_company(b, p)->rounding);
}

/* Every period's facts derived again under a changed rounding policy
 * (ROUND() and facts in millions round as the era does): each period
 * works on a copy of its slots, undo puts the own back. */
static int
derive_all_again(struct finder *f, struct try *t)
{
	struct book *b = f->old;
	size_t i;

	if ((t->slots = calloc(b->nperiods + 1, sizeof(*t->slots))) == NULL)
		return -1;
	for (i = 0; i < b->nperiods; i++) {
		struct fact_slot *copy = malloc((b->nfacts + 1) * sizeof(*copy));

		if (copy == NULL)
			return -1;
		memcpy(copy, b->periods[i]->slots, b->nfacts * sizeof(*copy));
		t->slots[i] = b->periods[i]->slots;
		b->periods[i]->slots = copy;
		t->nslots = i + 1;
	}
	for (i = 0; i < b->nperiods; i++)
		if (derive_again(b, b->periods[i]) != 0)
			return -1;
	return 0;
}

static int
apply(struct finder *f, struct try *t)
{
	struct narrative *on;
	const struct narrative *nn;
	struct company *oc;
	const struct company *nc;

	switch (t->kind) {
	case TRY_FACT:
		if (keep(t, t->op, sizeof(*t->op)) != 0 ||
		    (t->temp = malloc((f->old->nfacts + 1) *
		    sizeof(*t->op->slots))) == NULL)
			return -1;
		memcpy(t->temp, t->op->slots, f->old->nfacts * sizeof(*t->op->slots));
		t->op->slots = t->temp;
		t->op->slots[t->of] = t->np->slots[t->nf];
		return derive_again(f->old, t->op);
	case TRY_RESTATEMENT: {
		struct restatement r;

		if (keep(t, t->op, sizeof(*t->op)) != 0)
			return -1;
		if (t->new_at >= 0) {
			r = t->np->restatements[t->new_at];
			r.fact = t->of;
		}
		if ((t->temp = array_with(t->op->restatements, t->op->nrestatements,
		    sizeof(r), t->old_at, t->new_at >= 0 ? &r : NULL,
		    &t->op->nrestatements)) == NULL)
			return -1;
		t->op->restatements = t->temp;
		return 0;
	}
	case TRY_RATE:
	case TRY_RELEASE:
		if (keep(t, t->op, sizeof(*t->op)) != 0)
			return -1;
		if (t->kind == TRY_RATE) {
			t->op->convenience_rate = t->np->convenience_rate;
			t->op->convenience_date = t->np->convenience_date;
			t->op->convenience_line = t->np->convenience_line;
		} else {
			t->op->has_release = t->np->has_release;
			t->op->release_date = t->np->release_date;
			t->op->datelines = t->np->datelines;
			t->op->ndatelines = t->np->ndatelines;
		}
		return 0;
	case TRY_SLOT:
	case TRY_NOTE:
		on = &t->op->narrative[t->lang];
		nn = &t->np->narrative[t->lang];
		if (keep(t, on, sizeof(*on)) != 0)
			return -1;
		if (t->kind == TRY_SLOT) {
			t->temp = array_with(on->slots, on->nslots, sizeof(*on->slots),
			    t->old_at, t->new_at >= 0 ? &nn->slots[t->new_at] : NULL,
			    &on->nslots);
			on->slots = t->temp;
		} else {
			t->temp = array_with(on->notes, on->nnotes, sizeof(*on->notes),
			    t->old_at, t->new_at >= 0 ? &nn->notes[t->new_at] : NULL,
			    &on->nnotes);
			on->notes = t->temp;
		}
		return t->temp != NULL ? 0 : -1;
	case TRY_POLICY:
		oc = (struct company *)period_company(f->old, t->op);
		nc = period_company(f->new, t->np);
		if (keep(t, oc, sizeof(*oc)) != 0)
			return -1;
		switch (t->field) {
		case POLICY_ROUNDING:
			oc->rounding = nc->rounding;
			return derive_all_again(f, t);
		case POLICY_PERCENT_ROUNDING:
			oc->percent_rounding = nc->percent_rounding;
			break;
		case POLICY_NEGATIVES:
			memcpy(oc->negatives, nc->negatives, sizeof(oc->negatives));
			break;
		case POLICY_NOT_MEANINGFUL:
			oc->not_meaningful = nc->not_meaningful;
			break;
		case POLICY_VANISHED:
			oc->vanished = nc->vanished;
			break;
		case POLICY_NAMES:
			memcpy(oc->name, nc->name, sizeof(oc->name));
			oc->short_name = nc->short_name;
			oc->ticker = nc->ticker;
			oc->market = nc->market;
			break;
		case POLICY_URLS:
			memcpy(oc->url, nc->url, sizeof(oc->url));
			break;
		case POLICY_CONTACTS:
			memcpy(oc->contact, nc->contact, sizeof(oc->contact));
			break;
		case POLICY_OFFICERS:
			oc->officers = nc->officers;
			oc->nofficers = nc->nofficers;
			break;
		default:
			oc->footing = nc->footing;
			oc->nfooting = nc->nfooting;
			break;
		}
		return 0;
	case TRY_MESSAGE:
	case TRY_TEMPLATE:
		return causes_layout_apply(t);
	case TRY_NONE:
		break;
	}
	return -1;
}

/* ---- rendering and comparing ---- */

static struct node *
render_lang(struct book *book, struct render_env *env, const char *period,
    int l, struct diag_list *diags)
{
	struct render_request rr;

	memset(&rr, 0, sizeof(rr));
	rr.period = period;
	rr.format = FORMAT_TEXT;
	rr.lang = l == LANG_JA ? RENDER_JA : RENDER_EN;
	rr.book = book;
	rr.env = env;
	return render_document(&rr, diags);
}

/* Compares the old draft with the old draft with cause t alone applied
 * (t NULL: with the new draft) into out, in every language asked for.
 * 0, or -1 when the cause cannot be tried, a render or the diff fails
 * (out->failed set). */
static int
compare_docs(const struct diff_request *req, struct diff_run *run,
    struct finder *f, struct try *t, struct diff *out)
{
	struct book *book = t != NULL ? run->old.book : run->new.book;
	struct render_env *env = t != NULL ? run->old.env : run->new.env;
	struct diag_list quiet;
	int l, rc = 0;

	memset(&quiet, 0, sizeof(quiet));
	for (l = 0; l < LANG_MAX && rc == 0; l++) {
		struct node *a, *b = NULL;

		if (!req->langs[l])
			continue;
		if ((a = render_lang(run->old.book, run->old.env, run->period, l,
		    &quiet)) == NULL)
			rc = -1;
		else if (t != NULL && apply(f, t) != 0)
			rc = -1;
		else if ((b = render_lang(book, env, run->period, l, &quiet)) == NULL)
			rc = -1;
		if (t != NULL)
			undo(f, t);
		if (rc == 0 && a != NULL && b != NULL && diff_documents(out, a, b,
		    render_env_no_break_after(env, (enum lang)l)) != 0)
			rc = -1;
		/* The changes name nothing in the trees but anchors, which
		 * matching never reads. */
		node_free(b);
		node_free(a);
	}
	diag_list_free(&quiet);
	if (rc != 0)
		out->failed = 1;
	return rc;
}

/* The two drafts compared with every cell rounded on its own. */
static int
compare_unfooted(const struct diff_request *req, struct diff_run *run,
    struct diff *out)
{
	struct company *oc = (struct company *)period_company(run->old.book,
	    book_period_by_id(run->old.book, run->period));
	struct company *nc = (struct company *)period_company(run->new.book,
	    book_period_by_id(run->new.book, run->period));
	size_t on = oc->nfooting, nn = nc->nfooting;
	int rc;

	oc->nfooting = nc->nfooting = 0;
	rc = compare_docs(req, run, NULL, NULL, out);
	oc->nfooting = on;
	nc->nfooting = nn;
	return rc;
}

/* ---- the total that moved a footed figure ---- */

static const struct node *
find_anchor(const struct node *n, const char *anchor)
{
	const struct node *k;

	if (n->anchor != NULL && strcmp(n->anchor, anchor) == 0)
		return n;
	for (k = n->first; k != NULL; k = k->next) {
		const struct node *found = find_anchor(k, anchor);

		if (found != NULL)
			return found;
	}
	return NULL;
}

/* The cell of the sum whose part the cell's row is, in its column. */
static const struct node *
total_cell(const struct template_set *set, const struct node *cell)
{
	const struct node *row = cell->parent, *table = row->parent, *k, *c;
	const struct tpl_table *t;
	size_t r, s, p;

	if (set == NULL || cell->kind != NODE_CELL || cell->id == NULL ||
	    row->id == NULL || table->kind != NODE_TABLE || table->id == NULL ||
	    (t = templates_table(set, table->id)) == NULL)
		return NULL;
	for (r = 0; r < t->nrows; r++)
		if (t->rows[r].id != NULL && strcmp(t->rows[r].id, row->id) == 0)
			break;
	for (s = 0; r < t->nrows && s < t->nrows; s++)
		for (p = 0; p < t->rows[s].nsum; p++)
			if (t->rows[s].sum[p].row == r && t->rows[s].id != NULL)
				for (k = table->first; k != NULL; k = k->next)
					if (k->kind == NODE_ROW && k->id != NULL &&
					    strcmp(k->id, t->rows[s].id) == 0)
						for (c = k->first; c != NULL; c = c->next)
							if (c->id != NULL &&
							    strcmp(c->id, cell->id) == 0)
								return c;
	return NULL;
}

/* "Table › Total revenues › USD": the row alone, as the figure it moved
 * is in the same table and column. */
static void
short_total(char *where)
{
	static const char sep[] = " \xE2\x80\xBA ";
	char *first = strstr(where, sep), *last = NULL, *k;

	for (k = where; (k = strstr(k, sep)) != NULL; k += strlen(sep))
		last = k;
	if (first == NULL || last == first)
		return;
	*last = '\0';
	memmove(where, first + strlen(sep), strlen(first + strlen(sep)) + 1);
}

static int
name_totals(struct diff_run *run)
{
	struct diag_list quiet;
	const struct template_set *set;
	size_t i;

	memset(&quiet, 0, sizeof(quiet));
	set = render_env_templates(run->new.env, run->period, &quiet);
	diag_list_free(&quiet);

	for (i = 0; i < run->diff.nchanges; i++) {
		struct change *x = &run->diff.changes[i];
		const struct node *at, *total;

		if (!x->footing_only || x->anchor == NULL ||
		    run->docs[x->lang] == NULL ||
		    (at = find_anchor(run->docs[x->lang], x->anchor)) == NULL ||
		    (total = total_cell(set, at)) == NULL)
			continue;
		if ((x->footing_total = diff_where(total)) == NULL)
			return -1;
		short_total(x->footing_total);
	}
	return 0;
}

/* ---- all together ---- */

int
diff_causes(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags)
{
	struct finder f;
	struct diff *alone = NULL, unfooted;
	size_t k;
	int rc = -1;

	memset(&f, 0, sizeof(f));
	memset(&unfooted, 0, sizeof(unfooted));
	f.old = run->old.book;
	f.new = run->new.book;
	if (run->diff.nchanges == 0)
		return 0;
	causes_find(&f, run->period);
	if (!f.failed)
		causes_find_layout(&f, run->old.env, run->new.env, run->period);
	if (f.failed || (alone = calloc(f.n + 1, sizeof(*alone))) == NULL)
		goto oom;
	for (k = 0; k < f.n; k++) {
		/* A cause not tried, or that cannot be, is found by
		 * elimination (diff_group). */
		if (f.tries[k].kind == TRY_NONE)
			alone[k].failed = 1;
		else
			(void)compare_docs(req, run, &f, &f.tries[k], &alone[k]);
	}
	if (diff_group(&run->diff, f.causes, f.n, alone) != 0) {
		f.causes = NULL;
		goto oom;
	}
	f.causes = NULL;
	if (compare_unfooted(req, run, &unfooted) == 0 &&
	    diff_mark_footing(&run->diff, &unfooted) > 0 && name_totals(run) != 0)
		goto oom;
	rc = 0;
	goto out;
oom:
	diag_add(diags, DIAG_FATAL, NULL, 0, "cannot group the changes by "
	    "cause: out of memory");
out:
	for (k = 0; alone != NULL && k <= f.n; k++)
		diff_free(&alone[k]);
	free(alone);
	diff_free(&unfooted);
	if (f.causes != NULL) {
		for (k = 0; k < f.n; k++) {
			free(f.causes[k].name);
			free(f.causes[k].old_value);
			free(f.causes[k].new_value);
		}
		free(f.causes);
	}
	free(f.tries);
	return rc;
}

