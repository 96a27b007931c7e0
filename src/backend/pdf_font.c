#include "pdf_font.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>
#include <libdeflate.h>

/*
 * The bytes of a code: printable ASCII but for the delimiters and the
 * characters libharu escapes in a string (HPDF_NEEDS_ESCAPE), so each
 * character costs two bytes of content stream; every one also has a width
 * in the placeholder font, which libharu needs to draw the text at all.
 */
static const char alphabet[] = "!\"$&'*+,-.0123456789:;=?@ABCDEFGHIJKLMNOPQ"
    "RSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~";
#define NALPHA (sizeof(alphabet) - 1)
/* Distinct characters one face can draw in one document. */
#define MAX_CODES (NALPHA * NALPHA)

static unsigned
code_of(size_t index)
{
	return (unsigned)(unsigned char)alphabet[index / NALPHA] << 8 |
	    (unsigned char)alphabet[index % NALPHA];
}

int
pdf_font_init(struct pdf_font *f, const struct ttf *ttf,
    const unsigned char *used, int tag, char *err, size_t errsize)
{
	uint32_t c;

	memset(f, 0, sizeof(*f));
	f->ttf = ttf;
	f->tag = tag;
	for (c = 0; c < 0x10000; c += 8) {
		unsigned b;
		for (b = 0; used[c / 8] != 0 && b < 8; b++)
			f->n += (used[c / 8] >> b) & 1;
	}
	if (f->n > MAX_CODES) {
		snprintf(err, errsize, "draws %zu different characters; a font "
		    "can draw at most %zu in one document", f->n,
		    (size_t)MAX_CODES);
		return -1;
	}
	if ((f->cps = malloc((f->n + 1) * sizeof(*f->cps))) == NULL ||
	    (f->gids = malloc((f->n + 1) * sizeof(*f->gids))) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	f->n = 0;
	for (c = 0; c < 0x10000; c += 8) {
		unsigned b;
		for (b = 0; used[c / 8] != 0 && b < 8; b++) {
			uint16_t **block = &f->index[(c + b) / 256];
			if (!(used[c / 8] & (1u << b)))
				continue;
			if (*block == NULL &&
			    (*block = calloc(256, sizeof(**block))) == NULL) {
				snprintf(err, errsize, "out of memory");
				return -1;
			}
			(*block)[(c + b) % 256] = (uint16_t)(f->n + 1);
			f->cps[f->n++] = c + b;
		}
	}
	if ((f->program = ttf_subset_ids(ttf, f->cps, f->n, &f->program_len,
	    f->gids, err, errsize)) == NULL)
		return -1;
	return 0;
}

void
pdf_font_free(struct pdf_font *f)
{
	size_t i;

	free(f->cps);
	free(f->gids);
	for (i = 0; i < sizeof(f->index) / sizeof(f->index[0]); i++)
		free(f->index[i]);
	free(f->program);
	memset(f, 0, sizeof(*f));
}

int
pdf_font_encode(const struct pdf_font *f, const char *text, struct buffer *out)
{
	const uint8_t *s = (const uint8_t *)text;
	int32_t i = 0, len = (int32_t)strlen(text);
	/* codes gathered here: a write per chunk, not per character */
	char codes[256];
	size_t n = 0;

	while (i < len) {
		UChar32 c = s[i];
		size_t lo;
		unsigned code;

		if (c < 0x80)
			i++;
		else
			U8_NEXT(s, i, len, c);
		if (c < 0 || c > 0xFFFF || f->index[c / 256] == NULL ||
		    f->index[c / 256][c % 256] == 0)
			return -1;
		lo = (size_t)f->index[c / 256][c % 256] - 1;
		code = code_of(lo);
		if (n == sizeof(codes)) {
			buffer_write(out, codes, n);
			n = 0;
		}
		codes[n++] = (char)(code >> 8);
		codes[n++] = (char)code;
	}
	buffer_write(out, codes, n);
	return out->failed ? -1 : 0;
}

/* The PostScript name of the face (name ID 6), as PDF name characters. */
static void
postscript_name(const struct ttf *ttf, char *name, size_t size)
{
	uint32_t len;
	const unsigned char *t = ttf_table(ttf, "name", &len);
	size_t i, count, storage, k = 0;

	name[0] = '\0';
	if (t == NULL || len < 6)
		goto fallback;
	count = (size_t)(t[2] << 8 | t[3]);
	storage = (size_t)(t[4] << 8 | t[5]);
	for (i = 0; i < count && 6 + 12 * (i + 1) <= len; i++) {
		const unsigned char *r = t + 6 + 12 * i;
		unsigned platform = (unsigned)(r[0] << 8 | r[1]);
		unsigned id = (unsigned)(r[6] << 8 | r[7]);
		size_t n = (size_t)(r[8] << 8 | r[9]);
		size_t off = storage + (size_t)(r[10] << 8 | r[11]), j;
		/* Mac Roman names are bytes, Windows ones UTF-16BE. */
		size_t step = platform == 3 ? 2 : 1;
		if (id != 6 || (platform != 1 && platform != 3) || off > len ||
		    n > len - off)
			continue;
		for (j = step - 1, k = 0; j < n && k + 1 < size; j += step) {
			unsigned char ch = t[off + j];
			if ((step == 2 && t[off + j - 1] != 0) || ch <= ' ' ||
			    ch > '~' || strchr("()<>[]{}/%#", ch) != NULL)
				continue;
			name[k++] = (char)ch;
		}
		name[k] = '\0';
		if (k > 0)
			return;
	}
fallback:
	snprintf(name, size, "Font");
}

/* A font-unit value in the 1000-unit glyph space of PDF. */
static long
scale(const struct pdf_font *f, long v)
{
	long upem = (long)ttf_units_per_em(f->ttf);

	return v >= 0 ? (v * 1000 + upem / 2) / upem :
	    -((-v * 1000 + upem / 2) / upem);
}

static long
s16(const unsigned char *p)
{
	return (int16_t)(uint16_t)(p[0] << 8 | p[1]);
}

void
pdf_font_dict(const struct pdf_font *f, size_t first, struct buffer *out)
{
	char name[64];

	postscript_name(f->ttf, name, sizeof(name));
	buffer_printf(out, "<<\n/Type /Font\n/Subtype /Type0\n"
	    "/BaseFont /KSN%c%c%c+%s\n/Encoding /Identity-H\n"
	    "/DescendantFonts [%zu 0 R]\n/ToUnicode %zu 0 R\n>>",
	    'A' + f->tag / 676 % 26, 'A' + f->tag / 26 % 26, 'A' + f->tag % 26,
	    name, first, first + 4);
}

/*
 * Writes a stream object's body holding data deflated. The same bytes
 * deflate to the same bytes: the face keeps what they deflated to for the
 * next document, whose subsets are mostly the same.
 */
static int
stream(const struct pdf_font *f, struct libdeflate_compressor *z,
    struct buffer *out, const char *extra, const unsigned char *data,
    size_t len)
{
	size_t packed_len;
	const unsigned char *kept = ttf_memo_find(f->ttf, data, len,
	    &packed_len);
	unsigned char *packed = NULL;

	if (kept == NULL) {
		size_t bound = libdeflate_zlib_compress_bound(z, len);

		if ((packed = malloc(bound)) == NULL ||
		    (packed_len = libdeflate_zlib_compress(z, data, len, packed,
		    bound)) == 0) {
			free(packed);
			return -1;
		}
		ttf_memo_keep(f->ttf, data, len, packed, packed_len);
		kept = packed;
	}
	buffer_printf(out, "<<\n/Length %zu\n/Filter /FlateDecode\n%s>>\n"
	    "stream\n", packed_len, extra);
	buffer_write(out, (const char *)kept, packed_len);
	buffer_puts(out, "\nendstream");
	free(packed);
	return out->failed ? -1 : 0;
}

/* The descendant CIDFontType2 with the width of every code. */
static void
cid_font(const struct pdf_font *f, size_t first, struct buffer *out)
{
	char name[64];
	size_t i;

	postscript_name(f->ttf, name, sizeof(name));
	buffer_printf(out, "<<\n/Type /Font\n/Subtype /CIDFontType2\n"
	    "/BaseFont /KSN%c%c%c+%s\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (Identity) /Supplement 0 >>\n/FontDescriptor %zu 0 R\n"
	    "/CIDToGIDMap %zu 0 R\n/DW 1000\n/W [", 'A' + f->tag / 676 % 26,
	    'A' + f->tag / 26 % 26, 'A' + f->tag % 26, name, first + 1,
	    first + 3);
	/* Runs of consecutive codes: one per first byte. */
	for (i = 0; i < f->n; i++) {
		if (i == 0 || code_of(i) != code_of(i - 1) + 1)
			buffer_printf(out, "%s%u [", i == 0 ? "" : "]\n", code_of(i));
		else
			buffer_puts(out, " ");
		/* Truncated, as libharu did: text is placed exactly as before. */
		buffer_printf(out, "%lu", (unsigned long)ttf_advance(f->ttf,
		    ttf_glyph(f->ttf, f->cps[i])) * 1000 /
		    ttf_units_per_em(f->ttf));
	}
	buffer_puts(out, f->n > 0 ? "]]\n>>" : "]\n>>");
}

static void
descriptor(const struct pdf_font *f, size_t first, struct buffer *out)
{
	uint32_t hlen, olen, plen;
	const unsigned char *head = ttf_table(f->ttf, "head", &hlen);
	const unsigned char *os2 = ttf_table(f->ttf, "OS/2", &olen);
	const unsigned char *post = ttf_table(f->ttf, "post", &plen);
	char name[64];
	long cap = 0, x = 0, angle = 0;
	/* Nonsymbolic, and Serif if the panose says so (bSerifStyle 2-10). */
	unsigned flags = 32;

	postscript_name(f->ttf, name, sizeof(name));
	if (olen >= 88 + 4 && (os2[0] << 8 | os2[1]) >= 2) {
		x = scale(f, s16(os2 + 86));
		cap = scale(f, s16(os2 + 88));
	}
	if (olen >= 34 && os2[32] == 2 && os2[33] >= 2 && os2[33] <= 10)
		flags |= 2;
	if (plen >= 8)
		angle = s16(post + 4);
	buffer_printf(out, "<<\n/Type /FontDescriptor\n/FontName /KSN%c%c%c+%s\n"
	    "/Flags %u\n/FontBBox [%ld %ld %ld %ld]\n/ItalicAngle %ld\n"
	    "/Ascent %ld\n/Descent %ld\n/CapHeight %ld\n/XHeight %ld\n"
	    "/StemV 0\n/FontFile2 %zu 0 R\n>>", 'A' + f->tag / 676 % 26,
	    'A' + f->tag / 26 % 26, 'A' + f->tag % 26, name, flags,
	    scale(f, s16(head + 36)), scale(f, s16(head + 38)),
	    scale(f, s16(head + 40)), scale(f, s16(head + 42)), angle,
	    scale(f, ttf_ascender(f->ttf)), scale(f, ttf_descender(f->ttf)),
	    cap, x, first + 2);
}

/* code -> subset glyph: two bytes per code up to the last one. */
static int
cid_to_gid(const struct pdf_font *f, struct libdeflate_compressor *z,
    struct buffer *out)
{
	size_t len = f->n > 0 ? 2 * ((size_t)code_of(f->n - 1) + 1) : 2, i;
	unsigned char *map = calloc(1, len);
	int rc;

	if (map == NULL)
		return -1;
	for (i = 0; i < f->n; i++) {
		map[2 * code_of(i)] = (unsigned char)(f->gids[i] >> 8);
		map[2 * code_of(i) + 1] = (unsigned char)f->gids[i];
	}
	rc = stream(f, z, out, "", map, len);
	free(map);
	return rc;
}

/* A code point as the UTF-16BE hex a CMap destination is. */
static void
utf16_hex(struct buffer *out, uint32_t c)
{
	if (c < 0x10000)
		buffer_printf(out, "<%04X>", (unsigned)c);
	else
		buffer_printf(out, "<%04X%04X>", 0xD800 + ((c - 0x10000) >> 10),
		    0xDC00 + ((c - 0x10000) & 0x3FF));
}

/*
 * The ToUnicode CMap: code i is code point cps[i]. Codes and code points
 * both ascend, so runs of consecutive ones (digits, letters) are one
 * bfrange; a range stays within one first byte, as CMaps require.
 */
static int
to_unicode(const struct pdf_font *f, struct libdeflate_compressor *z,
    struct buffer *out)
{
	struct buffer cmap = { NULL, 0, 0, 0 };
	size_t i, j, lines = 0, mark = 0;
	int rc;

	buffer_puts(&cmap, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (i = 0; i < f->n; i = j) {
		for (j = i + 1; j < f->n && code_of(j) == code_of(j - 1) + 1 &&
		    f->cps[j] == f->cps[j - 1] + 1 && f->cps[j] < 0x10000 &&
		    (f->cps[j] & 0xFF) != 0; j++)
			;
		if (lines % 100 == 0) {
			/* A block's count comes first: fill it in when it ends. */
			if (lines > 0)
				buffer_puts(&cmap, "endbfrange\n");
			mark = cmap.len;
			buffer_puts(&cmap, "100 beginbfrange\n");
		}
		buffer_printf(&cmap, "<%04X> <%04X> ", code_of(i), code_of(j - 1));
		utf16_hex(&cmap, f->cps[i]);
		buffer_puts(&cmap, "\n");
		lines++;
	}
	if (lines > 0) {
		if (!cmap.failed && lines % 100 != 0) {
			char count[4];
			/* "100" was written; the last block may hold fewer. */
			snprintf(count, sizeof(count), "%3zu", lines % 100);
			memcpy(cmap.data + mark, count, 3);
		}
		buffer_puts(&cmap, "endbfrange\n");
	}
	buffer_puts(&cmap, "endcmap\nCMapName currentdict /CMap defineresource "
	    "pop\nend\nend\n");
	rc = cmap.failed ? -1 : stream(f, z, out, "",
	    (const unsigned char *)cmap.data, cmap.len);
	buffer_free(&cmap);
	return rc;
}

int
pdf_font_object(const struct pdf_font *f, size_t which, size_t first,
    struct libdeflate_compressor *z, struct buffer *out)
{
	char extra[32];

	switch (which) {
	case 0:
		cid_font(f, first, out);
		break;
	case 1:
		descriptor(f, first, out);
		break;
	case 2:
		snprintf(extra, sizeof(extra), "/Length1 %zu\n", f->program_len);
		return stream(f, z, out, extra, f->program, f->program_len);
	case 3:
		return cid_to_gid(f, z, out);
	default:
		return to_unicode(f, z, out);
	}
	return out->failed ? -1 : 0;
}
