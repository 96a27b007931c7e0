/*
 * Footnotes at the foot of the page of their first reference. A line
 * that refers to a note not yet set reserves the note's height at its
 * page's foot, and goes to the next page with it when both do not fit;
 * the notes are drawn when the page is done. A note's block, where the
 * template flushes it (after a section), keeps only the notes that did
 * not move: a table's own notes (asterisked, parenthesized) stay under
 * it.
 */
#include "lctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"

/* The space above the rule over a page's notes, and below it. */
#define FOOT_ABOVE 6.0
#define FOOT_BELOW 4.0
/* The gap after each note, and its second lines' indent. */
#define NOTE_GAP 1.5
#define NOTE_INDENT 8.0

struct walk {
	struct foot *f;
	const struct node **pending;   /* references awaiting their block */
	size_t npending;
	int failed;
};

static int
pair_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct foot_pair *)a)->ref;
	uintptr_t y = (uintptr_t)((const struct foot_pair *)b)->ref;

	return x < y ? -1 : x > y;
}

/* Pairs the pending references with block's notes of their number. */
static void
resolve(struct walk *w, const struct node *block)
{
	const struct node *note;
	size_t i, kept = 0;

	for (i = 0; i < w->npending && !w->failed; i++) {
		struct foot_pair *pairs;
		for (note = block->first; note != NULL; note = note->next)
			if (note->u.note.style == NOTE_SUPERSCRIPT &&
			    note->u.note.number == w->pending[i]->u.note.number)
				break;
		if (note == NULL) {
			w->pending[kept++] = w->pending[i];
			continue;
		}
		if ((pairs = array_grow(w->f->pairs, w->f->npairs,
		    sizeof(*pairs))) == NULL) {
			w->failed = 1;
			return;
		}
		w->f->pairs = pairs;
		pairs[w->f->npairs].ref = w->pending[i];
		pairs[w->f->npairs++].note = note;
	}
	w->npending = kept;
}

static void
walk(struct walk *w, const struct node *n)
{
	for (; n != NULL && !w->failed; n = n->next) {
		if (n->kind == NODE_NOTE_REF &&
		    n->u.note.style == NOTE_SUPERSCRIPT) {
			const struct node **grown = array_grow(w->pending,
			    w->npending, sizeof(*grown));
			if (grown == NULL) {
				w->failed = 1;
				return;
			}
			w->pending = grown;
			w->pending[w->npending++] = n;
		} else if (n->kind == NODE_FOOTNOTES)
			resolve(w, n);
		else
			walk(w, n->first);
	}
}

int
foot_index(struct foot *f, const struct node *doc)
{
	struct walk w = { f, NULL, 0, 0 };

	memset(f, 0, sizeof(*f));
	walk(&w, doc);
	free(w.pending);
	if (w.failed) {
		foot_free(f);
		return -1;
	}
	if (f->npairs > 0)
		qsort(f->pairs, f->npairs, sizeof(*f->pairs), pair_cmp);
	return 0;
}

void
foot_free(struct foot *f)
{
	free(f->pairs);
	free(f->placed);
	free(f->measured);
	memset(f, 0, sizeof(*f));
}

int
foot_moves(const struct foot *f, const struct node *note)
{
	size_t i;

	for (i = 0; i < f->npairs; i++)
		if (f->pairs[i].note == note)
			return 1;
	return 0;
}

static int
listed(const struct node *const *list, size_t n, const struct node *note)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == note)
			return 1;
	return 0;
}

void
foot_want_add(struct lctx *c, struct foot_want *w, const struct shaped *s,
    int32_t a, int32_t b)
{
	struct foot *f = &c->foot;
	size_t i;

	for (i = 0; i < s->nrefs && !c->failed; i++) {
		struct foot_pair key = { NULL, NULL }, *hit;
		const struct node **grown;
		if (s->refs[i].at < a || s->refs[i].at >= b)
			continue;
		key.ref = s->refs[i].ref;
		if (f->npairs == 0 || (hit = bsearch(&key, f->pairs, f->npairs,
		    sizeof(*f->pairs), pair_cmp)) == NULL)
			continue;
		if (listed(f->placed, f->nplaced, hit->note) ||
		    listed(w->notes, w->n, hit->note))
			continue;
		if ((grown = array_grow(w->notes, w->n, sizeof(*grown))) == NULL) {
			lfail(c, "out of memory");
			return;
		}
		w->notes = grown;
		w->notes[w->n++] = hit->note;
	}
}

/* Shapes a note with its marker: "8 Unless otherwise stated...". */
void
foot_shape_note(struct lctx *c, struct shaped *s, const struct node *note)
{
	char marker[64];

	c->where = note;
	if (note->u.note.style == NOTE_PARENTHESIZED) {
		node_note_marker(note, marker, sizeof(marker) - 1);
		strcat(marker, " ");
	} else if (note->u.note.style == NOTE_ASTERISK)
		snprintf(marker, sizeof(marker), "*%d ", note->u.note.number);
	else
		snprintf(marker, sizeof(marker), "%d ", note->u.note.number);
	shape(c, s, marker, FONT_BODY, NOTE_SIZE,
	    note->u.note.style != NOTE_PARENTHESIZED);
	shape_inline(c, s, note, FONT_BODY, NOTE_SIZE);
}

/* A note's height measured before at width, or NULL. */
static const struct foot_measured *
measured(const struct foot *f, const struct node *note, double width)
{
	size_t i;

	for (i = 0; i < f->nmeasured; i++)
		if (f->measured[i].note == note && f->measured[i].width == width)
			return &f->measured[i];
	return NULL;
}

/* Remembers a note's height at width (forgotten when out of memory:
 * it is measured again). */
static void
remember(struct foot *f, const struct node *note, double width,
    double height)
{
	struct foot_measured *grown = array_grow(f->measured, f->nmeasured,
	    sizeof(*grown));

	if (grown == NULL)
		return;
	f->measured = grown;
	grown[f->nmeasured].note = note;
	grown[f->nmeasured].width = width;
	grown[f->nmeasured++].height = height;
}

/* Sets (draw) or measures a note from c->y down; returns its height. */
static double
set_note(struct lctx *c, const struct node *note, int draw)
{
	struct shaped s = { 0 };
	struct line *lines = NULL;
	enum lang saved = c->lang;
	double width = c->page->width - 2 * MARGIN_SIDE, lh, top = c->y;
	size_t n, i;
	const struct foot_measured *known;
	unsigned page_refs = c->page_refs_shaped;

	if (!draw && (known = measured(&c->foot, note, width)) != NULL)
		return known->height;
	c->lang = note->lang;
	lh = leading(c, NOTE_SIZE);
	foot_shape_note(c, &s, note);
	n = break_lines(c, &s, width, width - NOTE_INDENT, 0, &lines);
	for (i = 0; i < n && draw && !c->failed; i++) {
		draw_units(c, &s, lines[i].a, lines[i].b, c->left +
		    (i > 0 ? NOTE_INDENT : 0), c->y - NOTE_SIZE);
		c->y -= lh;
	}
	free(lines);
	shaped_free(&s);
	c->lang = saved;
	if (draw)
		c->y = top - n * lh - NOTE_GAP;
	/* Not one printing a page number: each pass prints it anew. */
	else if (!c->failed && c->page_refs_shaped == page_refs)
		remember(&c->foot, note, width, n * lh + NOTE_GAP);
	return n * lh + NOTE_GAP;
}

double
foot_note_height(struct lctx *c, const struct node *note)
{
	return set_note(c, note, 0);
}

void
foot_note_draw(struct lctx *c, const struct node *note)
{
	set_note(c, note, 1);
}

double
foot_want_height(struct lctx *c, const struct foot_want *w)
{
	double h = 0;
	size_t i;

	if (w->n == 0)
		return 0;
	for (i = 0; i < w->n && !c->failed; i++)
		h += foot_note_height(c, w->notes[i]);
	if (c->foot.page_first == c->foot.nplaced)
		h += FOOT_ABOVE + FOOT_BELOW;   /* the page's first: the rule */
	return h;
}

void
foot_want_place(struct lctx *c, struct foot_want *w)
{
	struct foot *f = &c->foot;
	double h = foot_want_height(c, w);
	size_t i;

	for (i = 0; i < w->n && !c->failed; i++) {
		const struct node **grown = array_grow(f->placed, f->nplaced,
		    sizeof(*grown));
		if (grown == NULL) {
			lfail(c, "out of memory");
			break;
		}
		f->placed = grown;
		f->placed[f->nplaced++] = w->notes[i];
	}
	f->height += h;
	w->n = 0;
}

void
foot_ensure(struct lctx *c, struct foot_want *w, double height)
{
	if (c->page != NULL && c->y - height - foot_want_height(c, w) >=
	    bottom(c)) {
		foot_want_place(c, w);
		return;
	}
	new_page(c);
	if (w->n > 0 && c->y - height - foot_want_height(c, w) < bottom(c)) {
		c->where = w->notes[0];
		lfail(c, "footnote %d does not fit on a page with the line that "
		    "refers to it; shorten it, or split it into two notes",
		    w->notes[0]->u.note.number);
		return;
	}
	foot_want_place(c, w);
}

void
foot_want_free(struct foot_want *w)
{
	free(w->notes);
	w->notes = NULL;
	w->n = 0;
}

void
foot_flush(struct lctx *c)
{
	struct foot *f = &c->foot;
	double y = c->y, left = c->left, right = c->right;
	size_t i;

	if (c->page == NULL || f->page_first == f->nplaced) {
		f->page_first = f->nplaced;
		f->height = 0;
		return;
	}
	/* The page's own column: a list's indent is not the notes'. */
	c->left = MARGIN_SIDE;
	c->right = c->page->width - MARGIN_SIDE;
	c->y = MARGIN_BOTTOM + f->height - FOOT_ABOVE;
	add_line(c, c->left, c->y, c->left + 72, c->y, 0.4);
	c->y -= FOOT_BELOW;
	for (i = f->page_first; i < f->nplaced && !c->failed; i++)
		foot_note_draw(c, f->placed[i]);
	c->y = y;
	c->left = left;
	c->right = right;
	f->page_first = f->nplaced;
	f->height = 0;
}

/* The lines n's text takes at size in the page's column. */
static size_t
count_lines(struct lctx *c, const struct node *n, double size)
{
	struct shaped s = { 0 };
	struct line *lines = NULL;
	double width = c->page->width - 2 * MARGIN_SIDE;
	size_t count;

	shape_inline(c, &s, n, FONT_BODY, size);
	count = break_lines(c, &s, width, width, 0, &lines);
	free(lines);
	shaped_free(&s);
	return count;
}

double
foot_keep_after(struct lctx *c, const struct node *table)
{
	const struct node *k, *note;
	enum lang saved = c->lang;
	double whole = 0, first = 0;

	for (k = table->next; k != NULL && !c->failed; k = k->next) {
		if (k->kind == NODE_FOOTNOTES) {
			double lh = leading(c, NOTE_SIZE);
			int any = 0;
			for (note = k->first; note != NULL; note = note->next) {
				if (foot_moves(&c->foot, note))
					continue;
				if (!any && first == 0)
					first = 8 + 2 * lh;   /* the rule, two lines */
				any = 1;
				whole += foot_note_height(c, note);
			}
			whole += any ? 12 : 0;
		} else if (k->kind == NODE_PARAGRAPH &&
		    k->u.paragraph.role == ROLE_NOTE) {
			size_t n;
			double lh;
			c->lang = k->lang;
			lh = leading(c, NOTE_PARA_SIZE);
			n = count_lines(c, k, NOTE_PARA_SIZE);
			c->lang = saved;
			if (first == 0 && n > 0)
				first = (n < 2 ? n : 2) * lh + 2;
			whole += n * lh + 2;
		} else
			break;
	}
	return whole <= c->page->height / 3 ? whole : first;
}
