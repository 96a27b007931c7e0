#include "pdf_redline.h"

static HPDF_REAL
channel(unsigned color, int shift)
{
	return (HPDF_REAL)((color >> shift) & 0xFF) / 255.0f;
}

void
pdf_redline_fill(HPDF_Page page, const struct lay_op *op, unsigned *fill)
{
	if (op->color == *fill)
		return;
	if (op->color != 0)
		HPDF_Page_SetRGBFill(page, channel(op->color, 16),
		    channel(op->color, 8), channel(op->color, 0));
	else
		HPDF_Page_SetGrayFill(page, 0);
	*fill = op->color;
}

void
pdf_redline_stroke(HPDF_Page page, const struct lay_op *op,
    unsigned *stroke, double *gray)
{
	if (op->color == *stroke)
		return;
	if (op->color != 0)
		HPDF_Page_SetRGBStroke(page, channel(op->color, 16),
		    channel(op->color, 8), channel(op->color, 0));
	else {
		HPDF_Page_SetGrayStroke(page, (HPDF_REAL)op->gray);
		*gray = op->gray;
	}
	*stroke = op->color;
}
