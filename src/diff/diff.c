#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"
#include "lcs.h"
#include "refs.h"

const char *const cause_kind_names[CAUSE_MAX] = {
	"fact", "slot", "footnote", "message", "template", "policy", "combined",
	"other"
};

/* Two paragraphs that share less than this part of their words are one
 * removed and one added, not one changed. */
#define MIN_LIKENESS 0.4

struct ctx {
	struct diff *d;
	const char *no_break_after;
	struct sentence_breakers breakers;   /* one open per language */
};

static void
fail(struct ctx *c)
{
	c->d->failed = 1;
}

/* ---- what a reader calls a place in the document ---- */

static void
collect_words(const struct node *n, struct buffer *b)
{
	const struct node *k;

	/* The new draft's words: text the diff marked deleted is not. */
	if (n->kind == NODE_TEXT && n->change != CHANGE_DELETED)
		buffer_puts(b, n->u.text.text);
	for (k = n->first; k != NULL; k = k->next)
		if (k->kind != NODE_NOTE_REF)
			collect_words(k, b);
}

/* A node's text without footnote markers, spaces trimmed (malloc'd). */
static char *
words_of(const struct node *n)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t start = 0;

	buffer_puts(&b, "");
	collect_words(n, &b);
	if (b.failed)
		return NULL;
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	while (b.data[start] == ' ')
		start++;
	memmove(b.data, b.data + start, b.len - start + 1);
	return b.data;
}

static void
put_words(struct buffer *b, const struct node *n)
{
	char *w = words_of(n);

	if (w == NULL)
		b->failed = 1;
	else
		buffer_puts(b, w);
	free(w);
}

static const struct node *
first_child(const struct node *n, enum node_kind kind)
{
	const struct node *k;

	for (k = n->first; k != NULL; k = k->next)
		if (k->kind == kind)
			return k;
	return NULL;
}

/* A table's or chart's name: its first caption line, or its id. */
static void
put_title(struct buffer *b, const struct node *n)
{
	const struct node *caption = first_child(n, NODE_CAPTION);

	if (caption != NULL)
		put_words(b, caption);
	else
		buffer_puts(b, n->id != NULL ? n->id : node_kind_names[n->kind]);
}

/* A section's name: its heading, or its id. */
static void
put_section_name(struct buffer *b, const struct node *section)
{
	const struct node *heading = first_child(section, NODE_HEADING);

	if (heading != NULL)
		put_words(b, heading);
	else {
		buffer_puts(b, "#");
		buffer_puts(b, section->id != NULL ? section->id : "");
	}
}

/* The first column a cell covers. */
static int
column_of(const struct node *cell)
{
	const struct node *k;
	int col = 0;

	for (k = cell->parent->first; k != NULL && k != cell; k = k->next)
		col += k->u.cell.span > 1 ? k->u.cell.span : 1;
	return col;
}

/* The header text over a column: each header row's cell over it. */
static void
put_column(struct buffer *b, const struct node *table, int col)
{
	const struct node *row, *cell;
	int first = 1;

	for (row = table->first; row != NULL; row = row->next) {
		int at = 0;

		if (row->kind != NODE_ROW || !(row->u.row.flags & ROW_HEADER))
			continue;
		for (cell = row->first; cell != NULL; cell = cell->next) {
			int span = cell->u.cell.span > 1 ? cell->u.cell.span : 1;

			if (col >= at && col < at + span) {
				char *w = words_of(cell);

				if (w == NULL)
					b->failed = 1;
				else if (w[0] != '\0') {
					buffer_puts(b, first ? "" : " ");
					buffer_puts(b, w);
					first = 0;
				}
				free(w);
				break;
			}
			at += span;
		}
	}
	if (first)
		buffer_puts(b, "#");
}

static void
put_row_label(struct buffer *b, const struct node *row)
{
	const struct node *cell;

	if (row->u.row.flags & ROW_HEADER) {
		buffer_puts(b, "(header)");
		return;
	}
	for (cell = row->first; cell != NULL; cell = cell->next)
		if (cell->u.cell.flags & CELL_LABEL) {
			put_words(b, cell);
			return;
		}
	buffer_puts(b, row->id != NULL ? row->id : "(row)");
}

/* Where n stands: its table, row and column, or its section's heading. */
char *
diff_where(const struct node *n)
{
	struct buffer b = { NULL, 0, 0, 0 };
	const struct node *a;

	buffer_puts(&b, "");
	for (a = n; a != NULL; a = a->parent) {
		if (a->kind == NODE_TABLE || a->kind == NODE_CHART) {
			put_title(&b, a);
			if (n->kind == NODE_ROW || n->kind == NODE_CELL) {
				const struct node *row = n->kind == NODE_ROW ? n :
				    n->parent;
				buffer_puts(&b, " \xE2\x80\xBA ");
				put_row_label(&b, row);
			}
			if (n->kind == NODE_CELL) {
				buffer_puts(&b, " \xE2\x80\xBA ");
				put_column(&b, a, column_of(n));
			}
			break;
		}
		if (a->kind == NODE_SECTION && a != n) {
			put_section_name(&b, a);
			break;
		}
	}
	if (n->kind == NODE_FOOTNOTE) {
		char marker[64];

		node_note_marker(n, marker, sizeof(marker));
		buffer_puts(&b, b.len > 0 ? " \xE2\x80\xBA note " : "note ");
		buffer_puts(&b, marker);
	}
	if (b.failed) {
		free(b.data);
		return NULL;
	}
	return b.data;
}

/* ---- recording ---- */

static const char *
anchor_of(struct ctx *c, struct node *n)
{
	if (n->anchor == NULL) {
		char buf[32];

		snprintf(buf, sizeof(buf), "change-%u", ++c->d->next_anchor);
		if ((n->anchor = strdup(buf)) == NULL)
			fail(c);
	}
	return n->anchor;
}

/* Records a change at node n, which was node `was` in the old draft
 * (NULL: none); takes ownership of ops. */
static void
record(struct ctx *c, enum change_kind kind, struct node *n,
    const struct node *was, char *old_text, char *new_text,
    struct word_op *ops, size_t nops)
{
	struct diff *d = c->d;
	struct change *all, *ch;

	if ((all = array_grow(d->changes, d->nchanges, sizeof(*all))) == NULL) {
		fail(c);
		free(old_text);
		free(new_text);
		free(ops);
		return;
	}
	d->changes = all;
	ch = &all[d->nchanges++];
	ch->kind = kind;
	ch->lang = n->lang;
	ch->where = diff_where(n);
	ch->old_where = diff_where(was != NULL ? was : n);
	ch->old_text = old_text != NULL ? old_text : strdup("");
	ch->new_text = new_text != NULL ? new_text : strdup("");
	ch->ops = ops;
	ch->nops = nops;
	ch->anchor = anchor_of(c, n);
	ch->cause = 0;
	ch->footing_only = 0;
	ch->footing_total = NULL;
	if (ch->where == NULL || ch->old_where == NULL || ch->old_text == NULL ||
	    ch->new_text == NULL)
		fail(c);
	if (kind == CHANGE_FIGURE)
		d->figures++;
}

static void
add_run(struct ctx *c, struct node *parent, const char *s, size_t len,
    enum change_mark mark)
{
	if (marked_run_add(parent, s, len, mark) != 0)
		fail(c);
}

static void
add_new_run(struct ctx *c, struct node *parent, const char *nt, size_t from,
    size_t len, enum change_mark mark, struct note_refs *r)
{
	if (note_refs_put(r, parent, nt, from, len, mark) != 0)
		fail(c);
}

/* ---- inline blocks: sentence by sentence, then word by word ---- */

static void
compare_inline(struct ctx *c, const struct node *o, struct node *n)
{
	char *ot = node_plain_text(o, NOTE_SUPERSCRIPT);
	char *nt = node_plain_text(n, NOTE_SUPERSCRIPT);
	struct span *so = NULL, *sn = NULL;
	struct word_op *sentences = NULL;
	struct note_refs refs;
	size_t nso, nsn, nsent, i, k;

	memset(&refs, 0, sizeof(refs));
	if (ot == NULL || nt == NULL) {
		fail(c);
		goto out;
	}
	if (strcmp(ot, nt) == 0)
		goto out;
	if (sentences_split_with(&c->breakers, ot, n->lang, c->no_break_after,
	    &so, &nso) != 0 ||
	    sentences_split_with(&c->breakers, nt, n->lang, c->no_break_after,
	    &sn, &nsn) != 0 ||
	    spans_diff(ot, so, nso, nt, sn, nsn, &sentences, &nsent) != 0) {
		fail(c);
		goto out;
	}
	/* The marked text replaces the block's runs; its references stay. */
	if (note_refs_take(n, &refs) != 0)
		fail(c);
	node_clear(n);
	for (i = 0; i < nsent; i++) {
		const struct word_op *s = &sentences[i];
		char *os, *ns;
		struct word_op *words;
		size_t nwords;

		if (!s->changed) {
			add_new_run(c, n, nt, s->new.start, s->new.len, CHANGE_NONE,
			    &refs);
			continue;
		}
		os = strndup(ot + s->old.start, s->old.len);
		ns = strndup(nt + s->new.start, s->new.len);
		if (os == NULL || ns == NULL ||
		    words_diff(os, ns, n->lang, &words, &nwords) != 0) {
			free(os);
			free(ns);
			fail(c);
			break;
		}
		for (k = 0; k < nwords; k++) {
			const struct word_op *w = &words[k];

			if (!w->changed)
				add_new_run(c, n, nt, s->new.start + w->new.start,
				    w->new.len, CHANGE_NONE, &refs);
			else {
				add_run(c, n, os + w->old.start, w->old.len,
				    CHANGE_DELETED);
				add_new_run(c, n, nt, s->new.start + w->new.start,
				    w->new.len, CHANGE_INSERTED, &refs);
			}
		}
		record(c, CHANGE_TEXT, n, o, os, ns, words, nwords);
	}
out:
	note_refs_free(&refs);
	free(ot);
	free(nt);
	free(so);
	free(sn);
	free(sentences);
}

/* ---- table rows: cells by column id, else by column ---- */

static struct node *
matching_cell(const struct node *old_row, const struct node *cell)
{
	struct node *k;

	for (k = old_row->first; k != NULL; k = k->next)
		if (cell->id != NULL ? k->id != NULL &&
		    strcmp(k->id, cell->id) == 0 :
		    k->id == NULL && column_of(k) == column_of(cell))
			return k;
	return NULL;
}

static void
compare_row(struct ctx *c, const struct node *o, struct node *n)
{
	struct node *cell;

	for (cell = n->first; cell != NULL; cell = cell->next) {
		const struct node *was = matching_cell(o, cell);
		char *ot, *nt;

		if (was == NULL) {
			if ((nt = node_plain_text(cell, NOTE_SUPERSCRIPT)) == NULL) {
				fail(c);
				return;
			}
			cell->change = CHANGE_INSERTED;
			if (nt[0] != '\0')
				record(c, CHANGE_ADDED, cell, NULL, NULL, nt, NULL, 0);
			else
				free(nt);
			continue;
		}
		ot = node_plain_text(was, NOTE_SUPERSCRIPT);
		nt = node_plain_text(cell, NOTE_SUPERSCRIPT);
		if (ot == NULL || nt == NULL) {
			free(ot);
			free(nt);
			fail(c);
			return;
		}
		if (strcmp(ot, nt) == 0) {
			free(ot);
			free(nt);
			continue;
		}
		node_clear(cell);
		add_run(c, cell, ot, strlen(ot), CHANGE_DELETED);
		add_run(c, cell, nt, strlen(nt), CHANGE_INSERTED);
		record(c, (cell->u.cell.flags & CELL_FIGURE) || cell->computed ?
		    CHANGE_FIGURE : CHANGE_TEXT, cell, was, ot, nt, NULL, 0);
	}
}

/* ---- charts: their data, compared exactly ---- */

static int
same_chart(const struct chart *a, const struct chart *b)
{
	size_t i, s;

	if (a->ncategories != b->ncategories || a->nseries != b->nseries)
		return 0;
	for (i = 0; i < a->ncategories; i++)
		if (strcmp(a->categories[i], b->categories[i]) != 0)
			return 0;
	for (s = 0; s < a->nseries; s++) {
		if (strcmp(a->series[s].label, b->series[s].label) != 0)
			return 0;
		for (i = 0; i < a->ncategories; i++)
			if (a->series[s].present[i] != b->series[s].present[i] ||
			    (a->series[s].present[i] &&
			    a->series[s].values[i] != b->series[s].values[i]))
				return 0;
	}
	return 1;
}

/* ---- blocks: aligned by id, else by text, the rest paired by kind ---- */

static void compare_node(struct ctx *c, struct node *o, struct node *n);

struct blocks {
	struct node **old, **new;
	char **old_text, **new_text;   /* plain texts, for alignment */
	size_t nold, nnew;
};

static int
same_block(void *arg, size_t i, size_t j)
{
	const struct blocks *b = arg;
	const struct node *o = b->old[i], *n = b->new[j];

	if (o->kind != n->kind)
		return 0;
	if (o->kind == NODE_ROW &&
	    (o->u.row.flags & ROW_HEADER) != (n->u.row.flags & ROW_HEADER))
		return 0;
	if (o->id != NULL || n->id != NULL)
		return o->id != NULL && n->id != NULL && strcmp(o->id, n->id) == 0;
	return strcmp(b->old_text[i], b->new_text[j]) == 0;
}

/* Blocks of one kind, neither with an id, that could be two versions. */
static int
same_block_kind(const struct node *o, const struct node *n)
{
	if (o->kind != n->kind || o->id != NULL || n->id != NULL)
		return 0;
	return o->kind != NODE_ROW ||
	    (o->u.row.flags & ROW_HEADER) == (n->u.row.flags & ROW_HEADER);
}

/* The part of two texts' words that is the same, 0 to 1. */
static double
likeness(const char *a, const char *b, enum lang lang)
{
	struct word_op *ops;
	size_t n, i, same = 0, total = strlen(a) + strlen(b);

	if (total == 0)
		return 1;
	if (words_diff(a, b, lang, &ops, &n) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!ops[i].changed)
			same += 2 * ops[i].new.len;
	free(ops);
	return (double)same / (double)total;
}

/* Whether old block i and new block j, unaligned, are versions of one. */
static int
pairs_with(const struct blocks *b, size_t i, size_t j)
{
	const struct node *o = b->old[i], *n = b->new[j];

	if (!same_block_kind(o, n))
		return 0;
	switch (n->kind) {
	case NODE_PARAGRAPH:
	case NODE_ITEM:
	case NODE_FOOTNOTE:
		return likeness(b->old_text[i], b->new_text[j], n->lang) >=
		    MIN_LIKENESS;
	default:
		return 1;
	}
}

/* What a block added or removed says, in short: a row's cells, a table's
 * or chart's title, a section's heading, or its text. */
static char *
summary_of(const struct node *n)
{
	struct buffer b = { NULL, 0, 0, 0 };
	const struct node *k;

	buffer_puts(&b, "");
	switch (n->kind) {
	case NODE_ROW:
		for (k = n->first; k != NULL; k = k->next) {
			char *t = node_plain_text(k, NOTE_SUPERSCRIPT);

			if (t == NULL)
				b.failed = 1;
			else if (t[0] != '\0') {
				buffer_puts(&b, b.len > 0 ? " | " : "");
				buffer_puts(&b, t);
			}
			free(t);
		}
		break;
	case NODE_TABLE:
	case NODE_CHART:
		put_title(&b, n);
		break;
	case NODE_SECTION:
		put_section_name(&b, n);
		break;
	default:
		free(b.data);
		return node_plain_text(n, NOTE_SUPERSCRIPT);
	}
	if (b.failed) {
		free(b.data);
		return NULL;
	}
	return b.data;
}

static void
mark_block(struct ctx *c, struct node *block, enum change_mark mark)
{
	char *text;

	block->change = mark;
	if (block->kind == NODE_PAGE_BREAK)
		return;
	if ((text = summary_of(block)) == NULL) {
		fail(c);
		return;
	}
	if (mark == CHANGE_INSERTED)
		record(c, CHANGE_ADDED, block, NULL, NULL, text, NULL, 0);
	else
		record(c, CHANGE_REMOVED, block, block, text, NULL, NULL, 0);
}

/*
 * The blocks between two aligned pairs: each old one is paired with the
 * first new one that is a version of it; the others were added or
 * removed. Removed blocks move into the new document before `before`.
 */
static void
compare_gap(struct ctx *c, const struct blocks *b, size_t i0, size_t i1,
    size_t j0, size_t j1, struct node *parent, struct node *before)
{
	size_t i, j, at = j0;

	for (i = i0; i < i1 && !c->d->failed; i++) {
		for (j = at; j < j1 && !pairs_with(b, i, j); j++)
			;
		if (j < j1) {
			for (; at < j; at++)
				mark_block(c, b->new[at], CHANGE_INSERTED);
			compare_node(c, b->old[i], b->new[j]);
			at = j + 1;
			continue;
		}
		node_unlink(b->old[i]);
		node_insert_before(parent, b->old[i], at < j1 ? b->new[at] : before);
		mark_block(c, b->old[i], CHANGE_DELETED);
	}
	for (; at < j1; at++)
		mark_block(c, b->new[at], CHANGE_INSERTED);
}

static struct node **
children_of(const struct node *n, size_t *count)
{
	struct node *k, **all;
	size_t i = 0;

	for (k = n->first, *count = 0; k != NULL; k = k->next)
		(*count)++;
	if ((all = malloc((*count + 1) * sizeof(*all))) == NULL)
		return NULL;
	for (k = n->first; k != NULL; k = k->next)
		all[i++] = k;
	return all;
}

static char **
texts_of(struct node **nodes, size_t count)
{
	char **texts = calloc(count + 1, sizeof(*texts));
	size_t i;

	for (i = 0; texts != NULL && i < count; i++)
		if ((texts[i] = node_plain_text(nodes[i], NOTE_SUPERSCRIPT)) ==
		    NULL) {
			while (i-- > 0)
				free(texts[i]);
			free(texts);
			return NULL;
		}
	return texts;
}

static void
free_texts(char **texts, size_t count)
{
	size_t i;

	for (i = 0; texts != NULL && i < count; i++)
		free(texts[i]);
	free(texts);
}

static void
compare_children(struct ctx *c, struct node *o, struct node *n)
{
	struct blocks b;
	struct lcs_pair *pairs = NULL;
	size_t npairs = 0, k, i = 0, j = 0;

	memset(&b, 0, sizeof(b));
	if ((b.old = children_of(o, &b.nold)) == NULL ||
	    (b.new = children_of(n, &b.nnew)) == NULL ||
	    (b.old_text = texts_of(b.old, b.nold)) == NULL ||
	    (b.new_text = texts_of(b.new, b.nnew)) == NULL ||
	    lcs_align(b.nold, b.nnew, same_block, &b, &pairs, &npairs) != 0) {
		fail(c);
		goto out;
	}
	for (k = 0; k <= npairs && !c->d->failed; k++) {
		size_t pi = k < npairs ? pairs[k].old : b.nold;
		size_t pj = k < npairs ? pairs[k].new : b.nnew;

		compare_gap(c, &b, i, pi, j, pj, n, pj < b.nnew ? b.new[pj] : NULL);
		if (k < npairs)
			compare_node(c, b.old[pi], b.new[pj]);
		i = pi + 1;
		j = pj + 1;
	}
out:
	free_texts(b.old_text, b.nold);
	free_texts(b.new_text, b.nnew);
	free(b.old);
	free(b.new);
	free(pairs);
}

static void
compare_node(struct ctx *c, struct node *o, struct node *n)
{
	switch (n->kind) {
	case NODE_HEADING:
	case NODE_PARAGRAPH:
	case NODE_ITEM:
	case NODE_CAPTION:
	case NODE_FOOTNOTE:
		compare_inline(c, o, n);
		return;
	case NODE_ROW:
		compare_row(c, o, n);
		return;
	case NODE_CHART:
		compare_children(c, o, n);
		if (!same_chart(o->u.chart, n->u.chart))
			record(c, CHANGE_CHART, n, o, NULL, NULL, NULL, 0);
		return;
	case NODE_PAGE_BREAK:
	case NODE_TEXT:
	case NODE_NOTE_REF:
		return;
	default:
		compare_children(c, o, n);
		return;
	}
}

int
diff_documents(struct diff *d, struct node *old, struct node *new,
    const char *no_break_after)
{
	struct ctx c = { d, no_break_after, { { NULL } } };

	compare_node(&c, old, new);
	sentence_breakers_close(&c.breakers);
	return d->failed ? -1 : 0;
}

void
diff_free(struct diff *d)
{
	size_t i;

	for (i = 0; i < d->nchanges; i++) {
		free(d->changes[i].where);
		free(d->changes[i].old_where);
		free(d->changes[i].old_text);
		free(d->changes[i].new_text);
		free(d->changes[i].ops);
		free(d->changes[i].footing_total);
	}
	free(d->changes);
	for (i = 0; i < d->ncauses; i++) {
		free(d->causes[i].name);
		free(d->causes[i].old_value);
		free(d->causes[i].new_value);
	}
	free(d->causes);
	memset(d, 0, sizeof(*d));
}
