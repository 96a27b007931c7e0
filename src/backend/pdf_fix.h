/*
 * Completes what libharu 2.3.0 writes, by rewriting its output object by
 * object: the fonts (libharu draws with placeholder base-14 fonts, each
 * replaced by kessan's own Type0 font objects, see pdf_font.h) and the
 * document language (/Lang, PDF 1.4).
 */
#ifndef KESSAN_PDF_FIX_H
#define KESSAN_PDF_FIX_H

#include <stddef.h>

#include "../util/buffer.h"

/*
 * Rewrites the PDF in `in` into `out`. lang is a BCP 47 tag ("en", "ja").
 * Returns 0, or -1 with a reason in err when the input is not the shape
 * libharu writes (so a libharu upgrade that changes it fails loudly).
 */
int pdf_fix(const unsigned char *in, size_t len, const char *lang,
    struct buffer *out, char *err, size_t errsize);

/* Fonts to put in place of the placeholder fonts libharu wrote, and
 * metadata to add. */
struct pdf_fix_fonts {
	size_t n;
	const char *const *names;  /* the /BaseFont of placeholder k */
	size_t per_font;           /* objects font k adds after libharu's */
	/* Writes the body of font k's dictionary, which replaces the
	 * placeholder; its added objects are numbered first, first + 1... */
	void (*dict)(void *arg, size_t k, size_t first, struct buffer *out);
	/* Writes the body of font k's added object first + which; returns 0,
	 * or -1 when out of memory. */
	int (*object)(void *arg, size_t k, size_t which, size_t first,
	    struct buffer *out);
	void *arg;
	/* Entries added to the document information dictionary after
	 * libharu's /Producer, each ending in a newline (NULL: none). */
	const char *info;
};

struct libdeflate_compressor;
/* pdf_fix, replacing fonts (NULL: none) as well, and deflating with z
 * (NULL: not at all) the streams libharu left unfiltered. */
int pdf_fix_fonts(const unsigned char *in, size_t len, const char *lang,
    const struct pdf_fix_fonts *fonts, struct libdeflate_compressor *z,
    struct buffer *out, char *err, size_t errsize);

#endif
