/*
 * Templates in memory: the blocks of each release template and the shared
 * table definitions, with every expression parsed against the book and
 * every element's line kept for diagnostics.
 */
#ifndef KESSAN_TEMPLATE_H
#define KESSAN_TEMPLATE_H

#include <stddef.h>

#include "../model/book.h"
#include "../model/present.h"
#include "../util/diag.h"

enum arg_source {
	ARG_VALUE,
	ARG_PERIOD,
	ARG_DATE,
	ARG_COMPANY,
	ARG_CITY,
	ARG_SLOT,
	ARG_LABEL,
	ARG_WORD
};

struct tpl_arg {
	enum arg_source source;
	struct value_ref value;     /* ARG_VALUE */
	struct period_ref period;   /* ARG_PERIOD */
	char *name;                 /* ARG_DATE, ARG_COMPANY, ARG_SLOT,
	                               ARG_LABEL, ARG_WORD */
	int index;                  /* ARG_CITY: 1-based; ARG_SLOT: 1 if
	                               optional (absent: the word "none") */
	int line;
};

struct tpl_message {
	char *key;
	struct tpl_arg *args;
	size_t nargs;
	int line;
};

enum tpl_kind {
	TPL_SECTION,
	TPL_HEADING,
	TPL_PARAGRAPH,
	TPL_LIST,
	TPL_ITEM,
	TPL_MESSAGE,
	TPL_NARRATIVE,
	TPL_TABLE,
	TPL_FOOTNOTES,
	TPL_PAGE_BREAK,
	TPL_INCLUDE,
	TPL_CHART,       /* name: the table charted; message.key: caption */
	TPL_FN,          /* a marker for one of the period's authored notes */
	TPL_NOTE,        /* a marker for a note made from a catalog message */
	TPL_KIND_MAX
};

/* A paragraph's role="…" as the template names it; the document's
 * enum para_role (doc.h, a later stage) is mapped from it in doc/build.c. */
enum tpl_role {
	TPL_ROLE_BODY,
	TPL_ROLE_TITLE,
	TPL_ROLE_SUBTITLE,
	TPL_ROLE_DATELINE,
	TPL_ROLE_LETTERHEAD,
	TPL_ROLE_NOTE,
	TPL_ROLE_MAX
};

struct tpl_block {
	enum tpl_kind kind;
	int line;
	char *name;        /* section id, narrative slot, table ref, template,
	                      authored footnote id */
	int level;         /* heading */
	enum tpl_role role;
	int optional;      /* narrative: may be absent from the period */
	enum lang lang;    /* include */
	struct tpl_message message;   /* heading, message */
	struct tpl_block *children;   /* section, paragraph, list, item;
	                                 a heading's footnote markers */
	size_t nchildren;
};

struct tpl_template {
	char *id;
	char *file;
	int notes_per_table;          /* footnotes="table" */
	int notes_table_local;        /* footnotes="table-local" */
	struct tpl_block *blocks;
	size_t nblocks;
};

enum column_kind {
	COLUMN_VALUE,
	COLUMN_CHANGE,
	COLUMN_SHARE,
	COLUMN_USD
};

struct tpl_header {
	char *key;            /* a catalog message, or NULL */
	int style;            /* a period_style, or -1 */
	int period;           /* the period it labels */
	int span;             /* columns covered; 0 for a filler cell */
	int line;
};

struct tpl_column {
	enum column_kind kind;
	int period;
	int base;             /* COLUMN_CHANGE */
	int line;
};

enum row_format {
	ROW_AMOUNT,
	ROW_COUNT,
	ROW_PERCENT,
	ROW_PER_SHARE,
	ROW_BANDWIDTH,
	ROW_FORMAT_MAX
};

/* The most rows one table may have: a limit, not a layout constraint. */
#define TPL_MAX_ROWS 1000

/* The most parts one sum may list. */
#define TPL_MAX_SUM_PARTS 64

/* One part of a row's sum: another row of the table, added or taken off. */
struct tpl_part {
	size_t row;
	int subtract;
};

struct tpl_row {
	char *id;
	char *label;
	struct expr *value;   /* NULL: a heading row (or a bad expression) */
	int heading;          /* written without a value */
	enum row_format format;
	int decimals;
	int indent;
	int total;
	int mark;
	int no_changes;
	int no_shares;
	int no_usd;
	int reversed;         /* sign="reversed": printed with the opposite sign
	                         of its arithmetic value (a benefit shown as a
	                         charge); sums use the arithmetic sign */
	struct tpl_part *sum; /* sum="a b -c": the row is the total of these */
	size_t nsum;
	struct tpl_message *notes;
	size_t nnotes;
	int line;
};

struct tpl_table {
	char *id;
	char *kind;           /* picks the company's footing policy; may be NULL */
	char *caption;
	char *unit_caption;
	int scale;
	int percent_all;
	struct expr *share_of;
	int absent_dash;
	struct tpl_column *columns;
	size_t ncolumns;
	/* header rows, top first; each row's spans add up to ncolumns */
	struct tpl_header **headers;
	size_t *nheaders;
	size_t nheader_rows;
	struct tpl_row *rows;
	size_t nrows;
	char *file;
	int line;
};

struct template_set {
	char *dir;
	char *layout;         /* the book's layout over dir, or NULL */
	char *layout_dir;     /* BOOK/layouts/NAME/templates, or NULL */
	struct tpl_template *templates;
	size_t ntemplates;
	struct tpl_table *tables;
	size_t ntables;
};

/*
 * Loads every template of dir (NULL: kessan's templates/), expressions
 * resolved against book. Returns NULL after fatal diagnostics.
 */
struct template_set *templates_load(const char *dir, const struct book *book,
    struct diag_list *diags);

/*
 * The same under one of the book's layouts (NULL: none): a file of
 * BOOK/layouts/NAME/templates replaces dir's file of that name, a file
 * only there is added.
 */
struct template_set *templates_load_layout(const char *dir,
    const struct book *book, const char *layout, struct diag_list *diags);

/* BOOK/layouts/NAME[/sub] into out. 0, or -1 when it does not fit. */
int book_layout_path(const struct book *book, const char *layout,
    const char *sub, char *out, size_t size);
void templates_free(struct template_set *set);

const struct tpl_template *templates_find(const struct template_set *set,
    const char *id);
const struct tpl_table *templates_table(const struct template_set *set,
    const char *id);

/* The places a row's figures show in value and USD columns. */
int tpl_row_decimals(const struct tpl_row *row);

/* Calls fn for every message a template formats with arguments, with the
 * file it is written in. */
void templates_each_message(const struct template_set *set,
    void (*fn)(void *arg, const struct tpl_message *m, const char *file),
    void *arg);

/* The templates kessan renders when none is named: "release" in
 * English, "summary" in Japanese, "bilingual" (whose includes say their
 * language); id NULL ends the list. */
struct template_root {
	const char *id;
	enum lang lang;
};
extern const struct template_root template_roots[];

/*
 * Calls fn for every catalog key the set uses, with where it is used and
 * the languages (bit 1 << lang) it is rendered in: none for a template or
 * table no root reaches. Returns 0, or -1 out of memory.
 */
typedef void (*key_fn)(void *arg, const char *key, const char *file,
    int line, unsigned langs);
int templates_each_key(const struct template_set *set, key_fn fn, void *arg);

/* The languages (bit 1 << lang) each template and table of the set is
 * rendered in, from the roots: two arrays of ntemplates and ntables,
 * freed by the caller. Returns 0, or -1 out of memory. */
int templates_reach(const struct template_set *set, unsigned **templates,
    unsigned **tables);

/* template_slots.c: the narrative a template reads. */
enum tpl_slot_kind {
	TPL_SLOT_BLOCK,      /* <narrative slot="…"> */
	TPL_SLOT_INLINE,     /* <arg slot="…">, joined into a sentence */
	TPL_SLOT_FOOTNOTE    /* <fn ref="…">, an authored footnote */
};

/* Calls fn for every narrative slot and authored footnote any template
 * or table of the set uses (optional: may be absent from a period), with
 * the languages it is rendered in (bit 1 << lang; here every bit). */
typedef void (*slot_fn)(void *arg, enum tpl_slot_kind kind, const char *id,
    const char *file, int line, int optional, unsigned langs);
void templates_each_slot(const struct template_set *set, slot_fn fn,
    void *arg);

/* Whether any template of the set uses slot id (footnote: an authored
 * footnote id instead). */
int templates_use_slot(const struct template_set *set, const char *id,
    int footnote);

/*
 * The same for the templates kessan renders only (templates_reach), each
 * slot with the languages it is rendered in. Returns 0, or -1 out of
 * memory.
 */
int templates_each_slot_lang(const struct template_set *set, slot_fn fn,
    void *arg);

#endif
