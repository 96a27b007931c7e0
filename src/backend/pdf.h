/* The PDF backend: a laid-out document drawn with libharu. */
#ifndef KESSAN_PDF_H
#define KESSAN_PDF_H

#include <stddef.h>

#include "../font/fonts.h"
#include "../layout/layout.h"
#include "../util/buffer.h"

struct pdf_meta {
	const char *title;
	const char *subject;
	const char *author;
	const char *lang;        /* BCP 47: "en", "ja" */
	long long epoch;         /* creation date, seconds since 1970 (UTC) */
};

/*
 * Draws layout into a PDF in out: fonts embedded as subsets of the glyphs
 * the layout uses, a valid ToUnicode map for every font, the metadata
 * given, compressed streams, and no time-dependent bytes. Returns 0, or -1
 * with a reason in err.
 */
int pdf_render(const struct layout *layout, const struct font_set *fonts,
    const struct pdf_meta *meta, struct buffer *out, char *err,
    size_t errsize);

#endif
