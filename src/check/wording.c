#include "wording.h"

#include <stdio.h>
#include <string.h>

#include "../figure/figure.h"
#include "movement_words.h"
#include "typed.h"
#include "../model/expr.h"
#include "../util/lang.h"

/* Profit and loss words, each with the sign it says (1 profit, -1 loss).
 * A longer word comes before any word it contains. */
static const struct {
	const char *word;
	int sign;
} sign_words[] = {
	{ "営業損失", -1 }, { "営業利益", 1 }, { "当期純損失", -1 },
	{ "純損失", -1 }, { "当期利益", 1 }, { "純利益", 1 },
	{ "operating loss", -1 }, { "operating income", 1 },
	{ "net loss", -1 }, { "net income", 1 },
};

struct word_walk {
	const struct book *book;
	const struct period *period;
	enum lang lang;
	struct diag_list *diags;
	char before[512];   /* text since the last sentence end or figure */
	int warnings;
};

/* Where needle last occurs in hay, ASCII letters in any case; or -1. */
static long
last_occurrence(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i, j;
	long found = -1;

	for (i = 0; hay[i] != '\0'; i++) {
		for (j = 0; j < n && hay[i + j] != '\0'; j++) {
			char a = hay[i + j], b = needle[j];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (a != b)
				break;
		}
		if (j == n)
			found = (long)i;
	}
	return found;
}

/* Keeps the text after the last sentence end: 。, or ". " */
static void
remember_text(struct word_walk *w, const char *text)
{
	const char *end, *p;
	size_t len = strlen(w->before);

	for (p = text, end = NULL; *p != '\0'; p++)
		if (strncmp(p, "。", strlen("。")) == 0 ||
		    (p[0] == '.' && (p[1] == ' ' || p[1] == '\n')))
			end = p + (p[0] == '.' ? 1 : strlen("。"));
	if (end != NULL) {
		w->before[0] = '\0';
		text = end;
		len = 0;
	}
	if (len + strlen(text) >= sizeof(w->before))
		len = 0;   /* a long run: only its own words count */
	snprintf(w->before + len, sizeof(w->before) - len, "%s", text);
}

static void
check_figure(struct word_walk *w, const struct run *run)
{
	struct eval_ctx ctx = figure_eval_context(w->book, w->period->ordinal,
	    w->period->ordinal);
	struct eval_result r;
	struct rat shown;
	char figure[64];
	long best = -1;
	size_t i, which = 0;
	int sign;

	if (run->value.value == NULL || (run->value.format != VALUE_AMOUNT_TEXT &&
	    run->value.format != VALUE_AMOUNT))
		return;
	for (i = 0; i < sizeof(sign_words) / sizeof(sign_words[0]); i++) {
		long at = last_occurrence(w->before, sign_words[i].word);

		if (at > best) {
			best = at;
			which = i;
		}
	}
	if (best < 0 || expr_eval(run->value.value, &ctx, &r) != EVAL_OK)
		return;
	sign = rat_sign(r.value);
	if (sign == 0 || sign == sign_words[which].sign)
		return;
	if (rat_scale10(r.value, -run->value.scale, &shown) != RAT_OK ||
	    figure_round(w->book, w->period, shown, 0, 0, &shown) != 0 ||
	    rat_to_exact_decimal(shown, figure, sizeof(figure)) != RAT_OK)
		snprintf(figure, sizeof(figure), "?");
	diag_add(w->diags, DIAG_WARNING, w->period->file, run->line,
	    "the %s narrative of %s says \"%s\" before a figure of %s, a %s "
	    "(the words are the author's: check them)", lang_code(w->lang),
	    w->period->id, sign_words[which].word, figure,
	    sign < 0 ? "loss" : "profit");
	w->warnings++;
}

/* The text after a figure, up to the next figure or the sentence's end. */
static void
text_after(const struct run *runs, size_t from, size_t n, char *out,
    size_t size)
{
	size_t len = 0, i;
	char *end;

	out[0] = '\0';
	for (i = from; i < n && runs[i].kind != RUN_FACT && len + 1 < size; i++)
		if (runs[i].kind == RUN_TEXT && runs[i].text != NULL) {
			snprintf(out + len, size - len, "%s", runs[i].text);
			len = strlen(out);
		}
	if ((end = strstr(out, "。")) != NULL)
		*end = '\0';
}

static void
walk(struct word_walk *w, const struct run *runs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (runs[i].kind) {
		case RUN_TEXT:
			if (runs[i].text != NULL) {
				remember_text(w, runs[i].text);
				w->warnings += check_typed_numbers(w->book, w->period,
				    w->lang, runs[i].text, runs[i].line, w->diags);
			}
			break;
		case RUN_FACT: {
			char after[512];

			check_figure(w, &runs[i]);
			text_after(runs, i + 1, n, after, sizeof(after));
			w->warnings += check_movement_words(w->book, w->period,
			    w->lang, &runs[i], w->before, after, w->diags);
			w->before[0] = '\0';
			break;
		}
		case RUN_SPAN:   /* a paragraph or list item: a new sentence */
			w->before[0] = '\0';
			walk(w, runs[i].children, runs[i].nchildren);
			break;
		case RUN_EMPHASIS:
		case RUN_IF_PART:
			walk(w, runs[i].children, runs[i].nchildren);
			break;
		default:
			break;
		}
}

int
check_authored_words(const struct book *book, const char *only,
    struct diag_list *diags)
{
	struct word_walk w;
	const struct narrative *nar;
	size_t p, s, b;
	int l;

	memset(&w, 0, sizeof(w));
	w.book = book;
	w.diags = diags;
	for (p = 0; p < book->nperiods; p++) {
		w.period = book->periods[p];
		if (!w.period->has_release ||
		    (only != NULL && strcmp(only, w.period->id) != 0))
			continue;
		for (l = 0; l < LANG_MAX; l++) {
			w.lang = (enum lang)l;
			nar = &w.period->narrative[l];
			for (s = 0; s < nar->nslots; s++)
				for (b = 0; b < nar->slots[s].nblocks; b++) {
					w.before[0] = '\0';
					walk(&w, nar->slots[s].blocks[b].items,
					    nar->slots[s].blocks[b].nitems);
				}
			for (s = 0; s < nar->nnotes; s++) {
				w.before[0] = '\0';
				walk(&w, &nar->notes[s].content, 1);
			}
		}
	}
	return w.warnings;
}
