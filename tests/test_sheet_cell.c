/* Cell references and the number text of spreadsheet cells (src/sheet). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../src/sheet/cell.h"

static void
test_refs(void **state)
{
	unsigned col, row;
	const char *rest;
	char buf[16];

	(void)state;
	assert_int_equal(cell_ref_parse("A1", &col, &row, NULL), 0);
	assert_int_equal(col, 0);
	assert_int_equal(row, 1);
	assert_int_equal(cell_ref_parse("H12", &col, &row, NULL), 0);
	assert_int_equal(col, 7);
	assert_int_equal(row, 12);
	assert_int_equal(cell_ref_parse("XFD1048576", &col, &row, NULL), 0);
	assert_int_equal(col, 16383);
	assert_int_equal(row, 1048576);
	assert_int_equal(cell_ref_parse("B2:C3", &col, &row, &rest), 0);
	assert_string_equal(rest, ":C3");
	/* Out of Excel's range, malformed, lower case, leading zeros. */
	assert_int_equal(cell_ref_parse("XFE1", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("A1048577", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("AAAA1", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("A0", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("A01", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("a1", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("12", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("A1x", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_parse("A99999999999", &col, &row, NULL), -1);
	assert_int_equal(cell_ref_format(0, 1, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "A1");
	assert_int_equal(cell_ref_format(26, 3, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "AA3");
	assert_int_equal(cell_ref_format(16383, 1048576, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "XFD1048576");
	assert_int_equal(cell_ref_format(16384, 1, buf, sizeof(buf)), -1);
	assert_int_equal(cell_ref_format(0, 1, buf, 4), -1);
}

static void
expect(const char *text, int binary, enum number_status status,
    const char *out)
{
	char buf[64];

	assert_int_equal(cell_number(text, binary, buf, sizeof(buf)), status);
	if (out != NULL)
		assert_string_equal(buf, out);
}

static void
test_numbers(void **state)
{
	(void)state;
	/* As kessan records them. */
	expect("2918488", 1, NUMBER_OK, "2918488");
	expect("-100489", 1, NUMBER_OK, "-100489");
	expect("18.72", 1, NUMBER_OK, "18.72");
	expect(" 18.70 ", 0, NUMBER_OK, "18.70");   /* text: as written */
	expect("007", 0, NUMBER_OK, "7");
	expect("-0", 1, NUMBER_OK, "0");
	/* A number cell's exponents. */
	expect("1E-3", 1, NUMBER_OK, "0.001");
	expect("1.5E+20", 1, NUMBER_OK, "150000000000000000000");
	expect("1E-3", 0, NUMBER_TEXT, NULL);
	expect("1E", 1, NUMBER_TEXT, NULL);
	expect("1E99", 1, NUMBER_TOO_LONG, NULL);
	/* Float artefacts: within 4 units in the last place of a 15-digit
	 * decimal they are that decimal; a real 16th digit is refused. */
	expect("0.30000000000000004", 1, NUMBER_OK, "0.3");
	expect("2918488.0000000005", 1, NUMBER_OK, "2918488");
	expect("0.99999999999999989", 1, NUMBER_OK, "1");
	expect("751933.10000000009", 1, NUMBER_OK, "751933.1");
	expect("1234567890123456", 1, NUMBER_INEXACT, NULL);
	expect("0.1234567890123456", 1, NUMBER_INEXACT, NULL);
	expect("1234567890123456", 0, NUMBER_OK, "1234567890123456");
	/* Grouping, text, empty. */
	expect("1,234", 0, NUMBER_GROUPED, NULL);
	expect("-12,345.67", 0, NUMBER_GROUPED, NULL);
	expect("1,234,567", 1, NUMBER_GROUPED, NULL);
	expect("1,23", 0, NUMBER_TEXT, NULL);
	expect("1234,567", 0, NUMBER_TEXT, NULL);
	expect("n/a", 0, NUMBER_TEXT, NULL);
	expect("(100)", 0, NUMBER_TEXT, NULL);
	expect("1.", 0, NUMBER_TEXT, NULL);
	expect(".5", 0, NUMBER_TEXT, NULL);
	expect("--1", 0, NUMBER_TEXT, NULL);
	expect("", 0, NUMBER_EMPTY, NULL);
	expect("  \t", 1, NUMBER_EMPTY, NULL);
	expect("12345678901234567890123456789012345678901", 0, NUMBER_TOO_LONG,
	    NULL);
}

static void
test_closest(void **state)
{
	static const char *const ids[] = { "is.rev.dedicated", "is.rev.dialup",
	    "bs.cash" };

	(void)state;
	assert_string_equal(cell_closest("is.rev.dedicatd", ids, 3),
	    "is.rev.dedicated");
	assert_string_equal(cell_closest("is.rev.dailup", ids, 3),
	    "is.rev.dialup");
	assert_null(cell_closest("bs.cahs.total", ids, 3));
	assert_null(cell_closest("xy", ids, 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_closest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
