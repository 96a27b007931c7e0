/*
 * Paragraphs kept from one layout pass for the next (reuse.h).
 */
#include "reuse.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"

struct para *
paras_find(struct paras *ps, const struct lctx *c, const struct node *node,
    enum font_role role, double size)
{
	size_t k;

	for (k = 0; k < ps->n; k++) {
		size_t i = (ps->next + k) % ps->n;
		struct para *p = &ps->p[i];
		if (p->node == node && p->role == role && p->size == size &&
		    p->lang == c->lang) {
			ps->next = i + 1;
			return p;
		}
	}
	return NULL;
}

struct para *
paras_keep(struct paras *ps, const struct lctx *c, const struct node *node,
    enum font_role role, double size, struct shaped *s)
{
	struct para *grown = array_grow(ps->p, ps->n, sizeof(*grown)), *p;

	if (grown == NULL)
		return NULL;
	ps->p = grown;
	p = &ps->p[ps->n++];
	memset(p, 0, sizeof(*p));
	p->node = node;
	p->role = role;
	p->lang = c->lang;
	p->size = size;
	p->where = c->where;
	p->s = *s;
	memset(s, 0, sizeof(*s));
	ps->next = ps->n;
	return p;
}

void
paras_free(struct paras *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		shaped_free(&ps->p[i].s);
		free(ps->p[i].lines);
	}
	free(ps->p);
	memset(ps, 0, sizeof(*ps));
}
