/*
 * The PDF objects of one embedded font, written by kessan rather than by
 * libharu: libharu 2.3.0's Type0 path looks up all 65,536 UCS-2 codes of
 * every font, writes a 128 KB CIDToGIDMap per font and a ToUnicode map
 * poppler rejects. Here each character a document draws with a face gets a
 * compact two-byte code, and the font's objects (Type0 and CIDFontType2
 * dictionaries, descriptor, subset program, CIDToGIDMap, ToUnicode) hold
 * only those codes.
 *
 * A code's two bytes are both printable ASCII that a PDF string needs no
 * escape for, so libharu can draw them as the text of a placeholder base-14
 * font, which pdf_fix then replaces with these objects.
 */
#ifndef KESSAN_PDF_FONT_H
#define KESSAN_PDF_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "../font/ttf.h"
#include "../util/buffer.h"

/* The objects pdf_font_object writes after the Type0 dictionary. */
#define PDF_FONT_OBJECTS 5

struct pdf_font {
	const struct ttf *ttf;
	size_t n;               /* characters, in code point order */
	uint32_t *cps;          /* the code point of code index i */
	uint16_t *gids;         /* its glyph in the subset */
	/* 1 + the code index of each BMP code point, in blocks of 256 code
	 * points, NULL where the document draws none */
	uint16_t *index[256];
	unsigned char *program; /* the subset font */
	size_t program_len;
	int tag;                /* which subset this is: names it KSNAAA+... */
};

/*
 * The subset of ttf drawing the code points set in `used` (a bitmap of the
 * BMP, as layout marks them). Returns 0, or -1 with a reason in err.
 */
int pdf_font_init(struct pdf_font *font, const struct ttf *ttf,
    const unsigned char *used, int tag, char *err, size_t errsize);
void pdf_font_free(struct pdf_font *font);

/*
 * Appends the codes of the UTF-8 text to out, NUL-terminated. Returns 0,
 * or -1 if text holds a character outside the subset or is not UTF-8.
 */
int pdf_font_encode(const struct pdf_font *font, const char *text,
    struct buffer *out);

/*
 * Writes the body of the font's Type0 dictionary (between "N 0 obj" and
 * "endobj"), whose other objects are numbered first, first + 1, ...
 */
void pdf_font_dict(const struct pdf_font *font, size_t first,
    struct buffer *out);
struct libdeflate_compressor;
/* Writes the body of the font's object first + which (which <
 * PDF_FONT_OBJECTS), its streams deflated with z. Returns 0, or -1 when
 * out of memory. */
int pdf_font_object(const struct pdf_font *font, size_t which, size_t first,
    struct libdeflate_compressor *z, struct buffer *out);

#endif
