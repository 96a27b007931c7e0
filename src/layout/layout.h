/*
 * Layout: the document tree set on pages. Paragraphs are broken into lines
 * with ICU's line breaker (strict for Japanese: no 、。）」 at a line start,
 * no （「 at a line end), each character drawn in the first configured face
 * that has it, measured from the fonts' own metrics. Tables get column
 * widths from their content, right-aligned figures whose digits line up
 * under a hanging parenthesis, rules above totals, and their header rows
 * repeated on every page they cross.
 *
 * The result is a list of drawing operations per page in points, origin
 * at the bottom left, for a backend to draw. Layout never computes a figure
 * and never calls the PDF library.
 */
#ifndef KESSAN_LAYOUT_H
#define KESSAN_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/doc.h"
#include "../font/fonts.h"
#include "../util/diag.h"

enum op_kind {
	OP_TEXT,     /* text in one face at (x, y) on its baseline */
	OP_LINE,     /* a stroked line from (x, y) to (x2, y2) */
	OP_RECT,     /* a filled rectangle from (x, y) to (x2, y2) */
	OP_KIND_MAX
};

/* Dash patterns of chart lines, so series differ in black and white. */
enum dash {
	DASH_SOLID,
	DASH_DASHED,
	DASH_DOTTED,
	DASH_DASH_DOT,
	DASH_MAX
};

struct lay_op {
	enum op_kind kind;
	int face;
	double size;
	double x, y, x2, y2;
	double width;        /* line width */
	double gray;         /* 0 black … 1 white, for lines and fills */
	enum dash dash;
	char *text;          /* OP_TEXT, UTF-8, owned */
	/* A diff's marks (a redline): what the text's run was marked, the
	 * inline node it came from, and a colour drawn instead of gray; all
	 * zero in a release. OP_TEXT's x2 is where its run ends. */
	enum change_mark mark;
	const struct node *src;
	unsigned color;      /* 0, or LAY_RGB(0xRRGGBB) */
};

#define LAY_RGB(rgb) (0x1000000u | (unsigned)(rgb))

struct lay_page {
	double width, height;
	enum lang lang;      /* the language of its first content */
	struct lay_op *ops;
	size_t nops;
	size_t ops_cap;      /* ops allocated (layout's own bookkeeping) */
};

struct layout {
	struct lay_page *pages;
	size_t npages;
	/* the BMP code points each face draws: a bitmap per face, for the
	   font subsets */
	unsigned char *used[FONTS_MAX_FACES];
};

struct layout_options {
	double page_width;     /* points: A4 595.28 × 841.89, Letter 612 × 792 */
	double page_height;
	const struct font_set *fonts;
	/* the running header and footer texts per language (footer_right gets
	   "Page n of N" from page_label) */
	const char *header[LANG_MAX];
	const char *footer_left[LANG_MAX];
	/* "Page 3 of 12" in lang; returns a malloc'd string, or NULL with the
	   reason in err (the layout then fails) */
	char *(*page_label)(void *arg, int page, int pages, enum lang lang,
	    char *err, size_t errsize);
	/* A page reference: "9ページ", "page 9" (same returns); NULL: the
	   reference prints its words for outputs without pages */
	char *(*page_ref)(void *arg, int page, enum lang lang, char *err,
	    size_t errsize);
	void *arg;
};

/*
 * Lays out doc. Returns the layout (free with layout_free) or NULL after
 * fatal diagnostics, such as a character no configured face has, or one
 * outside the Basic Multilingual Plane (libharu 2.3.0 cannot draw it).
 */
struct layout *layout_document(const struct node *doc,
    const struct layout_options *options, struct diag_list *diags);
void layout_free(struct layout *layout);

/* Whether face draws BMP code point c somewhere in the layout. */
int layout_uses(const struct layout *layout, int face, uint32_t c);

#endif
