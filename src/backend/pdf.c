#include "config.h"

#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>
#include <libdeflate.h>

#include "pdf_fix.h"
#include "pdf_font.h"
#include "pdf_redline.h"

struct pdf_error {
	HPDF_STATUS code;
	HPDF_STATUS detail;
};

/* libharu reports through a callback; we keep the first error and check
 * return codes, never longjmp. */
static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct pdf_error *e = arg;

	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
	}
}

/* Base-14 fonts libharu draws with, one per face: each stands in for the
 * face's own font objects, which pdf_fix puts in its place. */
static const char *const placeholders[FONTS_MAX_FACES] = {
	"Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
	"Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
	"Times-BoldItalic"
};

struct faces {
	struct pdf_font fonts[FONTS_MAX_FACES];
	const char *names[FONTS_MAX_FACES];
	size_t n;
	struct buffer text;              /* one string's codes, reused */
	struct libdeflate_compressor *z; /* every stream */
};

static void
font_dict(void *arg, size_t k, size_t first, struct buffer *out)
{
	const struct faces *faces = arg;

	pdf_font_dict(&faces->fonts[k], first, out);
}

static int
font_object(void *arg, size_t k, size_t which, size_t first,
    struct buffer *out)
{
	const struct faces *faces = arg;

	return pdf_font_object(&faces->fonts[k], which, first, faces->z, out);
}

static void
set_dash(HPDF_Page page, enum dash dash)
{
	static const HPDF_UINT16 dashed[] = { 3, 2 }, dotted[] = { 1, 2 };
	static const HPDF_UINT16 dash_dot[] = { 5, 2, 1, 2 };

	switch (dash) {
	case DASH_DASHED:
		HPDF_Page_SetDash(page, dashed, 2, 0);
		break;
	case DASH_DOTTED:
		HPDF_Page_SetDash(page, dotted, 2, 0);
		break;
	case DASH_DASH_DOT:
		HPDF_Page_SetDash(page, dash_dot, 4, 0);
		break;
	default:
		HPDF_Page_SetDash(page, NULL, 0, 0);
		break;
	}
}

/*
 * The operators drawn most, written into the page's content stream as
 * libharu 2.3.0 writes them, byte for byte: numbers by its own HPDF_FToA,
 * its position arithmetic in its HPDF_REAL, and the page state it keeps
 * (the graphics mode, text matrix, current point) kept the same way.
 * libharu's own functions zero a 512-byte buffer byte by byte per call
 * and measure every string drawn: a fifth of the backend's time.
 */
static void
put(HPDF_Page page, const char *s, size_t len)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;

	/* A failure reaches on_error, as one of libharu's own would. */
	if (HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)s,
	    (HPDF_UINT)len) != HPDF_OK)
		HPDF_CheckError(page->error);
}

/* Appends n numbers, separated by spaces, then op, to p (before end). */
static char *
reals(char *p, char *end, const HPDF_REAL *v, size_t n, const char *op)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && p < end)
			*p++ = ' ';
		p = HPDF_FToA(p, v[i], end);
	}
	for (; *op != '\0' && p < end; op++)
		*p++ = *op;
	return p;
}

/* HPDF_Page_TextOut: Td from the text matrix, then the string's Tj, in
 * one write. The text position libharu would advance past the string is
 * left where Td put it: only HPDF_Page_GetCurrentTextPos reads it, and
 * ET resets it. */
static void
text_out(HPDF_Page page, HPDF_REAL xabs, HPDF_REAL yabs, const char *text)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	HPDF_TransMatrix m = attr->text_matrix;
	HPDF_REAL v[2];
	char buf[512], *p;
	size_t len;

	if (m.a == 0) {
		v[0] = (yabs - m.y - (xabs - m.x) * m.d / m.c) / m.b;
		v[1] = (xabs - m.x) / m.c;
	} else {
		HPDF_REAL y = (yabs - m.y - (xabs - m.x) * m.b / m.a) /
		    (m.d - m.c * m.b / m.a);
		v[0] = (xabs - m.x - y * m.c) / m.a;
		v[1] = y;
	}
	p = reals(buf, buf + 64, v, 2, " Td\012");
	attr->text_matrix.x += v[0] * m.a + v[1] * m.c;
	attr->text_matrix.y += v[1] * m.d + v[0] * m.b;
	attr->text_pos.x = attr->text_matrix.x;
	attr->text_pos.y = attr->text_matrix.y;
	/* The codes need no escapes (pdf_font.c); libharu writes an empty
	 * string not at all, and at most HPDF_LIMIT_MAX_STRING_LEN bytes. */
	len = strnlen(text, HPDF_LIMIT_MAX_STRING_LEN);
	if (len > 0 && len + 6 > sizeof(buf) - (size_t)(p - buf)) {
		put(page, buf, (size_t)(p - buf));
		put(page, "(", 1);
		put(page, text, len);
		put(page, ") Tj\012", 5);
		return;
	}
	if (len > 0) {
		*p++ = '(';
		memcpy(p, text, len);
		p += len;
		memcpy(p, ") Tj\012", 5);
		p += 5;
	}
	put(page, buf, (size_t)(p - buf));
}

/*
 * A path of one operator (HPDF_Page_Rectangle, the n = 4 numbers of re)
 * or two (HPDF_Page_MoveTo and _LineTo), then HPDF_Page_Fill or _Stroke,
 * in one write; the page is left as libharu leaves it.
 */
static void
path(HPDF_Page page, const HPDF_REAL *v, size_t n, const char *ops)
{
	static const HPDF_Point origin = { 0, 0 };
	HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
	char buf[128], *p, *end = buf + sizeof(buf) - 1;

	if (n == 4)
		p = reals(buf, end, v, 4, ops);
	else {
		p = reals(buf, end, v, 2, " m\012");
		p = reals(p, end, v + 2, 2, ops);
	}
	put(page, buf, (size_t)(p - buf));
	attr->str_pos.x = v[0];
	attr->str_pos.y = v[1];
	attr->cur_pos = origin;
	attr->gmode = HPDF_GMODE_PAGE_DESCRIPTION;
}

/* Draws one page; returns 0, or -1 if a string cannot be encoded. */
static int
draw_page(HPDF_Doc pdf, const struct lay_page *pg, HPDF_Font *fonts,
    struct pdf_font **by_face, struct buffer *text)
{
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_REAL v[4];
	size_t i;
	int in_text = 0;
	/* graphics state as last set, so unchanged lines add no operators */
	double gray = 0, width = -1, size = -1;
	enum dash dash = DASH_SOLID;
	unsigned fill = 0, stroke = 0;   /* a redline's colours (0: none) */
	int face = -1;

	if (page == NULL)
		return 0;
	HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width);
	HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height);
	for (i = 0; i < pg->nops; i++) {
		const struct lay_op *op = &pg->ops[i];
		if (op->kind == OP_TEXT) {
			if (!in_text) {
				HPDF_Page_BeginText(page);
				in_text = 1;
			}
			pdf_redline_fill(page, op, &fill);
			/* Text state lasts the page: set it only when it changes. */
			if (op->face != face || op->size != size) {
				HPDF_Page_SetFontAndSize(page, fonts[op->face],
				    (HPDF_REAL)op->size);
				face = op->face;
				size = op->size;
			}
			text->len = 0;
			if (pdf_font_encode(by_face[op->face], op->text, text) != 0)
				return -1;
			text_out(page, (HPDF_REAL)op->x, (HPDF_REAL)op->y,
			    text->data);
			continue;
		}
		if (in_text) {
			HPDF_Page_EndText(page);
			in_text = 0;
		}
		if (op->kind == OP_RECT) {
			pdf_redline_fill(page, op, &fill);
			if (op->color == 0)
				HPDF_Page_SetGrayFill(page, (HPDF_REAL)op->gray);
			v[0] = (HPDF_REAL)op->x;
			v[1] = (HPDF_REAL)op->y;
			v[2] = (HPDF_REAL)(op->x2 - op->x);
			v[3] = (HPDF_REAL)(op->y2 - op->y);
			path(page, v, 4, " re\012f\012");
			HPDF_Page_SetGrayFill(page, 0);
			fill = 0;
			continue;
		}
		pdf_redline_stroke(page, op, &stroke, &gray);
		if (op->color == 0 && op->gray != gray) {
			HPDF_Page_SetGrayStroke(page, (HPDF_REAL)op->gray);
			gray = op->gray;
		}
		if (op->dash != dash) {
			set_dash(page, op->dash);
			dash = op->dash;
		}
		if (op->width != width) {
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)op->width);
			width = op->width;
		}
		v[0] = (HPDF_REAL)op->x;
		v[1] = (HPDF_REAL)op->y;
		v[2] = (HPDF_REAL)op->x2;
		v[3] = (HPDF_REAL)op->y2;
		path(page, v, 2, " l\012S\012");
	}
	if (in_text)
		HPDF_Page_EndText(page);
	return 0;
}

/*
 * Appends "/key <FEFF...>" to out: value in UTF-16BE hex, as libharu 2.3.0
 * wrote an information string with its UTF-8 encoder, byte for byte (a
 * character past the BMP is a space, a byte that starts none is skipped).
 * The encoder itself costs libharu 256 KB of tables and a 65,536-code loop
 * per document. Returns -1 if value is longer than libharu allowed.
 */
static int
info_entry(struct buffer *out, const char *key, const char *value)
{
	const unsigned char *s = (const unsigned char *)value;
	unsigned char b[4];
	unsigned cur = 0, end = 0;
	unsigned long v;

	if (strlen(value) > 65535)
		return -1;
	buffer_printf(out, "/%s <FEFF", key);
	for (; *s != '\0'; s++) {
		if (cur == 0) {
			b[0] = *s;
			if (*s < 0x80) {
				buffer_printf(out, "%04X", *s);
				continue;
			}
			end = (*s & 0xF8) == 0xF0 ? 3 : (*s & 0xF0) == 0xE0 ? 2 :
			    (*s & 0xE0) == 0xC0 ? 1 : 0;
			cur = end > 0;
			continue;
		}
		b[cur] = *s;
		if (cur < end) {
			cur++;
			continue;
		}
		cur = 0;
		/* libharu's arithmetic, continuation bytes unchecked. */
		if (end == 3)
			v = ((unsigned long)(b[0] & 0x7) << 18) +
			    ((unsigned long)b[1] << 12) +
			    ((unsigned long)(b[2] & 0x3F) << 6) + (b[3] & 0x3F);
		else if (end == 2)
			v = ((unsigned long)(b[0] & 0xF) << 12) +
			    ((unsigned long)(b[1] & 0x3F) << 6) + (b[2] & 0x3F);
		else
			v = ((unsigned long)(b[0] & 0x1F) << 6) + (b[1] & 0x3F);
		buffer_printf(out, "%04lX", v > 0xFFFF ? 0x20ul : v);
	}
	buffer_puts(out, ">\n");
	return 0;
}

/* The information entries kessan adds after libharu's /Producer. */
static int
info_entries(const struct pdf_meta *meta, struct buffer *out)
{
	if (info_entry(out, "Creator", "kessan " PACKAGE_VERSION) != 0 ||
	    (meta->title != NULL && info_entry(out, "Title", meta->title) != 0) ||
	    (meta->subject != NULL &&
	    info_entry(out, "Subject", meta->subject) != 0) ||
	    (meta->author != NULL && info_entry(out, "Author", meta->author) != 0))
		return -1;
	return 0;
}

static void
set_date(HPDF_Doc pdf, long long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	HPDF_Date d;

	if (gmtime_r(&t, &tm) == NULL)
		return;
	memset(&d, 0, sizeof(d));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
}

int
pdf_render(const struct layout *lay, const struct font_set *fs,
    const struct pdf_meta *meta, struct buffer *out, char *err,
    size_t errsize)
{
	struct pdf_error e = { 0, 0 };
	HPDF_Font fonts[FONTS_MAX_FACES] = { NULL };
	struct pdf_font *by_face[FONTS_MAX_FACES] = { NULL };
	struct faces faces;
	struct pdf_fix_fonts fix;
	struct buffer info = { NULL, 0, 0, 0 };
	unsigned char *raw = NULL;
	HPDF_UINT32 size;
	HPDF_Doc pdf;
	size_t i;
	int rc = -1;

	memset(&faces, 0, sizeof(faces));
	/* Level 5: smaller than libharu's zlib output, in well under half its
	 * time (level 4 would be 1.5% faster and, for ja, as large). */
	if ((faces.z = libdeflate_alloc_compressor(5)) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	if ((pdf = HPDF_New(on_error, &e)) == NULL) {
		libdeflate_free_compressor(faces.z);
		snprintf(err, errsize, "libharu cannot start (out of memory)");
		return -1;
	}
	/* Uncompressed: pdf_fix deflates the page contents with libdeflate. */
	HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
	for (i = 0; i < fs->nfaces && i < FONTS_MAX_FACES; i++) {
		char why[160];
		struct pdf_font *f = &faces.fonts[faces.n];

		if (lay->used[i] == NULL)
			continue;
		if (pdf_font_init(f, fs->faces[i], lay->used[i], (int)faces.n, why,
		    sizeof(why)) != 0) {
			pdf_font_free(f);
			snprintf(err, errsize, "cannot embed font %s: %s",
			    ttf_path(fs->faces[i]), why);
			goto out;
		}
		faces.names[faces.n] = placeholders[faces.n];
		by_face[i] = f;
		if ((fonts[i] = HPDF_GetFont(pdf, placeholders[faces.n++],
		    "StandardEncoding")) == NULL) {
			snprintf(err, errsize, "libharu error 0x%04X (detail %u)",
			    (unsigned)e.code, (unsigned)e.detail);
			goto out;
		}
	}
	/* The metadata strings are UTF-8: pdf_fix writes them. */
	if (info_entries(meta, &info) != 0) {
		snprintf(err, errsize, "a title, subject or author is longer than "
		    "a PDF string can be (65,535 bytes)");
		goto out;
	}
	if (info.failed) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	set_date(pdf, meta->epoch);
	for (i = 0; i < lay->npages && e.code == 0; i++)
		if (draw_page(pdf, &lay->pages[i], fonts, by_face,
		    &faces.text) != 0) {
			snprintf(err, errsize, faces.text.failed ? "out of memory" :
			    "a character drawn is missing from its font's subset");
			goto out;
		}
	if (e.code != 0 || HPDF_SaveToStream(pdf) != HPDF_OK) {
		snprintf(err, errsize, "libharu error 0x%04X (detail %u)",
		    (unsigned)e.code, (unsigned)e.detail);
		goto out;
	}
	size = HPDF_GetStreamSize(pdf);
	if ((raw = malloc(size)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	if (HPDF_ReadFromStream(pdf, raw, &size) != HPDF_OK) {
		snprintf(err, errsize, "cannot read back the PDF from libharu");
		goto out;
	}
	/* Done with libharu: its objects and streams need not be held while
	 * pdf_fix writes the PDF out. */
	HPDF_Free(pdf);
	pdf = NULL;
	fix.n = faces.n;
	fix.names = faces.names;
	fix.per_font = PDF_FONT_OBJECTS;
	fix.dict = font_dict;
	fix.object = font_object;
	fix.arg = &faces;
	fix.info = info.data;
	rc = pdf_fix_fonts(raw, size, meta->lang, &fix, faces.z, out, err,
	    errsize);
out:
	free(raw);
	buffer_free(&info);
	if (pdf != NULL)
		HPDF_Free(pdf);
	for (i = 0; i < faces.n; i++)
		pdf_font_free(&faces.fonts[i]);
	buffer_free(&faces.text);
	libdeflate_free_compressor(faces.z);
	return rc;
}
