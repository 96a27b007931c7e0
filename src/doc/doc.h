/*
 * The document: a tree of blocks and inline runs, independent of any
 * output. Built once per period × language × template; every backend
 * (text, PDF, HTML) and the diff read the same tree. Figures arrive here
 * already formatted: backends never compute one.
 */
#ifndef KESSAN_DOC_H
#define KESSAN_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "../util/buffer.h"
#include "../util/lang.h"
#include "../util/rational.h"

enum node_kind {
	NODE_DOCUMENT,
	NODE_PART,        /* one language's part of a compilation */
	NODE_SECTION,
	NODE_HEADING,
	NODE_PARAGRAPH,
	NODE_LIST,
	NODE_ITEM,
	NODE_TABLE,
	NODE_CAPTION,     /* a table's caption lines */
	NODE_ROW,
	NODE_CELL,
	NODE_FOOTNOTES,
	NODE_FOOTNOTE,
	NODE_PAGE_BREAK,
	NODE_TEXT,
	NODE_EMPHASIS,
	NODE_NOTE_REF,
	NODE_CHART,       /* children: caption; payload: the chart's data */
	NODE_PAGE_REF,    /* id: a part; children: the words for outputs
	                     without pages (a PDF prints the part's page) */
	NODE_KIND_MAX
};

enum change_mark {
	CHANGE_NONE,
	CHANGE_INSERTED,
	CHANGE_DELETED
};

/* NODE_ROW flags */
#define ROW_HEADER   0x01   /* a column header row */
#define ROW_HEADING  0x02   /* a label with no figures */
#define ROW_TOTAL    0x04   /* a rule above; bold */

/* NODE_CELL flags */
#define CELL_LABEL   0x01   /* the row's label */
#define CELL_FIGURE  0x02   /* a number: right-aligned, tabular digits */

/* Footnote marker styles */
enum note_style {
	NOTE_SUPERSCRIPT,   /* ¹ ² ³ over the whole document */
	NOTE_ASTERISK,      /* *1 *2, restarting per table */
	NOTE_PARENTHESIZED  /* (1) (2) beside the label, "Note (1):" before
	                       the note: the catalog's words, in node->marker */
};

/*
 * A line chart, ready to draw: values are plot positions (geometry, not
 * figures: every label a reader sees is already formatted text).
 */
struct chart_series {
	char *label;
	double *values;          /* one per category */
	unsigned char *present;  /* whether the value exists */
};

struct chart {
	char **categories;       /* x labels: "1Q03" … */
	size_t ncategories;
	struct chart_series *series;
	size_t nseries;
	double low, high;        /* the value axis range */
	double *ticks;           /* tick positions on the value axis */
	char **tick_labels;      /* "0%", "5%" … */
	size_t nticks;
};

void chart_free(struct chart *chart);

/* How a series' line is drawn: a dash kind each backend spells in its
 * own units. */
enum chart_dash {
	CHART_DASH_SOLID,
	CHART_DASH_DASHED,
	CHART_DASH_DOTTED,
	CHART_DASH_DASH_DOT,
	CHART_DASH_MAX
};

struct chart_style {
	double gray;              /* 0 black .. 1 white */
	enum chart_dash dash;
};

/* The style of series number `series` (static; cycles through four). */
const struct chart_style *chart_series_style(size_t series);

/* The gray of grid line `tick`: black for the base line, light above. */
double chart_grid_gray(size_t tick);

/* Where category `category` centres between the left and right edges. */
double chart_x(const struct chart *ch, size_t category, double left,
    double right);

/* Where value lies between the edges for ch->low (bottom) and ch->high
 * (top); either may be the larger coordinate. */
double chart_y(const struct chart *ch, double value, double bottom,
    double top);

/* What a figure shows: its value rounded as printed, in the unit printed
 * (millions, per cent), for checking each language's text against. */
struct shown {
	int set;
	int magnitude;            /* printed without its sign */
	struct rat value;
};

/* What a paragraph is for: backends style it by role. */
enum para_role {
	ROLE_BODY,
	ROLE_TITLE,
	ROLE_SUBTITLE,
	ROLE_DATELINE,
	ROLE_LETTERHEAD,
	ROLE_NOTE,
	ROLE_MAX
};

/* A figure an argument put into a sentence: its text there and what it
 * shows, for reading it back (kessan check). */
struct figure_text {
	char *text;
	struct shown shown;
};

struct node {
	enum node_kind kind;
	enum lang lang;
	char *id;                 /* stable key: section, table, row, column */
	const char *file;         /* where it came from (template or period) */
	int line;
	enum change_mark change;  /* set by diff */
	char *anchor;             /* set by diff: a unique id to link to */
	char *marker;             /* a NOTE_PARENTHESIZED note's or reference's
	                             marker as the catalog words it */
	int computed;             /* content derived from facts */
	int incomplete;           /* on a root: a node under it was lost */
	struct shown shown;       /* a figure's text: what it must say */
	struct figure_text *figures;  /* a sentence's figure arguments */
	size_t nfigures;
	struct node *parent, *first, *last, *next;
	union {
		struct { char *title; } document;
		struct { int level; } heading;
		struct { enum para_role role; } paragraph;
		struct { size_t columns; size_t header_rows; } table;
		struct { unsigned flags; int indent; } row;
		struct { unsigned flags; int span; } cell;
		struct { int number; enum note_style style; } note;
		struct { char *text; } text;
		struct chart *chart;
	} u;
};

/*
 * Creates a node and appends it to parent (when not NULL). Returns NULL
 * when out of memory, having marked the document incomplete (node_lost),
 * so that a caller that only skips the node cannot pass off a tree with a
 * hole in it. The tree owns its nodes: free the root with node_free.
 */
struct node *node_add(struct node *parent, enum node_kind kind,
    enum lang lang);

/* Appends a text run holding a copy of text. */
struct node *node_add_text(struct node *parent, const char *text,
    enum lang lang);

/* Marks the root of node's tree incomplete: something under it could not
 * be allocated. A subtree built apart and attached later carries its mark
 * (node_insert_before). */
void node_lost(struct node *node);

/* Nonzero when node's root was marked incomplete. */
int node_incomplete(const struct node *node);

void node_free(struct node *node);

/* Takes node out of its parent's children. */
void node_unlink(struct node *node);

/* Puts an unlinked node among parent's children before `before` (one of
 * them), or last when before is NULL. */
void node_insert_before(struct node *parent, struct node *node,
    struct node *before);

/* Frees node's children, leaving it empty. */
void node_clear(struct node *node);

/* The concatenated text of a node's inline content (malloc'd). */
char *node_plain_text(const struct node *node, enum note_style style);

/* Writes a footnote marker ("¹²", "*3") for number into buf. */
void note_marker(int number, enum note_style style, char *buf, size_t size);

/* The marker of a NODE_NOTE_REF or NODE_FOOTNOTE into buf: its own
 * (node->marker), else note_marker's. */
void node_note_marker(const struct node *n, char *buf, size_t size);

/* Writes the tree with ids, lines and change marks into out (`kessan
 * render --format tree`, for debugging and tests). Returns 0, or -1 when
 * out of memory. */
int node_dump(const struct node *node, struct buffer *out);

extern const char *const node_kind_names[NODE_KIND_MAX];

#endif
