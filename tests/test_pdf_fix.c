/*
 * pdf_fix on PDFs that are not libharu's shape, as fuzz_pdf_fix found
 * them: each is refused with a reason, never read or copied out of range.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../src/backend/pdf_fix.h"

/*
 * A two-object PDF whose cross-reference table puts object 1 at `first`
 * and object 2 at `second` (byte offsets; -1: where they really are).
 */
static size_t
make_pdf(char *buf, size_t size, long first, long second)
{
	size_t o1, o2, xref;
	int n;

	n = snprintf(buf, size, "%%PDF-1.3\n");
	o1 = (size_t)n;
	n += snprintf(buf + n, size - (size_t)n,
	    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	o2 = (size_t)n;
	n += snprintf(buf + n, size - (size_t)n, "2 0 obj\n<< >>\nendobj\n");
	xref = (size_t)n;
	n += snprintf(buf + n, size - (size_t)n,
	    "xref\n0 3\n0000000000 65535 f\r\n%010zu 00000 n\r\n"
	    "%010zu 00000 n\r\ntrailer\n<< /Size 3 /Root 1 0 R >>\n"
	    "startxref\n%zu\n%%%%EOF\n", first >= 0 ? (size_t)first : o1,
	    second >= 0 ? (size_t)second : o2, xref);
	return (size_t)n;
}

static int
fix(const char *pdf, size_t len, char *err, size_t errsize)
{
	struct buffer out = { NULL, 0, 0, 0 };
	int rc;

	err[0] = '\0';
	rc = pdf_fix((const unsigned char *)pdf, len, "en", &out, err, errsize);
	buffer_free(&out);
	return rc;
}

static void
test_well_formed(void **state)
{
	char pdf[1024], err[256];

	(void)state;
	assert_int_equal(fix(pdf, make_pdf(pdf, sizeof(pdf), -1, -1), err,
	    sizeof(err)), 0);
}

/* Object 1 inside the header: the header copy had a negative length. */
static void
test_object_in_header(void **state)
{
	char pdf[1024], err[256];

	(void)state;
	assert_int_equal(fix(pdf, make_pdf(pdf, sizeof(pdf), 0, -1), err,
	    sizeof(err)), -1);
	assert_string_equal(err, "object 1: not where the table says");
}

/* Object 2 before object 1 ends: objects must follow one another. */
static void
test_objects_out_of_order(void **state)
{
	char pdf[1024], err[256];

	(void)state;
	assert_int_equal(fix(pdf, make_pdf(pdf, sizeof(pdf), -1, 9), err,
	    sizeof(err)), -1);
	assert_string_equal(err, "object 2: not where the table says");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_well_formed),
		cmocka_unit_test(test_object_in_header),
		cmocka_unit_test(test_objects_out_of_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
