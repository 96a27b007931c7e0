/* Largest-remainder allocation: printed components that add up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../src/figure/allocate.h"

static struct rat
dec(const char *text)
{
	struct rat r;

	assert_int_equal(rat_parse(text, &r, NULL), RAT_OK);
	return r;
}

static struct rat
ratio(int64_t num, int64_t den)
{
	struct rat r;

	assert_int_equal(rat_div(rat_int(num), rat_int(den), &r), RAT_OK);
	return r;
}

/* Allocates decimal strings and checks the units and the total. */
static void
assert_allocated(const char *const *parts, size_t n, const char *total,
    int decimals, enum round_mode mode, const int64_t *want,
    int64_t want_total)
{
	struct rat values[8];
	int64_t got[8], got_total;
	size_t i;

	for (i = 0; i < n; i++)
		values[i] = dec(parts[i]);
	assert_int_equal(allocate(values, n, dec(total), decimals, mode, got,
	    &got_total), ALLOCATE_OK);
	assert_int_equal(got_total, want_total);
	for (i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
}

/*
 * The reference's Appendix 1, quarter ended Jun 30, 2003: "% of total
 * revenues" with nested subtotals. Rounded on their own the lines read
 * 67.1 + 28.9 + 4.1 = 100.1; the release prints 28.8, and inside the
 * connectivity subtotal 11.9 for value-added services (11.831).
 */
static void
test_reference_nested(void **state)
{
	const int64_t total = 8344046;
	struct rat top[3], inner[4];
	int64_t shares[3], inner_shares[4], hundred;

	(void)state;
	top[0] = ratio(5595554 * 100, total);    /* connectivity and VAS */
	top[1] = ratio(2407923 * 100, total);    /* systems integration */
	top[2] = ratio(340569 * 100, total);     /* equipment */
	assert_int_equal(allocate(top, 3, rat_int(100), 1, ROUND_HALF_UP, shares,
	    &hundred), ALLOCATE_OK);
	assert_int_equal(hundred, 1000);
	assert_int_equal(shares[0], 671);
	assert_int_equal(shares[1], 288);
	assert_int_equal(shares[2], 41);
	inner[0] = ratio(3321229 * 100, total);  /* dedicated access */
	inner[1] = ratio(767418 * 100, total);   /* dial-up */
	inner[2] = ratio(987198 * 100, total);   /* value-added services */
	inner[3] = ratio(519709 * 100, total);   /* other */
	assert_int_equal(allocate_to_units(inner, 4, shares[0], 1, inner_shares),
	    ALLOCATE_OK);
	assert_int_equal(inner_shares[0], 398);
	assert_int_equal(inner_shares[1], 92);
	assert_int_equal(inner_shares[2], 119);
	assert_int_equal(inner_shares[3], 62);
}

static void
test_ties(void **state)
{
	(void)state;
	/* equal remainders and sizes: the earlier part */
	assert_allocated((const char *[]){ "0.5", "0.5" }, 2, "1", 0,
	    ROUND_HALF_UP, (const int64_t[]){ 1, 0 }, 1);
	/* equal remainders: the part larger in magnitude */
	assert_allocated((const char *[]){ "1.5", "2.5" }, 2, "4", 0,
	    ROUND_HALF_UP, (const int64_t[]){ 1, 3 }, 4);
	assert_allocated((const char *[]){ "0.25", "0.25", "0.25", "0.25" }, 4,
	    "1", 0, ROUND_HALF_UP, (const int64_t[]){ 1, 0, 0, 0 }, 1);
}

static void
test_negative_and_mixed(void **state)
{
	(void)state;
	/* a loss among the parts: floors toward minus infinity */
	assert_allocated((const char *[]){ "-14.449", "114.449" }, 2, "100", 1,
	    ROUND_HALF_UP, (const int64_t[]){ -144, 1144 }, 1000);
	assert_allocated((const char *[]){ "10.6", "-3.3", "2.9" }, 3, "10.2", 0,
	    ROUND_HALF_UP, (const int64_t[]){ 10, -3, 3 }, 10);
	/* all negative: remainders above the floor, ties to the earlier */
	assert_allocated((const char *[]){ "-1.4", "-1.4", "-1.4" }, 3, "-4.2", 0,
	    ROUND_HALF_UP, (const int64_t[]){ -1, -1, -2 }, -4);
}

static void
test_zero_total(void **state)
{
	(void)state;
	assert_allocated((const char *[]){ "0.4", "-0.4" }, 2, "0", 0,
	    ROUND_HALF_UP, (const int64_t[]){ 0, 0 }, 0);
	assert_allocated((const char *[]){ "0", "0" }, 2, "0", 1, ROUND_HALF_UP,
	    (const int64_t[]){ 0, 0 }, 0);
}

/* Against each part's own rounding, the allocation moves a part up a unit
 * or down a unit, as the total needs. */
static void
test_residual_either_way(void **state)
{
	(void)state;
	/* own rounding 1 + 1 + 1 = 3, total 4: one part up */
	assert_allocated((const char *[]){ "1.4", "1.4", "1.4" }, 3, "4.2", 0,
	    ROUND_HALF_UP, (const int64_t[]){ 2, 1, 1 }, 4);
	/* own rounding 2 + 2 + 2 = 6, total 5: one part down */
	assert_allocated((const char *[]){ "1.6", "1.6", "1.6" }, 3, "4.8", 0,
	    ROUND_HALF_UP, (const int64_t[]){ 2, 2, 1 }, 5);
	/* the total truncated (百万円未満切捨て) */
	assert_allocated((const char *[]){ "0.9", "0.9" }, 2, "1.8", 0,
	    ROUND_TRUNCATE, (const int64_t[]){ 1, 0 }, 1);
}

static void
test_no_footing(void **state)
{
	struct rat parts[2];
	int64_t out[2], total;

	(void)state;
	parts[0] = rat_int(1);
	parts[1] = rat_int(1);
	/* 5 is not 1 + 1 within a unit each */
	assert_int_equal(allocate(parts, 2, rat_int(5), 0, ROUND_HALF_UP, out,
	    &total), ALLOCATE_NO_FOOTING);
	assert_int_equal(allocate(parts, 2, rat_int(1), 0, ROUND_HALF_UP, out,
	    &total), ALLOCATE_NO_FOOTING);
	assert_int_equal(allocate_to_units(parts, 0, 0, 0, out), ALLOCATE_OK);
	assert_int_equal(allocate_to_units(parts, 0, 1, 0, out),
	    ALLOCATE_NO_FOOTING);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_nested),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_negative_and_mixed),
		cmocka_unit_test(test_zero_total),
		cmocka_unit_test(test_residual_either_way),
		cmocka_unit_test(test_no_footing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
