#include "ttf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The tables libharu requires of a TrueType font, in tag order. */
static const char *const required_tables[] = {
	"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx",
	"loca", "maxp", "name", "post", "prep"
};
#define NREQUIRED (sizeof(required_tables) / sizeof(required_tables[0]))

struct table {
	const unsigned char *data;
	uint32_t length;
};

struct ttf {
	char *path;
	const unsigned char *file;
	size_t size;
	int mapped;                /* file is an mmap of the font, else malloc'd */
	struct table tables[NREQUIRED];
	unsigned glyphs;
	unsigned metrics;          /* numberOfHMetrics */
	unsigned units_per_em;
	int long_loca;
	int ascender, descender;
	/* the Unicode cmap: format 4 or 12 */
	const unsigned char *cmap;
	uint32_t cmap_length;
	int cmap_format;
	const unsigned char *hmtx;
	/* The glyph of each BMP code point looked up so far, GLYPH_UNKNOWN for
	 * the rest: layout asks for the same few hundred characters over and
	 * over. (Builds run documents in processes, never threads.) */
	uint16_t *bmp;
};

#define GLYPH_UNKNOWN 0xFFFF   /* never a glyph: maxp counts at most 65535 */

static uint16_t
u16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
	    p[3];
}

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static const struct table *
table(const struct ttf *f, const char *tag)
{
	size_t i;

	for (i = 0; i < NREQUIRED; i++)
		if (memcmp(required_tables[i], tag, 4) == 0)
			return &f->tables[i];
	return NULL;
}

/* Picks the Windows Unicode cmap: full repertoire (3,10) or BMP (3,1). */
static int
find_cmap(struct ttf *f)
{
	const struct table *t = table(f, "cmap");
	unsigned n, i, best = 0;

	if (t->length < 4)
		return -1;
	n = u16(t->data + 2);
	if (4 + 8 * (size_t)n > t->length)
		return -1;
	for (i = 0; i < n; i++) {
		const unsigned char *r = t->data + 4 + 8 * i;
		unsigned platform = u16(r), encoding = u16(r + 2), format;
		unsigned rank = platform == 3 && encoding == 10 ? 3 :
		    platform == 3 && encoding == 1 ? 2 : platform == 0 ? 1 : 0;
		uint32_t off = u32(r + 4);
		/* Both formats have a 16-byte head; off may be near 2^32. */
		if (rank <= best || off > t->length || t->length - off < 16)
			continue;
		format = u16(t->data + off);
		if (format != 4 && format != 12)
			continue;
		f->cmap = t->data + off;
		f->cmap_length = t->length - off;
		f->cmap_format = (int)format;
		best = rank;
	}
	return best > 0 ? 0 : -1;
}

static uint32_t
glyph_offset(const struct ttf *f, unsigned glyph)
{
	const unsigned char *l = table(f, "loca")->data;

	return f->long_loca ? u32(l + 4 * glyph) : 2u * u16(l + 2 * glyph);
}

/* Checks the tables of f->file and reads what kessan needs of them. */
static int
ttf_parse(struct ttf *f, char *err, size_t errsize)
{
	unsigned n, i, k;

	if (f->size < 12) {
		snprintf(err, errsize, "not a TrueType font");
		return -1;
	}
	if (u32(f->file) == 0x4F54544F) {   /* "OTTO" */
		snprintf(err, errsize, "an OpenType/CFF font: libharu embeds only "
		    "TrueType outlines (use a .ttf such as IPAex)");
		return -1;
	}
	if (u32(f->file) != 0x00010000 && u32(f->file) != 0x74727565) {
		snprintf(err, errsize, "not a TrueType font");
		return -1;
	}
	n = u16(f->file + 4);
	if (12 + 16 * (size_t)n > f->size) {
		snprintf(err, errsize, "truncated table directory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const unsigned char *r = f->file + 12 + 16 * i;
		uint32_t off = u32(r + 8), len = u32(r + 12);
		for (k = 0; k < NREQUIRED; k++) {
			if (memcmp(r, required_tables[k], 4) != 0)
				continue;
			if (off > f->size || len > f->size - off) {
				snprintf(err, errsize, "truncated: table '%s' runs "
				    "past the end of the file", required_tables[k]);
				return -1;
			}
			f->tables[k].data = f->file + off;
			f->tables[k].length = len;
		}
	}
	for (k = 0; k < NREQUIRED; k++)
		if (f->tables[k].data == NULL &&
		    strcmp(required_tables[k], "cvt ") != 0 &&
		    strcmp(required_tables[k], "fpgm") != 0 &&
		    strcmp(required_tables[k], "prep") != 0) {
			snprintf(err, errsize, "no '%s' table", required_tables[k]);
			return -1;
		}
	if (table(f, "head")->length < 54 || table(f, "hhea")->length < 36 ||
	    table(f, "maxp")->length < 6) {
		snprintf(err, errsize, "truncated head, hhea or maxp table");
		return -1;
	}
	f->units_per_em = u16(table(f, "head")->data + 18);
	f->long_loca = u16(table(f, "head")->data + 50) != 0;
	f->ascender = (int16_t)u16(table(f, "hhea")->data + 4);
	f->descender = (int16_t)u16(table(f, "hhea")->data + 6);
	f->metrics = u16(table(f, "hhea")->data + 34);
	f->glyphs = u16(table(f, "maxp")->data + 4);
	if (f->units_per_em == 0 || f->metrics == 0 || f->metrics > f->glyphs ||
	    table(f, "hmtx")->length < 4 * f->metrics ||
	    table(f, "loca")->length < (f->long_loca ? 4u : 2u) * (f->glyphs + 1)) {
		snprintf(err, errsize, "inconsistent metrics tables");
		return -1;
	}
	/* Ascending offsets within glyf keep every glyph's data apart, so a
	 * subset is never larger than the font's own glyf. */
	for (k = 0; k < f->glyphs; k++)
		if (glyph_offset(f, k) > glyph_offset(f, k + 1))
			break;
	if (k < f->glyphs ||
	    glyph_offset(f, f->glyphs) > table(f, "glyf")->length) {
		snprintf(err, errsize, "glyph locations (loca) out of order or past "
		    "the glyf table");
		return -1;
	}
	if (find_cmap(f) != 0) {
		snprintf(err, errsize, "no Unicode character map");
		return -1;
	}
	f->hmtx = table(f, "hmtx")->data;
	if ((f->bmp = malloc(0x10000 * sizeof(*f->bmp))) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	memset(f->bmp, 0xFF, 0x10000 * sizeof(*f->bmp));
	return 0;
}

/*
 * Maps the regular file at path read-only: the pages a document touches
 * are read, not the whole 6 MB of an IPAex face, and they are shared with
 * the page cache rather than copied onto the heap. Every offset ttf_parse
 * and the readers take from the file is checked against f->size.
 */
static int
map_file(struct ttf *f, const char *path, char *err, size_t errsize)
{
	struct stat st;
	void *p;
	int fd;

	/* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) < 0) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "not a regular file");
		close(fd);
		return -1;
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > TTF_MAX_FILE_SIZE) {
		snprintf(err, errsize, "file is larger than the limit of %zu MiB",
		    TTF_MAX_FILE_SIZE / (1024 * 1024));
		close(fd);
		return -1;
	}
	if (st.st_size == 0) {   /* mmap refuses length 0 */
		close(fd);
		f->size = 0;
		return 0;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	/* A document reads a few hundred scattered glyphs: read-ahead would
	 * map most of the file in. */
	(void)madvise(p, (size_t)st.st_size, MADV_RANDOM);
	f->file = p;
	f->size = (size_t)st.st_size;
	f->mapped = 1;
	return 0;
}

struct ttf *
ttf_open(const char *path, char *err, size_t errsize)
{
	struct ttf *f = calloc(1, sizeof(*f));

	if (f == NULL || (f->path = strdup(path)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto fail;
	}
	if (map_file(f, path, err, errsize) != 0 ||
	    ttf_parse(f, err, errsize) != 0)
		goto fail;
	return f;
fail:
	ttf_close(f);
	return NULL;
}

struct ttf *
ttf_open_memory(const char *name, const unsigned char *data, size_t size,
    char *err, size_t errsize)
{
	struct ttf *f = calloc(1, sizeof(*f));
	unsigned char *copy;

	if (f == NULL || (f->path = strdup(name)) == NULL ||
	    (copy = malloc(size + 1)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto fail;
	}
	if (size > 0)
		memcpy(copy, data, size);
	f->file = copy;
	f->size = size;
	if (ttf_parse(f, err, errsize) != 0)
		goto fail;
	return f;
fail:
	ttf_close(f);
	return NULL;
}

void
ttf_close(struct ttf *f)
{
	if (f == NULL)
		return;
	if (f->mapped)
		munmap((void *)f->file, f->size);
	else
		free((void *)f->file);
	free(f->bmp);
	free(f->path);
	free(f);
}

const char *
ttf_path(const struct ttf *f)
{
	return f->path;
}

unsigned
ttf_units_per_em(const struct ttf *f)
{
	return f->units_per_em;
}

int
ttf_ascender(const struct ttf *f)
{
	return f->ascender;
}

int
ttf_descender(const struct ttf *f)
{
	return f->descender;
}

static unsigned cmap_glyph(const struct ttf *f, uint32_t c);

unsigned
ttf_glyph(const struct ttf *f, uint32_t c)
{
	if (c < 0x10000) {
		if (f->bmp[c] == GLYPH_UNKNOWN)
			f->bmp[c] = (uint16_t)cmap_glyph(f, c);
		return f->bmp[c];
	}
	return cmap_glyph(f, c);
}

/* The glyph of c as the cmap says. */
static unsigned
cmap_glyph(const struct ttf *f, uint32_t c)
{
	const unsigned char *m = f->cmap;
	unsigned segs, i;

	if (f->cmap_format == 12) {
		uint32_t groups = u32(m + 12);
		unsigned lo, hi;

		if (16 + 12 * (uint64_t)groups > f->cmap_length)
			return 0;
		lo = 0;
		hi = (unsigned)groups;
		while (lo < hi) {
			const unsigned char *g = m + 16 + 12 * ((lo + hi) / 2);
			if (c < u32(g))
				hi = (lo + hi) / 2;
			else if (c > u32(g + 4))
				lo = (lo + hi) / 2 + 1;
			else {
				uint32_t glyph = u32(g + 8) + (c - u32(g));
				return glyph < f->glyphs ? (unsigned)glyph : 0;
			}
		}
		return 0;
	}
	if (c > 0xFFFF)
		return 0;
	segs = u16(m + 6) / 2;
	if (16 + 8 * (size_t)segs > f->cmap_length)
		return 0;
	{
		/* endCode is sorted: find the first segment ending at or after c. */
		unsigned lo = 0, hi = segs;
		while (lo < hi) {
			unsigned mid = (lo + hi) / 2;
			if (u16(m + 14 + 2 * mid) < c)
				lo = mid + 1;
			else
				hi = mid;
		}
		i = lo;
	}
	if (i < segs) {
		const unsigned char *end = m + 14 + 2 * i;
		const unsigned char *start = end + 2 + 2 * segs;
		const unsigned char *delta = start + 2 * segs;
		const unsigned char *range = delta + 2 * segs;
		unsigned glyph;
		if (c < u16(start))
			return 0;
		if (u16(range) == 0)
			glyph = (c + u16(delta)) & 0xFFFF;
		else {
			/* idRangeOffset is relative to its own position. */
			if ((size_t)(range - m) + u16(range) + 2 * (c - u16(start)) +
			    2 > f->cmap_length)
				return 0;
			glyph = u16(range + u16(range) + 2 * (c - u16(start)));
			if (glyph != 0)
				glyph = (glyph + u16(delta)) & 0xFFFF;
		}
		/* idDelta can name any id: one the font lacks is .notdef. */
		return glyph < f->glyphs ? glyph : 0;
	}
	return 0;
}

unsigned
ttf_advance(const struct ttf *f, unsigned glyph)
{
	if (glyph >= f->metrics)
		glyph = f->metrics - 1;
	return u16(f->hmtx + 4 * glyph);
}

/*
 * A glyph's data in glyf: sets *start and returns its length, 0 for an
 * empty glyph or one whose loca entries are out of order or past the
 * table (a damaged font draws it as nothing rather than reading wild).
 */
static uint32_t
glyph_span(const struct ttf *f, unsigned glyph, uint32_t *start)
{
	uint32_t end = glyph_offset(f, glyph + 1);

	*start = glyph_offset(f, glyph);
	if (end <= *start || end > table(f, "glyf")->length)
		return 0;
	return end - *start;
}

/* Marks a glyph and, for a composite, the glyphs it is built from. */
static void
mark_glyph(const struct ttf *f, unsigned glyph, unsigned char *used, int depth)
{
	const unsigned char *g;
	uint32_t start, len, p;
	unsigned flags;

	if (glyph >= f->glyphs || used[glyph] || depth > 8)
		return;
	used[glyph] = 1;
	len = glyph_span(f, glyph, &start);
	g = table(f, "glyf")->data + start;
	if (len < 10 || (int16_t)u16(g) >= 0)
		return;
	p = 10;
	do {
		if (p + 4 > len)
			return;
		flags = u16(g + p);
		mark_glyph(f, u16(g + p + 2), used, depth + 1);
		p += 4 + (flags & 0x0001 ? 4 : 2);
		if (flags & 0x0008)
			p += 2;
		else if (flags & 0x0040)
			p += 4;
		else if (flags & 0x0080)
			p += 8;
	} while (flags & 0x0020);
}

/*
 * Copies one glyph to out without its hinting instructions, which PDF
 * viewers do not run and which are nearly half of IPAex's glyph data.
 * Returns the bytes written.
 */
static uint32_t
copy_unhinted(const unsigned char *g, uint32_t len, unsigned char *out)
{
	int contours;
	uint32_t p;
	unsigned flags = 0;

	if (len < 10)
		return 0;
	contours = (int16_t)u16(g);
	if (contours >= 0) {
		uint32_t head = 10 + 2 * (uint32_t)contours, ilen;

		if (head + 2 > len || head + 2 + (ilen = u16(g + head)) > len) {
			memcpy(out, g, len);
			return len;
		}
		memcpy(out, g, head);
		put16(out + head, 0);
		memcpy(out + head + 2, g + head + 2 + ilen, len - head - 2 - ilen);
		return len - ilen;
	}
	/* A composite: instructions follow its last component. */
	p = 10;
	do {
		if (p + 4 > len) {
			memcpy(out, g, len);
			return len;
		}
		flags = u16(g + p);
		p += 4 + (flags & 0x0001 ? 4 : 2);
		if (flags & 0x0008)
			p += 2;
		else if (flags & 0x0040)
			p += 4;
		else if (flags & 0x0080)
			p += 8;
	} while (flags & 0x0020);
	if (p > len)
		p = len;
	memcpy(out, g, p);
	if (flags & 0x0100) {
		/* Clear WE_HAVE_INSTRUCTIONS on the last component. */
		uint32_t q = 10, last = 10;
		unsigned f;
		do {
			last = q;
			f = u16(out + q);
			q += 4 + (f & 0x0001 ? 4 : 2);
			if (f & 0x0008)
				q += 2;
			else if (f & 0x0040)
				q += 4;
			else if (f & 0x0080)
				q += 8;
		} while (f & 0x0020);
		put16(out + last, f & ~0x0100u);
	}
	return p;
}

static uint32_t
checksum(const unsigned char *data, uint32_t length)
{
	uint32_t sum = 0, i;

	for (i = 0; i + 4 <= length; i += 4)
		sum += u32(data + i);
	if (i < length) {
		unsigned char pad[4];

		memset(pad, 0, sizeof(pad));
		memcpy(pad, data + i, length - i);
		sum += u32(pad);
	}
	return sum;
}

static int
compare_codepoints(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Code points this close together share one cmap segment. */
#define CMAP_GAP 64

/*
 * A format 4 cmap (platform 3, encoding 1) of the code points given.
 * Nearby code points share a segment whose glyphIdArray holds zeros for
 * the gaps: libharu scans segments one by one for each of the 65,536 codes
 * when it builds a font, so few segments make it fast.
 */
static unsigned char *
build_cmap(const struct ttf *f, const uint16_t *map, const uint32_t *cps,
    size_t n, uint32_t *length)
{
	uint32_t *sorted = malloc((n + 1) * sizeof(*sorted));
	size_t segs, i, j, entries = 0, k, seg;
	size_t *seg_start = NULL;
	unsigned char *out = NULL, *st;

	if (sorted == NULL)
		return NULL;
	for (i = 0, j = 0; i < n; i++)
		if (cps[i] <= 0xFFFE && ttf_glyph(f, cps[i]) != 0)
			sorted[j++] = cps[i];
	n = j;
	qsort(sorted, n, sizeof(*sorted), compare_codepoints);
	for (i = 0, j = 0; i < n; i++)
		if (j == 0 || sorted[i] != sorted[j - 1])
			sorted[j++] = sorted[i];
	n = j;
	/* Segments: [first index of each], then the required 0xFFFF. */
	if ((seg_start = malloc((n + 2) * sizeof(*seg_start))) == NULL)
		goto out;
	for (i = 0, segs = 0; i < n; i++)
		if (i == 0 || sorted[i] - sorted[i - 1] > CMAP_GAP)
			seg_start[segs++] = i;
	seg_start[segs] = n;
	for (k = 0; k < segs; k++)
		entries += sorted[seg_start[k + 1] - 1] - sorted[seg_start[k]] + 1;
	segs++;   /* 0xFFFF */
	*length = (uint32_t)(12 + 16 + 8 * segs + 2 * entries);
	if (*length > 0xFFFF + 12 || (out = calloc(1, *length)) == NULL) {
		free(out);
		out = NULL;
		goto out;
	}
	put16(out, 0);
	put16(out + 2, 1);
	put16(out + 4, 3);
	put16(out + 6, 1);
	put32(out + 8, 12);
	st = out + 12;
	put16(st, 4);
	put16(st + 2, (unsigned)(*length - 12));
	put16(st + 6, (unsigned)(2 * segs));
	{
		unsigned sr = 1, es = 0;
		while (sr * 2 <= segs) {
			sr *= 2;
			es++;
		}
		put16(st + 8, 2 * sr);
		put16(st + 10, es);
		put16(st + 12, (unsigned)(2 * segs - 2 * sr));
	}
	{
		unsigned char *end = st + 14, *startc = end + 2 * segs + 2;
		unsigned char *delta = startc + 2 * segs, *range = delta + 2 * segs;
		unsigned char *ids = range + 2 * segs;
		size_t base = 0;
		for (seg = 0; seg + 1 < segs; seg++) {
			uint32_t lo = sorted[seg_start[seg]];
			uint32_t hi = sorted[seg_start[seg + 1] - 1];
			put16(end + 2 * seg, hi);
			put16(startc + 2 * seg, lo);
			/* glyphIdArray[base] is this far from idRangeOffset[seg]. */
			put16(range + 2 * seg, (unsigned)(2 * (segs - seg) + 2 * base));
			for (k = seg_start[seg]; k < seg_start[seg + 1]; k++)
				put16(ids + 2 * (base + sorted[k] - lo),
				    map[ttf_glyph(f, sorted[k])]);
			base += hi - lo + 1;
		}
		put16(end + 2 * seg, 0xFFFF);
		put16(startc + 2 * seg, 0xFFFF);
		put16(delta + 2 * seg, 1);
	}
out:
	free(sorted);
	free(seg_start);
	return out;
}

/* Rewrites the component glyph ids of a composite glyph through map
 * (of `glyphs` entries); an id the font lacks becomes .notdef. */
static void
renumber_components(unsigned char *g, uint32_t len, const uint16_t *map,
    unsigned glyphs)
{
	uint32_t p = 10;
	unsigned flags;

	if (len < 10 || (int16_t)u16(g) >= 0)
		return;
	do {
		if (p + 4 > len)
			return;
		flags = u16(g + p);
		put16(g + p + 2, u16(g + p + 2) < glyphs ? map[u16(g + p + 2)] : 0);
		p += 4 + (flags & 0x0001 ? 4 : 2);
		if (flags & 0x0008)
			p += 2;
		else if (flags & 0x0040)
			p += 4;
		else if (flags & 0x0080)
			p += 8;
	} while (flags & 0x0020);
}

unsigned char *
ttf_subset(const struct ttf *f, const uint32_t *cps, size_t n, size_t *size)
{
	return ttf_subset_ids(f, cps, n, size, NULL);
}

const unsigned char *
ttf_table(const struct ttf *f, const char *tag, uint32_t *length)
{
	const struct table *t = table(f, tag);

	*length = t != NULL && t->data != NULL ? t->length : 0;
	return t != NULL ? t->data : NULL;
}

unsigned char *
ttf_subset_ids(const struct ttf *f, const uint32_t *cps, size_t n,
    size_t *size, uint16_t *ids)
{
	const struct table *glyf = table(f, "glyf");
	const struct table *hmtx_old = table(f, "hmtx");
	unsigned char *used = calloc(f->glyphs + 1, 1);
	uint16_t *map = calloc(f->glyphs + 1, sizeof(*map));
	unsigned char *loca = NULL, *newglyf = NULL, *cmap = NULL, *post = NULL;
	unsigned char *head = NULL, *hhea = NULL, *maxp = NULL, *hmtx = NULL;
	unsigned char *out = NULL;
	uint32_t loca_len, glyf_len, cmap_len = 0, offset, sum = 0, start, len;
	uint64_t glyf_total = 0;
	struct table tables[NREQUIRED];
	size_t i, ntables = 0, total;
	unsigned g, count = 0;

	if (used == NULL || map == NULL)
		goto fail;
	mark_glyph(f, 0, used, 0);
	for (i = 0; i < n; i++)
		mark_glyph(f, ttf_glyph(f, cps[i]), used, 0);
	/* Compact ids: .notdef first, then the glyphs used in font order. */
	for (g = 0; g < f->glyphs; g++)
		if (used[g]) {
			map[g] = (uint16_t)count++;
			glyf_total += (glyph_span(f, g, &start) + 3) & ~3u;
		}
	/* Glyphs may share data in a hostile font; the copy must fit a loca. */
	if (glyf_total > UINT32_MAX - 4)
		goto fail;
	glyf_len = (uint32_t)glyf_total;
	loca_len = 4 * (count + 1);
	if ((loca = malloc(loca_len)) == NULL ||
	    (newglyf = calloc(1, glyf_len + 4)) == NULL ||
	    (hmtx = malloc(4 * (size_t)count)) == NULL)
		goto fail;
	for (g = 0, offset = 0; g < f->glyphs; g++) {
		unsigned k = map[g];
		/* leftSideBearing: in the long metrics, or the array after them,
		 * which a damaged font may cut short. */
		size_t lsb = g < f->metrics ? 4 * (size_t)g + 2 :
		    4 * (size_t)f->metrics + 2 * (size_t)(g - f->metrics);
		if (!used[g])
			continue;
		put32(loca + 4 * k, offset);
		put16(hmtx + 4 * k, ttf_advance(f, g));
		put16(hmtx + 4 * k + 2, lsb + 2 <= hmtx_old->length ?
		    u16(hmtx_old->data + lsb) : 0);
		if ((len = glyph_span(f, g, &start)) > 0) {
			len = copy_unhinted(glyf->data + start, len, newglyf + offset);
			renumber_components(newglyf + offset, len, map, f->glyphs);
			offset += (len + 3) & ~3u;
		}
	}
	put32(loca + 4 * count, offset);
	glyf_len = offset;
	for (i = 0; ids != NULL && i < n; i++)
		ids[i] = map[ttf_glyph(f, cps[i])];
	/* The cmap maps code points to the new ids. */
	if ((cmap = build_cmap(f, map, cps, n, &cmap_len)) == NULL ||
	    (post = calloc(1, 32)) == NULL ||
	    (head = malloc(table(f, "head")->length)) == NULL ||
	    (hhea = malloc(table(f, "hhea")->length)) == NULL ||
	    (maxp = malloc(table(f, "maxp")->length)) == NULL)
		goto fail;
	/* post format 3: no glyph names, the rest as the font says. */
	memcpy(post, table(f, "post")->data,
	    table(f, "post")->length < 32 ? table(f, "post")->length : 32);
	put32(post, 0x00030000);
	memcpy(head, table(f, "head")->data, table(f, "head")->length);
	put32(head + 8, 0);            /* checkSumAdjustment, set below */
	put16(head + 50, 1);           /* long loca */
	memcpy(hhea, table(f, "hhea")->data, table(f, "hhea")->length);
	put16(hhea + 34, count);       /* numberOfHMetrics: one per glyph */
	memcpy(maxp, table(f, "maxp")->data, table(f, "maxp")->length);
	put16(maxp + 4, count);
	for (i = 0; i < NREQUIRED; i++) {
		const char *tag = required_tables[i];
		struct table t = f->tables[i];
		if (strcmp(tag, "cmap") == 0) {
			t.data = cmap;
			t.length = cmap_len;
		} else if (strcmp(tag, "glyf") == 0) {
			t.data = newglyf;
			t.length = glyf_len;
		} else if (strcmp(tag, "loca") == 0) {
			t.data = loca;
			t.length = loca_len;
		} else if (strcmp(tag, "hmtx") == 0) {
			t.data = hmtx;
			t.length = 4 * count;
		} else if (strcmp(tag, "post") == 0) {
			t.data = post;
			t.length = 32;
		} else if (strcmp(tag, "head") == 0)
			t.data = head;
		else if (strcmp(tag, "hhea") == 0)
			t.data = hhea;
		else if (strcmp(tag, "maxp") == 0)
			t.data = maxp;
		if (t.data != NULL)
			tables[ntables++] = t;
	}
	total = 12 + 16 * ntables;
	for (i = 0; i < ntables; i++)
		total += (tables[i].length + 3) & ~3u;
	if ((out = calloc(1, total)) == NULL)
		goto fail;
	put32(out, 0x00010000);
	put16(out + 4, (unsigned)ntables);
	{
		unsigned sr = 1, es = 0;
		while (sr * 2 <= ntables) {
			sr *= 2;
			es++;
		}
		put16(out + 6, 16 * sr);
		put16(out + 8, es);
		put16(out + 10, (unsigned)(16 * ntables - 16 * sr));
	}
	offset = (uint32_t)(12 + 16 * ntables);
	for (i = 0, ntables = 0; i < NREQUIRED; i++) {
		const struct table *t;
		unsigned char *rec;
		if (f->tables[i].data == NULL)
			continue;   /* an optional table the font lacks */
		t = &tables[ntables];
		rec = out + 12 + 16 * ntables++;
		memcpy(rec, required_tables[i], 4);
		put32(rec + 4, checksum(t->data, t->length));
		put32(rec + 8, offset);
		put32(rec + 12, t->length);
		memcpy(out + offset, t->data, t->length);
		offset += (t->length + 3) & ~3u;
	}
	/* The whole-font checksum adjustment, in the copy of head. */
	sum = checksum(out, (uint32_t)total);
	for (i = 0; i < ntables; i++)
		if (memcmp(out + 12 + 16 * i, "head", 4) == 0)
			put32(out + u32(out + 12 + 16 * i + 8) + 8, 0xB1B0AFBAu - sum);
	*size = total;
fail:
	free(used);
	free(map);
	free(loca);
	free(newglyf);
	free(hmtx);
	free(cmap);
	free(post);
	free(head);
	free(hhea);
	free(maxp);
	return out;
}
