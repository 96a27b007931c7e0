#include "ttf_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The tables libharu required of a TrueType font, which a subset keeps. */
const char *const ttf_tables[TTF_NTABLES] = {
	"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx",
	"loca", "maxp", "name", "post", "prep"
};

#define GLYPH_UNKNOWN 0xFFFF   /* never a glyph: maxp counts at most 65535 */

/* Spans at most this far apart are read by one call, of at most READ_RUN
 * bytes unless a span is longer (see ttf_file.h). */
#define READ_GAP 16384
#define READ_RUN 65536
/* Tables at most this far apart share a mapping. */
#define MAP_GAP 4096

const struct ttf_table *
ttf_find(const struct ttf *f, const char *tag)
{
	size_t i;

	for (i = 0; i < TTF_NTABLES; i++)
		if (memcmp(ttf_tables[i], tag, 4) == 0)
			return &f->tables[i];
	return NULL;
}

/* Reads len bytes at offset of the font into out. */
static int
read_at(const struct ttf *f, uint32_t offset, size_t len, unsigned char *out,
    char *err, size_t errsize)
{
	if (offset > f->size || len > f->size - offset) {
		snprintf(err, errsize, "truncated");
		return -1;
	}
	if (f->fd < 0) {
		memcpy(out, f->file + offset, len);
		return 0;
	}
	while (len > 0) {
		ssize_t n = pread(f->fd, out, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* The file shrank since it was opened, or the disk failed. */
			snprintf(err, errsize, "cannot read: %s", n < 0 ?
			    strerror(errno) : "the file was cut short while in use");
			return -1;
		}
		out += n;
		offset += (uint32_t)n;
		len -= (size_t)n;
	}
	return 0;
}

/* The run of spans read by one call that starts at span i: sets *next to
 * the first span after it and returns the offset where the run ends. */
static uint64_t
run_end(const struct ttf_span *s, size_t n, size_t i, size_t *next)
{
	uint64_t end = (uint64_t)s[i].offset + s[i].length;
	size_t j;

	for (j = i + 1; j < n && s[j].offset <= end + READ_GAP &&
	    (uint64_t)s[j].offset + s[j].length - s[i].offset <= READ_RUN; j++)
		if ((uint64_t)s[j].offset + s[j].length > end)
			end = (uint64_t)s[j].offset + s[j].length;
	*next = j;
	return end;
}

int
ttf_read_spans(const struct ttf *f, struct ttf_span *s, size_t n,
    unsigned char **data, size_t *len, char *err, size_t errsize)
{
	size_t i, j, k, total = *len, most = 0;
	uint64_t end;
	unsigned char *grown, *run = NULL;
	int rc = -1;

	/* Runs of spans read by one call, and the longest of them. */
	for (i = 0; i < n; i = j) {
		end = run_end(s, n, i, &j);
		if (end - s[i].offset > most)
			most = (size_t)(end - s[i].offset);
		for (k = i; k < j; k++)
			total += s[k].length;
	}
	/* One byte more: a pointer into the block even when nothing is read. */
	if ((grown = realloc(*data, total + 1)) == NULL ||
	    (*data = grown, (run = malloc(most + 1)) == NULL)) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	for (i = 0; i < n; i = j) {
		end = run_end(s, n, i, &j);
		if (read_at(f, s[i].offset, (size_t)(end - s[i].offset), run, err,
		    errsize) != 0)
			goto out;
		/* Only the spans are kept, not the gaps between them. */
		for (k = i; k < j; k++) {
			memcpy(grown + *len, run + (s[k].offset - s[i].offset),
			    s[k].length);
			s[k].at = *len;
			*len += s[k].length;
		}
	}
	rc = 0;
out:
	free(run);
	return rc;
}

static uint32_t
glyph_offset(const struct ttf *f, unsigned glyph)
{
	return f->long_loca ? ttf_u32(f->loca + 4 * glyph) :
	    2u * ttf_u16(f->loca + 2 * glyph);
}

uint32_t
ttf_glyph_span(const struct ttf *f, unsigned glyph, uint32_t *start)
{
	uint32_t end = glyph_offset(f, glyph + 1);

	*start = glyph_offset(f, glyph);
	if (end <= *start || end > f->glyf_length)
		return 0;
	return end - *start;
}

/* Maps [offset, offset + length) of the file (within f->size); sets *data
 * to its first byte. */
static int
map_range(struct ttf *f, uint32_t offset, uint32_t length,
    const unsigned char **data, char *err, size_t errsize)
{
	static const unsigned char nothing[1];
	long page = sysconf(_SC_PAGESIZE);
	uint32_t base;
	void *p;

	if (f->fd < 0) {
		*data = f->file != NULL ? f->file + offset : nothing;
		return 0;
	}
	if (length == 0) {
		*data = nothing;
		return 0;
	}
	base = page > 0 ? offset - offset % (uint32_t)page : offset;
	p = mmap(NULL, length + (offset - base), PROT_READ, MAP_PRIVATE, f->fd,
	    (off_t)base);
	if (p == MAP_FAILED) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	f->maps[f->nmaps].addr = p;
	f->maps[f->nmaps++].length = length + (offset - base);
	*data = (const unsigned char *)p + (offset - base);
	return 0;
}

static int
compare_offsets(const void *a, const void *b)
{
	const struct ttf_table *x = *(struct ttf_table *const *)a;
	const struct ttf_table *y = *(struct ttf_table *const *)b;

	return (x->offset > y->offset) - (x->offset < y->offset);
}

/* Maps every table but glyf and cmap, nearby ones together. */
static int
map_tables(struct ttf *f, char *err, size_t errsize)
{
	struct ttf_table *sorted[TTF_NTABLES];
	size_t i, j, k, n = 0;
	const unsigned char *run;

	for (i = 0; i < TTF_NTABLES; i++) {
		struct ttf_table *t = &f->tables[i];
		if (!t->present || strcmp(ttf_tables[i], "glyf") == 0 ||
		    strcmp(ttf_tables[i], "cmap") == 0)
			continue;
		if (strcmp(ttf_tables[i], "post") == 0 &&
		    t->length > TTF_POST_HEAD)
			t->length = TTF_POST_HEAD;
		sorted[n++] = t;
	}
	qsort(sorted, n, sizeof(sorted[0]), compare_offsets);
	for (i = 0; i < n; i = j) {
		uint32_t end = sorted[i]->offset + sorted[i]->length;
		for (j = i + 1; j < n && sorted[j]->offset <= end + MAP_GAP; j++)
			if (sorted[j]->offset + sorted[j]->length > end)
				end = sorted[j]->offset + sorted[j]->length;
		if (map_range(f, sorted[i]->offset, end - sorted[i]->offset, &run,
		    err, errsize) != 0)
			return -1;
		for (k = i; k < j; k++)
			sorted[k]->data = run + (sorted[k]->offset - sorted[i]->offset);
	}
	return 0;
}

/*
 * Picks the Windows Unicode cmap, full repertoire (3,10) or BMP (3,1),
 * and reads it from its start to the end of cmap.
 */
static int
find_cmap(struct ttf *f, char *err, size_t errsize)
{
	const struct ttf_table *t = ttf_find(f, "cmap");
	unsigned char head[4], *records = NULL, format[2];
	unsigned n, i, best = 0;
	uint32_t chosen = 0;
	int rc = -1;

	if (t->length < 4 || read_at(f, t->offset, 4, head, err, errsize) != 0)
		goto out;
	n = ttf_u16(head + 2);
	if (4 + 8 * (size_t)n > t->length)
		goto out;
	if ((records = malloc(8 * (size_t)n + 1)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	if (read_at(f, t->offset + 4, 8 * (size_t)n, records, err, errsize) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		const unsigned char *r = records + 8 * i;
		unsigned platform = ttf_u16(r), encoding = ttf_u16(r + 2);
		unsigned rank = platform == 3 && encoding == 10 ? 3 :
		    platform == 3 && encoding == 1 ? 2 : platform == 0 ? 1 : 0;
		uint32_t off = ttf_u32(r + 4);
		/* Both formats have a 16-byte head; off may be near 2^32. */
		if (rank <= best || off > t->length || t->length - off < 16)
			continue;
		if (read_at(f, t->offset + off, 2, format, err, errsize) != 0)
			goto out;
		if (ttf_u16(format) != 4 && ttf_u16(format) != 12)
			continue;
		f->cmap_format = ttf_u16(format);
		chosen = off;
		best = rank;
	}
	if (best > 0) {
		f->cmap_length = t->length - chosen;
		rc = map_range(f, t->offset + chosen, f->cmap_length, &f->cmap, err,
		    errsize);
	}
out:
	free(records);
	return rc;
}

/* Reads the table directory and the tables; checks what kessan needs. */
static int
ttf_parse(struct ttf *f, char *err, size_t errsize)
{
	unsigned char head[12], *dir = NULL;
	unsigned n, i, k;
	int rc = -1;

	if (f->size < 12) {
		snprintf(err, errsize, "not a TrueType font");
		return -1;
	}
	if (read_at(f, 0, 12, head, err, errsize) != 0)
		return -1;
	if (ttf_u32(head) == 0x4F54544F) {   /* "OTTO" */
		snprintf(err, errsize, "an OpenType/CFF font: libharu embeds only "
		    "TrueType outlines (use a .ttf such as IPAex)");
		return -1;
	}
	if (ttf_u32(head) != 0x00010000 && ttf_u32(head) != 0x74727565) {
		snprintf(err, errsize, "not a TrueType font");
		return -1;
	}
	n = ttf_u16(head + 4);
	if (12 + 16 * (size_t)n > f->size) {
		snprintf(err, errsize, "truncated table directory");
		return -1;
	}
	if ((dir = malloc(16 * (size_t)n + 1)) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	if (read_at(f, 12, 16 * (size_t)n, dir, err, errsize) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		const unsigned char *r = dir + 16 * i;
		uint32_t off = ttf_u32(r + 8), len = ttf_u32(r + 12);
		for (k = 0; k < TTF_NTABLES; k++) {
			if (memcmp(r, ttf_tables[k], 4) != 0)
				continue;
			if (off > f->size || len > f->size - off) {
				snprintf(err, errsize, "truncated: table '%s' runs "
				    "past the end of the file", ttf_tables[k]);
				goto out;
			}
			f->tables[k].present = 1;
			f->tables[k].offset = off;
			f->tables[k].length = len;
		}
	}
	for (k = 0; k < TTF_NTABLES; k++)
		if (!f->tables[k].present &&
		    strcmp(ttf_tables[k], "cvt ") != 0 &&
		    strcmp(ttf_tables[k], "fpgm") != 0 &&
		    strcmp(ttf_tables[k], "prep") != 0) {
			snprintf(err, errsize, "no '%s' table", ttf_tables[k]);
			goto out;
		}
	if (map_tables(f, err, errsize) != 0)
		goto out;
	if (ttf_find(f, "head")->length < 54 || ttf_find(f, "hhea")->length < 36 ||
	    ttf_find(f, "maxp")->length < 6) {
		snprintf(err, errsize, "truncated head, hhea or maxp table");
		goto out;
	}
	f->units_per_em = ttf_u16(ttf_find(f, "head")->data + 18);
	f->long_loca = ttf_u16(ttf_find(f, "head")->data + 50) != 0;
	f->ascender = (int16_t)ttf_u16(ttf_find(f, "hhea")->data + 4);
	f->descender = (int16_t)ttf_u16(ttf_find(f, "hhea")->data + 6);
	f->metrics = ttf_u16(ttf_find(f, "hhea")->data + 34);
	f->glyphs = ttf_u16(ttf_find(f, "maxp")->data + 4);
	f->hmtx = ttf_find(f, "hmtx")->data;
	f->loca = ttf_find(f, "loca")->data;
	f->glyf_length = ttf_find(f, "glyf")->length;
	if (f->units_per_em == 0 || f->metrics == 0 || f->metrics > f->glyphs ||
	    ttf_find(f, "hmtx")->length < 4 * f->metrics ||
	    ttf_find(f, "loca")->length <
	    (f->long_loca ? 4u : 2u) * (f->glyphs + 1)) {
		snprintf(err, errsize, "inconsistent metrics tables");
		goto out;
	}
	/* Ascending offsets within glyf keep every glyph's data apart, so a
	 * subset is never larger than the font's own glyf, and the glyphs of
	 * a subset are read in file order. */
	for (k = 0; k < f->glyphs; k++)
		if (glyph_offset(f, k) > glyph_offset(f, k + 1))
			break;
	if (k < f->glyphs || glyph_offset(f, f->glyphs) > f->glyf_length) {
		snprintf(err, errsize, "glyph locations (loca) out of order or past "
		    "the glyf table");
		goto out;
	}
	err[0] = '\0';
	if (find_cmap(f, err, errsize) != 0) {
		if (err[0] == '\0')
			snprintf(err, errsize, "no Unicode character map");
		goto out;
	}
	if ((f->bmp = calloc(0x10000 / TTF_BMP_BLOCK, sizeof(*f->bmp))) == NULL ||
	    (f->cache = calloc(1, sizeof(*f->cache))) == NULL ||
	    (f->memo = calloc(1, sizeof(*f->memo))) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	rc = 0;
out:
	free(dir);
	return rc;
}

/* Opens the regular file at path (not a FIFO, which would block). */
static int
open_file(struct ttf *f, const char *path, char *err, size_t errsize)
{
	struct stat st;

	/* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
	if ((f->fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) < 0) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (fstat(f->fd, &st) != 0) {
		snprintf(err, errsize, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "not a regular file");
		return -1;
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > TTF_MAX_FILE_SIZE) {
		snprintf(err, errsize, "file is larger than the limit of %zu MiB",
		    TTF_MAX_FILE_SIZE / (1024 * 1024));
		return -1;
	}
	f->size = (size_t)st.st_size;
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
	f->fd = -1;
	if (open_file(f, path, err, errsize) != 0 ||
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
	f->fd = -1;
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
	size_t i;

	if (f == NULL)
		return;
	if (f->fd >= 0)
		close(f->fd);
	for (i = 0; i < f->nmaps; i++)
		munmap(f->maps[i].addr, f->maps[i].length);
	free((void *)f->file);
	for (i = 0; f->bmp != NULL && i < 0x10000 / TTF_BMP_BLOCK; i++)
		free(f->bmp[i]);
	free(f->bmp);
	if (f->cache != NULL) {
		free(f->cache->data);
		free(f->cache->at);
		free(f->cache);
	}
	if (f->memo != NULL) {
		for (i = 0; i < f->memo->n; i++)
			free(f->memo->e[i].key);
		free(f->memo);
	}
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

const unsigned char *
ttf_table(const struct ttf *f, const char *tag, uint32_t *length)
{
	const struct ttf_table *t = ttf_find(f, tag);

	*length = t != NULL && t->data != NULL ? t->length : 0;
	return t != NULL ? t->data : NULL;
}

static unsigned cmap_glyph(const struct ttf *f, uint32_t c);

unsigned
ttf_glyph(const struct ttf *f, uint32_t c)
{
	uint16_t *block;

	if (c >= 0x10000)
		return cmap_glyph(f, c);
	if ((block = f->bmp[c / TTF_BMP_BLOCK]) == NULL) {
		/* Out of memory, the lookup is not kept. */
		if ((block = malloc(TTF_BMP_BLOCK * sizeof(*block))) == NULL)
			return cmap_glyph(f, c);
		memset(block, 0xFF, TTF_BMP_BLOCK * sizeof(*block));
		f->bmp[c / TTF_BMP_BLOCK] = block;
	}
	if (block[c % TTF_BMP_BLOCK] == GLYPH_UNKNOWN)
		block[c % TTF_BMP_BLOCK] = (uint16_t)cmap_glyph(f, c);
	return block[c % TTF_BMP_BLOCK];
}

/* The glyph of c as the cmap says. */
static unsigned
cmap_glyph(const struct ttf *f, uint32_t c)
{
	const unsigned char *m = f->cmap;
	unsigned segs, i;

	if (f->cmap_format == 12) {
		uint32_t groups = ttf_u32(m + 12);
		unsigned lo, hi;

		if (16 + 12 * (uint64_t)groups > f->cmap_length)
			return 0;
		lo = 0;
		hi = (unsigned)groups;
		while (lo < hi) {
			const unsigned char *g = m + 16 + 12 * ((lo + hi) / 2);
			if (c < ttf_u32(g))
				hi = (lo + hi) / 2;
			else if (c > ttf_u32(g + 4))
				lo = (lo + hi) / 2 + 1;
			else {
				uint32_t glyph = ttf_u32(g + 8) + (c - ttf_u32(g));
				return glyph < f->glyphs ? (unsigned)glyph : 0;
			}
		}
		return 0;
	}
	if (c > 0xFFFF)
		return 0;
	segs = ttf_u16(m + 6) / 2;
	if (16 + 8 * (size_t)segs > f->cmap_length)
		return 0;
	{
		/* endCode is sorted: find the first segment ending at or after c. */
		unsigned lo = 0, hi = segs;
		while (lo < hi) {
			unsigned mid = (lo + hi) / 2;
			if (ttf_u16(m + 14 + 2 * mid) < c)
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
		if (c < ttf_u16(start))
			return 0;
		if (ttf_u16(range) == 0)
			glyph = (c + ttf_u16(delta)) & 0xFFFF;
		else {
			/* idRangeOffset is relative to its own position. */
			if ((size_t)(range - m) + ttf_u16(range) +
			    2 * (c - ttf_u16(start)) + 2 > f->cmap_length)
				return 0;
			glyph = ttf_u16(range + ttf_u16(range) +
			    2 * (c - ttf_u16(start)));
			if (glyph != 0)
				glyph = (glyph + ttf_u16(delta)) & 0xFFFF;
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
	return ttf_u16(f->hmtx + 4 * glyph);
}

const unsigned char *
ttf_memo_find(const struct ttf *f, const void *key, size_t keylen,
    size_t *len)
{
	struct ttf_memo *m = f->memo;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->e[i].keylen == keylen &&
		    memcmp(m->e[i].key, key, keylen) == 0) {
			m->e[i].used = ++m->clock;
			*len = m->e[i].len;
			return m->e[i].key + keylen;
		}
	return NULL;
}

/* Drops the least recently used entry. */
static void
memo_drop(struct ttf_memo *m)
{
	size_t i, old = 0;

	for (i = 1; i < m->n; i++)
		if (m->e[i].used < m->e[old].used)
			old = i;
	m->bytes -= m->e[old].keylen + m->e[old].len;
	free(m->e[old].key);
	m->e[old] = m->e[--m->n];
}

void
ttf_memo_keep(const struct ttf *f, const void *key, size_t keylen,
    const void *value, size_t len)
{
	struct ttf_memo *m = f->memo;
	unsigned char *copy;

	if (keylen > TTF_MEMO_MAX || len > TTF_MEMO_MAX - keylen)
		return;
	while (m->n > 0 && (m->n == TTF_MEMO_ENTRIES ||
	    m->bytes + keylen + len > TTF_MEMO_MAX))
		memo_drop(m);
	if ((copy = malloc(keylen + len + 1)) == NULL)
		return;
	memcpy(copy, key, keylen);
	if (len > 0)
		memcpy(copy + keylen, value, len);
	m->e[m->n].key = copy;
	m->e[m->n].keylen = keylen;
	m->e[m->n].len = len;
	m->e[m->n].used = ++m->clock;
	m->n++;
	m->bytes += keylen + len;
}
