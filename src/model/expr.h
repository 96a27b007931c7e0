/*
 * Expressions over facts, as identities and templates write them:
 * "is.rev.total - is.cost.total", "pct_change(is.op_income, is.op_income@pq)".
 * Evaluated exactly (rationals) in one period, as seen from one release.
 */
#ifndef KESSAN_EXPR_H
#define KESSAN_EXPR_H

#include <stddef.h>

#include "book.h"

enum expr_kind {
	EXPR_NUMBER,
	EXPR_FACT,
	EXPR_NEG,
	EXPR_ADD,
	EXPR_SUB,
	EXPR_MUL,
	EXPR_DIV,
	EXPR_CALL,
	EXPR_KIND_MAX
};

enum expr_func {
	FUNC_SUM,
	FUNC_RATIO,
	FUNC_PCT_CHANGE,
	FUNC_SHARE,
	FUNC_USD,
	FUNC_YTD,
	FUNC_ROUND,
	FUNC_EITHER,
	FUNC_ABS,
	FUNC_GROWTH,     /* (a - b) / |b| * 100: its sign says up or down */
	FUNC_RATE,       /* the release's convenience rate: JPY per US$1 */
	FUNC_MAX
};

/* Deepest nesting accepted; deeper input is refused, not recursed into. */
#define EXPR_MAX_DEPTH 64

struct expr {
	enum expr_kind kind;
	int column;                  /* 1-based, in the source text */
	union {
		struct rat number;
		struct {
			size_t fact;
			int offset;          /* quarters: 0, -1 (@pq), -4 (@py) */
		} ref;
		struct expr *operand;    /* EXPR_NEG */
		struct {
			struct expr *left;
			struct expr *right;
		} binary;
		struct {
			enum expr_func func;
			struct expr **args;
			size_t nargs;
		} call;
	} u;
};

/*
 * Parses text, resolving fact ids against book. On success returns the tree
 * (owned by the caller; free with expr_free). On failure returns NULL and
 * writes a message to err and the 1-based column to *column.
 */
struct expr *expr_parse(const char *text, const struct book *book,
    char *err, size_t errsize, int *column);

void expr_free(struct expr *e);

/* True when e only adds, subtracts and negates facts and numbers. */
int expr_is_linear(const struct expr *e);

enum eval_status {
	EVAL_OK,
	EVAL_MISSING,         /* a quarter or a fact is not in the book */
	EVAL_NOT_MEANINGFUL,  /* a per-cent change the policy will not state */
	EVAL_DIV_ZERO,
	EVAL_OVERFLOW,
	EVAL_NO_RATE,         /* usd() in a period with no convenience rate */
	EVAL_STATUS_MAX
};

struct eval_ctx {
	const struct book *book;
	int at;          /* ordinal of the quarter evaluated */
	int viewpoint;   /* ordinal of the release it is seen from */
	int cumulative;  /* flows are year-to-date sums (company policy) */
	enum round_mode rounding;  /* ROUND(): the company's, from the figure
	                              stage (figure_eval_context) */
	/* Called for each fact value used, if not NULL. */
	void (*on_fact)(void *arg, const struct lookup *found);
	/* Called for each lookup, found or not, if not NULL (the build's
	 * dependencies: a fact added later changes what is printed). */
	void (*on_lookup)(void *arg, const struct lookup *tried);
	void *arg;
	/* When has_what_if: fact what_if_fact of quarter what_if_ordinal
	 * reads as what_if_value (check's "would this fix hold?"). */
	int has_what_if;
	size_t what_if_fact;
	int what_if_ordinal;
	struct rat what_if_value;
};

/* The fact one side of an identity is, when it is a single fact of the
 * quarter evaluated ("is.op_income", "-cf.impairment" is not): its index,
 * or -1. */
long expr_single_fact(const struct expr *e);

/*
 * Derives the facts of period p that one side of an identity names alone
 * and the period file leaves out: exactly, from the other side, in p seen
 * from p, ROUND() rounding as `rounding`; again until nothing changes, so
 * a total follows from subtotals derived before it. A value written in
 * the file is never replaced (check compares it). A fact whose parts all
 * do not exist stays absent. Each derived slot names its identity.
 * Returns 0, or -1 out of memory.
 */
int book_derive(struct book *book, struct period *p,
    enum round_mode rounding);

/* Whether book_derive may derive fact f when left out (in a quarter with
 * a release or without). */
int book_fact_derivable(const struct book *book, size_t f, int has_release);

struct eval_result {
	enum eval_status status;
	struct rat value;
	struct lookup missing;  /* what was not found, when EVAL_MISSING */
};

/* Evaluates e; returns out->status. */
enum eval_status expr_eval(const struct expr *e, const struct eval_ctx *ctx,
    struct eval_result *out);

const char *eval_status_name(enum eval_status status);

#endif
