/*
 * The figure stage: which number a release prints, decided once.
 *
 * Between the model (facts, expressions) and the document. A figure holds
 * the exact value, the value as printed (rounded under the company's
 * policy, footed, adjusted or stated), its unit and decimals, the facts it
 * came from and, for a comparison, both sides and the way it went. The
 * document formats figures and the checks read them back; neither rounds,
 * and the rounding policy is read in policy.c alone.
 */
#ifndef KESSAN_FIGURE_H
#define KESSAN_FIGURE_H

#include <stddef.h>
#include <stdint.h>

#include "../load/template.h"
#include "../model/book.h"
#include "../model/expr.h"
#include "../util/diag.h"
#include "footing.h"

enum figure_state {
	FIGURE_NONE,           /* the cell shows nothing (no such column) */
	FIGURE_ABSENT,         /* the item does not exist in that quarter */
	FIGURE_VALUE,
	FIGURE_NOT_MEANINGFUL  /* a change or ratio the policy will not state */
};

/* figure flags */
#define FIGURE_RATIO     0x01  /* a per cent or ratio: rounded as per cents */
#define FIGURE_MAGNITUDE 0x02  /* printed without its sign */
#define FIGURE_CURRENCY  0x04  /* an amount of money, in the display unit */
#define FIGURE_PERCENT   0x08  /* printed with a per-cent sign */
#define FIGURE_USD       0x10  /* a convenience translation */
#define FIGURE_FOOTED    0x20  /* moved off its own rounding by footing */

/* How a figure moved against its base, both as printed. */
enum movement {
	MOVE_INCREASE,       /* both zero or above, up */
	MOVE_DECREASE,       /* both zero or above, down */
	MOVE_UNCHANGED,      /* equal as printed */
	MOVE_TO_PROFIT,      /* a loss, now above zero */
	MOVE_TO_LOSS,        /* zero or above, now a loss */
	MOVE_LOSS_NARROWED,  /* a smaller loss */
	MOVE_LOSS_WIDENED,   /* a larger loss */
	MOVE_BREAKEVEN,      /* a loss, now zero */
	MOVE_FROM_ZERO,      /* zero, now above zero */
	MOVE_NOT_MEANINGFUL, /* either side not meaningful */
	MOVE_MAX
};

extern const char *const movement_words[MOVE_MAX];

/* Which way a movement goes: 1 up, -1 down, 0 level, 2 not meaningful. */
int movement_way(enum movement m);

#define FIGURE_MAX_SOURCES 8

/* A fact value a figure was computed from. */
struct figure_source {
	size_t fact;          /* index in book->facts */
	int ordinal;          /* the quarter it was read in */
	const char *file;     /* where it was recorded */
	int line;
	const struct restatement *restated;  /* a later release's value */
};

struct figure {
	enum figure_state state;
	unsigned flags;
	int decimals;
	int scale;                   /* SCALE_* of an amount, else 0 */
	struct rat exact;            /* full precision, in the unit printed */
	struct rat printed;          /* as printed: exact at `decimals` */
	int64_t units;               /* printed, in 10^-decimals units */
	int negative;                /* printed as a negative ("△0" too) */
	int sign;                    /* of the printed value */
	const struct display_adjustment *adjustment;  /* recorded, or NULL */
	const struct stated_change *stated;           /* recorded, or NULL */
	struct figure_source sources[FIGURE_MAX_SOURCES];
	size_t nsources;             /* the first FIGURE_MAX_SOURCES */
	/* A change or comparison: what was compared and how it went. */
	int compares;
	struct rat now, then;        /* exact, in the unit compared */
	enum movement movement;      /* now against then, as printed */
	enum movement movement2;     /* against a second base (contrast) */
};

/*
 * What the figures of one document read of the book's quarters, for the
 * build's dependencies: quarters read as a whole (their files), and single
 * fact lookups, each seen from a viewpoint, which a rebuild can repeat.
 * A read that does not fit makes its quarter one read as a whole.
 */
#define BUILD_MAX_DEPS 64
#define BUILD_MAX_READS 1024
#define BUILD_READ_ADJUSTMENTS ((size_t)-1)  /* a read's fact: the quarter's
                                                release and adjustments */

struct build_read {
	int ordinal;          /* the quarter looked in */
	int viewpoint;        /* the release it was seen from */
	size_t fact;          /* index in book->facts, or BUILD_READ_ADJUSTMENTS */
};

struct build_deps {
	int ordinals[BUILD_MAX_DEPS];
	size_t n;
	struct build_read reads[BUILD_MAX_READS];
	size_t nreads;
	/* reads by a hash of the read: 1 + its index, 0 where none */
	unsigned short seen[2 * BUILD_MAX_READS];
};

/* Notes a read of (ordinal, fact) seen from viewpoint; deps may be NULL. */
void build_deps_read(struct build_deps *deps, int ordinal, int viewpoint,
    size_t fact);

/* Notes quarter `ordinal` read as a whole; deps may be NULL. */
void build_deps_whole(struct build_deps *deps, int ordinal);

/*
 * Where figures are computed: a release of a book, the template whose
 * file:line errors name, and what to report to. One per document built.
 */
struct figure_env {
	const struct book *book;
	const struct period *release;
	const char *file;            /* the template being built */
	struct diag_list *diags;
	struct build_deps *deps;     /* filled in when not NULL */
	int failed;                  /* an error was reported */
	int missing_reported[8];     /* quarters already reported missing */
	size_t nmissing;
};

/* policy.c: the company's rounding, read here and nowhere else. */

/* An evaluation context for quarter `at` seen from release `viewpoint`,
 * under the company's policies (ROUND() rounds as the company does). */
struct eval_ctx figure_eval_context(const struct book *book, int at,
    int viewpoint);

/* value rounded to `decimals` under the policy for figures with flags in
 * the era of `release` (NULL: company.xml's top level), in 10^-decimals
 * units / exactly. 0, or -1 on overflow. */
int figure_round_units(const struct book *book, const struct period *release,
    struct rat value, int decimals, unsigned flags, int64_t *units);
int figure_round(const struct book *book, const struct period *release,
    struct rat value, int decimals, unsigned flags, struct rat *printed);

/* Sets f's exact value to value and what it prints (units, printed,
 * sign, negative) at f->decimals under f->flags. 0, or -1 on overflow. */
int figure_print(const struct book *book, const struct period *release,
    struct figure *f, struct rat value);

/* evaluate.c */

/* An error at env's file and line; marks env failed. */
void figure_error(struct figure_env *env, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * Evaluates e in the quarter `offset` from the release. Returns the status;
 * reports a missing quarter or fact as an error. *absent tells whether every
 * fact used does not exist in that quarter; sources (may be NULL) gets the
 * facts used.
 */
enum eval_status figure_evaluate(struct figure_env *env, const struct expr *e,
    int offset, int line, struct rat *value, int *absent,
    struct figure *sources);

/* value.c */

/*
 * A figure from a value already evaluated with `status`, as ref asks for
 * it: scaled to its unit and rounded once. Returns 0, or -1 after an
 * error at line.
 */
int figure_decide(struct figure_env *env, struct rat value,
    enum eval_status status, const struct value_ref *ref, int line,
    struct figure *out);

/* ref evaluated in the release and decided; movements and contrasts
 * compared as printed. 0, or -1 after an error at line. */
int figure_of_ref(struct figure_env *env, const struct value_ref *ref,
    int line, struct figure *out);

/* table.c */

/* Every figure cell of a table as the release prints it. */
struct figure_grid {
	const struct tpl_table *table;
	size_t nrows, ncolumns;
	struct figure *cells;        /* nrows * ncolumns, row by row */
	struct table_footing footing;
};

/*
 * Decides every cell of table t, footing included. Errors name the
 * template's file:line (out of memory: env's file at `line`). Returns 0,
 * or -1 after an error; out is usable until figure_grid_free either way,
 * and cells not decided are FIGURE_NONE.
 */
int figure_table(struct figure_env *env, const struct tpl_table *t,
    int line, struct figure_grid *out);

/* The same a row at a time, for a builder that reports in row order:
 * open works out the footing, row decides row r's cells. */
int figure_table_open(struct figure_env *env, const struct tpl_table *t,
    int line, struct figure_grid *out);
int figure_table_row(struct figure_env *env, struct figure_grid *g,
    size_t r);

const struct figure *figure_at(const struct figure_grid *g, size_t row,
    size_t column);
void figure_grid_free(struct figure_grid *g);

#endif
