/* memfd_create */
#define _GNU_SOURCE
#include "config.h"

#include "pdf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>

#include "pdf_fix.h"
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

/*
 * An anonymous in-memory file holding bytes, for libharu, which loads
 * TrueType fonts only from a path. Returns the descriptor or -1.
 */
static int
memory_file(const unsigned char *data, size_t size)
{
	size_t done = 0;
	int fd = memfd_create("kessan-font", MFD_CLOEXEC);

	if (fd < 0) {
		/* No memfd (an old kernel): an unlinked temporary file. */
		char path[] = "/tmp/kessan-font.XXXXXX";
		if ((fd = mkstemp(path)) < 0)
			return -1;
		unlink(path);
	}
	while (done < size) {
		ssize_t w = write(fd, data + done, size - done);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	return fd;
}

/*
 * The subset of face holding the characters the layout draws with it.
 * Returns 0, or -1 with the reason in err (libharu's own code, if any, is
 * added by the caller).
 */
static int
load_subset(HPDF_Doc pdf, const struct layout *lay, const struct font_set *fs,
    int face, HPDF_Font *font, int *fd, char *err, size_t errsize)
{
	uint32_t *cps = malloc(0x10000 * sizeof(*cps));
	unsigned char *data;
	size_t n = 0, size;
	uint32_t c;
	char path[64];
	const char *name;

	if (cps == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	for (c = 0; c < 0x10000; c++)
		if (layout_uses(lay, face, c))
			cps[n++] = c;
	data = ttf_subset(fs->faces[face], cps, n, &size);
	free(cps);
	if (data == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	*fd = memory_file(data, size);
	free(data);
	if (*fd < 0) {
		snprintf(err, errsize, "cannot hand the subset to libharu: %s",
		    strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", *fd);
	if ((name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE)) == NULL ||
	    (*font = HPDF_GetFont(pdf, name, "UTF-8")) == NULL) {
		snprintf(err, errsize, "libharu refused the subset");
		return -1;
	}
	return 0;
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

static void
draw_page(HPDF_Doc pdf, const struct lay_page *pg, HPDF_Font *fonts)
{
	HPDF_Page page = HPDF_AddPage(pdf);
	size_t i;
	int in_text = 0;
	/* graphics state as last set, so unchanged lines add no operators */
	double gray = 0, width = -1;
	enum dash dash = DASH_SOLID;
	unsigned fill = 0, stroke = 0;   /* a redline's colours (0: none) */

	if (page == NULL)
		return;
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
			HPDF_Page_SetFontAndSize(page, fonts[op->face],
			    (HPDF_REAL)op->size);
			HPDF_Page_TextOut(page, (HPDF_REAL)op->x, (HPDF_REAL)op->y,
			    op->text);
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
			HPDF_Page_Rectangle(page, (HPDF_REAL)op->x, (HPDF_REAL)op->y,
			    (HPDF_REAL)(op->x2 - op->x), (HPDF_REAL)(op->y2 - op->y));
			HPDF_Page_Fill(page);
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
		HPDF_Page_MoveTo(page, (HPDF_REAL)op->x, (HPDF_REAL)op->y);
		HPDF_Page_LineTo(page, (HPDF_REAL)op->x2, (HPDF_REAL)op->y2);
		HPDF_Page_Stroke(page);
	}
	if (in_text)
		HPDF_Page_EndText(page);
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
	int fds[FONTS_MAX_FACES];
	unsigned char *raw = NULL;
	HPDF_UINT32 size;
	HPDF_Doc pdf;
	size_t i;
	int rc = -1;

	for (i = 0; i < FONTS_MAX_FACES; i++)
		fds[i] = -1;
	if ((pdf = HPDF_New(on_error, &e)) == NULL) {
		snprintf(err, errsize, "libharu cannot start (out of memory)");
		return -1;
	}
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	for (i = 0; i < fs->nfaces; i++) {
		char why[128];

		if (lay->used[i] == NULL || load_subset(pdf, lay, fs, (int)i,
		    &fonts[i], &fds[i], why, sizeof(why)) == 0)
			continue;
		if (e.code != 0)
			snprintf(err, errsize, "cannot embed font %s: %s (libharu "
			    "error 0x%04X)", ttf_path(fs->faces[i]), why,
			    (unsigned)e.code);
		else
			snprintf(err, errsize, "cannot embed font %s: %s",
			    ttf_path(fs->faces[i]), why);
		goto out;
	}
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "kessan " PACKAGE_VERSION);
	if (meta->title != NULL)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, meta->title);
	if (meta->subject != NULL)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, meta->subject);
	if (meta->author != NULL)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, meta->author);
	set_date(pdf, meta->epoch);
	for (i = 0; i < lay->npages && e.code == 0; i++)
		draw_page(pdf, &lay->pages[i], fonts);
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
	rc = pdf_fix(raw, size, meta->lang, out, err, errsize);
out:
	free(raw);
	HPDF_Free(pdf);
	for (i = 0; i < FONTS_MAX_FACES; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	return rc;
}
