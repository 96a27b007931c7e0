/*
 * The inside of a struct ttf, shared by the reader (ttf.c) and the
 * subsetter (ttf_subset.c). Private to font/.
 *
 * Of a font file, only the tables kessan reads are mapped, each run of
 * nearby tables a mapping of its own (for IPAex, about 230 KB of its 6 to 8
 * MB), and a subset reads the glyphs it holds from the file. A mapping of
 * the whole file made resident every glyph page a document touched and
 * the pages around it (the kernel maps 64 KB around a fault), 2 to 3 MB
 * per IPAex face; copies of the tables on the heap cost a page fault per
 * 4 KB, where the file's pages are already in the page cache.
 */
#ifndef KESSAN_TTF_FILE_H
#define KESSAN_TTF_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "ttf.h"

/* The tables of a TrueType font kessan reads or copies, in tag order. */
#define TTF_NTABLES 13
extern const char *const ttf_tables[TTF_NTABLES];

/* Only post's header is read: its glyph names (113 KB in IPAex) are not. */
#define TTF_POST_HEAD 32

struct ttf_table {
	int present;
	uint32_t offset, length;     /* in the file; length as read for post */
	/* The table's bytes, mapped; NULL for glyf, which is read a glyph at
	 * a time, and cmap, of which one subtable is mapped. */
	const unsigned char *data;
};

struct ttf {
	char *path;
	int fd;                    /* the font file, or -1: the font is `file` */
	const unsigned char *file; /* a font in memory (ttf_open_memory) */
	size_t size;
	struct {
		void *addr;
		size_t length;
	} maps[TTF_NTABLES + 1];   /* of the file: a run of tables, the cmap */
	size_t nmaps;
	struct ttf_table tables[TTF_NTABLES];
	unsigned glyphs;
	unsigned metrics;          /* numberOfHMetrics */
	unsigned units_per_em;
	int long_loca;
	int ascender, descender;
	/* the Unicode cmap subtable, format 4 or 12, to the end of cmap */
	const unsigned char *cmap;
	uint32_t cmap_length;
	int cmap_format;
	const unsigned char *hmtx;
	const unsigned char *loca;
	uint32_t glyf_length;
	/* The glyph of each BMP code point looked up so far, in blocks of 256
	 * code points allocated as they are first asked for; GLYPH_UNKNOWN
	 * for those not asked yet. (Builds run documents in processes, never
	 * threads.) */
	uint16_t **bmp;
	struct ttf_glyphs *cache;
	struct ttf_memo *memo;
};

/* The glyph data subsets have read, kept for the next document: a batch
 * reads each glyph once. */
struct ttf_glyphs {
	unsigned char *data;
	size_t len;
	uint32_t *at;   /* 1 + where glyph g's data starts in data, or 0 */
};

/* What ttf_memo_keep kept: each entry's key, then its value, in one
 * allocation. */
#define TTF_MEMO_ENTRIES 16
struct ttf_memo {
	struct {
		unsigned char *key;
		size_t keylen, len;
		unsigned long used;   /* clock of its last use */
	} e[TTF_MEMO_ENTRIES];
	size_t n;
	size_t bytes;             /* of every key and value */
	unsigned long clock;
};

#define TTF_BMP_BLOCK 256

static inline uint16_t
ttf_u16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t
ttf_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline void
ttf_put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static inline void
ttf_put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* The table named tag (one of ttf_tables), or NULL. */
const struct ttf_table *ttf_find(const struct ttf *f, const char *tag);

/*
 * A glyph's data in glyf: sets *start (from glyf's start) and returns its
 * length, 0 for an empty glyph or one whose loca entries are out of order
 * or past the table (a damaged font draws it as nothing rather than
 * reading wild).
 */
uint32_t ttf_glyph_span(const struct ttf *f, unsigned glyph, uint32_t *start);

/* A range of the font file to read, and where it was read to. */
struct ttf_span {
	uint32_t offset, length;   /* in the file, within f->size */
	size_t at;                 /* set: its first byte is (*data)[at] */
};

/*
 * Reads the spans, sorted by offset, appending them to the *len bytes of
 * *data (malloc'd, grown here; the caller frees it). Spans less than 16
 * KB apart are read by one call into a buffer of at most 64 KB, and only
 * the spans are kept: a read costs as much as copying 20 KB, a page of
 * fresh memory as much as 8 reads. The 936 glyphs of the ja+en PDF take
 * 64 reads, not 936. Returns 0, or -1 with a reason in err.
 */
int ttf_read_spans(const struct ttf *f, struct ttf_span *spans, size_t n,
    unsigned char **data, size_t *len, char *err, size_t errsize);

#endif
