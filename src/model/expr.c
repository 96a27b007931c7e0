/* Expression parsing (recursive descent, depth-limited) and evaluation. */
#include "expr.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const func_names[FUNC_MAX] = {
	"sum", "ratio", "pct_change", "share", "usd", "ytd", "round", "either",
	"abs", "growth", "rate"
};

/* Argument counts: min, max (0 = any). */
static const int func_arity[FUNC_MAX][2] = {
	{ 1, 0 }, { 2, 2 }, { 2, 2 }, { 2, 2 }, { 1, 1 }, { 1, 1 }, { 2, 2 },
	{ 2, 2 }, { 1, 1 }, { 2, 2 }, { 0, 0 }
};

static const char *const status_names[EVAL_STATUS_MAX] = {
	"ok", "missing", "not meaningful", "division by zero", "overflow",
	"no convenience rate"
};

const char *
eval_status_name(enum eval_status status)
{
	return status < EVAL_STATUS_MAX ? status_names[status] : "?";
}

struct parser {
	const char *text;
	const char *p;
	const struct book *book;
	int depth;
	char *err;
	size_t errsize;
	int errcol;
};

static struct expr *parse_sum(struct parser *ps);

static void fail(struct parser *ps, const char *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void
fail(struct parser *ps, const char *at, const char *fmt, ...)
{
	va_list ap;

	if (ps->errcol != 0)
		return;  /* keep the first error */
	ps->errcol = (int)(at - ps->text) + 1;
	va_start(ap, fmt);
	vsnprintf(ps->err, ps->errsize, fmt, ap);
	va_end(ap);
}

static void
skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' ||
	    *ps->p == '\r')
		ps->p++;
}

static struct expr *
new_node(struct parser *ps, enum expr_kind kind, const char *at)
{
	struct expr *e = calloc(1, sizeof(*e));

	if (e == NULL) {
		fail(ps, at, "out of memory");
		return NULL;
	}
	e->kind = kind;
	e->column = (int)(at - ps->text) + 1;
	return e;
}

void
expr_free(struct expr *e)
{
	size_t i;

	if (e == NULL)
		return;
	switch (e->kind) {
	case EXPR_NEG:
		expr_free(e->u.operand);
		break;
	case EXPR_ADD:
	case EXPR_SUB:
	case EXPR_MUL:
	case EXPR_DIV:
		expr_free(e->u.binary.left);
		expr_free(e->u.binary.right);
		break;
	case EXPR_CALL:
		for (i = 0; i < e->u.call.nargs; i++)
			expr_free(e->u.call.args[i]);
		free(e->u.call.args);
		break;
	default:
		break;
	}
	free(e);
}

static int
is_id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	    c == '.';
}

/* "@py", "@pq" or "@q-N" after a fact id. */
static int
parse_offset(struct parser *ps, int *offset)
{
	const char *at = ps->p;

	ps->p++;
	if (strncmp(ps->p, "py", 2) == 0 && !is_id_char(ps->p[2])) {
		ps->p += 2;
		*offset = OFFSET_PRIOR_YEAR;
		return 0;
	}
	if (strncmp(ps->p, "pq", 2) == 0 && !is_id_char(ps->p[2])) {
		ps->p += 2;
		*offset = OFFSET_PRIOR_QUARTER;
		return 0;
	}
	if (strncmp(ps->p, "q-", 2) == 0 && isdigit((unsigned char)ps->p[2])) {
		int n = 0;

		ps->p += 2;
		while (isdigit((unsigned char)*ps->p) && n < 1000)
			n = n * 10 + (*ps->p++ - '0');
		if (n >= 1 && n <= 400 && !isdigit((unsigned char)*ps->p)) {
			*offset = -n;
			return 0;
		}
	}
	fail(ps, at, "bad period offset: expected @py, @pq or @q-N (N from 1 to 400)");
	return -1;
}

static struct expr *
parse_number(struct parser *ps)
{
	const char *start = ps->p;
	char buf[64];
	size_t len;
	struct expr *e;

	while (isdigit((unsigned char)*ps->p) || *ps->p == '.')
		ps->p++;
	len = (size_t)(ps->p - start);
	if (len >= sizeof(buf)) {
		fail(ps, start, "number too long");
		return NULL;
	}
	memcpy(buf, start, len);
	buf[len] = '\0';
	if ((e = new_node(ps, EXPR_NUMBER, start)) == NULL)
		return NULL;
	switch (rat_parse(buf, &e->u.number, NULL)) {
	case RAT_OK:
		return e;
	case RAT_OVERFLOW:
		fail(ps, start, "number '%s' has more than %d digits", buf,
		    RAT_MAX_DIGITS);
		break;
	default:
		fail(ps, start, "bad number '%s'", buf);
		break;
	}
	free(e);
	return NULL;
}

static int
push_arg(struct parser *ps, struct expr *call, struct expr *arg,
    const char *at)
{
	struct expr **args = realloc(call->u.call.args,
	    (call->u.call.nargs + 1) * sizeof(*args));

	if (args == NULL) {
		fail(ps, at, "out of memory");
		return -1;
	}
	call->u.call.args = args;
	args[call->u.call.nargs++] = arg;
	return 0;
}

/* Checks what a function needs of its arguments beyond their count. */
static int
check_call(struct parser *ps, struct expr *call, const char *at)
{
	enum expr_func f = call->u.call.func;
	int n = (int)call->u.call.nargs;
	const struct expr *arg;

	if (n < func_arity[f][0] ||
	    ((func_arity[f][1] || f == FUNC_RATE) && n > func_arity[f][1])) {
		fail(ps, at, "%s() takes %s%d argument%s, not %d",
		    func_names[f], func_arity[f][1] ? "" : "at least ",
		    func_arity[f][0], func_arity[f][0] == 1 ? "" : "s", n);
		return -1;
	}
	if (f == FUNC_ROUND) {
		int64_t places;

		arg = call->u.call.args[1];
		if (arg->kind != EXPR_NUMBER || arg->u.number.den != 1 ||
		    (places = arg->u.number.num) < 0 || places > 9) {
			fail(ps, at, "round() takes a whole number of decimals from 0 to 9");
			return -1;
		}
	}
	if (f == FUNC_YTD) {
		arg = call->u.call.args[0];
		if (arg->kind != EXPR_FACT) {
			fail(ps, at, "ytd() takes a fact");
			return -1;
		}
		if (ps->book->facts[arg->u.ref.fact].aggregate == AGGREGATE_NONE) {
			fail(ps, at, "ytd() of %s, which does not aggregate over quarters",
			    ps->book->facts[arg->u.ref.fact].id);
			return -1;
		}
	}
	return 0;
}

static struct expr *
parse_call(struct parser *ps, enum expr_func f, const char *start)
{
	struct expr *e, *arg;

	if ((e = new_node(ps, EXPR_CALL, start)) == NULL)
		return NULL;
	e->u.call.func = f;
	ps->p++;  /* '(' */
	skip_space(ps);
	if (*ps->p != ')') {
		for (;;) {
			const char *at = ps->p;
			if ((arg = parse_sum(ps)) == NULL ||
			    push_arg(ps, e, arg, at) != 0) {
				expr_free(arg);
				goto fail;
			}
			skip_space(ps);
			if (*ps->p != ',')
				break;
			ps->p++;
		}
	}
	if (*ps->p != ')') {
		fail(ps, ps->p, "expected ',' or ')' in %s()", func_names[f]);
		goto fail;
	}
	ps->p++;
	if (check_call(ps, e, start) != 0)
		goto fail;
	return e;
fail:
	expr_free(e);
	return NULL;
}

static struct expr *
parse_name(struct parser *ps)
{
	const char *start = ps->p;
	char id[128];
	size_t len;
	long fact;
	int offset = 0;
	struct expr *e;

	while (is_id_char(*ps->p))
		ps->p++;
	len = (size_t)(ps->p - start);
	if (len >= sizeof(id)) {
		fail(ps, start, "name too long");
		return NULL;
	}
	memcpy(id, start, len);
	id[len] = '\0';
	if (*ps->p == '(') {
		int f;

		for (f = 0; f < FUNC_MAX; f++)
			if (strcmp(id, func_names[f]) == 0)
				return parse_call(ps, (enum expr_func)f, start);
		fail(ps, start, "unknown function '%s'", id);
		return NULL;
	}
	if ((fact = book_fact_index(ps->book, id)) < 0) {
		char hint[160];

		fail(ps, start, "unknown fact '%s'%s", id,
		    book_fact_hint(ps->book, id, hint, sizeof(hint)));
		return NULL;
	}
	if (*ps->p == '@' && parse_offset(ps, &offset) != 0)
		return NULL;
	if ((e = new_node(ps, EXPR_FACT, start)) == NULL)
		return NULL;
	e->u.ref.fact = (size_t)fact;
	e->u.ref.offset = offset;
	return e;
}

static struct expr *
parse_unary(struct parser *ps)
{
	const char *start;
	struct expr *e, *inner;

	if (++ps->depth > EXPR_MAX_DEPTH) {
		fail(ps, ps->p, "expression nested deeper than %d levels",
		    EXPR_MAX_DEPTH);
		return NULL;
	}
	skip_space(ps);
	start = ps->p;
	e = NULL;
	if (*ps->p == '-') {
		ps->p++;
		if ((inner = parse_unary(ps)) != NULL) {
			if ((e = new_node(ps, EXPR_NEG, start)) == NULL)
				expr_free(inner);
			else
				e->u.operand = inner;
		}
	} else if (*ps->p == '(') {
		ps->p++;
		if ((e = parse_sum(ps)) != NULL) {
			skip_space(ps);
			if (*ps->p == ')')
				ps->p++;
			else {
				fail(ps, ps->p, "expected ')'");
				expr_free(e);
				e = NULL;
			}
		}
	} else if (isdigit((unsigned char)*ps->p))
		e = parse_number(ps);
	else if (*ps->p >= 'a' && *ps->p <= 'z')
		e = parse_name(ps);
	else if (*ps->p == '\0')
		fail(ps, start, "expression ends where a value was expected");
	else
		fail(ps, start, "unexpected character '%c'", *ps->p);
	ps->depth--;
	return e;
}

static struct expr *
parse_binary(struct parser *ps, int level)
{
	struct expr *left, *right, *e;

	left = level == 0 ? parse_binary(ps, 1) : parse_unary(ps);
	while (left != NULL) {
		const char *at;
		char op;

		skip_space(ps);
		op = *ps->p;
		if (level == 0 ? op != '+' && op != '-' : op != '*' && op != '/')
			break;
		at = ps->p++;
		right = level == 0 ? parse_binary(ps, 1) : parse_unary(ps);
		if (right == NULL ||
		    (e = new_node(ps, op == '+' ? EXPR_ADD : op == '-' ? EXPR_SUB :
		    op == '*' ? EXPR_MUL : EXPR_DIV, at)) == NULL) {
			expr_free(right);
			expr_free(left);
			return NULL;
		}
		e->u.binary.left = left;
		e->u.binary.right = right;
		left = e;
	}
	return left;
}

static struct expr *
parse_sum(struct parser *ps)
{
	return parse_binary(ps, 0);
}

struct expr *
expr_parse(const char *text, const struct book *book, char *err,
    size_t errsize, int *column)
{
	struct parser ps = { text, text, book, 0, err, errsize, 0 };
	struct expr *e;

	e = parse_sum(&ps);
	if (e != NULL) {
		skip_space(&ps);
		if (*ps.p != '\0') {
			fail(&ps, ps.p, "unexpected '%c' after the expression", *ps.p);
			expr_free(e);
			e = NULL;
		}
	}
	*column = e == NULL ? ps.errcol : 0;
	return e;
}

int
expr_is_linear(const struct expr *e)
{
	size_t i;

	switch (e->kind) {
	case EXPR_NUMBER:
	case EXPR_FACT:
		return 1;
	case EXPR_NEG:
		return expr_is_linear(e->u.operand);
	case EXPR_ADD:
	case EXPR_SUB:
		return expr_is_linear(e->u.binary.left) &&
		    expr_is_linear(e->u.binary.right);
	case EXPR_CALL:
		if (e->u.call.func != FUNC_SUM)
			return 0;
		for (i = 0; i < e->u.call.nargs; i++)
			if (!expr_is_linear(e->u.call.args[i]))
				return 0;
		return 1;
	default:
		return 0;
	}
}

/* ---- evaluation ---- */

static enum eval_status
from_rat(enum rat_status st)
{
	switch (st) {
	case RAT_OK:
		return EVAL_OK;
	case RAT_DIV_ZERO:
		return EVAL_DIV_ZERO;
	default:
		return EVAL_OVERFLOW;
	}
}

static enum eval_status eval_year_to_date(size_t fact, int last,
    const struct eval_ctx *ctx, struct eval_result *out);

static enum eval_status
eval_fact(size_t fact, int at, int offset, const struct eval_ctx *ctx,
    struct eval_result *out)
{
	struct lookup found;

	if (ctx->cumulative) {
		switch (ctx->book->facts[fact].aggregate) {
		case AGGREGATE_SUM:
			return eval_year_to_date(fact, at + offset, ctx, out);
		case AGGREGATE_NONE:
			/* A per-share amount or a ratio does not add up. */
			return out->status = EVAL_NOT_MEANINGFUL;
		default:
			break;
		}
	}

	(void)book_lookup(ctx->book, at, offset, fact, ctx->viewpoint, &found);
	if (ctx->on_lookup != NULL)
		ctx->on_lookup(ctx->arg, &found);
	if (found.status != LOOKUP_OK) {
		if (!ctx->has_what_if || ctx->what_if_fact != fact ||
		    ctx->what_if_ordinal != at + offset) {
			out->missing = found;
			return out->status = EVAL_MISSING;
		}
		found.status = LOOKUP_OK;
	}
	if (ctx->has_what_if && ctx->what_if_fact == fact &&
	    ctx->what_if_ordinal == at + offset) {
		found.value = ctx->what_if_value;
		found.absent = 0;
	}
	if (ctx->on_fact != NULL)
		ctx->on_fact(ctx->arg, &found);
	out->value = found.value;
	return out->status = EVAL_OK;
}

/* A flow over the fiscal year's quarters up to quarter `last`. */
static enum eval_status
eval_year_to_date(size_t fact, int last, const struct eval_ctx *ctx,
    struct eval_result *out)
{
	struct eval_ctx discrete = *ctx;
	struct rat total = rat_int(0);
	struct eval_result part;
	int year, quarter, o;

	discrete.cumulative = 0;
	fiscal_from_ordinal(last, &year, &quarter);
	for (o = fiscal_ordinal(year, 1); o <= last; o++) {
		if (eval_fact(fact, o, 0, &discrete, &part) != EVAL_OK) {
			*out = part;
			return out->status;
		}
		if ((out->status = from_rat(rat_add(total, part.value,
		    &total))) != EVAL_OK)
			return out->status;
	}
	out->value = total;
	return out->status = EVAL_OK;
}

/* ytd(fact): year to date, whatever the company's comparison basis. */
static enum eval_status
eval_ytd(const struct expr *ref, const struct eval_ctx *ctx,
    struct eval_result *out)
{
	const struct fact_decl *decl = &ctx->book->facts[ref->u.ref.fact];
	int last = ctx->at + ref->u.ref.offset;

	if (decl->aggregate == AGGREGATE_LAST)
		return eval_fact(ref->u.ref.fact, last, 0, ctx, out);
	return eval_year_to_date(ref->u.ref.fact, last, ctx, out);
}

/* (a - b) / base * 100, where the policy decides what base is allowed. */
static enum eval_status
pct_change(struct rat a, struct rat b, enum nm_policy policy, struct rat *out)
{
	struct rat diff;
	enum rat_status st;

	if (rat_is_zero(b))
		return EVAL_NOT_MEANINGFUL;
	if (policy == NM_NOT_MEANINGFUL &&
	    (rat_sign(b) < 0 || rat_sign(a) * rat_sign(b) < 0))
		return EVAL_NOT_MEANINGFUL;
	if ((st = rat_sub(a, b, &diff)) != RAT_OK ||
	    (st = rat_div(diff, b, out)) != RAT_OK ||
	    (st = rat_mul(*out, rat_int(100), out)) != RAT_OK)
		return from_rat(st);
	return EVAL_OK;
}

static enum eval_status
eval_call(const struct expr *e, const struct eval_ctx *ctx,
    struct eval_result *out)
{
	const struct period *release;
	struct eval_result args[2];
	struct rat acc;
	int64_t scaled;
	size_t i;
	enum rat_status st = RAT_OK;

	switch (e->u.call.func) {
	case FUNC_SUM:
		acc = rat_int(0);
		for (i = 0; i < e->u.call.nargs; i++) {
			if (expr_eval(e->u.call.args[i], ctx, out) != EVAL_OK)
				return out->status;
			if ((st = rat_add(acc, out->value, &acc)) != RAT_OK)
				break;
		}
		out->value = acc;
		return out->status = from_rat(st);
	case FUNC_YTD:
		return eval_ytd(e->u.call.args[0], ctx, out);
	case FUNC_EITHER:
		if (expr_eval(e->u.call.args[0], ctx, out) != EVAL_MISSING)
			return out->status;
		return expr_eval(e->u.call.args[1], ctx, out);
	case FUNC_ABS:
		if (expr_eval(e->u.call.args[0], ctx, out) == EVAL_OK)
			out->value = rat_abs(out->value);
		return out->status;
	case FUNC_RATE:
		release = book_period(ctx->book, ctx->viewpoint);
		if (release == NULL || !release->has_release)
			return out->status = EVAL_NO_RATE;
		out->value = release->convenience_rate;
		return out->status = EVAL_OK;
	case FUNC_USD:
		release = book_period(ctx->book, ctx->viewpoint);
		if (release == NULL || !release->has_release)
			return out->status = EVAL_NO_RATE;
		if (expr_eval(e->u.call.args[0], ctx, out) != EVAL_OK)
			return out->status;
		st = rat_div(out->value, release->convenience_rate, &out->value);
		return out->status = from_rat(st);
	case FUNC_ROUND:
		if (expr_eval(e->u.call.args[0], ctx, out) != EVAL_OK)
			return out->status;
		i = (size_t)e->u.call.args[1]->u.number.num;
		if ((st = rat_round(out->value, (int)i, ctx->rounding,
		    &scaled)) == RAT_OK)
			st = rat_scale10(rat_int(scaled), -(int)i, &out->value);
		return out->status = from_rat(st);
	default:
		break;
	}
	for (i = 0; i < 2; i++)
		if (expr_eval(e->u.call.args[i], ctx, &args[i]) != EVAL_OK) {
			*out = args[i];
			return out->status;
		}
	switch (e->u.call.func) {
	case FUNC_RATIO:
		st = rat_div(args[0].value, args[1].value, &out->value);
		break;
	case FUNC_SHARE:
		if ((st = rat_div(args[0].value, args[1].value, &out->value)) ==
		    RAT_OK)
			st = rat_mul(out->value, rat_int(100), &out->value);
		break;
	case FUNC_PCT_CHANGE:
		return out->status = pct_change(args[0].value, args[1].value,
		    period_company(ctx->book, book_period(ctx->book,
		    ctx->viewpoint))->not_meaningful, &out->value);
	case FUNC_GROWTH:
		if (rat_is_zero(args[1].value))
			return out->status = EVAL_NOT_MEANINGFUL;
		if ((st = rat_sub(args[0].value, args[1].value, &out->value)) ==
		    RAT_OK && (st = rat_div(out->value, rat_abs(args[1].value),
		    &out->value)) == RAT_OK)
			st = rat_mul(out->value, rat_int(100), &out->value);
		break;
	default:
		break;
	}
	return out->status = from_rat(st);
}

enum eval_status
expr_eval(const struct expr *e, const struct eval_ctx *ctx,
    struct eval_result *out)
{
	struct eval_result right;
	enum rat_status st;

	memset(out, 0, sizeof(*out));
	switch (e->kind) {
	case EXPR_NUMBER:
		out->value = e->u.number;
		return out->status = EVAL_OK;
	case EXPR_FACT:
		return eval_fact(e->u.ref.fact, ctx->at, e->u.ref.offset, ctx, out);
	case EXPR_NEG:
		if (expr_eval(e->u.operand, ctx, out) == EVAL_OK)
			out->value = rat_neg(out->value);
		return out->status;
	case EXPR_CALL:
		return eval_call(e, ctx, out);
	default:
		break;
	}
	if (expr_eval(e->u.binary.left, ctx, out) != EVAL_OK)
		return out->status;
	if (expr_eval(e->u.binary.right, ctx, &right) != EVAL_OK) {
		*out = right;
		return out->status;
	}
	switch (e->kind) {
	case EXPR_ADD:
		st = rat_add(out->value, right.value, &out->value);
		break;
	case EXPR_SUB:
		st = rat_sub(out->value, right.value, &out->value);
		break;
	case EXPR_MUL:
		st = rat_mul(out->value, right.value, &out->value);
		break;
	default:
		st = rat_div(out->value, right.value, &out->value);
		break;
	}
	return out->status = from_rat(st);
}
