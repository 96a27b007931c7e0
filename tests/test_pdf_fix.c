/*
 * pdf_fix on PDFs that are not libharu's shape, as fuzz_pdf_fix found
 * them: each is refused with a reason, never read or copied out of range.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libdeflate.h>

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

/*
 * A page content libharu left unfiltered, holding the word endobj (a
 * two-byte code can spell it), its /Length an object of its own, and a
 * placeholder font: the stream comes out deflated and whole, its length
 * object says the packed length, and the font is replaced with objects
 * numbered after libharu's, counted in the trailer's /Size.
 */
static const char content[] = "BT /F1 9 Tf (endobj) Tj ET";

static void
font_dict(void *arg, size_t k, size_t first, struct buffer *out)
{
	(void)arg;
	buffer_printf(out, "<< /Type /Font /Font%zu %zu 0 R >>", k, first);
}

static int
font_object(void *arg, size_t k, size_t which, size_t first,
    struct buffer *out)
{
	(void)arg;
	buffer_printf(out, "(font %zu object %zu of %zu)", k, which, first);
	return 0;
}

/* strstr over bytes that may hold NULs (the deflated stream). */
static const char *
find(const struct buffer *b, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, needle, n) == 0)
			return b->data + i;
	return NULL;
}

static void
test_stream_and_font(void **state)
{
	static const char *const names[] = { "Helvetica" };
	struct pdf_fix_fonts fonts = { 1, names, 2, font_dict, font_object,
	    NULL, NULL };
	struct libdeflate_compressor *z = libdeflate_alloc_compressor(6);
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	struct buffer out = { NULL, 0, 0, 0 };
	char pdf[1024], err[256], back[64];
	size_t off[5], xref, got, packed;
	const char *s, *e;
	int n = 0, i;

	(void)state;
	assert_non_null(z);
	assert_non_null(d);
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "%%PDF-1.3\n");
	off[1] = (size_t)n;
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "1 0 obj\n<< /Type "
	    "/Catalog >>\nendobj\n");
	off[2] = (size_t)n;
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "2 0 obj\n<<\n/Length "
	    "3 0 R\n>>\nstream\r\n%s\r\nendstream\nendobj\n", content);
	off[3] = (size_t)n;
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "3 0 obj\n%zu\nendobj\n",
	    strlen(content));
	off[4] = (size_t)n;
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "4 0 obj\n<<\n/Type "
	    "/Font\n/BaseFont /Helvetica\n/Subtype /Type1\n>>\nendobj\n");
	xref = (size_t)n;
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "xref\n0 5\n"
	    "0000000000 65535 f\r\n");
	for (i = 1; i < 5; i++)
		n += snprintf(pdf + n, sizeof(pdf) - (size_t)n,
		    "%010zu 00000 n\r\n", off[i]);
	n += snprintf(pdf + n, sizeof(pdf) - (size_t)n, "trailer\n<<\n/Root 1 0 R"
	    "\n/Size 5\n>>\nstartxref\n%zu\n%%%%EOF\n", xref);
	assert_int_equal(pdf_fix_fonts((const unsigned char *)pdf, (size_t)n,
	    "en", &fonts, z, &out, err, sizeof(err)), 0);

	/* The stream: deflated, and inflates to the whole content. */
	assert_non_null(s = find(&out, "/Filter /FlateDecode\n>>\nstream"
	    "\r\n"));
	s += strlen("/Filter /FlateDecode\n>>\nstream\r\n");
	assert_non_null(find(&out, "3 0 obj\n"));
	packed = (size_t)strtoul(find(&out, "3 0 obj\n") + 8, NULL, 10);
	assert_int_equal(libdeflate_zlib_decompress(d, s, packed, back,
	    sizeof(back), &got), LIBDEFLATE_SUCCESS);
	assert_int_equal(got, strlen(content));
	assert_memory_equal(back, content, got);
	e = s + packed;
	assert_memory_equal(e, "\r\nendstream\nendobj", 18);

	/* The font: replaced, its objects 5 and 6, /Size 7. */
	assert_non_null(find(&out, "4 0 obj\n<< /Type /Font /Font0 5 0 R"));
	assert_null(find(&out, "/Helvetica"));
	assert_non_null(find(&out, "5 0 obj\n(font 0 object 0 of 5)"));
	assert_non_null(find(&out, "6 0 obj\n(font 0 object 1 of 5)"));
	assert_non_null(find(&out, "xref\n0 7\n"));
	assert_non_null(find(&out, "/Size 7\n"));
	buffer_free(&out);
	libdeflate_free_compressor(z);
	libdeflate_free_decompressor(d);
}

/* A catalog and an information dictionary with /Producer (or not). */
static int
info_pdf(char *pdf, size_t size, const char *info)
{
	size_t off[3], xref;
	int n = 0, i;

	n += snprintf(pdf + n, size - (size_t)n, "%%PDF-1.3\n");
	off[1] = (size_t)n;
	n += snprintf(pdf + n, size - (size_t)n, "1 0 obj\n<< /Type /Catalog "
	    ">>\nendobj\n");
	off[2] = (size_t)n;
	n += snprintf(pdf + n, size - (size_t)n, "2 0 obj\n<<\n%s>>\nendobj\n",
	    info);
	xref = (size_t)n;
	n += snprintf(pdf + n, size - (size_t)n, "xref\n0 3\n"
	    "0000000000 65535 f\r\n");
	for (i = 1; i < 3; i++)
		n += snprintf(pdf + n, size - (size_t)n, "%010zu 00000 n\r\n",
		    off[i]);
	n += snprintf(pdf + n, size - (size_t)n, "trailer\n<<\n/Root 1 0 R\n"
	    "/Info 2 0 R\n/Size 3\n>>\nstartxref\n%zu\n%%%%EOF\n", xref);
	return n;
}

static void
test_info(void **state)
{
	struct pdf_fix_fonts extra = { 0, NULL, 0, NULL, NULL, NULL,
	    "/Title <FEFF0041>\n" };
	struct buffer out = { NULL, 0, 0, 0 };
	char pdf[1024], err[256];
	const char *at;
	int n;

	(void)state;
	n = info_pdf(pdf, sizeof(pdf), "/Producer (P)\n/ModDate (D)\n");
	assert_int_equal(pdf_fix_fonts((const unsigned char *)pdf, (size_t)n,
	    "en", &extra, NULL, &out, err, sizeof(err)), 0);
	assert_non_null(at = strstr(out.data, "2 0 obj\n<<\n/Producer (P)\n"
	    "/Title <FEFF0041>\n/ModDate (D)\n>>\nendobj"));
	/* The cross-reference table points at the object. */
	assert_non_null(strstr(out.data, "0000000000 65535 f\r\n"));
	assert_int_equal(strtoul(strstr(out.data, "65535 f\r\n") + 29, NULL,
	    10), (unsigned long)(at - out.data));
	buffer_free(&out);

	/* No /Producer: not the shape libharu writes. */
	n = info_pdf(pdf, sizeof(pdf), "/ModDate (D)\n");
	assert_int_equal(pdf_fix_fonts((const unsigned char *)pdf, (size_t)n,
	    "en", &extra, NULL, &out, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/Producer"));
	buffer_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_well_formed),
		cmocka_unit_test(test_object_in_header),
		cmocka_unit_test(test_objects_out_of_order),
		cmocka_unit_test(test_stream_and_font),
		cmocka_unit_test(test_info),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
