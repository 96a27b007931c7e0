#include "pdf_fix.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

struct object {
	size_t start, end;   /* "N 0 obj" .. after "endobj" */
	int font;            /* 1 + the index of the font replacing it, or 0 */
	int catalog;         /* add /Lang */
	size_t info_at;      /* 1 + where to add information entries, or 0 */
	/* An unfiltered stream, deflated here: its dictionary ends at
	 * dict_end, its data is packed. */
	size_t dict_end;
	unsigned char *packed;
	size_t packed_len;
	size_t length_of;    /* 1 + the stream whose /Length this object is */
};

/* Finds the last needle in haystack[from, len). */
static const unsigned char *
find_last(const unsigned char *hay, size_t from, size_t len,
    const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = len; i >= from + n; i--)
		if (memcmp(hay + i - n, needle, n) == 0)
			return hay + i - n;
	return NULL;
}

/* Finds needle in haystack[from, len). */
static const unsigned char *
find(const unsigned char *hay, size_t from, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = from; i + n <= len; i++)
		if (hay[i] == (unsigned char)needle[0] && memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/*
 * Reads a decimal number at in[*at], after optional white space, without
 * reading past len: the PDF is bytes, not a C string. Returns 0 and moves
 * *at past it, or -1.
 */
static int
number(const unsigned char *in, size_t len, size_t *at, size_t *value)
{
	size_t i = *at, v = 0;

	while (i < len && (in[i] == ' ' || in[i] == '\r' || in[i] == '\n'))
		i++;
	if (i == len || in[i] < '0' || in[i] > '9')
		return -1;
	for (; i < len && in[i] >= '0' && in[i] <= '9'; i++) {
		if (v > (SIZE_MAX - 9) / 10)
			return -1;
		v = v * 10 + (size_t)(in[i] - '0');
	}
	*value = v;
	*at = i;
	return 0;
}

static size_t
fonts_objects(const struct pdf_fix_fonts *fonts)
{
	return fonts != NULL ? fonts->per_font : 0;
}

static int
parse_objects(const unsigned char *in, size_t len, struct object **objs,
    size_t *count, size_t *trailer, char *err, size_t errsize)
{
	const unsigned char *p = NULL, *q;
	size_t xref, i, n, at, first, entries;
	struct object *o;

	/* startxref sits in the last bytes. */
	for (i = len > 64 ? len - 64 : 0; i < len; i++)
		if ((q = find(in, i, len, "startxref")) != NULL) {
			p = q;
			break;
		}
	at = p != NULL ? (size_t)(p - in) + 9 : len;
	if (p == NULL || number(in, len, &at, &xref) != 0 ||
	    xref + 4 > len || memcmp(in + xref, "xref", 4) != 0) {
		snprintf(err, errsize, "no cross-reference table");
		return -1;
	}
	at = xref + 4;
	if (number(in, len, &at, &first) != 0 ||
	    number(in, len, &at, &entries) != 0 ||
	    first != 0 || entries < 2 || entries > 100000) {
		snprintf(err, errsize, "an unexpected cross-reference table");
		return -1;
	}
	/* The entries follow the "0 N" line under "xref". */
	p = find(in, xref + 5, len, "\n");
	if (p == NULL || (size_t)(p + 1 - in) + 20 * entries > len) {
		snprintf(err, errsize, "a truncated cross-reference table");
		return -1;
	}
	p++;
	if ((o = calloc(entries, sizeof(*o))) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	for (n = 1; n < entries; n++) {
		const unsigned char *e = p + 20 * n;
		size_t off = 0;
		at = (size_t)(e - in);
		/* libharu writes objects in number order: the first after the
		 * 8-byte "%PDF-1.x" header (which is copied up to it), each
		 * after the one before. */
		if (number(in, len, &at, &off) != 0 || e[17] != 'n' || off >= xref ||
		    off < 8 || (n > 1 && off <= o[n - 1].start)) {
			snprintf(err, errsize, "object %zu: not where the table says",
			    n);
			free(o);
			return -1;
		}
		o[n].start = off;
	}
	/* An object ends at the last "endobj" before the next one: a stream's
	 * bytes may hold the word. */
	for (n = 1; n < entries; n++) {
		const unsigned char *end = find_last(in, o[n].start,
		    n + 1 < entries ? o[n + 1].start : xref, "endobj");
		if (end == NULL) {
			snprintf(err, errsize, "object %zu: not where the table says",
			    n);
			free(o);
			return -1;
		}
		o[n].end = (size_t)(end - in) + 6;
	}
	*trailer = (size_t)(p + 20 * entries - in);
	*objs = o;
	*count = entries;
	return 0;
}

static int
object_number_after(const unsigned char *in, size_t from, size_t to,
    const char *key)
{
	const unsigned char *k = find(in, from, to, key);
	size_t at, value;

	if (k == NULL)
		return -1;
	at = (size_t)(k - in) + strlen(key);
	return number(in, to, &at, &value) == 0 && value < 0x7fffffff ?
	    (int)value : -1;
}

/*
 * Deflates each stream libharu left unfiltered (the page contents: libharu
 * compresses with zlib, in twice libdeflate's time). A stream's /Length is
 * an object of its own, which is then written with the packed length.
 */
static int
pack_streams(const unsigned char *in, struct object *o, size_t count,
    struct libdeflate_compressor *z, char *err, size_t errsize)
{
	size_t n;

	for (n = 1; n < count; n++) {
		const unsigned char *kw = find(in, o[n].start, o[n].end,
		    ">>\nstream"), *obj;
		size_t dict_end, at, len, data, bound;
		int k;

		if (kw == NULL)
			continue;
		dict_end = (size_t)(kw - in);
		if (find(in, o[n].start, dict_end, "/Filter") != NULL)
			continue;
		k = object_number_after(in, o[n].start, dict_end, "/Length ");
		if (k <= 0 || (size_t)k >= count || (size_t)k == n ||
		    o[k].length_of != 0 || o[k].packed != NULL ||
		    (obj = find(in, o[k].start, o[k].end, "obj")) == NULL ||
		    (at = (size_t)(obj - in) + 3,
		    number(in, o[k].end, &at, &len) != 0)) {
			snprintf(err, errsize, "object %zu: a stream without a "
			    "length", n);
			return -1;
		}
		data = dict_end + 9;
		if (data < o[n].end && in[data] == '\r')
			data++;
		if (data < o[n].end && in[data] == '\n')
			data++;
		if (len > o[n].end - data) {
			snprintf(err, errsize, "object %zu: a stream longer than its "
			    "object", n);
			return -1;
		}
		bound = libdeflate_zlib_compress_bound(z, len);
		if ((o[n].packed = malloc(bound)) == NULL ||
		    (o[n].packed_len = libdeflate_zlib_compress(z, in + data, len,
		    o[n].packed, bound)) == 0) {
			snprintf(err, errsize, "out of memory");
			return -1;
		}
		o[n].dict_end = dict_end;
		o[k].length_of = n + 1;
	}
	return 0;
}

/* Whether object [start, end) is a font dictionary whose /BaseFont is
 * exactly name. */
static int
is_font_named(const unsigned char *in, size_t start, size_t end,
    const char *name)
{
	const unsigned char *k = find(in, start, end, "/BaseFont /");
	size_t n = strlen(name), at;

	if (k == NULL || find(in, start, end, "/Type /Font") == NULL)
		return 0;
	at = (size_t)(k - in) + 11;
	return at + n < end && memcmp(in + at, name, n) == 0 &&
	    strchr(" \r\n/>", in[at + n]) != NULL;
}

/* Marks where the document information dictionary gets kessan's entries:
 * after the /Producer libharu writes. */
static int
mark_info(const unsigned char *in, size_t len, size_t trailer,
    struct object *objs, size_t count, char *err, size_t errsize)
{
	int info = object_number_after(in, trailer, len, "/Info ");
	const unsigned char *producer, *eol;

	if (info <= 0 || (size_t)info >= count || objs[info].catalog ||
	    (producer = find(in, objs[info].start, objs[info].end,
	    "\n/Producer ")) == NULL ||
	    (eol = find(in, (size_t)(producer - in) + 1, objs[info].end,
	    "\n")) == NULL) {
		snprintf(err, errsize, "no document information with a "
		    "/Producer");
		return -1;
	}
	objs[info].info_at = (size_t)(eol - in) + 2;
	return 0;
}

/* Writes the trailer dictionary libharu wrote, [from, to), with /Size
 * set to size. */
static int
write_trailer(const unsigned char *in, size_t from, size_t to, size_t size,
    struct buffer *out)
{
	const unsigned char *k = find(in, from, to, "/Size ");
	size_t at, old;

	if (k == NULL)
		return -1;
	at = (size_t)(k - in) + 6;
	if (number(in, to, &at, &old) != 0)
		return -1;
	buffer_write(out, (const char *)in + from, (size_t)(k - in) - from);
	buffer_printf(out, "/Size %zu", size);
	buffer_write(out, (const char *)in + at, to - at);
	return 0;
}

int
pdf_fix(const unsigned char *in, size_t len, const char *lang,
    struct buffer *out, char *err, size_t errsize)
{
	return pdf_fix_fonts(in, len, lang, NULL, NULL, out, err, errsize);
}

int
pdf_fix_fonts(const unsigned char *in, size_t len, const char *lang,
    const struct pdf_fix_fonts *fonts, struct libdeflate_compressor *z,
    struct buffer *out, char *err, size_t errsize)
{
	struct object *objs = NULL;
	size_t count = 0, trailer, n, k, total, *offsets = NULL;
	size_t nfonts = fonts != NULL ? fonts->n : 0;
	int root, rc = -1;

	if (len < 16 || memcmp(in, "%PDF-1.", 7) != 0) {
		snprintf(err, errsize, "not a PDF");
		return -1;
	}
	if (parse_objects(in, len, &objs, &count, &trailer, err, errsize) != 0)
		return -1;
	root = object_number_after(in, trailer, len, "/Root ");
	if (root <= 0 || (size_t)root >= count) {
		snprintf(err, errsize, "no document catalog");
		goto out;
	}
	objs[root].catalog = 1;
	if (fonts != NULL && fonts->info != NULL && mark_info(in, len, trailer,
	    objs, count, err, errsize) != 0)
		goto out;
	for (k = 0; k < nfonts; k++) {
		for (n = 1; n < count; n++)
			if (!objs[n].font && is_font_named(in, objs[n].start,
			    objs[n].end, fonts->names[k]))
				break;
		if (n == count) {
			snprintf(err, errsize, "no font %s to replace",
			    fonts->names[k]);
			goto out;
		}
		objs[n].font = (int)k + 1;
	}
	if (z != NULL && pack_streams(in, objs, count, z, err, errsize) != 0)
		goto out;
	total = count + nfonts * fonts_objects(fonts);
	if ((offsets = calloc(total, sizeof(*offsets))) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	/* /Lang needs PDF 1.4; the header's version digit is ours to raise. */
	buffer_write(out, "%PDF-1.4", 8);
	buffer_write(out, (const char *)in + 8, objs[1].start - 8);
	for (n = 1; n < total; n++) {
		const unsigned char *body = n < count ? in + objs[n].start : NULL;
		size_t size = n < count ? objs[n].end - objs[n].start : 0;
		offsets[n] = out->len;
		if (n >= count) {
			/* the objects the fonts add, numbered after libharu's */
			k = (n - count) / fonts->per_font;
			buffer_printf(out, "%zu 0 obj\n", n);
			if (fonts->object(fonts->arg, k, (n - count) %
			    fonts->per_font, count + k * fonts->per_font, out) != 0) {
				snprintf(err, errsize, "out of memory");
				goto out;
			}
			buffer_puts(out, "\nendobj");
		} else if (objs[n].font) {
			k = (size_t)objs[n].font - 1;
			buffer_printf(out, "%zu 0 obj\n", n);
			fonts->dict(fonts->arg, k, count + k * fonts->per_font, out);
			buffer_puts(out, "\nendobj");
		} else if (objs[n].packed != NULL) {
			buffer_write(out, (const char *)body,
			    objs[n].dict_end - objs[n].start);
			buffer_puts(out, "/Filter /FlateDecode\n>>\nstream\r\n");
			buffer_write(out, (const char *)objs[n].packed,
			    objs[n].packed_len);
			buffer_puts(out, "\r\nendstream\nendobj");
		} else if (objs[n].length_of) {
			buffer_printf(out, "%zu 0 obj\n%zu\nendobj", n,
			    objs[objs[n].length_of - 1].packed_len);
		} else if (objs[n].info_at) {
			size_t at = objs[n].info_at - 1;
			buffer_write(out, (const char *)body, at - objs[n].start);
			buffer_puts(out, fonts->info);
			buffer_write(out, (const char *)in + at, objs[n].end - at);
		} else if (objs[n].catalog) {
			const unsigned char *open = find(in, objs[n].start, objs[n].end,
			    "<<");
			if (open == NULL) {
				snprintf(err, errsize, "the catalog is not a dictionary");
				goto out;
			}
			buffer_write(out, (const char *)body, (size_t)(open + 2 - body));
			buffer_printf(out, "\n/Lang (%s)", lang);
			buffer_write(out, (const char *)open + 2,
			    size - (size_t)(open + 2 - body));
		} else
			buffer_write(out, (const char *)body, size);
		buffer_puts(out, "\n");
	}
	{
		size_t xref = out->len;
		const unsigned char *sx = find(in, trailer, len, "startxref");
		buffer_printf(out, "xref\n0 %zu\n0000000000 65535 f\r\n", total);
		for (n = 1; n < total; n++)
			buffer_printf(out, "%010zu 00000 n\r\n", offsets[n]);
		/* The trailer dictionary as libharu wrote it, with the new
		 * /Size; a new startxref. */
		if (sx == NULL || write_trailer(in, trailer, (size_t)(sx - in),
		    total, out) != 0) {
			snprintf(err, errsize, "no trailer /Size or startxref");
			goto out;
		}
		buffer_printf(out, "startxref\n%zu\n%%%%EOF\n", xref);
	}
	if (out->failed) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	rc = 0;
out:
	for (n = 0; objs != NULL && n < count; n++)
		free(objs[n].packed);
	free(objs);
	free(offsets);
	return rc;
}
