/* Exact decimal arithmetic and the two rounding policies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../src/util/rational.h"

static struct rat
parse(const char *text)
{
	struct rat r;

	assert_int_equal(rat_parse(text, &r, NULL), RAT_OK);
	return r;
}

static void
assert_decimal(struct rat r, int places, enum round_mode mode,
    const char *expected)
{
	char buf[64];

	assert_int_equal(rat_to_decimal(r, places, mode, buf, sizeof(buf)),
	    RAT_OK);
	assert_string_equal(buf, expected);
}

static void
test_parse(void **state)
{
	struct rat r;
	int decimals;

	(void)state;
	assert_int_equal(rat_parse("18.72", &r, &decimals), RAT_OK);
	assert_int_equal(r.num, 468);  /* 18.72 = 468/25 */
	assert_int_equal(r.den, 25);
	assert_int_equal(decimals, 2);
	assert_int_equal(rat_parse("-100489", &r, &decimals), RAT_OK);
	assert_int_equal(r.num, -100489);
	assert_int_equal(r.den, 1);
	assert_int_equal(decimals, 0);
	assert_int_equal(rat_parse("000000000000000000000012", &r, NULL), RAT_OK);
	assert_int_equal(r.num, 12);
	assert_int_equal(rat_parse("1234567890123456789012345678901234567890",
	    &r, NULL), RAT_OVERFLOW);
	assert_int_equal(rat_parse("", &r, NULL), RAT_SYNTAX);
	assert_int_equal(rat_parse("1.", &r, NULL), RAT_SYNTAX);
	assert_int_equal(rat_parse(".5", &r, NULL), RAT_SYNTAX);
	assert_int_equal(rat_parse("1.2.3", &r, NULL), RAT_SYNTAX);
	assert_int_equal(rat_parse("1e5", &r, NULL), RAT_SYNTAX);
	assert_int_equal(rat_parse("--1", &r, NULL), RAT_SYNTAX);
}

static void
test_no_binary_error(void **state)
{
	struct rat sum;

	(void)state;
	/* 0.1 + 0.2 is exactly 0.3 here, unlike in binary floating point. */
	assert_int_equal(rat_add(parse("0.1"), parse("0.2"), &sum), RAT_OK);
	assert_int_equal(rat_cmp(sum, parse("0.3")), 0);
	/* 95.6 Gbps stays 95.6. */
	assert_decimal(parse("95.6"), 1, ROUND_HALF_UP, "95.6");
}

/* The reference's own figures: thousands of yen to millions. */
static void
test_round_millions(void **state)
{
	struct rat m;

	(void)state;
	assert_int_equal(rat_scale10(parse("8674907"), -3, &m), RAT_OK);
	assert_decimal(m, 0, ROUND_HALF_UP, "8675");
	assert_decimal(m, 0, ROUND_TRUNCATE, "8674");
	assert_int_equal(rat_scale10(parse("-100489"), -3, &m), RAT_OK);
	assert_decimal(m, 0, ROUND_HALF_UP, "-100");
	assert_decimal(m, 0, ROUND_TRUNCATE, "-100");
	/* Half up is half away from zero, on both sides. */
	assert_int_equal(rat_scale10(parse("-1205649"), -3, &m), RAT_OK);
	assert_decimal(m, 0, ROUND_HALF_UP, "-1206");
	assert_decimal(m, 0, ROUND_TRUNCATE, "-1205");
	assert_decimal(parse("2.5"), 0, ROUND_HALF_UP, "3");
	assert_decimal(parse("-2.5"), 0, ROUND_HALF_UP, "-3");
	assert_decimal(parse("0.45"), 1, ROUND_HALF_UP, "0.5");
	assert_decimal(parse("0.45"), 1, ROUND_TRUNCATE, "0.4");
	/* A negative that rounds to zero keeps no sign in the decimal. */
	assert_decimal(parse("-0.4"), 0, ROUND_HALF_UP, "0");
}

static void
test_convenience(void **state)
{
	struct rat usd;

	(void)state;
	/* 1,434,335 thousand yen at 109.43 yen to the dollar. */
	assert_int_equal(rat_div(parse("1434335"), parse("109.43"), &usd), RAT_OK);
	assert_decimal(usd, 0, ROUND_HALF_UP, "13107");
	assert_decimal(usd, 3, ROUND_HALF_UP, "13107.329");
}

static void
test_percent_change(void **state)
{
	struct rat diff, change;

	(void)state;
	/* Operating loss (100,489) against income of 349,688: (128.7%). */
	assert_int_equal(rat_sub(parse("-100489"), parse("349688"), &diff),
	    RAT_OK);
	assert_int_equal(rat_div(diff, parse("349688"), &change), RAT_OK);
	assert_int_equal(rat_mul(change, rat_int(100), &change), RAT_OK);
	assert_decimal(change, 1, ROUND_HALF_UP, "-128.7");
}

static void
test_errors(void **state)
{
	struct rat r, big = { INT64_MAX, 1 };
	char small[4];
	int64_t scaled;

	(void)state;
	assert_int_equal(rat_div(rat_int(1), rat_int(0), &r), RAT_DIV_ZERO);
	assert_int_equal(rat_mul(big, big, &r), RAT_OVERFLOW);
	assert_int_equal(rat_add(big, big, &r), RAT_OVERFLOW);
	assert_int_equal(rat_scale10(big, 5, &r), RAT_OVERFLOW);
	assert_int_equal(rat_round(rat_int(1), 10, ROUND_HALF_UP, &scaled),
	    RAT_OVERFLOW);
	assert_int_equal(rat_to_decimal(parse("12345"), 0, ROUND_HALF_UP, small,
	    sizeof(small)), RAT_OVERFLOW);
}

static void
test_compare_and_exact_decimal(void **state)
{
	char buf[64];
	struct rat third;

	(void)state;
	assert_true(rat_cmp(parse("-1"), parse("0.5")) < 0);
	assert_true(rat_cmp(parse("2.50"), parse("2.5")) == 0);
	assert_int_equal(rat_sign(parse("-0.01")), -1);
	assert_true(rat_is_zero(parse("-0")));
	assert_int_equal(rat_to_exact_decimal(parse("-1657.335"), buf,
	    sizeof(buf)), RAT_OK);
	assert_string_equal(buf, "-1657.335");
	assert_int_equal(rat_div(rat_int(1), rat_int(3), &third), RAT_OK);
	assert_int_equal(rat_to_exact_decimal(third, buf, sizeof(buf)), RAT_OK);
	assert_string_equal(buf, "0.333333333333");
	/* Large values with endless fractions still print. */
	assert_int_equal(rat_div(parse("8674907000000"), rat_int(7), &third),
	    RAT_OK);
	assert_int_equal(rat_to_exact_decimal(third, buf, sizeof(buf)), RAT_OK);
	assert_string_equal(buf, "1239272428571.428571428571");
	assert_int_equal(rat_div(rat_int(-2), rat_int(3), &third), RAT_OK);
	assert_int_equal(rat_to_exact_decimal(third, buf, sizeof(buf)), RAT_OK);
	assert_string_equal(buf, "-0.666666666667");
	assert_int_equal(rat_to_exact_decimal(rat_int(-5), buf, sizeof(buf)),
	    RAT_OK);
	assert_string_equal(buf, "-5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_no_binary_error),
		cmocka_unit_test(test_round_millions),
		cmocka_unit_test(test_convenience),
		cmocka_unit_test(test_percent_change),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_compare_and_exact_decimal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
