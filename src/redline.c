/*
 * The redline PDF of `kessan diff --format pdf`: a summary of the changes,
 * grouped, each with the page it is on, then the new drafts as kessan
 * render lays them out (the Japanese summary, then the English release,
 * as in the compilation), with the diff's marks drawn: deleted text
 * struck in red, inserted text underlined in blue, a bar by every
 * changed line (layout/marks.c).
 */
#include "render_pdf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "backend/pdf.h"
#include "format/format.h"
#include "layout/marks.h"
#include "util/buffer.h"

/* " › " between the parts of a change's place. */
#define PLACE_SEP "\xE2\x80\xBA"

/* Summary layouts tried before its page count settles. */
#define MAX_SUMMARY_PASSES 4

/*
 * The group a change is listed under (malloc'd; NULL when out of memory):
 * its cause as the text diff names it ("#2 fact 2004-q1 is.exp.ga:
 * 620651 → 630651"), or, when the diff is not grouped by cause, its
 * section or table, the first part of where it stands. The summary lists
 * groups in the order their first change comes.
 */
static char *
change_group(const struct diff *d, const struct change *ch)
{
	const struct change_cause *g;
	int changed;

	if (d->ncauses == 0 || ch->cause >= d->ncauses) {
		const char *sep = strstr(ch->where, " " PLACE_SEP " ");
		return sep != NULL ? strndup(ch->where, (size_t)(sep - ch->where)) :
		    strdup(ch->where);
	}
	g = &d->causes[ch->cause];
	changed = g->old_value[0] != '\0' || g->new_value[0] != '\0';
	return str_printf("#%zu %s %s%s%s%s%s", ch->cause + 1,
	    cause_kind_names[g->kind], g->name, changed ? ": " : "",
	    g->old_value, changed ? " \xE2\x86\x92 " : "", g->new_value);
}

/* The drafts in the redline's order, as in the compilation. */
static const enum lang part_order[LANG_MAX] = { LANG_JA, LANG_EN };

/* ---- page labels shifted to the redline's pages ---- */

struct shifted {
	const struct layout_options *base;
	int offset;     /* pages before this layout */
	int total;      /* pages of the whole redline; 0 while counting */
};

static char *
shifted_label(void *arg, int page, int pages, enum lang lang, char *err,
    size_t errsize)
{
	const struct shifted *s = arg;

	return s->base->page_label(s->base->arg, page + s->offset,
	    s->total > 0 ? s->total : pages, lang, err, errsize);
}

static char *
shifted_ref(void *arg, int page, enum lang lang, char *err, size_t errsize)
{
	const struct shifted *s = arg;

	return s->base->page_ref(s->base->arg, page + s->offset, lang, err,
	    errsize);
}

/* Lays doc out as pages offset+1… of a redline of total pages. */
static struct layout *
layout_at(const struct node *doc, const struct render_pdf *setup, int offset,
    int total, struct diag_list *diags)
{
	struct shifted s = { &setup->options, offset, total };
	struct layout_options o = setup->options;

	o.page_label = shifted_label;
	o.page_ref = shifted_ref;
	o.arg = &s;
	return layout_document(doc, &o, diags);
}

/* ---- the page of each change ---- */

struct target {
	const struct node *node;   /* the change's first marked text, or its
	                              anchored node */
	size_t change;
};

static int
by_node(const void *a, const void *b)
{
	const struct target *x = a, *y = b;

	if (x->node != y->node)
		return (uintptr_t)x->node < (uintptr_t)y->node ? -1 : 1;
	return x->change < y->change ? -1 : x->change > y->change;
}

/* The node of doc holding anchor (the pointer the change keeps). */
static const struct node *
anchored(const struct node *n, const char *anchor)
{
	const struct node *k;

	if (n->anchor == anchor)
		return n;
	for (k = n->first; k != NULL; k = k->next) {
		const struct node *found = anchored(k, anchor);

		if (found != NULL)
			return found;
	}
	return NULL;
}

/* The skip-th text node under n that the diff marked itself. */
static const struct node *
marked_text(const struct node *n, size_t *skip)
{
	const struct node *k;

	if (n->kind == NODE_TEXT && n->change != CHANGE_NONE) {
		if (*skip == 0)
			return n;
		(*skip)--;
	}
	for (k = n->first; k != NULL; k = k->next) {
		const struct node *found = marked_text(k, skip);

		if (found != NULL)
			return found;
	}
	return NULL;
}

/* How many marked runs a sentence change put in its paragraph: a deleted
 * and an inserted one for each changed word, when not empty (diff.c). */
static size_t
runs_of(const struct change *ch)
{
	size_t i, n = 0;

	for (i = 0; i < ch->nops; i++)
		if (ch->ops[i].changed)
			n += (ch->ops[i].old.len > 0) + (ch->ops[i].new.len > 0);
	return n;
}

/* Where change i's marks start in the documents. */
static const struct node *
target_of(const struct diff_report *r, size_t i)
{
	const struct change *ch = &r->diff->changes[i];
	const struct node *a = NULL, *t;
	size_t k, skip = 0;
	int l;

	for (l = 0; l < LANG_MAX && a == NULL; l++)
		if (r->docs[l] != NULL)
			a = anchored(r->docs[l], ch->anchor);
	if (a == NULL || ch->kind != CHANGE_TEXT || ch->ops == NULL)
		return a;
	/* A paragraph's sentence changes share its anchor, in order. */
	for (k = 0; k < i; k++)
		if (r->diff->changes[k].anchor == ch->anchor &&
		    r->diff->changes[k].kind == CHANGE_TEXT)
			skip += runs_of(&r->diff->changes[k]);
	t = marked_text(a, &skip);
	return t != NULL ? t : a;
}

/* The first target of node n, or nt. */
static size_t
first_target(const struct target *t, size_t nt, const struct node *n)
{
	size_t lo = 0, hi = nt;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if ((uintptr_t)t[mid].node < (uintptr_t)n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nt && t[lo].node == n ? lo : nt;
}

/* Notes in pages[] the first page (offset + 1…) of lay where each
 * target's text is drawn. */
static void
find_pages(const struct layout *lay, int offset, const struct target *t,
    size_t nt, int *pages)
{
	size_t p, i, k;
	const struct node *n;

	for (p = 0; p < lay->npages; p++)
		for (i = 0; i < lay->pages[p].nops; i++)
			for (n = lay->pages[p].ops[i].src; n != NULL; n = n->parent)
				for (k = first_target(t, nt, n); k < nt && t[k].node == n;
				    k++)
					if (pages[t[k].change] == 0)
						pages[t[k].change] = offset + (int)p + 1;
}

/* Whether n is a chart whose data changed (a change without marked
 * text). */
static int
changed_chart(const struct diff_report *r, const struct target *t,
    size_t nt, const struct node *n)
{
	size_t k;

	for (k = first_target(t, nt, n); k < nt && t[k].node == n; k++)
		if (r->diff->changes[t[k].change].kind == CHANGE_CHART)
			return 1;
	return 0;
}

/* A bar by each line of text of a chart whose data changed: its caption,
 * its labels. 0, or -1 when out of memory. */
static int
bar_charts(struct layout *lay, const struct diff_report *r,
    const struct target *t, size_t nt)
{
	size_t p, i, n;
	const struct node *k;

	for (p = 0; p < lay->npages; p++)
		for (i = 0, n = lay->pages[p].nops; i < n; i++) {
			if (lay->pages[p].ops[i].kind != OP_TEXT)
				continue;
			for (k = lay->pages[p].ops[i].src; k != NULL; k = k->parent)
				if (k->kind == NODE_CHART && changed_chart(r, t, nt, k))
					break;
			if (k != NULL && layout_bar(&lay->pages[p], i) != 0)
				return -1;
		}
	return 0;
}

/* ---- the summary, a document of its own ---- */

static struct node *
add_run(struct node *parent, const char *text, size_t len,
    enum change_mark mark)
{
	char *copy = strndup(text, len);
	struct node *t = NULL;

	if (copy != NULL && len > 0 &&
	    (t = node_add_text(parent, copy, parent->lang)) != NULL)
		t->change = mark;
	if (copy == NULL)
		node_lost(parent);
	free(copy);
	return t;
}

static void
add_text(struct node *parent, const char *text, enum change_mark mark)
{
	add_run(parent, text, strlen(text), mark);
}

/* The change as the redline draws it: old struck, new underlined. */
static void
add_change_text(struct node *item, const struct change *ch)
{
	size_t i;

	if (ch->kind == CHANGE_CHART) {
		add_text(item, "the chart's data changed", CHANGE_NONE);
		return;
	}
	if (ch->kind != CHANGE_TEXT || ch->ops == NULL) {
		add_text(item, ch->old_text, CHANGE_DELETED);
		add_text(item, ch->new_text, CHANGE_INSERTED);
		return;
	}
	for (i = 0; i < ch->nops; i++) {
		const struct word_op *op = &ch->ops[i];

		if (!op->changed)
			add_run(item, ch->new_text + op->new.start, op->new.len,
			    CHANGE_NONE);
		else {
			add_run(item, ch->old_text + op->old.start, op->old.len,
			    CHANGE_DELETED);
			add_run(item, ch->new_text + op->new.start, op->new.len,
			    CHANGE_INSERTED);
		}
	}
}

/*
 * One line of the summary: "page 5  IP Service › 1Q04: 2,695 2,795", a
 * paragraph (a list's left edge moves when an item crosses a page).
 */
static int
add_item(struct node *doc, const struct change *ch, const char *group,
    int page, const struct render_pdf *setup, struct diag_list *diags)
{
	struct node *item = node_add(doc, NODE_PARAGRAPH, ch->lang);
	const char *place = ch->where;

	if (item == NULL)
		return 0;   /* marked lost: the caller sees it */
	if (page > 0) {
		char err[256], *ref;

		if ((ref = setup->options.page_ref(setup->options.arg, page,
		    ch->lang, err, sizeof(err))) == NULL) {
			diag_add(diags, DIAG_FATAL, NULL, 0, "redline: %s", err);
			return -1;
		}
		add_text(item, ref, CHANGE_NONE);
		add_text(item, "  ", CHANGE_NONE);
		free(ref);
	}
	if (strncmp(place, group, strlen(group)) == 0) {
		place += strlen(group);
		if (strncmp(place, " " PLACE_SEP " ", 5) == 0)
			place += 5;
	}
	if (place[0] != '\0') {
		add_text(item, place, CHANGE_NONE);
		add_text(item, ": ", CHANGE_NONE);
	}
	if (ch->kind == CHANGE_ADDED)
		add_text(item, "added: ", CHANGE_NONE);
	else if (ch->kind == CHANGE_REMOVED)
		add_text(item, "removed: ", CHANGE_NONE);
	add_change_text(item, ch);
	if (ch->footing_only && ch->footing_total != NULL) {
		add_text(item, "  [footing: ", CHANGE_NONE);
		add_text(item, ch->footing_total, CHANGE_NONE);
		add_text(item, "]", CHANGE_NONE);
	}
	return 0;
}

static struct node *
add_paragraph(struct node *doc, enum para_role role, const char *text)
{
	struct node *p = node_add(doc, NODE_PARAGRAPH, LANG_EN);

	if (p != NULL) {
		p->u.paragraph.role = role;
		add_text(p, text, CHANGE_NONE);
	}
	return p;
}

/* The title, the legend and the count before the groups. */
static int
add_preamble(struct node *doc, const struct diff_report *r,
    const struct render_pdf *setup)
{
	struct node *p;
	char count[64];

	add_paragraph(doc, ROLE_TITLE, "Redline");
	add_paragraph(doc, ROLE_SUBTITLE, r->title);
	if ((p = add_paragraph(doc, ROLE_BODY, r->period)) != NULL) {
		add_text(p, ": ", CHANGE_NONE);
		add_text(p, r->old_label, CHANGE_NONE);
		add_text(p, " \xE2\x86\x92 ", CHANGE_NONE);   /* → */
		add_text(p, r->new_label, CHANGE_NONE);
	}
	if (r->diff->nchanges == 0) {
		add_paragraph(doc, ROLE_BODY, "No differences.");
		return 0;
	}
	if (format_units(setup->labels.formatters[LANG_EN],
	    (int64_t)r->diff->nchanges, 0, NUMBER_PLAIN, 0, count,
	    sizeof(count)) != 0)
		return -1;
	if ((p = add_paragraph(doc, ROLE_BODY, count)) != NULL) {
		const char *by = r->diff->ncauses > 0 ?
		    "under the input that changed it" : "by section";

		add_text(p, r->diff->nchanges == 1 ? " change, listed " :
		    " changes, each listed ", CHANGE_NONE);
		add_text(p, by, CHANGE_NONE);
		add_text(p, " with the page it is on. In the pages that follow, "
		    "text deleted is ", CHANGE_NONE);
		add_text(p, "struck through", CHANGE_DELETED);
		add_text(p, ", text inserted is ", CHANGE_NONE);
		add_text(p, "underlined", CHANGE_INSERTED);
		add_text(p, ", and a bar in the margin marks every line that "
		    "changed.", CHANGE_NONE);
	}
	return 0;
}

/* The summary with each change's page (0: not drawn). */
static struct node *
build_summary(const struct diff_report *r, const int *pages,
    const struct render_pdf *setup, struct diag_list *diags)
{
	const struct diff *d = r->diff;
	struct node *doc = node_add(NULL, NODE_DOCUMENT, LANG_EN);
	char **groups = calloc(d->nchanges + 1, sizeof(*groups));
	unsigned char *done = calloc(d->nchanges + 1, 1);
	size_t i, k;
	int l, rc = -1;

	if (doc == NULL || groups == NULL || done == NULL ||
	    add_preamble(doc, r, setup) != 0)
		goto out;
	for (i = 0; i < d->nchanges; i++)
		if ((groups[i] = change_group(d, &d->changes[i])) == NULL)
			goto out;
	/* Each group where its first change comes, with all of its own; the
	 * languages in the redline's order. */
	for (l = 0; l < LANG_MAX; l++)
		for (i = 0; i < d->nchanges; i++) {
			struct node *heading;

			if (done[i] || d->changes[i].lang != part_order[l])
				continue;
			if ((heading = node_add(doc, NODE_HEADING, part_order[l])) ==
			    NULL)
				goto out;
			heading->u.heading.level = 2;
			add_text(heading, groups[i], CHANGE_NONE);
			for (k = i; k < d->nchanges; k++) {
				if (done[k] || d->changes[k].lang != part_order[l] ||
				    strcmp(groups[k], groups[i]) != 0)
					continue;
				done[k] = 1;
				if (add_item(doc, &d->changes[k], groups[i], pages[k],
				    setup, diags) != 0)
					goto fail_reported;
			}
		}
	rc = 0;
out:
	if (rc != 0 || node_incomplete(doc))
		diag_add(diags, DIAG_FATAL, NULL, 0, "redline: out of memory");
fail_reported:
	for (i = 0; groups != NULL && i < d->nchanges; i++)
		free(groups[i]);
	free(groups);
	free(done);
	if (rc != 0 || node_incomplete(doc)) {
		node_free(doc);
		return NULL;
	}
	return doc;
}

/* ---- the whole ---- */

struct part {
	const struct node *doc;
	int first;          /* pages before it */
};

static int
write_pdf(const struct diff_report *r, const struct render_pdf *setup,
    struct layout *lay, struct buffer *out, struct diag_list *diags)
{
	struct pdf_meta meta;
	char err[256], title[512];

	snprintf(title, sizeof(title), "Redline: %s", r->title);
	memset(&meta, 0, sizeof(meta));
	meta.title = title;
	meta.subject = r->new_label;
	meta.author = setup->company->name[LANG_EN];
	meta.lang = lang_code(r->docs[LANG_EN] != NULL ? LANG_EN : LANG_JA);
	meta.epoch = setup->epoch;
	if (pdf_render(lay, setup->fonts, &meta, out, err, sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "cannot write the redline: %s",
		    err);
		return -1;
	}
	return 0;
}

int
redline_render(const struct diff_report *r, struct buffer *out,
    struct diag_list *diags)
{
	struct render_pdf setup;
	struct part parts[LANG_MAX];
	struct target *targets = NULL;
	struct layout *all = NULL;
	struct node *summary = NULL;
	int *pages = NULL, body = 0, front = 1, pass, rc = -1;
	size_t nparts = 0, i, nt = 0;

	memset(parts, 0, sizeof(parts));
	if (render_pdf_setup(r->env, r->period, PAPER_A4, &setup, diags) != 0)
		return -1;
	for (i = 0; i < LANG_MAX; i++)
		if (r->docs[part_order[i]] != NULL)
			parts[nparts++].doc = r->docs[part_order[i]];
	if ((pages = calloc(r->diff->nchanges + 1, sizeof(*pages))) == NULL ||
	    (targets = calloc(r->diff->nchanges + 1, sizeof(*targets))) == NULL)
		goto oom;
	for (i = 0; i < r->diff->nchanges; i++)
		if ((targets[nt].node = target_of(r, i)) != NULL)
			targets[nt++].change = i;
	qsort(targets, nt, sizeof(*targets), by_node);
	/* The drafts' pages, counted from the first, and each change's. */
	for (i = 0; i < nparts; i++) {
		struct layout *lay = layout_at(parts[i].doc, &setup, body, 0, diags);

		if (lay == NULL)
			goto out;
		parts[i].first = body;
		find_pages(lay, body, targets, nt, pages);
		body += (int)lay->npages;
		layout_free(lay);
	}
	/* The summary comes first: its length moves every page after it. */
	for (pass = 0; pass < MAX_SUMMARY_PASSES; pass++) {
		int *shifted = calloc(r->diff->nchanges + 1, sizeof(*shifted));

		if (shifted == NULL)
			goto oom;
		for (i = 0; i < r->diff->nchanges; i++)
			shifted[i] = pages[i] > 0 ? pages[i] + front : 0;
		node_free(summary);
		layout_free(all);
		all = NULL;
		summary = build_summary(r, shifted, &setup, diags);
		free(shifted);
		if (summary == NULL ||
		    (all = layout_at(summary, &setup, 0, front + body, diags)) == NULL)
			goto out;
		if ((int)all->npages == front)
			break;
		front = (int)all->npages;
	}
	if (layout_draw_marks(all, 0) != 0)
		goto oom;
	for (i = 0; i < nparts; i++) {
		struct layout *lay = layout_at(parts[i].doc, &setup,
		    front + parts[i].first, front + body, diags);

		if (lay == NULL)
			goto out;
		if (layout_draw_marks(lay, 1) != 0 ||
		    bar_charts(lay, r, targets, nt) != 0) {
			layout_free(lay);
			goto oom;
		}
		if (layout_append(all, lay) != 0)
			goto oom;
	}
	rc = write_pdf(r, &setup, all, out, diags);
	goto out;
oom:
	diag_add(diags, DIAG_FATAL, NULL, 0, "redline: out of memory");
out:
	node_free(summary);
	layout_free(all);
	free(targets);
	free(pages);
	return rc;
}
