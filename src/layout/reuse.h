/*
 * Paragraphs kept from one layout pass for the next: a document whose
 * page references need another pass sets the same text again, so its
 * shaping and line breaks are reused where their inputs are the same.
 * Private to layout/.
 */
#ifndef KESSAN_REUSE_H
#define KESSAN_REUSE_H

#include "lctx.h"

struct para {
	const struct node *node;
	enum font_role role;
	enum lang lang;
	double size;
	const struct node *where;   /* c->where after shaping it */
	struct shaped s;
	struct line *lines;        /* NULL: not broken yet */
	size_t nlines;
	double first, rest;        /* the widths they were broken at */
};

struct paras {
	struct para *p;
	size_t n;
	size_t next;   /* where the next lookup starts: passes go in order */
};

/* The paragraph of node kept in a role, size and c->lang, or NULL. */
struct para *paras_find(struct paras *ps, const struct lctx *c,
    const struct node *node, enum font_role role, double size);
/* Keeps *s (emptied) as node's paragraph; NULL when out of memory (s
 * stays the caller's). */
struct para *paras_keep(struct paras *ps, const struct lctx *c,
    const struct node *node, enum font_role role, double size,
    struct shaped *s);
void paras_free(struct paras *ps);

#endif
