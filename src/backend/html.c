#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../load/template.h"
#include "html_page.h"

/*
 * Screen and print: A4 pages, figures in tabular numerals. No web fonts:
 * a page stays one small self-contained file, and each family names the
 * faces kessan's PDF uses, then those of Windows, macOS, iOS and Android
 * that look like them. An English article inside a Japanese page (the
 * compilation) is set in its own Latin face, not the page's Mincho.
 */
#define LATIN "\"Liberation Sans\",Arial,\"Helvetica Neue\",Helvetica," \
    "Roboto,sans-serif"
#define MINCHO "\"IPAexMincho\",\"Hiragino Mincho ProN\",\"Yu Mincho\"," \
    "YuMincho,\"Noto Serif JP\",\"Noto Serif CJK JP\",serif"
#define GOTHIC "\"IPAexGothic\",\"Hiragino Kaku Gothic ProN\"," \
    "\"Yu Gothic\",YuGothic,Meiryo,\"Noto Sans JP\",\"Noto Sans CJK JP\"," \
    "sans-serif"
static const char stylesheet[] =
    "body{font-family:" LATIN ";max-width:60em;"
    "margin:2em auto;padding:0 1em;line-height:1.45;color:#111;"
    "overflow-wrap:break-word;}"
    ":lang(ja){font-family:" MINCHO ";"
    "line-height:1.7;line-break:strict;}"
    "article:lang(en){font-family:" LATIN ";line-height:1.45;"
    "line-break:auto;}"
    "h1,h2,h3,:lang(ja) h1,:lang(ja) h2,:lang(ja) h3{font-family:"
    "\"Liberation Sans\"," GOTHIC ";}"
    "h1{font-size:1.35em;text-align:center;}"
    "h2{font-size:1.15em;margin-top:1.6em;}h3{font-size:1em;}"
    ".subtitle{text-align:center;}.letterhead{font-weight:bold;margin:0;}"
    ".note{font-size:.9em;margin:.2em 0;}"
    "table{border-collapse:collapse;margin:1.2em 0;font-size:.85em;"
    "width:100%;}"
    /* A wide table scrolls in its own box on a phone, not the page. */
    ".table-scroll{overflow-x:auto;max-width:100%;}"
    "@media (max-width:40em){body{margin:1em auto;padding:0 .6em;}"
    "table{font-size:.78em;}th,td{padding:.15em .3em;}}"
    "caption{text-align:left;font-weight:bold;padding-bottom:.3em;}"
    "caption .unit{font-weight:normal;display:block;}"
    "th,td{padding:.15em .5em;vertical-align:top;}"
    "thead th{border-bottom:1px solid #000;font-weight:normal;"
    "text-align:center;}"
    "tbody th{text-align:left;font-weight:normal;}"
    "td.num{text-align:right;white-space:nowrap;"
    "font-variant-numeric:tabular-nums;}"
    "tr.total th,tr.total td{font-weight:bold;}"
    "tr.total td.num{border-top:1px solid #000;}"
    ".indent-1{padding-left:1.5em;}.indent-2{padding-left:2.5em;}"
    ".indent-3{padding-left:3.5em;}"
    ".footnotes{font-size:.85em;border-top:1px solid #999;margin-top:1em;}"
    ".footnotes p{margin:.3em 0;}sup{line-height:0;}"
    "sup a{text-decoration:none;}"
    "figure{margin:1.5em 0;}figcaption{font-weight:bold;}"
    "svg{width:100%;height:auto;max-width:40em;display:block;}"
    ".page-break{border:0;margin:0;}"
    "article+article{margin-top:3em;border-top:2px solid #000;}"
    /* Print as kessan's PDF sets its pages: its margins (72, 56 and 64
     * points), type sizes (body 9.5, tables 8, notes 7.5 and 8.5 points,
     * headings 14, 11 and 10) and leading, so that the browser's print
     * runs about as many pages. */
    "@page{size:A4;margin:25.4mm 19.8mm 22.6mm;}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt;"
    "line-height:1.35;color:#000;}"
    ":lang(ja){line-height:1.6;}article:lang(en){line-height:1.35;}"
    "h1{font-size:13pt;margin:.6em 0 .3em;}"
    "h2{font-size:11pt;margin:.9em 0 .35em;}"
    "h3{font-size:10pt;margin:.9em 0 .35em;}"
    "p{margin:.3em 0;}ul{margin:.2em 0;padding-left:1.3em;}"
    "li{margin:0 0 .3em;}.note{font-size:8.5pt;margin:.1em 0;}"
    ".footnotes{font-size:7.5pt;margin-top:.6em;}.footnotes p{margin:.15em 0;}"
    "table{font-size:8pt;margin:.6em 0 .4em;page-break-inside:auto;}"
    "th,td{padding:.05em .4em;}caption{padding-bottom:.15em;font-size:9pt;}"
    /* The statements' nine columns and more at the PDF's smaller size. */
    "table:has(tr>:nth-child(9)){font-size:6.5pt;}"
    "table:has(tr>:nth-child(9)) td{padding:.05em .25em;}"
    /* No scroll box on paper: a table is as wide as the page. */
    ".table-scroll{overflow:visible;}"
    "tr,caption,figure{break-inside:avoid;page-break-inside:avoid;}"
    "thead{display:table-header-group;}"
    "h2,h3,caption{break-after:avoid;page-break-after:avoid;}"
    "figure{margin:.8em 0;}svg{max-width:32em;}"
    ".page-break{page-break-before:always;}"
    "article+article{border:0;margin-top:0;page-break-before:always;}}";

static void
set_id(struct html *h, struct hel *e, const char *id)
{
	char buf[128];

	if (id == NULL)
		return;
	if (h->prefix != NULL) {
		snprintf(buf, sizeof(buf), "%s-%s", h->prefix, id);
		id = buf;
	}
	attr(h, e, "id", id);
}

/* The lang attribute where a node's language differs from its parent's. */
static void
mark_lang(struct html *h, struct hel *e, const struct node *n)
{
	if (e != NULL && n->parent != NULL && n->lang != n->parent->lang)
		attr(h, e, "lang", lang_tag(n->lang));
}

/* ---- footnotes: each marker is resolved to the next block's note ---- */

static size_t
block_index(const struct html *h, const struct node *block)
{
	size_t i;

	for (i = 0; i < h->nblocks; i++)
		if (h->blocks[i] == block)
			return i;
	return 0;
}

static void
note_id(const struct html *h, const struct node *note, char *buf, size_t size)
{
	snprintf(buf, size, "note-%zu-%d", block_index(h, note->parent) + 1,
	    note->u.note.number);
}

/* Walks the tree in reading order, pairing markers with notes. */
void
html_collect_notes(struct html *h, const struct node *n, size_t *pending)
{
	const struct node *c, *note;

	if (n->kind == NODE_NOTE_REF) {
		struct note_target *t = realloc(h->targets,
		    (h->ntargets + 1) * sizeof(*t));
		if (t == NULL) {
			h->failed = 1;
			return;
		}
		h->targets = t;
		memset(&t[h->ntargets], 0, sizeof(*t));
		t[h->ntargets].ref = n;
		snprintf(t[h->ntargets].id, sizeof(t[h->ntargets].id), "ref-%zu",
		    h->ntargets + 1);
		h->ntargets++;
		return;
	}
	if (n->kind == NODE_FOOTNOTES) {
		const struct node **b = realloc(h->blocks,
		    (h->nblocks + 1) * sizeof(*b));
		if (b == NULL) {
			h->failed = 1;
			return;
		}
		size_t i;

		h->blocks = b;
		b[h->nblocks++] = n;
		/* A block settles the markers of its own style: a table's
		 * local notes (1) under it leave the document's ¹ pending. */
		for (i = *pending; i < h->ntargets; i++) {
			struct note_target *t = &h->targets[i];

			if (t->settled || n->first == NULL ||
			    t->ref->u.note.style != n->first->u.note.style)
				continue;
			t->settled = 1;
			for (note = n->first; note != NULL; note = note->next)
				if (note->u.note.number == t->ref->u.note.number &&
				    t->note == NULL)
					t->note = note;
		}
		while (*pending < h->ntargets && h->targets[*pending].settled)
			(*pending)++;
		/* Notes hold no markers of their own: nothing below to walk. */
		return;
	}
	for (c = n->first; c != NULL; c = c->next)
		html_collect_notes(h, c, pending);
}

static const struct note_target *
target_of_ref(const struct html *h, const struct node *ref)
{
	size_t i;

	for (i = 0; i < h->ntargets; i++)
		if (h->targets[i].ref == ref)
			return &h->targets[i];
	return NULL;
}

static const struct note_target *
first_ref_to(const struct html *h, const struct node *note)
{
	size_t i;

	for (i = 0; i < h->ntargets; i++)
		if (h->targets[i].note == note)
			return &h->targets[i];
	return NULL;
}

/* ---- what a diff marked ---- */

/* A node's change mark, or the nearest one above it. */
static enum change_mark
change_of(const struct node *n)
{
	for (; n != NULL; n = n->parent)
		if (n->change != CHANGE_NONE)
			return n->change;
	return CHANGE_NONE;
}

/* The id a diff's summary links to: on e itself, or on an empty <a>
 * just before e when e has an id of its own. */
static void
set_anchor(struct html *h, struct hel *e, const struct node *n)
{
	if (n->anchor == NULL || e == NULL)
		return;
	if (!html_has_id(e))
		attr(h, e, "id", n->anchor);
	else
		html_anchor_before(h, e, n->anchor);
}

/* A class for a block a diff added or removed, beside its own. */
static void
set_class(struct html *h, struct hel *e, const struct node *n,
    const char *own)
{
	char buf[64];
	const char *mark = n->change == CHANGE_INSERTED ? "added" :
	    n->change == CHANGE_DELETED ? "removed" : NULL;

	if (mark == NULL) {
		if (own != NULL)
			attr(h, e, "class", own);
		return;
	}
	snprintf(buf, sizeof(buf), "%s%s%s", own != NULL ? own : "",
	    own != NULL ? " " : "", mark);
	attr(h, e, "class", buf);
}

/* ---- inline content ---- */

static void
inline_content(struct html *h, struct hel *parent, const struct node *n)
{
	const struct node *c;
	struct hel *e;
	char marker[64];
	const struct note_target *t;

	switch (n->kind) {
	case NODE_TEXT:
		/* What a diff marked: in <del> or <ins>, in context. */
		switch (change_of(n)) {
		case CHANGE_DELETED:
			parent = element(h, parent, "del");
			break;
		case CHANGE_INSERTED:
			parent = element(h, parent, "ins");
			break;
		default:
			break;
		}
		if (n->parent != NULL && n->lang != n->parent->lang) {
			e = element(h, parent, "span");
			attr(h, e, "lang", lang_tag(n->lang));
			text(h, e, n->u.text.text);
		} else
			text(h, parent, n->u.text.text);
		return;
	case NODE_NOTE_REF:
		/* The same marker the text backend prints, linked. */
		node_note_marker(n, marker, sizeof(marker));
		/* (1) stands on the line, as the label's own words. */
		e = element(h, parent, n->u.note.style == NOTE_PARENTHESIZED ?
		    "span" : "sup");
		if ((t = target_of_ref(h, n)) != NULL && t->note != NULL) {
			char href[40];
			struct hel *a = element(h, e, "a");

			note_id(h, t->note, href + 1, sizeof(href) - 1);
			href[0] = '#';
			attr(h, a, "href", href);
			attr(h, a, "id", t->id);
			attr(h, a, "class", "note-ref");
			text(h, a, marker);
		} else
			text(h, e, marker);
		return;
	case NODE_EMPHASIS:
		parent = element(h, parent, "strong");
		break;
	case NODE_PAGE_REF: {
		/* No pages here: the reference's words, linked to its part. */
		char href[96];

		snprintf(href, sizeof(href), "#part-%s", n->id);
		parent = element(h, parent, "a");
		attr(h, parent, "href", href);
		break;
	}
	default:
		break;
	}
	for (c = n->first; c != NULL; c = c->next)
		inline_content(h, parent, c);
}

/* ---- blocks ---- */

static void block(struct html *h, struct hel *parent, const struct node *n);

static void
paragraph(struct html *h, struct hel *parent, const struct node *n)
{
	static const char *const classes[ROLE_MAX] = {
		NULL, NULL, "subtitle", "dateline", "letterhead", "note"
	};
	struct hel *e;

	if (n->first == NULL)
		return;
	if (n->u.paragraph.role == ROLE_TITLE) {
		e = element(h, parent, "h1");
		set_class(h, e, n, NULL);
	} else {
		e = element(h, parent, "p");
		set_class(h, e, n, n->u.paragraph.role > 0 &&
		    n->u.paragraph.role < ROLE_MAX ? classes[n->u.paragraph.role] :
		    NULL);
	}
	mark_lang(h, e, n);
	set_anchor(h, e, n);
	inline_content(h, e, n);
}

static void
table(struct html *h, struct hel *parent, const struct node *n)
{
	const struct node *c, *cell;
	struct hel *box = element(h, parent, "div"), *t, *cap = NULL, *head = NULL;
	struct hel *body = NULL, *row, *e;
	char buf[32];
	int first_caption = 1;

	attr(h, box, "class", "table-scroll");
	t = element(h, box, "table");
	mark_lang(h, t, n);
	set_id(h, t, n->id);
	set_class(h, t, n, NULL);
	set_anchor(h, t, n);
	for (c = n->first; c != NULL; c = c->next) {
		if (c->kind == NODE_CAPTION) {
			if (cap == NULL)
				cap = element(h, t, "caption");
			e = first_caption ? cap : element(h, cap, "span");
			if (!first_caption)
				attr(h, e, "class", "unit");
			set_anchor(h, e, c);
			inline_content(h, e, c);
			first_caption = 0;
			continue;
		}
		if (c->kind != NODE_ROW)
			continue;
		if (c->u.row.flags & ROW_HEADER) {
			if (head == NULL)
				head = element(h, t, "thead");
			row = element(h, head, "tr");
		} else {
			if (body == NULL)
				body = element(h, t, "tbody");
			row = element(h, body, "tr");
			set_class(h, row, c, c->u.row.flags & ROW_TOTAL ? "total" :
			    NULL);
		}
		set_anchor(h, row, c);
		for (cell = c->first; cell != NULL; cell = cell->next) {
			int header = (c->u.row.flags & ROW_HEADER) != 0;
			int label = (cell->u.cell.flags & CELL_LABEL) != 0;
			e = element(h, row, header || label ? "th" : "td");
			if (header)
				attr(h, e, "scope", cell->u.cell.span > 1 ? "colgroup" :
				    "col");
			else if (label)
				attr(h, e, "scope", "row");
			if (cell->u.cell.span > 1) {
				snprintf(buf, sizeof(buf), "%d", cell->u.cell.span);
				attr(h, e, "colspan", buf);
			}
			if (!header && !label)
				set_class(h, e, cell, "num");
			else if (label && c->u.row.indent > 0) {
				snprintf(buf, sizeof(buf), "indent-%d",
				    c->u.row.indent > 3 ? 3 : c->u.row.indent);
				set_class(h, e, cell, buf);
			} else
				set_class(h, e, cell, NULL);
			set_anchor(h, e, cell);
			inline_content(h, e, cell);
		}
	}
}

/* A gray level (0 black .. 1 white) as a CSS colour, short where it can
 * be: "#000", "#737373". */
static void
gray_color(double gray, char *buf, size_t size)
{
	int v = (int)(gray * 255 + 0.5);

	if (v % 17 == 0)
		snprintf(buf, size, "#%x%x%x", v / 17, v / 17, v / 17);
	else
		snprintf(buf, size, "#%02x%02x%02x", v, v, v);
}

/* The chart as inline SVG: geometry only; every label is given text.
 * Positions and styles are the chart's own (doc/chart.c). */
static void
chart(struct html *h, struct hel *parent, const struct node *n)
{
	/* The chart's dash kinds in SVG user units. */
	static const char *const dashes[CHART_DASH_MAX] = { NULL, "6 4", "2 3",
	    "10 4 2 4" };
	const struct chart *ch = n->u.chart;
	const double w = 600, x0 = 50, x1 = 590, y0 = 180, y1 = 15;
	/* The legend stacks one series a line below the plot: no text width
	 * needs guessing in any language. */
	const double ht = y0 + 30 + 18 * (double)ch->nseries;
	struct hel *fig = element(h, parent, "figure"), *svg, *e, *cap;
	const struct node *c;
	char buf[64], stroke[8];
	size_t i, s, len;

	mark_lang(h, fig, n);
	set_class(h, fig, n, NULL);
	set_anchor(h, fig, n);
	cap = element(h, fig, "figcaption");
	for (c = n->first; c != NULL; c = c->next)
		if (c->kind == NODE_CAPTION)
			inline_content(h, cap, c);
	svg = element(h, fig, "svg");
	snprintf(buf, sizeof(buf), "0 0 %.0f %.0f", w, ht);
	attr(h, svg, "viewBox", buf);
	attr(h, svg, "role", "img");
	attr(h, svg, "aria-hidden", "false");
	for (i = 0; i < ch->nticks; i++) {
		double y = chart_y(ch, ch->ticks[i], y0, y1);
		e = element(h, svg, "line");
		snprintf(buf, sizeof(buf), "%.1f", x0);
		attr(h, e, "x1", buf);
		snprintf(buf, sizeof(buf), "%.1f", x1);
		attr(h, e, "x2", buf);
		snprintf(buf, sizeof(buf), "%.1f", y);
		attr(h, e, "y1", buf);
		attr(h, e, "y2", buf);
		gray_color(chart_grid_gray(i), stroke, sizeof(stroke));
		attr(h, e, "stroke", stroke);
		e = element(h, svg, "text");
		snprintf(buf, sizeof(buf), "%.1f", x0 - 6);
		attr(h, e, "x", buf);
		snprintf(buf, sizeof(buf), "%.1f", y + 4);
		attr(h, e, "y", buf);
		attr(h, e, "text-anchor", "end");
		attr(h, e, "font-size", "11");
		text(h, e, ch->tick_labels[i]);
	}
	for (i = 0; i < ch->ncategories; i++) {
		double x = chart_x(ch, i, x0, x1);
		e = element(h, svg, "text");
		snprintf(buf, sizeof(buf), "%.1f", x);
		attr(h, e, "x", buf);
		snprintf(buf, sizeof(buf), "%.1f", y0 + 16);
		attr(h, e, "y", buf);
		attr(h, e, "text-anchor", "middle");
		attr(h, e, "font-size", "11");
		text(h, e, ch->categories[i]);
	}
	for (s = 0; s < ch->nseries; s++) {
		const struct chart_series *se = &ch->series[s];
		const struct chart_style *st = chart_series_style(s);
		char *points = calloc(ch->ncategories + 1, 32);
		if (points == NULL) {
			h->failed = 1;
			return;
		}
		for (i = 0, len = 0; i < ch->ncategories; i++) {
			double x = chart_x(ch, i, x0, x1);
			double y = chart_y(ch, se->values[i], y0, y1);
			if (!se->present[i])
				continue;
			len += (size_t)snprintf(points + len, 32, "%s%.1f,%.1f",
			    len > 0 ? " " : "", x, y);
		}
		gray_color(st->gray, stroke, sizeof(stroke));
		e = element(h, svg, "polyline");
		attr(h, e, "points", points);
		attr(h, e, "fill", "none");
		attr(h, e, "stroke", stroke);
		attr(h, e, "stroke-width", "2");
		if (dashes[st->dash] != NULL)
			attr(h, e, "stroke-dasharray", dashes[st->dash]);
		free(points);
		/* its legend line */
		e = element(h, svg, "line");
		snprintf(buf, sizeof(buf), "%.1f", x0);
		attr(h, e, "x1", buf);
		snprintf(buf, sizeof(buf), "%.1f", x0 + 28);
		attr(h, e, "x2", buf);
		snprintf(buf, sizeof(buf), "%.1f", y0 + 34 + 18 * (double)s);
		attr(h, e, "y1", buf);
		attr(h, e, "y2", buf);
		attr(h, e, "stroke", stroke);
		attr(h, e, "stroke-width", "2");
		if (dashes[st->dash] != NULL)
			attr(h, e, "stroke-dasharray", dashes[st->dash]);
		e = element(h, svg, "text");
		snprintf(buf, sizeof(buf), "%.1f", x0 + 36);
		attr(h, e, "x", buf);
		snprintf(buf, sizeof(buf), "%.1f", y0 + 38 + 18 * (double)s);
		attr(h, e, "y", buf);
		attr(h, e, "font-size", "11");
		text(h, e, se->label);
	}
}

static void
footnotes(struct html *h, struct hel *parent, const struct node *n)
{
	const struct node *note;
	struct hel *aside = element(h, parent, "aside");
	char id[40], href[48], marker[64];

	attr(h, aside, "class", "footnotes");
	mark_lang(h, aside, n);
	for (note = n->first; note != NULL; note = note->next) {
		const struct note_target *t;
		struct hel *p = element(h, aside, "p");

		note_id(h, note, id, sizeof(id));
		attr(h, p, "id", id);
		set_class(h, p, note, NULL);
		set_anchor(h, p, note);
		node_note_marker(note, marker, sizeof(marker));
		if ((t = first_ref_to(h, note)) != NULL) {
			struct hel *a = element(h, p, "a");

			snprintf(href, sizeof(href), "#%s", t->id);
			attr(h, a, "href", href);
			attr(h, a, "class", "note-back");
			text(h, a, marker);
		} else
			text(h, p, marker);
		text(h, p, " ");
		inline_content(h, p, note);
	}
}

void
html_children(struct html *h, struct hel *parent, const struct node *n)
{
	const struct node *c;

	for (c = n->first; c != NULL && !h->failed; c = c->next)
		block(h, parent, c);
}

static void
block(struct html *h, struct hel *parent, const struct node *n)
{
	struct hel *e;
	const struct node *c;
	char name[16];   /* "h1".."h3"; -O0 cannot see the clamp */

	switch (n->kind) {
	case NODE_SECTION:
		/* A section with a heading is a section of the outline; a group
		 * without one (the letterhead) is only a division. */
		for (c = n->first; c != NULL && c->kind != NODE_HEADING; c = c->next)
			;
		e = element(h, parent, c != NULL ? "section" : "div");
		set_id(h, e, n->id);
		set_class(h, e, n, NULL);
		set_anchor(h, e, n);
		mark_lang(h, e, n);
		html_children(h, e, n);
		return;
	case NODE_PART:
		e = element(h, parent, "article");
		attr(h, e, "lang", lang_tag(n->lang));
		if (n->id != NULL) {
			/* The target of page references to the part. */
			char id[96];
			snprintf(id, sizeof(id), "part-%s", n->id);
			attr(h, e, "id", id);
		}
		h->prefix = lang_tag(n->lang);
		html_children(h, e, n);
		h->prefix = NULL;
		return;
	case NODE_HEADING:
		snprintf(name, sizeof(name), "h%d", n->u.heading.level < 1 ? 1 :
		    n->u.heading.level > 3 ? 3 : n->u.heading.level);
		e = element(h, parent, name);
		mark_lang(h, e, n);
		set_anchor(h, e, n);
		inline_content(h, e, n);
		return;
	case NODE_PARAGRAPH:
		paragraph(h, parent, n);
		return;
	case NODE_LIST:
		e = element(h, parent, "ul");
		mark_lang(h, e, n);
		set_class(h, e, n, NULL);
		set_anchor(h, e, n);
		for (c = n->first; c != NULL; c = c->next) {
			struct hel *li = element(h, e, "li");

			set_class(h, li, c, NULL);
			set_anchor(h, li, c);
			inline_content(h, li, c);
		}
		return;
	case NODE_TABLE:
		table(h, parent, n);
		return;
	case NODE_CHART:
		chart(h, parent, n);
		return;
	case NODE_FOOTNOTES:
		footnotes(h, parent, n);
		return;
	case NODE_PAGE_BREAK:
		attr(h, element(h, parent, "hr"), "class", "page-break");
		return;
	default:
		html_children(h, parent, n);
		return;
	}
}

/* The page: head with title, author and styles; returns <main>. */
struct hel *
html_page_open(struct html *h, enum lang lang, const char *title,
    const char *author, const char *extra_style)
{
	struct hel *html, *head, *m, *style;

	if ((html = html_page_root(h, "html")) == NULL)
		return NULL;
	attr(h, html, "lang", lang_tag(lang));
	/* The encoding declaration first, as libxml2's serializer put it. */
	head = element(h, html, "head");
	m = element(h, head, "meta");
	attr(h, m, "http-equiv", "Content-Type");
	attr(h, m, "content", "text/html; charset=UTF-8");
	m = element(h, head, "meta");
	attr(h, m, "name", "viewport");
	attr(h, m, "content", "width=device-width, initial-scale=1");
	text(h, element(h, head, "title"), title != NULL ? title : "");
	if (author != NULL) {
		m = element(h, head, "meta");
		attr(h, m, "name", "author");
		attr(h, m, "content", author);
	}
	style = element(h, head, "style");
	text(h, style, stylesheet);
	if (extra_style != NULL)
		text(h, style, extra_style);
	return element(h, element(h, html, "body"), "main");
}

int
html_render(const struct node *doc, const struct html_meta *meta,
    struct buffer *out)
{
	struct html h;
	struct hel *main;
	size_t pending = 0;
	int rc = -1;

	if (html_page_new(&h, out) != 0)
		return -1;
	html_collect_notes(&h, doc, &pending);
	if ((main = html_page_open(&h, doc->lang, meta->title, meta->author,
	    NULL)) != NULL) {
		html_children(&h, main, doc);
		rc = html_page_end(&h);
	}
	html_page_free(&h);
	return rc;
}
