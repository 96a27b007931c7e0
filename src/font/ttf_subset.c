/*
 * The subsetter: a font of the glyphs a document draws, read from the
 * font file a run of glyphs at a time.
 */
#include "ttf_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* used[]: a glyph the subset holds, marked and then read. */
enum { GLYPH_MARKED = 1, GLYPH_READ = 2 };

/* Components nest at most this deep (as deep as kessan follows them). */
#define MAX_DEPTH 8

/* The bytes of a composite glyph's component record with these flags:
 * flags and glyph, then its offsets, then its scale. */
static uint32_t
component_size(unsigned flags)
{
	return 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 :
	    flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
}

/* Marks the components of the composite glyph g (len bytes) not marked
 * yet; returns how many. */
static size_t
mark_components(const struct ttf *f, const unsigned char *g, uint32_t len,
    unsigned char *used)
{
	uint32_t p = 10;
	unsigned flags;
	size_t marked = 0;

	if (len < 10 || (int16_t)ttf_u16(g) >= 0)
		return 0;
	do {
		unsigned c;
		if (p + 4 > len)
			break;
		flags = ttf_u16(g + p);
		c = ttf_u16(g + p + 2);
		if (c < f->glyphs && !used[c]) {
			used[c] = GLYPH_MARKED;
			marked++;
		}
		p += component_size(flags);
	} while (flags & 0x0020);
	return marked;
}

/*
 * Reads the data of the glyphs marked in used, and of the components of
 * composites among them, level by level, into f->cache, but for those an
 * earlier subset read. Glyphs ascend in the file as their ids do (ttf_open
 * checked loca), so the spans of one level are sorted. Returns 0, or -1
 * with a reason in err.
 */
static int
read_glyphs(const struct ttf *f, unsigned char *used, char *err,
    size_t errsize)
{
	struct ttf_glyphs *c = f->cache;
	struct ttf_span *spans = NULL;
	unsigned *ids = NULL, *level = NULL;
	size_t n, nlevel, i, marked = 0;
	unsigned g, depth;
	uint32_t start, length;
	int rc = -1;

	if (c->at == NULL && (c->at = calloc(f->glyphs + 1,
	    sizeof(*c->at))) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	for (g = 0; g < f->glyphs; g++)
		marked += used[g] == GLYPH_MARKED;
	for (depth = 0; marked > 0; depth++) {
		free(spans);
		free(ids);
		free(level);
		ids = level = NULL;
		if ((spans = malloc(marked * sizeof(*spans))) == NULL ||
		    (ids = malloc(marked * sizeof(*ids))) == NULL ||
		    (level = malloc(marked * sizeof(*level))) == NULL) {
			snprintf(err, errsize, "out of memory");
			goto out;
		}
		for (g = 0, n = 0, nlevel = 0; g < f->glyphs; g++) {
			if (used[g] != GLYPH_MARKED)
				continue;
			used[g] = GLYPH_READ;
			if ((length = ttf_glyph_span(f, g, &start)) == 0)
				continue;
			level[nlevel++] = g;
			if (c->at[g] != 0)
				continue;
			spans[n].offset = ttf_find(f, "glyf")->offset + start;
			spans[n].length = length;
			ids[n++] = g;
		}
		if (ttf_read_spans(f, spans, n, &c->data, &c->len, err,
		    errsize) != 0)
			goto out;
		for (i = 0; i < n; i++)
			c->at[ids[i]] = 1 + (uint32_t)spans[i].at;
		marked = 0;
		for (i = 0; i < nlevel && depth < MAX_DEPTH; i++) {
			g = level[i];
			marked += mark_components(f, c->data + c->at[g] - 1,
			    ttf_glyph_span(f, g, &start), used);
		}
	}
	rc = 0;
out:
	free(spans);
	free(ids);
	free(level);
	return rc;
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
	contours = (int16_t)ttf_u16(g);
	if (contours >= 0) {
		uint32_t head = 10 + 2 * (uint32_t)contours, ilen;

		if (head + 2 > len || head + 2 + (ilen = ttf_u16(g + head)) > len) {
			memcpy(out, g, len);
			return len;
		}
		memcpy(out, g, head);
		ttf_put16(out + head, 0);
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
		flags = ttf_u16(g + p);
		p += component_size(flags);
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
			f = ttf_u16(out + q);
			q += component_size(f);
		} while (f & 0x0020);
		ttf_put16(out + last, f & ~0x0100u);
	}
	return p;
}

static uint32_t
checksum(const unsigned char *data, uint32_t length)
{
	uint32_t sum = 0, i;

	for (i = 0; i + 4 <= length; i += 4)
		sum += ttf_u32(data + i);
	if (i < length) {
		unsigned char pad[4];

		memset(pad, 0, sizeof(pad));
		memcpy(pad, data + i, length - i);
		sum += ttf_u32(pad);
	}
	return sum;
}

static int
compare_codepoints(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* A binary search header (searchRange, entrySelector, rangeShift) for n
 * entries of `size` bytes, as a cmap and the table directory have. */
static void
put_search(unsigned char *p, size_t n, unsigned size)
{
	unsigned range = 1, selector = 0;

	while (range * 2 <= n) {
		range *= 2;
		selector++;
	}
	ttf_put16(p, size * range);
	ttf_put16(p + 2, selector);
	ttf_put16(p + 4, (unsigned)(size * n - size * range));
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
	ttf_put16(out, 0);
	ttf_put16(out + 2, 1);
	ttf_put16(out + 4, 3);
	ttf_put16(out + 6, 1);
	ttf_put32(out + 8, 12);
	st = out + 12;
	ttf_put16(st, 4);
	ttf_put16(st + 2, (unsigned)(*length - 12));
	ttf_put16(st + 6, (unsigned)(2 * segs));
	put_search(st + 8, segs, 2);
	{
		unsigned char *end = st + 14, *startc = end + 2 * segs + 2;
		unsigned char *delta = startc + 2 * segs, *range = delta + 2 * segs;
		unsigned char *ids = range + 2 * segs;
		size_t base = 0;
		for (seg = 0; seg + 1 < segs; seg++) {
			uint32_t lo = sorted[seg_start[seg]];
			uint32_t hi = sorted[seg_start[seg + 1] - 1];
			ttf_put16(end + 2 * seg, hi);
			ttf_put16(startc + 2 * seg, lo);
			/* glyphIdArray[base] is this far from idRangeOffset[seg]. */
			ttf_put16(range + 2 * seg, (unsigned)(2 * (segs - seg) + 2 * base));
			for (k = seg_start[seg]; k < seg_start[seg + 1]; k++)
				ttf_put16(ids + 2 * (base + sorted[k] - lo),
				    map[ttf_glyph(f, sorted[k])]);
			base += hi - lo + 1;
		}
		ttf_put16(end + 2 * seg, 0xFFFF);
		ttf_put16(startc + 2 * seg, 0xFFFF);
		ttf_put16(delta + 2 * seg, 1);
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

	if (len < 10 || (int16_t)ttf_u16(g) >= 0)
		return;
	do {
		if (p + 4 > len)
			return;
		flags = ttf_u16(g + p);
		ttf_put16(g + p + 2, ttf_u16(g + p + 2) < glyphs ? map[ttf_u16(g + p + 2)] : 0);
		p += component_size(flags);
	} while (flags & 0x0020);
}


unsigned char *
ttf_subset(const struct ttf *f, const uint32_t *cps, size_t n, size_t *size)
{
	char err[128];

	return ttf_subset_ids(f, cps, n, size, NULL, err, sizeof(err));
}

/*
 * The subset's glyf, loca and hmtx (malloc'd) of the glyphs marked in used
 * and their components, which are marked as they are read. Sets map[g] to
 * the subset's id of each glyph used, and *count.
 */
static int
subset_glyphs(const struct ttf *f, unsigned char *used, uint16_t *map,
    unsigned *count, struct ttf_table *glyf, struct ttf_table *loca,
    struct ttf_table *hmtx, char *err, size_t errsize)
{
	const struct ttf_table *hmtx_old = ttf_find(f, "hmtx");
	unsigned char *g, *l, *h;
	uint32_t offset, start, len;
	uint64_t total = 0;
	unsigned id;
	int rc = -1;

	if (read_glyphs(f, used, err, errsize) != 0)
		goto out;
	/* Compact ids: .notdef first, then the glyphs used in font order. */
	for (id = 0, *count = 0; id < f->glyphs; id++)
		if (used[id]) {
			map[id] = (uint16_t)(*count)++;
			total += (ttf_glyph_span(f, id, &start) + 3) & ~3u;
		}
	/* Glyphs may share data in a hostile font; the copy must fit a loca. */
	if (total > UINT32_MAX - 4) {
		snprintf(err, errsize, "glyph data too large for a subset");
		goto out;
	}
	loca->length = 4 * (*count + 1);
	hmtx->length = 4 * *count;
	if ((g = calloc(1, (size_t)total + 4)) == NULL ||
	    (glyf->data = g, (l = malloc(loca->length)) == NULL) ||
	    (loca->data = l, (h = malloc(4 * (size_t)*count + 1)) == NULL)) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	hmtx->data = h;
	for (id = 0, offset = 0; id < f->glyphs; id++) {
		unsigned k = map[id];
		/* leftSideBearing: in the long metrics, or the array after them,
		 * which a damaged font may cut short. */
		size_t lsb = id < f->metrics ? 4 * (size_t)id + 2 :
		    4 * (size_t)f->metrics + 2 * (size_t)(id - f->metrics);
		if (!used[id])
			continue;
		ttf_put32(l + 4 * k, offset);
		ttf_put16(h + 4 * k, ttf_advance(f, id));
		ttf_put16(h + 4 * k + 2, lsb + 2 <= hmtx_old->length ?
		    ttf_u16(hmtx_old->data + lsb) : 0);
		if ((len = ttf_glyph_span(f, id, &start)) > 0) {
			len = copy_unhinted(f->cache->data + f->cache->at[id] - 1, len,
			    g + offset);
			renumber_components(g + offset, len, map, f->glyphs);
			offset += (len + 3) & ~3u;
		}
	}
	ttf_put32(l + 4 * *count, offset);
	glyf->length = offset;
	rc = 0;
out:
	return rc;
}

unsigned char *
ttf_subset_ids(const struct ttf *f, const uint32_t *cps, size_t n,
    size_t *size, uint16_t *ids, char *err, size_t errsize)
{
	unsigned char *used = calloc(f->glyphs + 1, 1);
	uint16_t *map = calloc(f->glyphs + 1, sizeof(*map));
	unsigned char *cmap = NULL, *post = NULL;
	unsigned char *head = NULL, *hhea = NULL, *maxp = NULL;
	unsigned char *out = NULL;
	uint32_t cmap_len = 0, offset, sum = 0;
	struct ttf_table tables[TTF_NTABLES], glyf, loca, hmtx;
	size_t i, ntables = 0, total;
	unsigned count = 0;

	memset(&glyf, 0, sizeof(glyf));
	memset(&loca, 0, sizeof(loca));
	memset(&hmtx, 0, sizeof(hmtx));
	if (used == NULL || map == NULL) {
		snprintf(err, errsize, "out of memory");
		goto fail;
	}
	used[0] = GLYPH_MARKED;
	for (i = 0; i < n; i++)
		used[ttf_glyph(f, cps[i])] = GLYPH_MARKED;
	if (subset_glyphs(f, used, map, &count, &glyf, &loca, &hmtx, err,
	    errsize) != 0)
		goto fail;
	for (i = 0; ids != NULL && i < n; i++)
		ids[i] = map[ttf_glyph(f, cps[i])];
	/* The cmap maps code points to the new ids. */
	if ((cmap = build_cmap(f, map, cps, n, &cmap_len)) == NULL ||
	    (post = calloc(1, 32)) == NULL ||
	    (head = malloc(ttf_find(f, "head")->length)) == NULL ||
	    (hhea = malloc(ttf_find(f, "hhea")->length)) == NULL ||
	    (maxp = malloc(ttf_find(f, "maxp")->length)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto fail;
	}
	/* post format 3: no glyph names, the rest as the font says. */
	memcpy(post, ttf_find(f, "post")->data,
	    ttf_find(f, "post")->length < 32 ? ttf_find(f, "post")->length : 32);
	ttf_put32(post, 0x00030000);
	memcpy(head, ttf_find(f, "head")->data, ttf_find(f, "head")->length);
	ttf_put32(head + 8, 0);            /* checkSumAdjustment, set below */
	ttf_put16(head + 50, 1);           /* long loca */
	memcpy(hhea, ttf_find(f, "hhea")->data, ttf_find(f, "hhea")->length);
	ttf_put16(hhea + 34, count);       /* numberOfHMetrics: one per glyph */
	memcpy(maxp, ttf_find(f, "maxp")->data, ttf_find(f, "maxp")->length);
	ttf_put16(maxp + 4, count);
	for (i = 0; i < TTF_NTABLES; i++) {
		const char *tag = ttf_tables[i];
		struct ttf_table t = f->tables[i];
		if (strcmp(tag, "cmap") == 0) {
			t.data = cmap;
			t.length = cmap_len;
		} else if (strcmp(tag, "glyf") == 0)
			t = glyf;
		else if (strcmp(tag, "loca") == 0)
			t = loca;
		else if (strcmp(tag, "hmtx") == 0)
			t = hmtx;
		else if (strcmp(tag, "post") == 0) {
			t.data = post;
			t.length = 32;
		} else if (strcmp(tag, "head") == 0)
			t.data = head;
		else if (strcmp(tag, "hhea") == 0)
			t.data = hhea;
		else if (strcmp(tag, "maxp") == 0)
			t.data = maxp;
		if (f->tables[i].present)
			tables[ntables++] = t;
	}
	total = 12 + 16 * ntables;
	for (i = 0; i < ntables; i++)
		total += (tables[i].length + 3) & ~3u;
	if ((out = calloc(1, total)) == NULL) {
		snprintf(err, errsize, "out of memory");
		goto fail;
	}
	ttf_put32(out, 0x00010000);
	ttf_put16(out + 4, (unsigned)ntables);
	put_search(out + 6, ntables, 16);
	offset = (uint32_t)(12 + 16 * ntables);
	for (i = 0, ntables = 0; i < TTF_NTABLES; i++) {
		const struct ttf_table *t;
		unsigned char *rec;
		if (!f->tables[i].present)
			continue;   /* an optional table the font lacks */
		t = &tables[ntables];
		rec = out + 12 + 16 * ntables++;
		memcpy(rec, ttf_tables[i], 4);
		ttf_put32(rec + 4, checksum(t->data, t->length));
		ttf_put32(rec + 8, offset);
		ttf_put32(rec + 12, t->length);
		memcpy(out + offset, t->data, t->length);
		offset += (t->length + 3) & ~3u;
	}
	/* The whole-font checksum adjustment, in the copy of head. */
	sum = checksum(out, (uint32_t)total);
	for (i = 0; i < ntables; i++)
		if (memcmp(out + 12 + 16 * i, "head", 4) == 0)
			ttf_put32(out + ttf_u32(out + 12 + 16 * i + 8) + 8, 0xB1B0AFBAu - sum);
	*size = total;
fail:
	free(used);
	free(map);
	free((void *)glyf.data);
	free((void *)loca.data);
	free((void *)hmtx.data);
	free(cmap);
	free(post);
	free(head);
	free(hhea);
	free(maxp);
	return out;
}
