/*
 * TrueType fonts: just enough reading to measure text and map characters
 * to glyphs, and a subsetter that writes a small font holding only the
 * glyphs a document uses.
 *
 * The PDF backend embeds the subset as each font's program (pdf_font.c):
 * an IPAex face whole is 6 MB.
 */
#ifndef KESSAN_TTF_H
#define KESSAN_TTF_H

#include <stddef.h>
#include <stdint.h>

struct ttf;

/* Font files larger than this are refused unread (IPAex is 6 MB). */
#define TTF_MAX_FILE_SIZE ((size_t)64 * 1024 * 1024)

/*
 * Opens a TrueType (glyf-outline) font file, reads the tables kessan needs
 * but the glyph outlines, and checks them. The file stays open for the
 * outlines a subset reads. Returns NULL and writes a reason to err on
 * failure (OpenType/CFF fonts are refused: libharu cannot embed them).
 */
struct ttf *ttf_open(const char *path, char *err, size_t errsize);
/* The same from bytes in memory (copied), named `name` in ttf_path. */
struct ttf *ttf_open_memory(const char *name, const unsigned char *data,
    size_t size, char *err, size_t errsize);
void ttf_close(struct ttf *font);

/* The glyph for a Unicode code point, or 0 (.notdef) if none. */
unsigned ttf_glyph(const struct ttf *font, uint32_t codepoint);

/* A glyph's advance width in font units. */
unsigned ttf_advance(const struct ttf *font, unsigned glyph);

unsigned ttf_units_per_em(const struct ttf *font);
int ttf_ascender(const struct ttf *font);   /* font units, positive */
int ttf_descender(const struct ttf *font);  /* font units, negative */
const char *ttf_path(const struct ttf *font);

/*
 * Writes a font holding only the glyphs of the `n` code points given (and
 * the components of composite glyphs), renumbered from 1 in font order,
 * without hinting, with a cmap of only those code points (BMP only).
 * Returns a malloc'd buffer and its size in *size, or NULL when out of
 * memory.
 */
unsigned char *ttf_subset(const struct ttf *font, const uint32_t *codepoints,
    size_t n, size_t *size);
/* The same, and the subset's glyph id of each code point in ids[i] (0 for
 * one the font lacks); NULL with a reason in err when out of memory or
 * the font file cannot be read any more. */
unsigned char *ttf_subset_ids(const struct ttf *font,
    const uint32_t *codepoints, size_t n, size_t *size, uint16_t *ids,
    char *err, size_t errsize);

/* One of the tables the font was checked for ("OS/2", "name", "post"...),
 * and its length; NULL (length 0) if the font lacks it. Of post, only its
 * 32-byte header; of cmap and glyf, nothing. */
const unsigned char *ttf_table(const struct ttf *font, const char *tag,
    uint32_t *length);

/*
 * Bytes derived from the face and costly to make again (the PDF backend's
 * deflated streams), kept for the next document of the process and freed
 * with the face: a batch's documents mostly embed the same subsets.
 * ttf_memo_find returns what was kept under exactly these key bytes, and
 * its length, or NULL. ttf_memo_keep keeps a copy, dropping the least
 * recently used while they hold over TTF_MEMO_MAX bytes; out of memory it
 * keeps nothing, which costs only time.
 */
#define TTF_MEMO_MAX ((size_t)8 * 1024 * 1024)
const unsigned char *ttf_memo_find(const struct ttf *font, const void *key,
    size_t keylen, size_t *len);
void ttf_memo_keep(const struct ttf *font, const void *key, size_t keylen,
    const void *value, size_t len);

#endif
