/*
 * Two drafts of a release compared as documents: sections and tables by
 * id, rows and cells by row and column id, paragraphs aligned and then
 * compared sentence by sentence and word by word. The result is the list
 * of changes and the new draft's document marked with them (deleted text
 * moved in, inserted text flagged), which the backends print.
 */
#ifndef KESSAN_DIFF_H
#define KESSAN_DIFF_H

#include <stddef.h>

#include "../doc/doc.h"
#include "words.h"

enum change_kind {
	CHANGE_FIGURE,     /* a figure in a table cell */
	CHANGE_TEXT,       /* sentences, a heading, a label, a caption */
	CHANGE_ADDED,      /* a block or row only the new draft has */
	CHANGE_REMOVED,    /* a block or row only the old draft has */
	CHANGE_CHART       /* a chart's data */
};

/*
 * What an input change is: each changed input of the new draft heads a
 * group of the printed changes it explains (diff/causes.h finds them).
 */
enum cause_kind {
	CAUSE_FACT,        /* a fact of one period */
	CAUSE_SLOT,        /* a narrative slot of one period and language */
	CAUSE_FOOTNOTE,    /* an authored footnote */
	CAUSE_MESSAGE,     /* a catalog message of one language */
	CAUSE_TEMPLATE,    /* a template file */
	CAUSE_POLICY,      /* company.xml: rounding, footing, negatives, names */
	CAUSE_COMBINED,    /* changes only several causes together explain */
	CAUSE_OTHER,       /* changes no input explains (never dropped) */
	CAUSE_MAX
};

extern const char *const cause_kind_names[CAUSE_MAX];

struct change_cause {
	enum cause_kind kind;
	char *name;        /* "2004-q1 opex_sga", "ja:table.caption" */
	char *old_value;   /* the input as it was, short; "" when added */
	char *new_value;   /* as it is; "" when removed */
	size_t nchanges;   /* how many changes it heads */
};

struct change {
	enum change_kind kind;
	enum lang lang;
	char *where;       /* "Table 1. … › IP Service › 1Q04", a heading */
	char *old_where;   /* the same in the old draft: diffs of one old
	                      draft against several new ones match on it */
	char *old_text;    /* "" when added */
	char *new_text;    /* "" when removed */
	struct word_op *ops;   /* CHANGE_TEXT: old_text → new_text by word */
	size_t nops;
	const char *anchor;    /* the marked node's anchor (owned by it) */
	size_t cause;          /* index in diff.causes, once ncauses > 0 */
	int footing_only;      /* a figure only footing allocation moved */
	char *footing_total;   /* then where the total that moved it is */
};

struct diff {
	struct change *changes;
	size_t nchanges;
	struct change_cause *causes;   /* the groups, in report order */
	size_t ncauses;                /* 0 when not grouped */
	size_t figures;        /* how many are CHANGE_FIGURE */
	unsigned next_anchor;
	int failed;            /* out of memory or ICU failed */
};

struct render_env;

/* What the diff backends print. */
struct diff_report {
	const struct diff *diff;
	const char *old_label;
	const char *new_label;
	const char *period;              /* "2004-q1" */
	const char *title;               /* the new release's title */
	const struct node *docs[LANG_MAX];   /* marked; NULL when not compared */
	struct render_env *env;          /* the new draft's (render.h), for a
	                                    redline PDF's fonts and catalogs */
};

/*
 * Compares old with new (two documents of one language and template) and
 * appends the changes to d. new becomes the marked document; nodes only
 * old has are moved into it, so free old afterwards as usual but keep the
 * sources of both (their file names) until new is freed. no_break_after
 * is the language's sentence exceptions (sentences.h). Returns 0, or -1
 * when out of memory or ICU fails.
 */
int diff_documents(struct diff *d, struct node *old, struct node *new,
    const char *no_break_after);

void diff_free(struct diff *d);

/* Where n stands as a reader names it: "Table 1. … › IP Service › 1Q04",
 * or its section's heading (malloc'd; NULL when out of memory). */
char *diff_where(const struct node *n);

#endif
