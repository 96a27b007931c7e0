/* Fine-grained dependencies of the build's outputs (reads.h). */
#include "reads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../figure/figure.h"
#include "../model/fiscal.h"
#include "../util/sha256.h"

/*
 * A packed read: the quarter and the viewpoint as offsets from the release
 * plus 128 (8 bits each), then the fact (16 bits; 0xffff: the quarter's
 * adjustments). Sorting the words sorts by quarter.
 */
#define ADJUSTMENTS 0xffffu

static int
pack_one(int release, const struct build_read *r, uint32_t *word)
{
	int q = r->ordinal - release + 128, v = r->viewpoint - release + 128;
	uint32_t fact = r->fact == BUILD_READ_ADJUSTMENTS ? ADJUSTMENTS :
	    (uint32_t)r->fact;

	if (q < 0 || q > 255 || v < 0 || v > 255 ||
	    (r->fact != BUILD_READ_ADJUSTMENTS && r->fact >= ADJUSTMENTS))
		return -1;
	*word = (uint32_t)q << 24 | (uint32_t)v << 16 | fact;
	return 0;
}

/* Moves w[i] down the max-heap w[0..n). */
static void
sift_down(uint32_t *w, size_t i, size_t n)
{
	uint32_t v = w[i];
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n && w[child + 1] > w[child])
			child++;
		if (w[child] <= v)
			break;
		w[i] = w[child];
		i = child;
	}
	w[i] = v;
}

/* Sorts in place: glibc's qsort takes a merge buffer from malloc for
 * this many words, and that malloc gathered up every small block the
 * document freed, once an output. */
static void
sort_words(uint32_t *w, size_t n)
{
	size_t i;

	for (i = n / 2; i-- > 0;)
		sift_down(w, i, n);
	for (i = n; i-- > 1;) {
		uint32_t top = w[0];

		w[0] = w[i];
		w[i] = top;
		sift_down(w, 0, i);
	}
}

static void
add_whole(struct reads_packed *out, int ordinal)
{
	int i;

	for (i = 0; i < out->nwhole; i++)
		if (out->whole[i] == ordinal)
			return;
	if (out->nwhole < 0)
		return;
	if (out->nwhole < READS_MAX_WHOLE)
		out->whole[out->nwhole++] = ordinal;
	else
		out->nwhole = -1;
}

void
reads_pack(const struct build_deps *deps, int release,
    struct reads_packed *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	if (deps->n > BUILD_MAX_DEPS)
		out->nwhole = -1;    /* quarters were lost: all of them */
	for (i = 0; i < deps->n && i < BUILD_MAX_DEPS; i++)
		add_whole(out, deps->ordinals[i]);
	for (i = 0; i < deps->nreads; i++) {
		const struct build_read *r = &deps->reads[i];
		uint32_t word;
		if (r->ordinal == release)
			continue;    /* the release's own file is an input whole */
		if (out->nreads < READS_MAX_PACKED &&
		    pack_one(release, r, &word) == 0)
			out->reads[out->nreads++] = word;
		else
			add_whole(out, r->ordinal);
	}
	sort_words(out->reads, (size_t)out->nreads);
}

static int
read_quarter(uint32_t word, int release)
{
	return (int)(word >> 24) - 128 + release;
}

static int
read_whole(const struct reads_packed *p, int ordinal)
{
	int i;

	for (i = 0; i < p->nwhole; i++)
		if (p->whole[i] == ordinal)
			return 1;
	return p->nwhole < 0;
}

int
reads_each_quarter(const struct reads_packed *p, int release,
    int (*fn)(void *arg, int ordinal), void *arg)
{
	int i, last = 0, rc;

	for (i = 0; i < p->nreads; i++) {
		int q = read_quarter(p->reads[i], release);
		if (i > 0 && q == last)
			continue;
		last = q;
		if (read_whole(p, q))
			continue;
		if ((rc = fn(arg, q)) != 0)
			return rc;
	}
	return 0;
}

static void
ordinal_id(int ordinal, char *id, size_t size)
{
	int year, quarter;

	fiscal_from_ordinal(ordinal, &year, &quarter);
	period_id_format(year, quarter, id, (unsigned)size);
}

void
reads_tokens(const struct book *book, const struct reads_packed *p,
    int release, int ordinal, struct buffer *b)
{
	uint32_t prev = 0;
	int i, first = 1;

	for (i = 0; i < p->nreads; i++) {
		uint32_t w = p->reads[i], fact = w & 0xffffu;
		int view = (int)(w >> 16 & 0xffu) - 128 + release;
		if (read_quarter(w, release) != ordinal || (!first && w == prev))
			continue;
		prev = w;
		if (!first)
			buffer_puts(b, " ");
		first = 0;
		buffer_puts(b, fact == ADJUSTMENTS ? "!adjustments" :
		    fact < book->nfacts ? book->facts[fact].id : "?");
		if (view != release) {
			char id[16];
			ordinal_id(view, id, sizeof(id));
			buffer_printf(b, "@%s", id);
		}
	}
}

static void
put_text(struct sha256 *h, const char *s)
{
	sha256_update(h, s != NULL ? s : "", s != NULL ? strlen(s) + 1 : 0);
	sha256_update(h, s != NULL ? "+" : "-", 1);
}

static void
put_rat(struct sha256 *h, struct rat r, int decimals)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "%lld/%lld:%d;", (long long)r.num,
	    (long long)r.den, decimals);
	put_text(h, buf);
}

static void
put_int(struct sha256 *h, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	put_text(h, buf);
}

/* A file of the book by its path in the book: the same wherever the book
 * is (as the manifest names the book's files). */
static const char *
book_relative(const struct book *book, const char *file)
{
	size_t n = book->dir != NULL ? strlen(book->dir) : 0;

	if (file == NULL || n == 0 || strncmp(file, book->dir, n) != 0)
		return file;
	if (book->dir[n - 1] == '/')
		return file + n;
	return file[n] == '/' ? file + n + 1 : file;
}

/* Everything a lookup found, and where. */
static void
put_lookup(struct sha256 *h, const struct book *book, int ordinal,
    size_t fact, int view)
{
	struct lookup l;
	const struct period *p = book_period(book, ordinal);

	put_int(h, book_lookup(book, ordinal, 0, fact, view, &l));
	put_rat(h, l.value, l.decimals);
	put_int(h, l.absent);
	put_text(h, book_relative(book, l.file));
	put_int(h, l.line);
	if (p != NULL && l.restated == NULL && p->slots[fact].derived != NULL)
		put_text(h, p->slots[fact].derived->id);
	if (l.restated != NULL) {
		const struct restatement *r = l.restated;
		int lang;
		put_int(h, r->ordinal);
		put_rat(h, r->value, r->decimals);
		put_int(h, r->line);
		for (lang = 0; lang < LANG_MAX; lang++)
			put_text(h, r->reason[lang]);
	}
}

/* Whether the quarter has a release, and its display adjustments. */
static void
put_adjustments(struct sha256 *h, const struct period *p)
{
	size_t i;

	put_int(h, p == NULL ? -1 : p->has_release);
	for (i = 0; p != NULL && i < p->nadjustments; i++) {
		const struct display_adjustment *a = &p->adjustments[i];
		put_text(h, a->table);
		put_text(h, a->row);
		put_int(h, a->column);
		put_int(h, a->ordinal);
		put_rat(h, a->shown, a->decimals);
		put_text(h, a->reason);
		put_int(h, a->line);
	}
}

int
reads_digest(const struct book *book, int release, const char *quarter,
    const char *tokens, char sha[65])
{
	struct sha256 h;
	int year, q, ordinal;
	const char *s = tokens;

	if (period_id_parse(quarter, &year, &q) != 0)
		return -1;
	ordinal = fiscal_ordinal(year, q);
	sha256_init(&h);
	put_text(&h, quarter);
	while (*s != '\0') {
		char token[256], *at;
		size_t len = strcspn(s, " ");
		long fact;
		int view = release;

		if (len == 0 || len >= sizeof(token))
			return -1;
		memcpy(token, s, len);
		token[len] = '\0';
		s += len + (s[len] == ' ');
		if ((at = strchr(token, '@')) != NULL) {
			*at++ = '\0';
			if (period_id_parse(at, &year, &q) != 0)
				return -1;
			view = fiscal_ordinal(year, q);
		}
		put_text(&h, token);
		put_int(&h, view);
		if (strcmp(token, "!adjustments") == 0) {
			put_adjustments(&h, book_period(book, ordinal));
			continue;
		}
		if ((fact = book_fact_index(book, token)) < 0)
			return -1;
		put_lookup(&h, book, ordinal, (size_t)fact, view);
	}
	sha256_final_hex(&h, sha);
	return 0;
}

struct reads_cached {
	int release, quarter;
	size_t set;
	char sha[65];
};

uint32_t
reads_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

size_t
reads_sets_intern(struct reads_sets *s, const char *tokens)
{
	uint32_t h = reads_hash(tokens), *hashes;
	char **grown, *copy;
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->hash[i] == h && strcmp(s->tokens[i], tokens) == 0)
			return i + 1;
	if ((grown = array_grow(s->tokens, s->n, sizeof(*grown))) == NULL)
		return 0;
	s->tokens = grown;
	if ((hashes = array_grow(s->hash, s->n, sizeof(*hashes))) == NULL)
		return 0;
	s->hash = hashes;
	if ((copy = strdup(tokens)) == NULL)
		return 0;
	s->tokens[s->n] = copy;
	s->hash[s->n] = h;
	return ++s->n;
}

const char *
reads_sets_tokens(const struct reads_sets *s, size_t set)
{
	return set >= 1 && set <= s->n ? s->tokens[set - 1] : NULL;
}

int
reads_sets_digest(struct reads_sets *s, const struct book *book,
    int release, const char *quarter, size_t set, char sha[65])
{
	struct reads_cached *grown;
	int year, q, ordinal;
	size_t i;

	if (reads_sets_tokens(s, set) == NULL ||
	    period_id_parse(quarter, &year, &q) != 0)
		return -1;
	ordinal = fiscal_ordinal(year, q);
	for (i = s->ncache; i-- > 0;)
		if (s->cache[i].release == release &&
		    s->cache[i].quarter == ordinal && s->cache[i].set == set) {
			memcpy(sha, s->cache[i].sha, 65);
			return 0;
		}
	if (reads_digest(book, release, quarter, s->tokens[set - 1], sha) != 0)
		return -1;
	if ((grown = array_grow(s->cache, s->ncache, sizeof(*grown))) != NULL) {
		s->cache = grown;
		grown[s->ncache].release = release;
		grown[s->ncache].quarter = ordinal;
		grown[s->ncache].set = set;
		memcpy(grown[s->ncache].sha, sha, 65);
		s->ncache++;
	}
	return 0;
}

void
reads_sets_renumber(struct reads_sets *s)
{
	free(s->number);
	s->number = calloc(s->n + 1, sizeof(*s->number));
	s->nnumber = s->number != NULL ? s->n : 0;
	s->numbered = 0;
}

size_t
reads_sets_number(struct reads_sets *s, size_t set, struct buffer *table)
{
	if (set < 1 || set > s->nnumber)
		return 0;
	if (s->number[set - 1] == 0) {
		s->number[set - 1] = ++s->numbered;
		buffer_printf(table, "reads\t%zu\t%s\n", s->numbered,
		    s->tokens[set - 1]);
	}
	return s->number[set - 1];
}

void
reads_sets_free(struct reads_sets *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->tokens[i]);
	free(s->tokens);
	free(s->hash);
	free(s->number);
	free(s->cache);
	memset(s, 0, sizeof(*s));
}
