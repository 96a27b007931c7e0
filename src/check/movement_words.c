/*
 * Direction words an author writes next to a figure: "revenues increased
 * to <fact/>" of revenues that fell against both the prior-year and the
 * prior quarter, or "an increase of <fact format=change/>" of a change
 * below zero (printed without its sign). Which comparison the author
 * means is theirs to say, so a level figure is questioned only when the
 * word contradicts both; it is a warning, as the words are the author's.
 */
#include "movement_words.h"

#include <string.h>

#include "../figure/figure.h"

/* Words that say up (1) or down (-1). English reads the words before a
 * figure, Japanese those after it (its verb ends the clause). */
static const struct {
	const char *word;
	int way;
} way_words[] = {
	{ "increased", 1 }, { "increase", 1 }, { "rose", 1 }, { "grew", 1 },
	{ "improved", 1 }, { "improvement", 1 }, { "higher", 1 },
	{ "decreased", -1 }, { "decrease", -1 }, { "declined", -1 },
	{ "decline", -1 }, { "fell", -1 }, { "dropped", -1 }, { "lower", -1 },
	{ "deteriorated", -1 },
	{ "増加", 1 }, { "増収", 1 }, { "増益", 1 }, { "上昇", 1 }, { "改善", 1 },
	{ "減少", -1 }, { "減収", -1 }, { "減益", -1 }, { "低下", -1 },
	{ "悪化", -1 },
};

static int
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The way of the word nearest the figure in text (the last one before
 * it, or the first after it), or 0; *word names it. */
static int
nearest_way(const char *text, int after, const char **word)
{
	long best = -1;
	size_t i;
	int way = 0;

	for (i = 0; i < sizeof(way_words) / sizeof(way_words[0]); i++) {
		const char *w = way_words[i].word, *p = text;
		size_t len = strlen(w);

		while ((p = strstr(p, w)) != NULL) {
			long at = (long)(p - text);
			int whole = !is_letter((unsigned char)w[0]) ||
			    ((p == text || !is_letter((unsigned char)p[-1])) &&
			    !is_letter((unsigned char)p[len]));
			if (whole && (best < 0 || (after ? at < best : at > best))) {
				best = at;
				way = way_words[i].way;
				*word = w;
			}
			p++;
		}
	}
	return way;
}

/* The figure of e in the quarter `offset` from period's, seen from it. */
static int
value_at(const struct book *book, const struct period *period,
    const struct expr *e, int offset, struct rat *value)
{
	struct eval_ctx ctx = figure_eval_context(book,
	    period->ordinal + offset, period->ordinal);
	struct eval_result r;

	if (expr_eval(e, &ctx, &r) != EVAL_OK)
		return -1;
	*value = r.value;
	return 0;
}

int
check_movement_words(const struct book *book, const struct period *period,
    enum lang lang, const struct run *fact, const char *before,
    const char *after, struct diag_list *diags)
{
	const struct value_ref *ref = &fact->value;
	const char *word = NULL;
	struct rat now, py, pq;
	int way;

	if (ref->value == NULL)
		return 0;
	way = lang == LANG_JA && after != NULL &&
	    nearest_way(after, 1, &word) != 0 ? nearest_way(after, 1, &word) :
	    nearest_way(before, 0, &word);
	if (way == 0 || value_at(book, period, ref->value, 0, &now) != 0)
		return 0;
	if (ref->format == VALUE_CHANGE) {
		/* A change printed without its sign: the word is its sign. */
		if (rat_sign(now) == 0 || rat_sign(now) == way)
			return 0;
		diag_add(diags, DIAG_WARNING, period->file, fact->line,
		    "the %s narrative of %s says \"%s\" of a change %s zero, "
		    "printed without its sign (the words are the author's: check "
		    "them)", lang_code(lang), period->id, word,
		    rat_sign(now) < 0 ? "below" : "above");
		return 1;
	}
	if (ref->format != VALUE_AMOUNT_TEXT && ref->format != VALUE_AMOUNT &&
	    ref->format != VALUE_USD_TEXT && ref->format != VALUE_COUNT &&
	    ref->format != VALUE_PER_SHARE)
		return 0;
	if (value_at(book, period, ref->value, -4, &py) != 0 ||
	    value_at(book, period, ref->value, -1, &pq) != 0 ||
	    rat_cmp(now, py) != -way || rat_cmp(now, pq) != -way)
		return 0;
	diag_add(diags, DIAG_WARNING, period->file, fact->line,
	    "the %s narrative of %s says \"%s\" next to a figure that went %s "
	    "against both the prior-year and the prior quarter (the words are "
	    "the author's: check them)", lang_code(lang), period->id, word,
	    way > 0 ? "down" : "up");
	return 1;
}
