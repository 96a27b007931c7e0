/*
 * The layout's working state and the text primitives its parts share
 * (layout.c, footnotes.c). Private to layout/.
 */
#ifndef KESSAN_LCTX_H
#define KESSAN_LCTX_H

#include <unicode/ubrk.h>

#include "layout.h"
#include "footnotes.h"
#include "page_refs.h"

/* Page margins, in points. */
#define MARGIN_SIDE 56.0
#define MARGIN_TOP 72.0
#define MARGIN_BOTTOM 64.0
#define NOTE_SIZE 7.5        /* footnotes */
#define NOTE_PARA_SIZE 8.5   /* a note paragraph ("Note (1): ...") */

struct lctx {
	struct layout *lay;
	const struct layout_options *o;
	struct diag_list *diags;
	int failed;
	struct lay_page *page;
	int landscape;
	double y;               /* the next line's top */
	double left, right;     /* the text column */
	double indent;          /* a list's, kept by new_page */
	enum lang lang;
	const struct node *where;   /* for diagnostics */
	/* one line breaker per language, reused: opening one costs more
	 * than breaking a paragraph */
	UBreakIterator *breakers[LANG_MAX];
	UBreakIterator *words[LANG_MAX];   /* dictionary words (headers) */
	/* The face and advance (font units) shape() last found for a
	 * character in a language and role, by its low byte: a lookup
	 * through the fallback chain and the cmap once, not per unit. */
	struct glyph_memo {
		uint32_t cp;   /* 0: none (shape() never sets U+0000) */
		int face;
		unsigned fu, upem;
		double size, adv;   /* the advance in points at a size */
	} glyphs[LANG_MAX][FONT_ROLE_MAX][256];
	struct page_refs refs;  /* parts' first pages, references' pages */
	unsigned page_refs_shaped;   /* page numbers shape_node printed */
	struct foot foot;       /* notes set at the foot of their page */
};

/* A footnote reference in shaped text: its marker starts at unit `at`. */
struct shaped_ref {
	int32_t at;
	const struct node *ref;
};

/* Shaped text: UTF-16 with a face, size and width per unit. */
struct shaped {
	UChar *u;
	int32_t n, cap;
	int *face;
	unsigned *fu;       /* advance in font units, for shaped_resize */
	double *adv;
	double *size;
	unsigned char *raise;   /* superscript */
	unsigned char *mark;    /* a diff's change_mark (marks.h) */
	const struct node **src;   /* the inline node each unit came from */
	unsigned char cur_mark; /* what shape() gives the next units */
	const struct node *cur_src;
	struct shaped_ref *refs;
	size_t nrefs;
};

struct line {
	int32_t a, b;
	double width;
};

enum align {
	ALIGN_LEFT,
	ALIGN_CENTER,
	ALIGN_RIGHT
};

void lfail(struct lctx *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Starts a new page, setting the notes of the one it leaves. */
void new_page(struct lctx *c);
/* Starts a new page unless `height` more points fit on this one. */
void ensure(struct lctx *c, double height);
/* The lowest a line may come down to on this page, above its notes. */
double bottom(const struct lctx *c);
void add_line(struct lctx *c, double x, double y, double x2, double y2,
    double w);
void shape(struct lctx *c, struct shaped *s, const char *text,
    enum font_role role, double size, int raise);
void shape_inline(struct lctx *c, struct shaped *s, const struct node *n,
    enum font_role role, double size);
void shaped_free(struct shaped *s);
/* Sets shaped text at another size, as shape() would have set it. */
void shaped_resize(const struct lctx *c, struct shaped *s, double size);
void draw_units(struct lctx *c, const struct shaped *s, int32_t a, int32_t b,
    double x, double y);
size_t break_lines(struct lctx *c, const struct shaped *s, double first,
    double rest, int whole_words, struct line **lines);
double leading(const struct lctx *c, double size);
/* The width of units [a, b). */
double width_of(const struct shaped *s, int32_t a, int32_t b);
/* The widest dictionary word of s: a narrower column breaks inside it. */
double widest_word(struct lctx *c, const struct shaped *s);
/* A paragraph of n's text: `before` and `after` it, its first line
 * keeping keep_extra more points with it on its page. */
void text_block(struct lctx *c, const struct node *n, enum font_role role,
    double size, enum align align, double before, double after,
    double keep_extra);
/* Lays out a table (table.c). */
void layout_table(struct lctx *c, const struct node *n);

#endif
