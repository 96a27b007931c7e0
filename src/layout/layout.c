#include "layout.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "../load/template.h"
#include "../util/buffer.h"
#include "keep.h"
#include "lctx.h"
#include "marks.h"

/* Type sizes and spacing, in points. */
#define BODY_SIZE 9.5
#define LEADING_EN 1.35
#define LEADING_JA 1.6
#define BULLET_INDENT 12.0


/* ---- pages and operations ---- */

void
lfail(struct lctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(c->diags, DIAG_FATAL, c->where != NULL ? c->where->file : NULL,
	    c->where != NULL ? c->where->line : 0, fmt, ap);
	va_end(ap);
	c->failed = 1;
}

static double
page_height(const struct lctx *c)
{
	return c->landscape ? c->o->page_width : c->o->page_height;
}

static double
page_width(const struct lctx *c)
{
	return c->landscape ? c->o->page_height : c->o->page_width;
}

double
bottom(const struct lctx *c)
{
	/* The same on every page, portrait or landscape, above the notes
	 * its lines refer to. */
	return MARGIN_BOTTOM + c->foot.height;
}

void
new_page(struct lctx *c)
{
	struct lay_page *pages;

	foot_flush(c);   /* the page being left gets its notes */
	pages = array_grow(c->lay->pages, c->lay->npages, sizeof(*pages));
	if (pages == NULL) {
		lfail(c, "out of memory");
		return;
	}
	c->lay->pages = pages;
	c->page = &pages[c->lay->npages++];
	c->page->width = page_width(c);
	c->page->height = page_height(c);
	c->page->lang = c->lang;
	/* A list item crossing the page keeps its indent. */
	c->left = MARGIN_SIDE + c->indent;
	c->right = page_width(c) - MARGIN_SIDE;
	c->y = page_height(c) - MARGIN_TOP;
}

/* Starts a new page unless `height` more points fit on this one. */
void
ensure(struct lctx *c, double height)
{
	if (c->page == NULL || c->y - height < bottom(c))
		new_page(c);
}

static struct lay_op *
add_op(struct lctx *c, enum op_kind kind)
{
	struct lay_op *op;

	if (c->page == NULL)
		new_page(c);
	if (c->failed)
		return NULL;
	if ((op = page_op(c->page, kind)) == NULL)
		lfail(c, "out of memory");
	return op;
}

void
add_line(struct lctx *c, double x, double y, double x2, double y2, double w)
{
	struct lay_op *op = add_op(c, OP_LINE);

	if (op == NULL)
		return;
	op->x = x;
	op->y = y;
	op->x2 = x2;
	op->y2 = y2;
	op->width = w;
}

/* The bitmap of the characters a face draws; NULL when out of memory
 * (reported). */
static unsigned char *
used_bits(struct lctx *c, int face)
{
	unsigned char **bits = &c->lay->used[face];

	if (*bits == NULL && (*bits = calloc(0x10000 / 8, 1)) == NULL)
		lfail(c, "out of memory");
	return *bits;
}

/* Units as UTF-8, malloc'd (NULL when out of memory): by hand for the
 * BMP characters shape() makes, through ICU for anything else. */
static char *
units_utf8(const UChar *u, int32_t n)
{
	int32_t i, len = 0;
	char *out, *p;
	UErrorCode status = U_ZERO_ERROR;

	for (i = 0; i < n; i++) {
		if (u[i] >= 0xD800 && u[i] <= 0xDFFF)
			break;
		len += u[i] < 0x80 ? 1 : u[i] < 0x800 ? 2 : 3;
	}
	if (i < n) {
		len = 0;
		u_strToUTF8(NULL, 0, &len, u, n, &status);
		status = U_ZERO_ERROR;
		if ((out = malloc((size_t)len + 1)) != NULL)
			u_strToUTF8(out, len + 1, NULL, u, n, &status);
		return out;
	}
	if ((out = p = malloc((size_t)len + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (u[i] < 0x80)
			*p++ = (char)u[i];
		else if (u[i] < 0x800) {
			*p++ = (char)(0xC0 | u[i] >> 6);
			*p++ = (char)(0x80 | (u[i] & 0x3F));
		} else {
			*p++ = (char)(0xE0 | u[i] >> 12);
			*p++ = (char)(0x80 | (u[i] >> 6 & 0x3F));
			*p++ = (char)(0x80 | (u[i] & 0x3F));
		}
	}
	*p = '\0';
	return out;
}

/* Draws units [a, b) with their left edge at x on baseline y. */
void
draw_units(struct lctx *c, const struct shaped *s, int32_t a, int32_t b,
    double x, double y)
{
	while (b > a && (s->u[b - 1] == ' ' || s->u[b - 1] == 0x3000))
		b--;
	while (a < b && !c->failed) {
		int32_t e = a;
		struct lay_op *op;
		unsigned char *bits;

		while (e < b && s->face[e] == s->face[a] && s->size[e] == s->size[a] &&
		    s->raise[e] == s->raise[a] && s->mark[e] == s->mark[a])
			e++;
		if ((op = add_op(c, OP_TEXT)) == NULL)
			return;
		op->face = s->face[a];
		op->size = s->size[a];
		op->x = x;
		op->y = y + (s->raise[a] ? s->size[a] * 0.75 : 0);
		if ((op->text = units_utf8(s->u + a, e - a)) == NULL) {
			lfail(c, "out of memory");
			return;
		}
		op->mark = (enum change_mark)s->mark[a];
		op->src = s->src[a];
		/* A run is in one face. */
		if ((bits = used_bits(c, s->face[a])) == NULL)
			return;
		for (; a < e; a++) {
			bits[s->u[a] / 8] |= (unsigned char)(1u << (s->u[a] % 8));
			x += s->adv[a];
		}
		op->x2 = x;
	}
}

double
leading(const struct lctx *c, double size)
{
	return size * (c->lang == LANG_JA ? LEADING_JA : LEADING_EN);
}

/*
 * Sets shaped text as a paragraph from x between widths; the first line
 * may start further right (a bullet, a footnote marker). Lines flow onto
 * new pages as needed.
 */
static void
set_paragraph(struct lctx *c, const struct shaped *s, double size,
    double indent_first, double indent_rest, enum align align,
    double keep_extra)
{
	struct line *lines;
	double width = c->right - c->left;
	size_t n = break_lines(c, s, width - indent_first, width - indent_rest, 0,
	    &lines), i;
	double lh = leading(c, size);

	for (i = 0; i < n && !c->failed; i++) {
		double indent = i == 0 ? indent_first : indent_rest, x;
		struct foot_want w = { 0 };
		foot_want_add(c, &w, s, lines[i].a, lines[i].b);
		foot_ensure(c, &w, lh + (i == 0 ? keep_extra : 0));
		foot_want_free(&w);
		x = c->left + indent;
		if (align == ALIGN_CENTER)
			x = c->left + (width - lines[i].width) / 2;
		else if (align == ALIGN_RIGHT)
			x = c->right - lines[i].width;
		draw_units(c, s, lines[i].a, lines[i].b, x, c->y - size);
		c->y -= lh;
	}
	free(lines);
}

/* ---- blocks ---- */

static void layout_block(struct lctx *c, const struct node *n);

void
text_block(struct lctx *c, const struct node *n, enum font_role role,
    double size, enum align align, double before, double after,
    double keep_extra)
{
	struct shaped s = { 0 };

	c->where = n;
	shape_inline(c, &s, n, role, size);
	if (s.n > 0) {
		c->y -= before;
		set_paragraph(c, &s, size, 0, 0, align, keep_extra);
		c->y -= after;
	}
	shaped_free(&s);
}

static void
layout_heading(struct lctx *c, const struct node *n)
{
	double size = heading_size(n->u.heading.level);

	/* A heading keeps three lines of what follows with it, and the
	 * headings right after it. */
	text_block(c, n, FONT_STRONG, size, ALIGN_LEFT, heading_before(size),
	    heading_after(size), heading_keep(n, leading(c, 1),
	    3 * leading(c, BODY_SIZE)));
}

static void
layout_paragraph(struct lctx *c, const struct node *n)
{
	switch (n->u.paragraph.role) {
	case ROLE_TITLE:
		text_block(c, n, FONT_STRONG, 13, ALIGN_CENTER, 10, 4, 0);
		break;
	case ROLE_SUBTITLE:
		text_block(c, n, FONT_BODY, 10.5, ALIGN_CENTER, 0, 8, 0);
		break;
	case ROLE_LETTERHEAD:
		text_block(c, n, FONT_STRONG, 10, ALIGN_LEFT, 2, 0, 0);
		break;
	case ROLE_NOTE:
		text_block(c, n, FONT_BODY, NOTE_PARA_SIZE, ALIGN_LEFT, 1, 1, 0);
		break;
	default:
		text_block(c, n, FONT_BODY, BODY_SIZE, ALIGN_LEFT, 3, 3, 0);
		break;
	}
}

static void
layout_list(struct lctx *c, const struct node *n)
{
	const struct node *item;

	c->y -= 2;
	for (item = n->first; item != NULL && !c->failed; item = item->next) {
		struct shaped s = { 0 };
		c->where = item;
		shape(c, &s, "\xe2\x80\xa2 ", FONT_BODY, BODY_SIZE, 0);   /* • */
		/* The bullet hangs: text lines up after it. */
		shape_inline(c, &s, item, FONT_BODY, BODY_SIZE);
		c->indent += BULLET_INDENT;
		c->left += BULLET_INDENT;
		set_paragraph(c, &s, BODY_SIZE, -BULLET_INDENT * 0.75, 0,
		    ALIGN_LEFT, 0);
		c->indent -= BULLET_INDENT;
		c->left -= BULLET_INDENT;
		c->y -= 3;
		shaped_free(&s);
	}
}

/* A footnotes block where the template puts it: the notes that did not
 * go to the foot of their reference's page (a table's own). */
static void
layout_footnotes(struct lctx *c, const struct node *n)
{
	const struct node *note;
	double size = NOTE_SIZE;
	int any = 0;

	for (note = n->first; note != NULL; note = note->next)
		any |= !foot_moves(&c->foot, note);
	if (!any)
		return;
	ensure(c, 3 * leading(c, size));
	c->y -= 4;
	add_line(c, c->left, c->y, c->left + 72, c->y, 0.4);
	c->y -= 4;
	for (note = n->first; note != NULL && !c->failed; note = note->next) {
		struct shaped s = { 0 };
		if (foot_moves(&c->foot, note))
			continue;
		foot_shape_note(c, &s, note);
		/* A note's first two lines stay together. */
		set_paragraph(c, &s, size, 0, 8, ALIGN_LEFT, leading(c, size));
		c->y -= 1.5;
		shaped_free(&s);
	}
	c->y -= 4;
}

/* ---- charts ---- */

#define CHART_HEIGHT 150.0

static void
styled_line(struct lctx *c, double x, double y, double x2, double y2,
    double width, double gray, enum dash dash)
{
	struct lay_op *op = add_op(c, OP_LINE);

	if (op == NULL)
		return;
	op->x = x;
	op->y = y;
	op->x2 = x2;
	op->y2 = y2;
	op->width = width;
	op->gray = gray;
	op->dash = dash;
}

static void
add_rect(struct lctx *c, double x, double y, double x2, double y2,
    double gray)
{
	struct lay_op *op = add_op(c, OP_RECT);

	if (op == NULL)
		return;
	op->x = x;
	op->y = y;
	op->x2 = x2;
	op->y2 = y2;
	op->gray = gray;
}

/* Text of `size` whose right edge (align right) or centre is at x. */
static double
put_text(struct lctx *c, const char *text, enum font_role role, double size,
    double x, double y, enum align align)
{
	struct shaped s = { 0 };
	double w;

	shape(c, &s, text, role, size, 0);
	w = width_of(&s, 0, s.n);
	if (align == ALIGN_RIGHT)
		x -= w;
	else if (align == ALIGN_CENTER)
		x -= w / 2;
	draw_units(c, &s, 0, s.n, x, y);
	shaped_free(&s);
	return w;
}

/* The layout's dash kinds are the chart's, in the same order. */
_Static_assert((int)DASH_MAX == (int)CHART_DASH_MAX,
    "enum dash follows enum chart_dash");

/* A line chart: value grid and ticks, one line per series, a legend.
 * Positions and styles are the chart's own (doc/chart.c). */
static void
layout_chart(struct lctx *c, const struct node *n)
{
	const struct chart *ch = n->u.chart;
	const struct node *k;
	double x0, x1, y0, y1, lx, ly, size = 7.5;
	size_t i, s;

	c->y -= 10;
	ensure(c, CHART_HEIGHT + 40 + leading(c, 9));
	for (k = n->first; k != NULL && k->kind == NODE_CAPTION; k = k->next)
		text_block(c, k, FONT_STRONG, 9, ALIGN_LEFT, 0, 4, 0);
	x0 = c->left + 40;
	x1 = c->right - 10;
	y1 = c->y - 6;
	y0 = y1 - CHART_HEIGHT + 30;
	for (i = 0; i < ch->nticks; i++) {
		double y = chart_y(ch, ch->ticks[i], y0, y1);
		styled_line(c, x0, y, x1, y, i == 0 ? 0.6 : 0.3,
		    chart_grid_gray(i), DASH_SOLID);
		c->where = n;
		put_text(c, ch->tick_labels[i], FONT_FIGURE, size, x0 - 4, y - 2.5,
		    ALIGN_RIGHT);
	}
	for (i = 0; i < ch->ncategories; i++)
		put_text(c, ch->categories[i], FONT_LABEL, size,
		    chart_x(ch, i, x0, x1), y0 - 11, ALIGN_CENTER);
	for (s = 0; s < ch->nseries; s++) {
		const struct chart_series *se = &ch->series[s];
		const struct chart_style *st = chart_series_style(s);
		double gray = st->gray;
		enum dash dash = (enum dash)st->dash;
		int have = 0;
		double px = 0, py = 0;
		for (i = 0; i < ch->ncategories; i++) {
			double x = chart_x(ch, i, x0, x1), y;
			if (!se->present[i]) {
				have = 0;
				continue;
			}
			y = chart_y(ch, se->values[i], y0, y1);
			if (have)
				styled_line(c, px, py, x, y, 1.2, gray, dash);
			add_rect(c, x - 1.8, y - 1.8, x + 1.8, y + 1.8, gray);
			px = x;
			py = y;
			have = 1;
		}
	}
	/* The legend: a sample of each line, then its label, flowing. */
	lx = x0;
	ly = y0 - 26;
	for (s = 0; s < ch->nseries && !c->failed; s++) {
		const struct chart_style *st;
		struct shaped label = { 0 };
		double w;
		shape(c, &label, ch->series[s].label, FONT_LABEL, size, 0);
		w = 22 + width_of(&label, 0, label.n) + 14;
		if (lx + w > x1 && lx > x0) {
			lx = x0;
			ly -= leading(c, size) + 2;
		}
		st = chart_series_style(s);
		styled_line(c, lx, ly + 2.5, lx + 18, ly + 2.5, 1.2, st->gray,
		    (enum dash)st->dash);
		draw_units(c, &label, 0, label.n, lx + 22, ly);
		shaped_free(&label);
		lx += w;
	}
	c->y = ly - 12;
}

static void
layout_children(struct lctx *c, const struct node *n)
{
	const struct node *k;

	for (k = n->first; k != NULL && !c->failed; k = k->next)
		layout_block(c, k);
}

static void
layout_block(struct lctx *c, const struct node *n)
{
	enum lang saved = c->lang;

	c->where = n;
	c->lang = n->lang;
	switch (n->kind) {
	case NODE_DOCUMENT:
	case NODE_SECTION:
		layout_children(c, n);
		break;
	case NODE_PART:
		if (c->page->nops > 0)
			new_page(c);
		c->page->lang = n->lang;
		if (n->id != NULL && page_refs_start(&c->refs, n->id,
		    (int)c->lay->npages) != 0)
			lfail(c, "out of memory");
		layout_children(c, n);
		break;
	case NODE_HEADING:
		layout_heading(c, n);
		break;
	case NODE_PARAGRAPH:
		layout_paragraph(c, n);
		break;
	case NODE_LIST:
		layout_list(c, n);
		break;
	case NODE_TABLE:
		layout_table(c, n);
		break;
	case NODE_FOOTNOTES:
		layout_footnotes(c, n);
		break;
	case NODE_CHART:
		layout_chart(c, n);
		break;
	case NODE_PAGE_BREAK:
		if (c->page->nops > 0)
			new_page(c);
		break;
	default:
		break;
	}
	c->lang = saved;
}

/* The running header and footer, once the page count is known. */
static void
add_running(struct lctx *c)
{
	size_t i;

	for (i = 0; i < c->lay->npages && !c->failed; i++) {
		struct lay_page *pg = &c->lay->pages[i];
		struct shaped s = { 0 };
		char *label, err[256];

		c->page = pg;
		c->lang = pg->lang;
		c->landscape = pg->width > pg->height;
		c->left = MARGIN_SIDE;
		c->right = pg->width - MARGIN_SIDE;
		c->where = NULL;
		if (c->o->header[pg->lang] != NULL) {
			shape(c, &s, c->o->header[pg->lang], FONT_LABEL, 8, 0);
			draw_units(c, &s, 0, s.n, c->left, pg->height - 40);
			add_line(c, c->left, pg->height - 46, c->right, pg->height - 46,
			    0.4);
			shaped_free(&s);
		}
		if (c->o->footer_left[pg->lang] != NULL) {
			shape(c, &s, c->o->footer_left[pg->lang], FONT_LABEL, 7.5, 0);
			draw_units(c, &s, 0, s.n, c->left, 36);
			shaped_free(&s);
		}
		if (c->o->page_label == NULL)
			continue;
		if ((label = c->o->page_label(c->o->arg, (int)i + 1,
		    (int)c->lay->npages, pg->lang, err, sizeof(err))) == NULL)
			lfail(c, "page %zu: %s", i + 1, err);
		else {
			double w;

			shape(c, &s, label, FONT_LABEL, 7.5, 0);
			w = width_of(&s, 0, s.n);
			draw_units(c, &s, 0, s.n, c->right - w, 36);
			shaped_free(&s);
			free(label);
		}
	}
}

/* One pass over the document; known: the previous pass's pages. */
static struct layout *
layout_pass(const struct node *doc, const struct layout_options *o,
    struct diag_list *diags, const struct page_refs *known,
    struct page_refs *refs)
{
	struct lctx c;
	int i;

	memset(&c, 0, sizeof(c));
	memset(refs, 0, sizeof(*refs));   /* nothing of this pass, so far */
	c.refs.known = known;
	if ((c.lay = calloc(1, sizeof(*c.lay))) == NULL) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return NULL;
	}
	c.o = o;
	c.diags = diags;
	c.lang = doc->lang;
	if (foot_index(&c.foot, doc) != 0)
		lfail(&c, "out of memory");
	/* The first page exists before anything is measured against it. */
	if (!c.failed)
		new_page(&c);
	if (!c.failed)
		layout_block(&c, doc);
	if (!c.failed)
		foot_flush(&c);   /* the last page's notes */
	if (!c.failed)
		add_running(&c);
	foot_free(&c.foot);
	for (i = 0; i < LANG_MAX; i++) {
		if (c.breakers[i] != NULL)
			ubrk_close(c.breakers[i]);
		if (c.words[i] != NULL)
			ubrk_close(c.words[i]);
	}
	*refs = c.refs;
	if (c.failed) {
		layout_free(c.lay);
		return NULL;
	}
	return c.lay;
}

/* Passes a page reference may need before it prints its part's page. */
#define MAX_PASSES 4

struct layout *
layout_document(const struct node *doc, const struct layout_options *o,
    struct diag_list *diags)
{
	struct page_refs previous = { 0 }, refs;
	struct layout *lay = NULL;
	const char *missing = NULL;
	int pass, settled = 0;

	for (pass = 0; pass < MAX_PASSES; pass++) {
		lay = layout_pass(doc, o, diags, pass > 0 ? &previous : NULL,
		    &refs);
		page_refs_free(&previous);
		previous = refs;
		previous.known = NULL;
		if (lay == NULL)
			break;
		if ((settled = page_refs_settled(&refs, &missing)) != 0)
			break;
		layout_free(lay);
		lay = NULL;
	}
	page_refs_free(&previous);
	if (lay != NULL && settled < 0) {
		diag_add(diags, DIAG_FATAL, doc->file, 0, "page-ref: the document "
		    "has no part '%s'", missing);
		layout_free(lay);
		return NULL;
	}
	if (lay == NULL && pass == MAX_PASSES)
		diag_add(diags, DIAG_FATAL, doc->file, 0, "page references do not "
		    "settle: each page number moves the part it names");
	return lay;
}

void
layout_free(struct layout *lay)
{
	size_t i, k;

	if (lay == NULL)
		return;
	for (i = 0; i < lay->npages; i++) {
		for (k = 0; k < lay->pages[i].nops; k++)
			free(lay->pages[i].ops[k].text);
		free(lay->pages[i].ops);
	}
	free(lay->pages);
	for (i = 0; i < FONTS_MAX_FACES; i++)
		free(lay->used[i]);
	free(lay);
}

int
layout_uses(const struct layout *lay, int face, uint32_t c)
{
	return c < 0x10000 && lay->used[face] != NULL &&
	    (lay->used[face][c / 8] & (1u << (c % 8))) != 0;
}
