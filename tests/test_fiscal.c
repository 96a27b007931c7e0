/* Fiscal quarters under both naming policies and other year ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "../src/model/fiscal.h"

static void
assert_date(const struct date *d, int year, int month, int day)
{
	assert_int_equal(d->year, year);
	assert_int_equal(d->month, month);
	assert_int_equal(d->day, day);
}

/* IIJ: year ends in March, named by the year it starts in. */
static void
test_named_by_start(void **state)
{
	struct fiscal_policy p = { 3, 1 };
	struct date d;

	(void)state;
	fiscal_quarter_start(&p, 2004, 1, &d);
	assert_date(&d, 2004, 4, 1);
	fiscal_quarter_end(&p, 2004, 1, &d);
	assert_date(&d, 2004, 6, 30);       /* 1Q04: three months ended Jun 30 */
	fiscal_quarter_end(&p, 2003, 4, &d);
	assert_date(&d, 2004, 3, 31);       /* 4Q03 */
	fiscal_quarter_end(&p, 2003, 3, &d);
	assert_date(&d, 2003, 12, 31);
	fiscal_year_end(&p, 2004, &d);
	assert_date(&d, 2005, 3, 31);       /* "fiscal year ending March 31, 2005" */
}

/* The same calendar quarter, named by the year the fiscal year ends. */
static void
test_named_by_end(void **state)
{
	struct fiscal_policy p = { 3, 0 };
	struct date d;

	(void)state;
	fiscal_quarter_end(&p, 2005, 1, &d);
	assert_date(&d, 2004, 6, 30);
	fiscal_year_end(&p, 2005, &d);
	assert_date(&d, 2005, 3, 31);
}

static void
test_other_year_ends(void **state)
{
	struct fiscal_policy calendar = { 12, 0 }, calendar_start = { 12, 1 };
	struct fiscal_policy june = { 6, 0 }, feb = { 2, 1 };
	struct date d;

	(void)state;
	fiscal_quarter_end(&calendar, 2004, 1, &d);
	assert_date(&d, 2004, 3, 31);
	fiscal_quarter_end(&calendar_start, 2004, 4, &d);
	assert_date(&d, 2004, 12, 31);
	fiscal_quarter_start(&june, 2005, 1, &d);
	assert_date(&d, 2004, 7, 1);
	/* A February year end: Q4 ends on a leap day. */
	fiscal_quarter_end(&feb, 2003, 4, &d);
	assert_date(&d, 2004, 2, 29);
	fiscal_quarter_end(&feb, 2004, 4, &d);
	assert_date(&d, 2005, 2, 28);
}

static void
test_ordinals(void **state)
{
	int year, quarter, o = fiscal_ordinal(2004, 1);

	(void)state;
	fiscal_from_ordinal(o + OFFSET_PRIOR_QUARTER, &year, &quarter);
	assert_int_equal(year, 2003);
	assert_int_equal(quarter, 4);
	fiscal_from_ordinal(o + OFFSET_PRIOR_YEAR, &year, &quarter);
	assert_int_equal(year, 2003);
	assert_int_equal(quarter, 1);
	fiscal_from_ordinal(fiscal_ordinal(2004, 4) + 1, &year, &quarter);
	assert_int_equal(year, 2005);
	assert_int_equal(quarter, 1);
}

static void
test_parsing(void **state)
{
	struct date d;
	int year, quarter;
	char buf[16];

	(void)state;
	assert_int_equal(date_parse("2004-08-10", &d), 0);
	assert_date(&d, 2004, 8, 10);
	assert_int_equal(date_parse("2004-02-29", &d), 0);
	assert_int_equal(date_parse("2003-02-29", &d), -1);
	assert_int_equal(date_parse("2004-13-01", &d), -1);
	assert_int_equal(date_parse("2004-8-10", &d), -1);
	assert_int_equal(period_id_parse("2004-q1", &year, &quarter), 0);
	assert_int_equal(year, 2004);
	assert_int_equal(quarter, 1);
	assert_int_equal(period_id_parse("2004-q5", &year, &quarter), -1);
	assert_int_equal(period_id_parse("2004-q1x", &year, &quarter), -1);
	assert_int_equal(period_id_parse("04-q1", &year, &quarter), -1);
	period_id_format(2003, 4, buf, sizeof(buf));
	assert_string_equal(buf, "2003-q4");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_by_start),
		cmocka_unit_test(test_named_by_end),
		cmocka_unit_test(test_other_year_ends),
		cmocka_unit_test(test_ordinals),
		cmocka_unit_test(test_parsing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
