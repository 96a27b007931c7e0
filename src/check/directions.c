/*
 * Direction words of generated sentences: a catalog's words for a figure
 * that went up must not say it went down, in any language. Every message
 * a template fills with a direction or a movement is formatted once per
 * keyword, the other arguments standing in as placeholders; the words that
 * keyword selects (the text that differs from what no keyword selects) are
 * searched for the catalog's own lists words.up and words.down. A
 * contradiction is an error at the catalog's line: every quarter that goes
 * that way would print it.
 */
#include "directions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 48

static const char *const up_keywords[] = {
	"increase", "from_zero", "to_profit", "loss_narrowed", "breakeven", NULL
};
static const char *const down_keywords[] = {
	"decrease", "below_zero", "to_loss", "loss_widened", NULL
};

struct word_list {
	char *text;                 /* the message, split in place */
	const char *words[MAX_WORDS];
	size_t n;
};

struct direction_check {
	struct catalog **catalogs;
	struct word_list lists[LANG_MAX][2];   /* [lang][0 up, 1 down] */
	struct diag_list *diags;
	char (*seen)[96];           /* "lang key k" already checked */
	size_t nseen;
	int errors;
};

/* A catalog's word list ("words.up"), split at spaces; empty if absent. */
static int
load_list(struct catalog *c, const char *key, struct word_list *out)
{
	struct message *m = catalog_find(c, key);
	char err[256], *p, *save = NULL;

	memset(out, 0, sizeof(*out));
	if (m == NULL)
		return 0;
	m->used = 1;
	if ((out->text = catalog_format(c, key, NULL, 0, err, sizeof(err))) ==
	    NULL)
		return -1;
	for (p = strtok_r(out->text, " ", &save); p != NULL && out->n < MAX_WORDS;
	    p = strtok_r(NULL, " ", &save))
		out->words[out->n++] = p;
	return 0;
}

static int
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The first word of list in text, or NULL: Latin words whole, others as
 * they stand (Japanese has no spaces). */
static const char *
find_word(const struct word_list *list, const char *text)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		const char *w = list->words[i], *p = text;
		size_t len = strlen(w);
		int latin = is_letter((unsigned char)w[0]);

		while ((p = strstr(p, w)) != NULL) {
			if (!latin || ((p == text || !is_letter((unsigned char)p[-1])) &&
			    !is_letter((unsigned char)p[len])))
				return w;
			p++;
		}
	}
	return NULL;
}

/* The part of text that differs from base: the keyword's own words. The
 * ends stay on UTF-8 character boundaries. */
static void
selected_words(const char *text, const char *base, char *out, size_t size)
{
	size_t tl = strlen(text), bl = strlen(base), pre = 0, suf = 0;

	while (pre < tl && pre < bl && text[pre] == base[pre])
		pre++;
	while (pre > 0 && ((unsigned char)text[pre] & 0xC0) == 0x80)
		pre--;
	while (suf < tl - pre && suf < bl - pre &&
	    text[tl - 1 - suf] == base[bl - 1 - suf])
		suf++;
	while (suf > 0 && ((unsigned char)text[tl - suf] & 0xC0) == 0x80)
		suf--;
	/* Whole words: "decline" against "comparable" shares its last e. */
	while (pre > 0 && is_letter((unsigned char)text[pre - 1]))
		pre--;
	while (suf > 0 && is_letter((unsigned char)text[tl - suf]))
		suf--;
	snprintf(out, size, "%.*s", (int)(tl - pre - suf), text + pre);
}

static int
already_seen(struct direction_check *dc, enum lang l, const char *key,
    size_t k)
{
	char id[96], (*grown)[96];
	size_t i;

	snprintf(id, sizeof(id), "%d %s %zu", (int)l, key, k);
	for (i = 0; i < dc->nseen; i++)
		if (strcmp(dc->seen[i], id) == 0)
			return 1;
	if ((grown = realloc(dc->seen, (dc->nseen + 1) * sizeof(*grown))) ==
	    NULL)
		return 1;   /* out of memory: checking it again is harmless */
	dc->seen = grown;
	memcpy(dc->seen[dc->nseen++], id, sizeof(id));
	return 0;
}

/* Checks argument k of template message m in language l. */
static void
check_argument(struct direction_check *dc, const struct tpl_message *m,
    size_t k, enum lang l, const char *contrast)
{
	struct catalog *c = dc->catalogs[l];
	struct message *msg = catalog_find(c, m->key);
	char holders[16][24], err[256], words[1024];
	const char *args[16];
	const char *const *kw;
	char *base, *text;
	size_t i;
	int way;

	if (msg == NULL || m->nargs > 16)
		return;
	for (i = 0; i < m->nargs; i++) {
		const struct tpl_arg *a = &m->args[i];
		snprintf(holders[i], sizeof(holders[i]), "<%zu>", i);
		args[i] = a->source == ARG_VALUE &&
		    a->value.format == VALUE_CONTRAST ? contrast : holders[i];
	}
	args[k] = "\x1f";   /* no keyword: the other branch */
	if ((base = catalog_format(c, m->key, args, (int)m->nargs, err,
	    sizeof(err))) == NULL)
		return;     /* check_catalogs reports a message that fails */
	for (way = 0; way < 2; way++)
		for (kw = way == 0 ? up_keywords : down_keywords; *kw != NULL;
		    kw++) {
			const char *wrong;
			args[k] = *kw;
			if ((text = catalog_format(c, m->key, args, (int)m->nargs, err,
			    sizeof(err))) == NULL)
				continue;
			selected_words(text, base, words, sizeof(words));
			if ((wrong = find_word(&dc->lists[l][1 - way], words)) != NULL) {
				diag_add(dc->diags, DIAG_FATAL, msg->file, msg->line,
				    "message %s: for {%zu} = %s, a figure that went %s, it "
				    "says \"%s\", and \"%s\" is in words.%s", m->key, k, *kw,
				    way == 0 ? "up" : "down", words, wrong,
				    way == 0 ? "down" : "up");
				dc->errors++;
			}
			free(text);
		}
	free(base);
}

static void
check_message(void *arg, const struct tpl_message *m, const char *file)
{
	struct direction_check *dc = arg;
	size_t k;
	int l, contrast = 0;

	(void)file;
	for (k = 0; k < m->nargs; k++)
		contrast |= m->args[k].source == ARG_VALUE &&
		    m->args[k].value.format == VALUE_CONTRAST;
	for (k = 0; k < m->nargs; k++) {
		const struct tpl_arg *a = &m->args[k];
		if (a->source != ARG_VALUE || (a->value.format != VALUE_DIRECTION &&
		    a->value.format != VALUE_MOVEMENT))
			continue;
		for (l = 0; l < LANG_MAX; l++) {
			if (already_seen(dc, (enum lang)l, m->key, k))
				continue;
			/* Both ways a contrast can join the comparisons. */
			check_argument(dc, m, k, (enum lang)l, "same");
			if (contrast)
				check_argument(dc, m, k, (enum lang)l, "differ");
		}
	}
}

int
check_direction_words(const struct template_set *templates,
    struct catalog *catalogs[LANG_MAX], struct diag_list *diags)
{
	struct direction_check dc;
	int l, w;

	memset(&dc, 0, sizeof(dc));
	dc.catalogs = catalogs;
	dc.diags = diags;
	for (l = 0; l < LANG_MAX; l++)
		if (load_list(catalogs[l], "words.up", &dc.lists[l][0]) != 0 ||
		    load_list(catalogs[l], "words.down", &dc.lists[l][1]) != 0) {
			diag_add(diags, DIAG_FATAL, catalogs[l]->file, 0,
			    "cannot read words.up and words.down");
			dc.errors++;
		}
	if (dc.errors == 0)
		templates_each_message(templates, check_message, &dc);
	for (l = 0; l < LANG_MAX; l++)
		for (w = 0; w < 2; w++)
			free(dc.lists[l][w].text);
	free(dc.seen);
	return dc.errors;
}
