/*
 * Numbers typed into authored text that the book holds: "revenues of
 * 8,675" goes stale the day a figure is restated, where <fact> follows the
 * book. A typed number of three or more digits that equals a fact of the
 * quarter, the prior quarter or the prior-year quarter, as printed (in
 * millions or thousands under the company's rounding, or as recorded), is
 * a warning naming the fact. Years and ids ("2004", "1Q03") are skipped.
 * wording.c hands over each authored text it walks.
 */
#include "typed.h"

#include <stdio.h>
#include <string.h>

#include "../figure/figure.h"

struct typed_walk {
	const struct book *book;
	const struct period *period;
	enum lang lang;
	struct diag_list *diags;
	int warnings;
};

static int
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Whether fact f of quarter q prints as value: "the unit" named in how. */
static int
prints_as(const struct book *book, const struct period *release,
    const struct period *q, size_t f, struct rat value, const char **how)
{
	const struct fact_slot *s = &q->slots[f];
	struct rat v = rat_abs(s->value), shown;
	static const struct { int scale; const char *name; } units[] = {
		{ 6, "in millions" }, { 3, "in thousands" }, { 0, "as recorded" }
	};
	size_t i;

	if (s->state != SLOT_PRESENT)
		return 0;
	if (book->facts[f].unit != UNIT_JPY) {
		*how = "as recorded";
		return rat_cmp(v, value) == 0;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (rat_scale10(v, -units[i].scale, &shown) == RAT_OK &&
		    figure_round(book, release, shown, 0, 0, &shown) == 0 &&
		    rat_cmp(shown, value) == 0) {
			*how = units[i].name;
			return 1;
		}
	return 0;
}

static void
check_number(struct typed_walk *w, const char *token, size_t len, int line)
{
	static const int offsets[] = { 0, -1, -4 };
	char digits[40];
	struct rat value;
	size_t i, n = 0, f;
	int significant = 0, grouped = 0;

	for (i = 0; i < len && n + 1 < sizeof(digits); i++) {
		if (token[i] == ',') {
			grouped = 1;
			continue;
		}
		if (token[i] >= '0' && token[i] <= '9')
			significant++;
		digits[n++] = token[i];
	}
	digits[n] = '\0';
	if (significant < 3 || rat_parse(digits, &value, NULL) != RAT_OK)
		return;
	/* A year ("2004") is no figure. */
	if (!grouped && n == 4 && value.den == 1 && value.num >= 1900 &&
	    value.num <= 2100)
		return;
	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		const struct period *q = book_period(w->book,
		    w->period->ordinal + offsets[i]);
		const char *how = NULL;

		for (f = 0; q != NULL && f < w->book->nfacts; f++)
			if (prints_as(w->book, w->period, q, f, value, &how)) {
				diag_add(w->diags, DIAG_WARNING, w->period->file, line,
				    "the %s narrative of %s types %.*s, which is %s of %s "
				    "%s: <fact value=\"%s%s\" format=\"%s\"%s/> follows the "
				    "book when it changes", lang_code(w->lang),
				    w->period->id, (int)len, token, w->book->facts[f].id,
				    q->id, how, w->book->facts[f].id, offsets[i] == 0 ? "" :
				    offsets[i] == -1 ? "@pq" : "@py",
				    w->book->facts[f].unit == UNIT_JPY ? "amount" : "count",
				    strcmp(how, "in thousands") == 0 ? " unit=\"thousands\"" :
				    strcmp(how, "as recorded") == 0 &&
				    w->book->facts[f].unit == UNIT_JPY ?
				    " unit=\"units\"" : "");
				w->warnings++;
				return;
			}
	}
}

/* Each number in text: digits, grouping commas, a decimal part. */
static void
scan_text(struct typed_walk *w, const char *text, int line)
{
	const char *p = text;

	while (*p != '\0') {
		const char *start = p;
		if (!(*p >= '0' && *p <= '9') || (p > text &&
		    (is_alnum((unsigned char)p[-1]) || p[-1] == '.' ||
		    p[-1] == ','))) {
			p++;
			continue;
		}
		while ((*p >= '0' && *p <= '9') || (*p == ',' && p[1] >= '0' &&
		    p[1] <= '9'))
			p++;
		if (*p == '.' && p[1] >= '0' && p[1] <= '9')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		if (!is_alnum((unsigned char)*p))
			check_number(w, start, (size_t)(p - start), line);
	}
}

int
check_typed_numbers(const struct book *book, const struct period *period,
    enum lang lang, const char *text, int line, struct diag_list *diags)
{
	struct typed_walk w = { book, period, lang, diags, 0 };

	scan_text(&w, text, line);
	return w.warnings;
}
