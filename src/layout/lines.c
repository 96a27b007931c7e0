/*
 * Line breaking: shaped text cut into lines at ICU's break opportunities,
 * and the widths that decide where.
 */
#include "lctx.h"

#include <stdlib.h>

#include "../util/buffer.h"

double
width_of(const struct shaped *s, int32_t a, int32_t b)
{
	double w = 0;

	for (; a < b; a++)
		w += s->adv[a];
	return w;
}

static int
is_space(UChar u)
{
	return u == ' ' || u == 0x3000;
}

/* Where a line [a, b) ends without the spaces it may end with. */
static int32_t
trim_end(const struct shaped *s, int32_t a, int32_t b)
{
	while (b > a && is_space(s->u[b - 1]))
		b--;
	return b;
}

/*
 * The widths of lines from one start, ever longer: a running sum, added
 * in the same order as width_of (so the same double), rather than each
 * candidate line summed again from its start.
 */
struct run_width {
	int32_t start, pos;   /* w is the width of [start, pos) */
	double w;
};

static void
run_width_start(struct run_width *r, int32_t start)
{
	r->start = r->pos = start;
	r->w = 0;
}

/* The width of line [r->start, b) without its trailing spaces. */
static double
run_width_to(const struct shaped *s, struct run_width *r, int32_t b)
{
	b = trim_end(s, r->start, b);
	if (b < r->pos)
		run_width_start(r, r->start);   /* rare: back over spaces */
	for (; r->pos < b; r->pos++)
		r->w += s->adv[r->pos];
	return r->w;
}

/* The ICU iterator in *slot (opened on first use: one per language and
 * pass, as opening one costs more than breaking a paragraph), set to s;
 * NULL after a failure (reported, as ICU cannot find `what`). */
static UBreakIterator *
breaker(struct lctx *c, const struct shaped *s, UBreakIterator **slot,
    UBreakIteratorType type, const char *locale, const char *what)
{
	UErrorCode status = U_ZERO_ERROR;

	if (*slot == NULL)
		*slot = ubrk_open(type, locale, NULL, 0, &status);
	if (U_SUCCESS(status))
		ubrk_setText(*slot, s->u, s->n, &status);
	if (U_FAILURE(status)) {
		lfail(c, "ICU cannot %s: %s", what, u_errorName(status));
		return NULL;
	}
	return *slot;
}

/* ICU's dictionary word breaker for the language, set to s. */
static UBreakIterator *
word_breaker(struct lctx *c, const struct shaped *s)
{
	return breaker(c, s, &c->words[c->lang], UBRK_WORD,
	    c->lang == LANG_JA ? "ja" : "en", "find words");
}

/* The widest dictionary word of s ("営業", "収益"): a column narrower
 * than it would have to break the word. */
double
widest_word(struct lctx *c, const struct shaped *s)
{
	UBreakIterator *wi = word_breaker(c, s);
	double best = 0, w;
	int32_t a = 0, b, i;

	if (wi == NULL)
		return 0;
	for (b = ubrk_following(wi, 0); b != UBRK_DONE; a = b,
	    b = ubrk_next(wi)) {
		for (i = a, w = 0; i < b; i++)
			if (!is_space(s->u[i]))
				w += s->adv[i];
		if (w > best)
			best = w;
	}
	return best;
}

/* ICU's line breaker for the language, set to s. */
static UBreakIterator *
line_breaker(struct lctx *c, const struct shaped *s)
{
	return breaker(c, s, &c->breakers[c->lang], UBRK_LINE,
	    c->lang == LANG_JA ? "ja@lb=strict" : "en", "break lines");
}

/*
 * Breaks shaped text into lines no wider than `first` (the first line) and
 * `rest` (the others), at the opportunities ICU's line breaker gives for
 * the language, and with whole_words only where a dictionary word ends
 * too (a Japanese header breaks 「対営業|収益 %」, never 「対営業収|益」);
 * a word wider than a line is broken where it must be. Returns the number
 * of lines, stored in *lines (malloc'd).
 */
size_t
break_lines(struct lctx *c, const struct shaped *s, double first, double rest,
    int whole_words, struct line **lines)
{
	UBreakIterator *bi, *wi = NULL;
	struct line *out = NULL, *grown;
	size_t n = 0;
	int32_t start = 0, fit = 0, end;
	struct run_width r;
	double w, fit_w = 0;

	*lines = NULL;
	if (s->n == 0)
		return 0;
	/* Text that fits whole is one line, whatever its break
	 * opportunities (every prefix is as narrow): no ICU. */
	run_width_start(&r, 0);
	if (!c->failed && (w = run_width_to(s, &r, s->n)) <= first) {
		if ((out = malloc(sizeof(*out))) == NULL) {
			lfail(c, "out of memory");
			return 0;
		}
		out->a = 0;
		out->b = s->n;
		out->width = w;
		*lines = out;
		return 1;
	}
	if ((bi = line_breaker(c, s)) == NULL)
		return 0;
	if (whole_words && c->lang == LANG_JA &&
	    (wi = word_breaker(c, s)) == NULL)
		return 0;
	run_width_start(&r, 0);
	end = ubrk_following(bi, 0);
	while (start < s->n && !c->failed) {
		double max = n == 0 ? first : rest;
		int32_t cut;

		/* Only where a word ends as well. */
		while (wi != NULL && end != UBRK_DONE && end < s->n &&
		    !ubrk_isBoundary(wi, end))
			end = ubrk_next(bi);
		if (end != UBRK_DONE && (w = run_width_to(s, &r, end)) <= max) {
			fit = end;
			fit_w = w;
			end = ubrk_next(bi);
			continue;
		}
		if (end == UBRK_DONE && (w = run_width_to(s, &r, s->n)) <= max)
			cut = s->n;
		else if (fit > start) {
			cut = fit;
			w = fit_w;
		} else {
			/* One word wider than the line: break inside it. */
			cut = start + 1;
			while (cut < s->n && run_width_to(s, &r, cut + 1) <= max)
				cut++;
			w = run_width_to(s, &r, cut);
		}
		if ((grown = array_grow(out, n, sizeof(*out))) == NULL) {
			lfail(c, "out of memory");
			break;
		}
		out = grown;
		out[n].a = start;
		out[n].b = cut;
		out[n].width = w;
		n++;
		start = fit = cut;
		run_width_start(&r, start);
		if (end != UBRK_DONE && end <= start)
			end = ubrk_following(bi, start);
	}
	*lines = out;
	return n;
}
