#include "pdf_fix.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* A release has a few fonts, each with one ToUnicode CMap. */
#define PDF_FIX_MAX_CMAPS 64

struct object {
	size_t start, end;   /* "N 0 obj" .. after "endobj" */
	int tounicode;       /* replace with our CMap */
	int catalog;         /* add /Lang */
};

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
 * The CMap every libharu UTF-8 font needs: its codes are UCS-2 code units,
 * so each maps to itself. A bfrange may not cross a change of its first
 * byte: one range per high byte, surrogates left out, at most 100 per
 * block.
 */
static void
identity_cmap(struct buffer *b)
{
	char line[64];
	int hi, in_block = 0, ranges = 0;

	buffer_puts(b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (hi = 0; hi < 256; hi++) {
		if (hi >= 0xD8 && hi <= 0xDF)
			continue;
		if (!in_block) {
			int left = 0, k;
			for (k = hi; k < 256 && left < 100; k++)
				if (k < 0xD8 || k > 0xDF)
					left++;
			snprintf(line, sizeof(line), "%d beginbfrange\n", left);
			buffer_puts(b, line);
			in_block = 1;
			ranges = 0;
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n", hi, hi,
		    hi);
		buffer_puts(b, line);
		if (++ranges == 100) {
			buffer_puts(b, "endbfrange\n");
			in_block = 0;
		}
	}
	if (in_block)
		buffer_puts(b, "endbfrange\n");
	buffer_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
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
		const unsigned char *e = p + 20 * n, *end;
		size_t off = 0;
		at = (size_t)(e - in);
		/* libharu writes objects in number order: the first after the
		 * 8-byte "%PDF-1.x" header (which is copied up to it), each
		 * after the one before, which keeps the search for "endobj"
		 * linear. */
		if (number(in, len, &at, &off) != 0 || e[17] != 'n' || off >= xref ||
		    off < 8 || (n > 1 && off < o[n - 1].end) ||
		    (end = find(in, off, xref, "endobj")) == NULL) {
			snprintf(err, errsize, "object %zu: not where the table says",
			    n);
			free(o);
			return -1;
		}
		o[n].start = off;
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

int
pdf_fix(const unsigned char *in, size_t len, const char *lang,
    struct buffer *out, char *err, size_t errsize)
{
	struct object *objs = NULL;
	struct buffer cmap = { NULL, 0, 0, 0 };
	unsigned char *packed = NULL;
	uLongf packed_len;
	size_t count = 0, trailer, n, cmaps, *offsets = NULL;
	char line[96];
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
	for (n = 1, cmaps = 0; n < count; n++) {
		int ref = object_number_after(in, objs[n].start, objs[n].end,
		    "/ToUnicode ");
		if (ref > 0 && (size_t)ref < count && !objs[ref].tounicode) {
			objs[ref].tounicode = 1;
			cmaps++;
		}
	}
	/* One CMap per font: each is replaced by a 2 KB stream, so a file
	 * naming thousands would grow a thousandfold (found by fuzz_pdf_fix). */
	if (cmaps > PDF_FIX_MAX_CMAPS) {
		snprintf(err, errsize, "more ToUnicode CMaps than fonts libharu "
		    "writes (%zu)", cmaps);
		goto out;
	}
	identity_cmap(&cmap);
	packed_len = compressBound((uLong)cmap.len);
	if (cmap.failed || (packed = malloc(packed_len)) == NULL ||
	    (offsets = calloc(count, sizeof(*offsets))) == NULL ||
	    compress2(packed, &packed_len, (const Bytef *)cmap.data,
	    (uLong)cmap.len, 9) != Z_OK) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	/* /Lang needs PDF 1.4; the header's version digit is ours to raise. */
	buffer_write(out, "%PDF-1.4", 8);
	buffer_write(out, (const char *)in + 8, objs[1].start - 8);
	for (n = 1; n < count; n++) {
		const unsigned char *body = in + objs[n].start;
		size_t size = objs[n].end - objs[n].start;
		offsets[n] = out->len;
		if (objs[n].tounicode) {
			snprintf(line, sizeof(line), "%zu 0 obj\n<<\n/Length %lu\n"
			    "/Filter /FlateDecode\n>>\nstream\n", n,
			    (unsigned long)packed_len);
			buffer_puts(out, line);
			buffer_write(out, (const char *)packed, packed_len);
			buffer_puts(out, "\nendstream\nendobj");
		} else if (objs[n].catalog) {
			const unsigned char *open = find(in, objs[n].start, objs[n].end,
			    "<<");
			if (open == NULL) {
				snprintf(err, errsize, "the catalog is not a dictionary");
				goto out;
			}
			buffer_write(out, (const char *)body, (size_t)(open + 2 - body));
			snprintf(line, sizeof(line), "\n/Lang (%s)", lang);
			buffer_puts(out, line);
			buffer_write(out, (const char *)open + 2,
			    size - (size_t)(open + 2 - body));
		} else
			buffer_write(out, (const char *)body, size);
		buffer_puts(out, "\n");
	}
	{
		size_t xref = out->len;
		snprintf(line, sizeof(line), "xref\n0 %zu\n0000000000 65535 f\r\n",
		    count);
		buffer_puts(out, line);
		for (n = 1; n < count; n++) {
			snprintf(line, sizeof(line), "%010zu 00000 n\r\n", offsets[n]);
			buffer_puts(out, line);
		}
		/* The trailer dictionary as libharu wrote it; a new startxref. */
		{
			const unsigned char *sx = find(in, trailer, len, "startxref");
			if (sx == NULL) {
				snprintf(err, errsize, "no startxref");
				goto out;
			}
			buffer_write(out, (const char *)in + trailer,
			    (size_t)(sx - in) - trailer);
		}
		snprintf(line, sizeof(line), "startxref\n%zu\n%%%%EOF\n", xref);
		buffer_puts(out, line);
	}
	if (out->failed) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	rc = 0;
out:
	free(objs);
	free(offsets);
	free(packed);
	buffer_free(&cmap);
	return rc;
}
