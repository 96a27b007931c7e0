/*
 * The colours a redline draws in (layout/marks.h): private to the PDF
 * backend. A release's operations carry no colour, and these add no
 * operator for them.
 */
#ifndef KESSAN_PDF_REDLINE_H
#define KESSAN_PDF_REDLINE_H

#include <hpdf.h>

#include "../layout/layout.h"

/* Sets the fill colour for op (text, or a rectangle) when it differs
 * from *fill, the colour set last (0: the gray a release sets). */
void pdf_redline_fill(HPDF_Page page, const struct lay_op *op,
    unsigned *fill);

/* The same for a line's stroke; *gray is pdf.c's gray as set last, put
 * back when a coloured line is followed by a gray one. */
void pdf_redline_stroke(HPDF_Page page, const struct lay_op *op,
    unsigned *stroke, double *gray);

#endif
