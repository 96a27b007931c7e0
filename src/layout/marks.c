#include "marks.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"

/* The change bar: inside the 56 pt side margin, clear of the text. */
#define BAR_LEFT 42.0
#define BAR_WIDTH 2.0

enum change_mark
marks_of(const struct node *n)
{
	for (; n != NULL; n = n->parent)
		if (n->change != CHANGE_NONE)
			return n->change;
	return CHANGE_NONE;
}

static int
is_space(UChar u)
{
	return u == ' ' || u == 0x3000;
}

int
marks_need_space(const unsigned char *mark, const UChar *u, int32_t n,
    enum change_mark now, const struct node *text)
{
	return now == CHANGE_INSERTED && n > 0 && mark[n - 1] == CHANGE_DELETED &&
	    !is_space(u[n - 1]) && text->kind == NODE_TEXT &&
	    text->u.text.text[0] != ' ' && text->u.text.text[0] != '\0';
}

struct lay_op *
page_op(struct lay_page *pg, enum op_kind kind)
{
	struct lay_op *op;

	/* Doubling: a page holds hundreds of ops, added one at a time. */
	if (pg->nops == pg->ops_cap) {
		size_t cap = pg->ops_cap > 0 ? pg->ops_cap * 2 : 32;
		struct lay_op *ops = realloc(pg->ops, cap * sizeof(*ops));
		if (ops == NULL)
			return NULL;
		pg->ops = ops;
		pg->ops_cap = cap;
	}
	op = &pg->ops[pg->nops++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	return op;
}

/* Whether a bar already marks the line between bottom and top. */
static int
has_bar(const struct lay_page *pg, double top, double bottom)
{
	size_t i;

	for (i = 0; i < pg->nops; i++)
		if (pg->ops[i].kind == OP_RECT && pg->ops[i].x == BAR_LEFT &&
		    pg->ops[i].y < top && pg->ops[i].y2 > bottom)
			return 1;
	return 0;
}

/* A bar in the margin of the line of text at baseline y in size. */
static int
add_bar(struct lay_page *pg, double y, double size)
{
	double top = y + size * 0.85, bottom = y - size * 0.25;
	struct lay_op *bar;

	if (has_bar(pg, top, bottom))
		return 0;
	if ((bar = page_op(pg, OP_RECT)) == NULL)
		return -1;
	bar->x = BAR_LEFT;
	bar->x2 = BAR_LEFT + BAR_WIDTH;
	bar->y = bottom;
	bar->y2 = top;
	return 0;
}

int
layout_bar(struct lay_page *pg, size_t op)
{
	return add_bar(pg, pg->ops[op].y, pg->ops[op].size);
}

static int
draw_page_marks(struct lay_page *pg, int bars)
{
	size_t i, n = pg->nops;

	for (i = 0; i < n; i++) {
		struct lay_op *op = &pg->ops[i], *line;
		double x, x2, y, size;
		enum change_mark mark = op->mark;
		unsigned color;

		if (op->kind != OP_TEXT || mark == CHANGE_NONE)
			continue;
		color = LAY_RGB(mark == CHANGE_DELETED ? MARK_DELETED_RGB :
		    MARK_INSERTED_RGB);
		op->color = color;
		/* Adding operations moves the page's: op is not used after. */
		x = op->x;
		x2 = op->x2;
		y = op->y;
		size = op->size;
		/* Struck through the middle of lower-case letters and kana;
		 * underlined below the baseline, clear of the descenders' ends. */
		if ((line = page_op(pg, OP_LINE)) == NULL)
			return -1;
		line->x = x;
		line->x2 = x2;
		line->y = line->y2 = mark == CHANGE_DELETED ? y + size * 0.32 :
		    y - size * 0.14;
		line->width = size * 0.07;
		line->color = color;
		if (bars && add_bar(pg, y, size) != 0)
			return -1;
	}
	return 0;
}

int
layout_draw_marks(struct layout *lay, int bars)
{
	size_t i;

	for (i = 0; i < lay->npages; i++)
		if (draw_page_marks(&lay->pages[i], bars) != 0)
			return -1;
	return 0;
}

int
layout_append(struct layout *dst, struct layout *src)
{
	struct lay_page *pages;
	size_t i, k;
	int rc = -1;

	for (i = 0; i < FONTS_MAX_FACES; i++)
		if (src->used[i] != NULL && dst->used[i] == NULL &&
		    (dst->used[i] = calloc(0x10000 / 8, 1)) == NULL)
			goto out;
	if ((pages = realloc(dst->pages, (dst->npages + src->npages + 1) *
	    sizeof(*pages))) == NULL)
		goto out;
	dst->pages = pages;
	memcpy(pages + dst->npages, src->pages, src->npages * sizeof(*pages));
	dst->npages += src->npages;
	src->npages = 0;
	for (i = 0; i < FONTS_MAX_FACES; i++)
		for (k = 0; src->used[i] != NULL && k < 0x10000 / 8; k++)
			dst->used[i][k] |= src->used[i][k];
	rc = 0;
out:
	layout_free(src);
	return rc;
}
