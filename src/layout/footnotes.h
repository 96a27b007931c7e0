/*
 * Footnotes at the foot of the page of their first reference. Private to
 * layout/.
 */
#ifndef KESSAN_FOOTNOTES_H
#define KESSAN_FOOTNOTES_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/doc.h"

struct lctx;
struct shaped;

/* A reference and the note it points to. */
struct foot_pair {
	const struct node *ref, *note;
};

struct foot {
	struct foot_pair *pairs;        /* sorted by ref */
	size_t npairs;
	const struct node **placed;     /* notes set so far, in order */
	size_t nplaced;
	size_t page_first;              /* placed[page_first..] are this page's */
	double height;                  /* reserved at this page's foot */
	/* Notes measured so far, at a column width: a note is measured
	 * for every line and row that refers to it, before it is set. */
	struct foot_measured {
		const struct node *note;
		double width, height;
	} *measured;
	size_t nmeasured;
};

/* The notes a line (or a table row) would bring to this page's foot. */
struct foot_want {
	const struct node **notes;
	size_t n;
};

/*
 * Pairs every superscript reference of doc with its note in the next
 * footnotes block: those notes go to the foot of a page. Asterisked and
 * parenthesized notes stay under their table. Returns 0 or -1 (memory).
 */
int foot_index(struct foot *f, const struct node *doc);
void foot_free(struct foot *f);

/* Whether note is set at a page foot rather than where its block is. */
int foot_moves(const struct foot *f, const struct node *note);

/* Adds the notes referenced from units [a, b) of s not yet set. */
void foot_want_add(struct lctx *c, struct foot_want *w,
    const struct shaped *s, int32_t a, int32_t b);
/* The height those notes need at this page's foot. */
double foot_want_height(struct lctx *c, const struct foot_want *w);
/* Reserves their place at this page's foot, and empties w. */
void foot_want_place(struct lctx *c, struct foot_want *w);
void foot_want_free(struct foot_want *w);
/*
 * Starts a new page unless `height` more points and w's notes fit on
 * this one (the line goes over with its notes), then reserves them.
 */
void foot_ensure(struct lctx *c, struct foot_want *w, double height);

/* Draws this page's notes at its foot; before a new page, and at the end. */
void foot_flush(struct lctx *c);

/* Shapes a note with its marker: "8 Unless otherwise stated...". */
void foot_shape_note(struct lctx *c, struct shaped *s,
    const struct node *note);
/* The height of a note as set at the foot, or in its block. */
double foot_note_height(struct lctx *c, const struct node *note);
/* Sets a note at c->y on the current page (no page turns). */
void foot_note_draw(struct lctx *c, const struct node *note);

/*
 * The height the notes right after a table (its footnotes block, an
 * appendix's "Note (1)" paragraphs) keep with its last rows: all of them
 * when they take a third of a page at most, else their first two lines,
 * so that no note is left alone at the head of a page.
 */
double foot_keep_after(struct lctx *c, const struct node *table);

#endif
