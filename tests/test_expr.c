/*
 * Expressions and lookups: every expression kind, both rounding policies and
 * both not-meaningful policies, on the example book's own figures; year to
 * date, restatements and parse errors on a small book built here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/figure/figure.h"
#include "../src/load/load.h"
#include "../src/model/expr.h"

static struct book *example;

static int
load_example(void **state)
{
	struct diag_list diags;
	char path[4096];
	const char *dir = getenv("EXAMPLES");

	(void)state;
	memset(&diags, 0, sizeof(diags));
	snprintf(path, sizeof(path), "%s/iij", dir != NULL ? dir : "examples");
	example = book_load(path, &diags);
	{
		struct buffer text = { NULL, 0, 0, 0 };

		diag_format(&diags, &text);
		if (text.data != NULL)
			fputs(text.data, stderr);
		buffer_free(&text);
	}
	diag_list_free(&diags);
	return example == NULL ? -1 : 0;
}

static int
free_example(void **state)
{
	(void)state;
	book_free(example);
	return 0;
}

/* Evaluates text in quarter `period` of book b, seen from that quarter. */
static enum eval_status
eval_in(const struct book *b, const char *period, const char *text,
    struct rat *value)
{
	const struct period *p = book_period_by_id(b, period);
	struct eval_ctx ctx;
	struct eval_result result;
	struct expr *e;
	char err[256];
	int column;

	assert_non_null(p);
	/* The figure stage's context: ROUND() under the company's policy. */
	ctx = figure_eval_context(b, p->ordinal, p->ordinal);
	e = expr_parse(text, b, err, sizeof(err), &column);
	if (e == NULL)
		fail_msg("%s: %s at column %d", text, err, column);
	expr_eval(e, &ctx, &result);
	expr_free(e);
	if (value != NULL)
		*value = result.value;
	return result.status;
}

/* Evaluates and rounds to `places` under the book's policy. */
static void
assert_eval(const struct book *b, const char *period, const char *text,
    int places, const char *expected)
{
	struct rat value;
	char buf[64];

	assert_int_equal(eval_in(b, period, text, &value), EVAL_OK);
	assert_int_equal(rat_to_decimal(value, places, b->company.rounding, buf,
	    sizeof(buf)), RAT_OK);
	if (strcmp(buf, expected) != 0)
		fail_msg("%s in %s: got %s, want %s", text, period, buf, expected);
}

static void
test_facts_and_lookups(void **state)
{
	(void)state;
	/* Facts are in base units: thousands of yen times 1,000. */
	assert_eval(example, "2004-q1", "is.rev.total", 0, "8674907000");
	assert_eval(example, "2004-q1", "is.rev.total@py", 0, "8344046000");
	assert_eval(example, "2004-q1", "is.rev.total@pq", 0, "11617002000");
	assert_eval(example, "2004-q1", "is.rev.total@q-4", 0, "8344046000");
	assert_eval(example, "2004-q1", "is.eps.basic.ads", 2, "18.72");
	assert_eval(example, "2004-q1", "contracts.bandwidth", 1, "95.6");
	/* An item that does not exist in a complete statement is zero. */
	assert_eval(example, "2004-q1", "is.impairment", 0, "0");
	assert_int_equal(eval_in(example, "2003-q2", "is.rev.total", NULL),
	    EVAL_MISSING);
	assert_int_equal(eval_in(example, "2003-q1", "is.rev.total@pq", NULL),
	    EVAL_MISSING);
}

static void
test_arithmetic(void **state)
{
	(void)state;
	assert_eval(example, "2004-q1", "sum(is.rev.conn_total, is.rev.si, "
	    "is.rev.equipment) / 1000", 0, "8674907");
	/* Gross margin and its ratio (Table 1: 638, 11.7%). */
	assert_eval(example, "2004-q1",
	    "(is.rev.conn_total - is.cost.conn) / 1000000", 0, "638");
	assert_eval(example, "2004-q1", "share(is.rev.conn_total - is.cost.conn, "
	    "is.rev.conn_total)", 1, "11.7");
	assert_eval(example, "2004-q1", "ratio(xsell.vas.customers, "
	    "xsell.vas.base) * 100", 1, "82.3");
	assert_eval(example, "2004-q1", "-is.op_income / 1000", 0, "100489");
	assert_eval(example, "2004-q1", "2 * 3 - 4 / 8", 1, "5.5");
	/* Share of total revenues (Appendix 1: 33.6%). */
	assert_eval(example, "2004-q1", "share(is.rev.dedicated, is.rev.total)", 1,
	    "33.6");
	assert_int_equal(eval_in(example, "2004-q1", "ratio(1, 0)", NULL),
	    EVAL_DIV_ZERO);
	assert_int_equal(eval_in(example, "2004-q1", "is.rev.total / "
	    "is.impairment", NULL), EVAL_DIV_ZERO);
}

static void
test_rounding_policies(void **state)
{
	enum round_mode saved = example->company.rounding;

	(void)state;
	example->company.rounding = ROUND_HALF_UP;
	assert_eval(example, "2004-q1", "is.rev.total / 1000000", 0, "8675");
	assert_eval(example, "2004-q1", "is.op_income / 1000000", 0, "-100");
	assert_eval(example, "2003-q1", "is.op_income / 1000000", 0, "-1206");
	assert_eval(example, "2004-q1", "round(is.rev.total / 1000000, 0)", 0,
	    "8675");
	example->company.rounding = ROUND_TRUNCATE;
	assert_eval(example, "2004-q1", "is.rev.total / 1000000", 0, "8674");
	assert_eval(example, "2003-q1", "is.op_income / 1000000", 0, "-1205");
	assert_eval(example, "2004-q1", "round(is.rev.total / 1000000, 0)", 0,
	    "8674");
	example->company.rounding = saved;
}

static void
test_percent_change(void **state)
{
	enum nm_policy saved = example->company.not_meaningful;
	struct rat value;

	(void)state;
	example->company.not_meaningful = NM_ARITHMETIC;
	assert_eval(example, "2004-q1", "pct_change(is.rev.total, is.rev.total@py)",
	    1, "4.0");
	assert_eval(example, "2004-q1", "pct_change(is.rev.total, is.rev.total@pq)",
	    1, "-25.3");
	/* Operating loss (100,489) against income 349,688: (128.7%). */
	assert_eval(example, "2004-q1",
	    "pct_change(is.op_income, is.op_income@pq)", 1, "-128.7");
	/* Raw arithmetic over a negative base, as the reference prints it. */
	assert_eval(example, "2004-q1",
	    "pct_change(is.op_income, is.op_income@py)", 1, "-91.7");
	assert_int_equal(eval_in(example, "2004-q1",
	    "pct_change(is.impairment@pq, is.impairment)", NULL),
	    EVAL_NOT_MEANINGFUL);

	example->company.not_meaningful = NM_NOT_MEANINGFUL;
	assert_eval(example, "2004-q1", "pct_change(is.rev.total, is.rev.total@py)",
	    1, "4.0");
	/* Sign flip, and a negative base: not meaningful. */
	assert_int_equal(eval_in(example, "2004-q1",
	    "pct_change(is.op_income, is.op_income@pq)", &value),
	    EVAL_NOT_MEANINGFUL);
	assert_int_equal(eval_in(example, "2004-q1",
	    "pct_change(is.op_income, is.op_income@py)", &value),
	    EVAL_NOT_MEANINGFUL);
	example->company.not_meaningful = saved;
}

static void
test_convenience(void **state)
{
	(void)state;
	/* 1,434,335 thousand yen at JPY 109.43 = US$1: $13,107 thousand. */
	assert_eval(example, "2004-q1", "usd(is.net_income) / 1000", 0, "13107");
	assert_eval(example, "2004-q1", "usd(is.rev.total) / 1000000", 1, "79.3");
	/* A quarter without a release has no rate of its own. */
	assert_int_equal(eval_in(example, "2003-q1", "usd(is.net_income)", NULL),
	    EVAL_NO_RATE);
}

static void
test_either(void **state)
{
	(void)state;
	assert_eval(example, "2003-q2", "either(trend.gm.conn, 0)", 1, "9.1");
	assert_eval(example, "2004-q1", "either(trend.gm.conn, "
	    "share(is.rev.conn_total - is.cost.conn, is.rev.conn_total))", 1,
	    "11.7");
}

static void
test_last_quarters(void **state)
{
	const struct period *p = book_period_by_id(example, "2004-q1");
	int ordinals[6], missing = 0;

	(void)state;
	assert_int_equal(book_last_quarters(example, p->ordinal, 5, ordinals,
	    &missing), 0);
	assert_int_equal(ordinals[0], fiscal_ordinal(2003, 1));
	assert_int_equal(ordinals[4], fiscal_ordinal(2004, 1));
	assert_int_equal(book_last_quarters(example, p->ordinal, 6, ordinals,
	    &missing), -1);
	assert_int_equal(missing, fiscal_ordinal(2002, 4));
}

/* ---- a small book built in memory ---- */

static struct book *
small_book(void)
{
	static const char *const ids[] = { "rev", "cash", "eps" };
	struct book *b = calloc(1, sizeof(*b));
	int q;
	size_t i;

	assert_non_null(b);
	b->company.fiscal.end_month = 3;
	b->company.fiscal.named_by_start = 1;
	b->nfacts = 3;
	b->facts = calloc(b->nfacts, sizeof(*b->facts));
	for (i = 0; i < b->nfacts; i++)
		b->facts[i].id = strdup(ids[i]);
	b->facts[0].aggregate = AGGREGATE_SUM;
	b->facts[1].aggregate = AGGREGATE_LAST;
	b->facts[1].period_type = PERIOD_INSTANT;
	b->facts[2].aggregate = AGGREGATE_NONE;
	b->nperiods = 4;
	b->periods = calloc(b->nperiods, sizeof(*b->periods));
	for (q = 1; q <= 4; q++) {
		struct period *p = calloc(1, sizeof(*p));
		p->fiscal_year = 2004;
		p->quarter = q;
		p->ordinal = fiscal_ordinal(2004, q);
		period_id_format(2004, q, p->id, sizeof(p->id));
		p->slots = calloc(b->nfacts, sizeof(*p->slots));
		for (i = 0; i < b->nfacts; i++) {
			p->slots[i].state = SLOT_PRESENT;
			p->slots[i].value = rat_int(q * 100 + (int)i);
		}
		b->periods[q - 1] = p;
	}
	return b;
}

static void
test_year_to_date(void **state)
{
	struct book *b = small_book();
	char err[128];
	int column;

	(void)state;
	/* Flows add up over the fiscal year; balances take the latest. */
	assert_eval(b, "2004-q3", "ytd(rev)", 0, "600");
	assert_eval(b, "2004-q1", "ytd(rev)", 0, "100");
	assert_eval(b, "2004-q3", "ytd(cash)", 0, "301");
	assert_eval(b, "2004-q4", "ytd(rev@pq)", 0, "600");
	/* Per-share amounts never add up. */
	assert_null(expr_parse("ytd(eps)", b, err, sizeof(err), &column));
	assert_non_null(strstr(err, "does not aggregate"));
	/* A missing quarter of the year is reported, not skipped. */
	b->periods[1]->slots[0].state = SLOT_UNKNOWN;
	assert_int_equal(eval_in(b, "2004-q3", "ytd(rev)", NULL), EVAL_MISSING);
	book_free(b);
}

/* The cumulative comparison basis: flows to date, balances as they stand,
 * per-share amounts not meaningful. */
static void
test_cumulative_basis(void **state)
{
	struct book *b = small_book();

	(void)state;
	b->company.cumulative = 1;
	assert_eval(b, "2004-q3", "rev", 0, "600");          /* 100+200+300 */
	assert_eval(b, "2004-q3", "rev@pq", 0, "300");       /* 100+200 */
	assert_eval(b, "2004-q3", "cash", 0, "301");
	assert_int_equal(eval_in(b, "2004-q3", "eps", NULL), EVAL_NOT_MEANINGFUL);
	/* A change compares year to date with year to date. */
	assert_eval(b, "2004-q3", "pct_change(rev, rev@pq)", 1, "100.0");
	b->company.cumulative = 0;
	assert_eval(b, "2004-q3", "rev", 0, "300");
	book_free(b);
}

static void
test_restatement(void **state)
{
	struct book *b = small_book();
	struct period *q3 = b->periods[2];
	struct restatement *r = calloc(1, sizeof(*r));

	(void)state;
	/* Q3's release restates Q1's revenue. */
	r->ordinal = fiscal_ordinal(2004, 1);
	r->fact = 0;
	r->value = rat_int(150);
	q3->restatements = r;
	q3->nrestatements = 1;
	assert_eval(b, "2004-q3", "rev@q-2", 0, "150");
	assert_eval(b, "2004-q3", "ytd(rev)", 0, "650");
	/* Q2's release predates the restatement and keeps the original. */
	assert_eval(b, "2004-q2", "rev@pq", 0, "100");
	/* So does Q1 itself. */
	assert_eval(b, "2004-q1", "rev", 0, "100");
	book_free(b);
}

static void
assert_parse_error(const struct book *b, const char *text, const char *msg,
    int want_column)
{
	char err[256];
	int column;
	struct expr *e = expr_parse(text, b, err, sizeof(err), &column);

	if (e != NULL) {
		expr_free(e);
		fail_msg("'%s' parsed", text);
	}
	if (strstr(err, msg) == NULL)
		fail_msg("'%s': got '%s', want '%s'", text, err, msg);
	assert_int_equal(column, want_column);
}

static void
test_parse_errors(void **state)
{
	struct book *b = small_book();
	char deep[512];
	size_t i;

	(void)state;
	assert_parse_error(b, "rev + nosuch", "unknown fact 'nosuch'", 7);
	assert_parse_error(b, "rev@px", "bad period offset", 4);
	assert_parse_error(b, "frob(rev)", "unknown function 'frob'", 1);
	assert_parse_error(b, "ratio(rev)", "ratio() takes 2 arguments", 1);
	assert_parse_error(b, "round(rev, 1.5)", "whole number of decimals", 1);
	assert_parse_error(b, "(rev", "expected ')'", 5);
	assert_parse_error(b, "rev +", "expression ends", 6);
	assert_parse_error(b, "rev rev", "unexpected 'r'", 5);
	assert_parse_error(b, "rev # 2", "unexpected '#'", 5);
	assert_parse_error(b, "# 2", "unexpected character '#'", 1);
	assert_parse_error(b, "12345678901234567890", "more than 18 digits", 1);
	for (i = 0; i < 200; i++)
		deep[i] = '(';
	strcpy(deep + 200, "rev");
	assert_parse_error(b, deep, "nested deeper than", 65);
	book_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_facts_and_lookups),
		cmocka_unit_test(test_arithmetic),
		cmocka_unit_test(test_rounding_policies),
		cmocka_unit_test(test_percent_change),
		cmocka_unit_test(test_convenience),
		cmocka_unit_test(test_either),
		cmocka_unit_test(test_last_quarters),
		cmocka_unit_test(test_year_to_date),
		cmocka_unit_test(test_cumulative_basis),
		cmocka_unit_test(test_restatement),
		cmocka_unit_test(test_parse_errors),
	};

	return cmocka_run_group_tests(tests, load_example, free_example);
}
