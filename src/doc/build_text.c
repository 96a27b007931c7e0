/*
 * Text of the document: period labels and dates, company data, message
 * arguments, authored runs and sentences.
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


const char *const document_builtin_keys[] = {
	"fmt.amount.millions", "fmt.amount.thousands", "fmt.amount.units",
	"fmt.usd.millions", "fmt.usd.thousands", "fmt.usd.units",
	"fmt.bandwidth", "fmt.not_meaningful",
	"period.quarter", "period.fiscal-quarter", "period.fiscal-quarter-months",
	"period.quarter-end", "period.three-months-ended", "period.fiscal-year",
	"period.fiscal-year-end", "period.ordinal-quarter",
	"period.ordinal-number", "text.no-break-after", "page.label", "page.ref",
	"page.ref.unpaged", "note.restated", "note.marker.parenthesized",
	"note.label.parenthesized", NULL
};

static const char *const period_keys[PERIOD_STYLE_MAX] = {
	"period.quarter", "period.fiscal-quarter",
	"period.fiscal-quarter-months", "period.quarter-end",
	"period.three-months-ended", "period.fiscal-year",
	"period.fiscal-year-end", "period.ordinal-quarter",
	"period.ordinal-number"
};

/*
 * Every period message takes the same arguments (documented in the
 * catalogs): 0 quarter number, 1 quarter keyword (q1..q4), 2 fiscal year,
 * 3 its last two digits, 4 quarter end (long date), 5 quarter end (short
 * date), 6 quarter end year, 7 quarter end month, 8 first month of the
 * quarter, 9 fiscal year end (long date), 10 comparison basis: discrete |
 * cumulative (flows year to date: "1Q04 YTD", "第1四半期累計").
 */
static int period_label_uncached(struct builder *b, int offset,
    enum period_style style, int line, char *out, size_t size);

int
builder_period_label(struct builder *b, int offset, enum period_style style,
    int line, char *out, size_t size)
{
	int slot = offset + LABEL_OFFSETS - 2;
	char **cached;

	if (slot < 0 || slot >= LABEL_OFFSETS)
		return period_label_uncached(b, offset, style, line, out, size);
	cached = &b->labels[b->lang][style][slot];
	if (*cached == NULL) {
		if (period_label_uncached(b, offset, style, line, out, size) != 0)
			return -1;
		*cached = strdup(out);   /* a miss only costs the next call */
		return 0;
	}
	snprintf(out, size, "%s", *cached);
	return 0;
}

static int
period_label_uncached(struct builder *b, int offset, enum period_style style,
    int line, char *out, size_t size)
{
	const struct fiscal_policy *policy = &b->in->book->company.fiscal;
	struct formatter *f = builder_formatter(b);
	char a[11][64];
	const char *args[11];
	struct date end, start, fy_end;
	int year, quarter, i, rc = 0;
	char *text;
	const struct message *m = catalog_find(b->in->catalogs[b->lang],
	    period_keys[style]);
	/* the arguments its pattern uses (all when it is missing: the
	 * message's own error then says so) */
	unsigned used = m != NULL ? m->args : ~0u;

	fiscal_from_ordinal(b->in->period->ordinal + offset, &year, &quarter);
	fiscal_quarter_end(policy, year, quarter, &end);
	fiscal_quarter_start(policy, year, quarter, &start);
	fiscal_year_end(policy, year, &fy_end);
	rc |= format_units(f, quarter, 0, NUMBER_YEAR, 0, a[0], 64);
	snprintf(a[1], 64, "q%d", quarter);
	rc |= format_units(f, year, 0, NUMBER_YEAR, 0, a[2], 64);
	rc |= format_units(f, year, 0, NUMBER_TWO_DIGITS, 0, a[3], 64);
	/* Dates cost the most of these (ICU's date formats, opened on first
	 * use): only those the message prints. */
	a[4][0] = a[5][0] = a[9][0] = '\0';
	if (used & 1u << 4)
		rc |= format_date(f, &end, DATE_LONG, a[4], 64);
	if (used & 1u << 5)
		rc |= format_date(f, &end, DATE_SHORT, a[5], 64);
	rc |= format_units(f, end.year, 0, NUMBER_YEAR, 0, a[6], 64);
	rc |= format_units(f, end.month, 0, NUMBER_YEAR, 0, a[7], 64);
	rc |= format_units(f, start.month, 0, NUMBER_YEAR, 0, a[8], 64);
	if (used & 1u << 9)
		rc |= format_date(f, &fy_end, DATE_LONG, a[9], 64);
	snprintf(a[10], 64, "%s", b->in->book->company.cumulative ?
	    "cumulative" : "discrete");
	if (rc != 0) {
		builder_error(b, b->file, line, "ICU cannot format a period label");
		return -1;
	}
	for (i = 0; i < 11; i++)
		args[i] = a[i];
	if ((text = builder_message(b, b->file, line, period_keys[style], args, 11)) ==
	    NULL)
		return -1;
	snprintf(out, size, "%s", text);
	free(text);
	return 0;
}

static int
date_arg(struct builder *b, const char *name, int line, char *out,
    size_t size)
{
	const struct period *p = b->in->period;
	const struct date *d = NULL;
	int index;

	if (!p->has_release) {
		builder_error(b, b->file, line, "period %s has no release dates", p->id);
		return -1;
	}
	if (strcmp(name, "release") == 0)
		d = &p->release_date;
	else if (strcmp(name, "convenience") == 0)
		d = &p->convenience_date;
	else if (sscanf(name, "dateline-%d", &index) == 1 && index >= 1 &&
	    (size_t)index <= p->ndatelines)
		d = &p->datelines[index - 1].date;
	if (d == NULL) {
		builder_error(b, b->file, line, "period %s has no date '%s'", p->id, name);
		return -1;
	}
	if (format_date(builder_formatter(b), d, DATE_LONG, out, size) != 0) {
		builder_error(b, b->file, line, "ICU cannot format a date");
		return -1;
	}
	return 0;
}

/* "cfo" or "cfo.title" of an officer: the name or title in lang. */
static const char *
officer_arg(const struct company *c, const char *role, enum lang lang)
{
	const char *dot = strchr(role, '.');
	size_t len = dot != NULL ? (size_t)(dot - role) : strlen(role), i;

	for (i = 0; i < c->nofficers; i++)
		if (strlen(c->officers[i].role) == len &&
		    strncmp(c->officers[i].role, role, len) == 0)
			return dot == NULL ? c->officers[i].name[lang] :
			    strcmp(dot, ".title") == 0 ? c->officers[i].title[lang] :
			    NULL;
	return NULL;
}

static int
company_arg(struct builder *b, const char *name, int line, char *out,
    size_t size)
{
	const struct company *c = period_company(b->in->book, b->in->period);
	const struct contact *k = &c->contact[b->lang];
	const char *v = NULL;

	if (strncmp(name, "officer.", 8) == 0)
		v = officer_arg(c, name + 8, b->lang);
	else if (strcmp(name, "name") == 0)
		v = c->name[b->lang];
	else if (strcmp(name, "short-name") == 0)
		v = c->short_name;
	else if (strcmp(name, "url") == 0)
		v = c->url[b->lang] != NULL ? c->url[b->lang] : c->url[LANG_EN];
	else if (strcmp(name, "ticker") == 0)
		v = c->ticker;
	else if (strcmp(name, "market") == 0)
		v = c->market;
	else if (strcmp(name, "person") == 0)
		v = k->person;
	else if (strcmp(name, "office") == 0)
		v = k->office;
	else if (strcmp(name, "email") == 0)
		v = k->email;
	else if (strcmp(name, "tel") == 0)
		v = k->tel;
	else if (strcmp(name, "fax") == 0)
		v = k->fax;
	if (v == NULL) {
		builder_error(b, b->file, line, "company.xml gives no %s in %s", name,
		    lang_code(b->lang));
		return -1;
	}
	snprintf(out, size, "%s", v);
	return 0;
}

/* An inline narrative slot as plain text, for a message argument. */
static int
slot_text(struct builder *b, const char *id, int line, char *out,
    size_t size)
{
	const struct slot *slot = period_slot(b->in->period, b->lang, id);
	const char *tfile = b->file;
	struct node *tmp;
	char *text;
	size_t i;

	if (slot == NULL || !slot->is_inline) {
		builder_missing_slot(b, id, 1, line);
		return -1;
	}
	if ((tmp = node_add(NULL, NODE_PARAGRAPH, b->lang)) == NULL) {
		builder_error(b, tfile, line, "out of memory");
		return -1;
	}
	for (i = 0; i < slot->nblocks; i++)
		builder_add_runs(b, tmp, &slot->blocks[i].items[0], b->in->period->file);
	b->file = tfile;
	text = node_incomplete(tmp) ? NULL :
	    node_plain_text(tmp, NOTE_SUPERSCRIPT);
	node_free(tmp);
	if (text == NULL) {
		builder_error(b, tfile, line, "out of memory");
		return -1;
	}
	if (strlen(text) >= size) {
		builder_error(b, b->in->period->file, slot->line, "slot '%s' is longer "
		    "than a message argument may be (%zu bytes)", id, size - 1);
		free(text);
		return -1;
	}
	snprintf(out, size, "%s", text);
	free(text);
	return 0;
}

static int
arg_text(struct builder *b, const struct tpl_arg *a, char *out, size_t size)
{
	const struct period *p = b->in->period;

	switch (a->source) {
	case ARG_VALUE:
		return builder_figure(b, &a->value, a->line, out, size);
	case ARG_PERIOD:
		return builder_period_label(b, a->period.offset, a->period.style, a->line,
		    out, size);
	case ARG_DATE:
		return date_arg(b, a->name, a->line, out, size);
	case ARG_COMPANY:
		return company_arg(b, a->name, a->line, out, size);
	case ARG_SLOT:
		/* an optional slot the period leaves out: a select keyword */
		if (a->index && period_slot(p, b->lang, a->name) == NULL) {
			snprintf(out, size, "none");
			return 0;
		}
		return slot_text(b, a->name, a->line, out, size);
	case ARG_WORD:
		snprintf(out, size, "%s", a->name);
		return 0;
	case ARG_LABEL: {
		char *text = builder_message(b, b->file, a->line, a->name, NULL, 0);
		if (text == NULL)
			return -1;
		snprintf(out, size, "%s", text);
		free(text);
		return 0;
	}
	case ARG_CITY:
		if ((size_t)a->index > p->ndatelines) {
			builder_error(b, b->file, a->line, "period %s has no dateline %d",
			    p->id, a->index);
			return -1;
		}
		snprintf(out, size, "%s", p->datelines[a->index - 1].city[b->lang]);
		return 0;
	}
	return -1;
}

/*
 * Keeps on sentence node t each figure argument the sentence prints (its
 * text found in the sentence: a select may leave one out), for check to
 * read back. Returns 0, or -1 when out of memory.
 */
static int
keep_figures(struct node *t, char values[][TEXT_SIZE],
    const struct shown *shown, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct figure_text *grown;

		if (!shown[i].set || values[i][0] == '\0' ||
		    strstr(t->u.text.text, values[i]) == NULL)
			continue;
		if ((grown = realloc(t->figures, (t->nfigures + 1) *
		    sizeof(*grown))) == NULL)
			return -1;
		t->figures = grown;
		if ((grown[t->nfigures].text = strdup(values[i])) == NULL)
			return -1;
		grown[t->nfigures++].shown = shown[i];
	}
	return 0;
}

/* Formats a template message with its arguments; with sentence not NULL,
 * adds the text to it as a node that keeps its figures. */
static char *
format_message(struct builder *b, const struct tpl_message *m,
    struct node **sentence, struct node *parent)
{
	char values[MAX_ARGS][TEXT_SIZE];
	struct shown shown[MAX_ARGS];
	const char *args[MAX_ARGS] = { NULL };
	char *text;
	size_t i;

	if (m->nargs > MAX_ARGS) {
		builder_error(b, b->file, m->line, "more than %d arguments", MAX_ARGS);
		return NULL;
	}
	if (sentence != NULL)
		builder_forget_restated(b);
	for (i = 0; i < m->nargs; i++) {
		int rc;

		b->shown.set = 0;
		b->message_key = m->key;
		rc = arg_text(b, &m->args[i], values[i], TEXT_SIZE);
		b->message_key = NULL;
		if (rc != 0)
			return NULL;
		shown[i] = b->shown;
		shown[i].set &= m->args[i].source == ARG_VALUE;
		args[i] = values[i];
	}
	text = builder_message(b, b->file, m->line, m->key, args, (int)m->nargs);
	if (text == NULL || sentence == NULL)
		return text;
	if ((*sentence = node_add_text(parent, text, b->lang)) == NULL ||
	    keep_figures(*sentence, values, shown, m->nargs) != 0)
		builder_error(b, b->file, m->line, "out of memory");
	/* A restated figure in the sentence: its note follows the sentence. */
	builder_take_restated(b, parent);
	return text;
}

char *
builder_template_message(struct builder *b, const struct tpl_message *m)
{
	return format_message(b, m, NULL, NULL);
}

/* ---- inline content ---- */

static void
add_authored_note(struct builder *b, struct node *parent, const char *id,
    const char *file, int line)
{
	const struct authored_note *an = period_note(b->in->period, b->lang, id);
	struct node *note;
	char identity[128];
	int number;

	if (an == NULL) {
		builder_error(b, file, line, "no footnote '%s'", id);
		return;
	}
	if ((note = node_add(NULL, NODE_FOOTNOTE, b->lang)) == NULL) {
		builder_error(b, file, line, "out of memory");
		return;
	}
	note->file = file;
	note->line = an->line;
	builder_add_runs(b, note, &an->content, file);
	/* An authored footnote is itself wherever it is referenced. */
	snprintf(identity, sizeof(identity), "fn:%s", id);
	if ((number = builder_note_number(b, note, identity)) > 0)
		builder_add_note_ref(b, parent, number);
}

/* Whether the document includes template `part`, at any depth. */
static int
has_part(const struct builder *b, const struct tpl_block *blocks, size_t n,
    const char *part)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tpl_block *k = &blocks[i];
		const struct tpl_template *inc;

		if (k->kind != TPL_INCLUDE) {
			if (has_part(b, k->children, k->nchildren, part))
				return 1;
			continue;
		}
		if (strcmp(k->name, part) == 0)
			return 1;
		inc = templates_find(b->in->templates, k->name);
		if (inc != NULL && has_part(b, inc->blocks, inc->nblocks, part))
			return 1;
	}
	return 0;
}

/*
 * A reference to the page part `run->text` starts on: the layout prints
 * the page, other outputs the catalog's words for it ("page.ref.unpaged").
 */
static void
add_page_ref(struct builder *b, struct node *parent, const struct run *run,
    const char *file)
{
	struct node *n;
	char *words;

	if (!has_part(b, b->root->blocks, b->root->nblocks, run->text)) {
		builder_error(b, file, run->line, "page-ref: the %s document "
		    "(template %s) has no part '%s'; put the sentence in "
		    "<if-part part=\"%s\"> so that only documents with it print "
		    "it", lang_code(b->lang), b->root->id, run->text, run->text);
		return;
	}
	if ((words = builder_message(b, file, run->line, "page.ref.unpaged",
	    NULL, 0)) == NULL)
		return;
	if ((n = node_add(parent, NODE_PAGE_REF, b->lang)) == NULL ||
	    (n->id = strdup(run->text)) == NULL ||
	    node_add_text(n, words, b->lang) == NULL)
		builder_error(b, file, run->line, "out of memory");
	else {
		n->file = file;
		n->line = run->line;
	}
	free(words);
}

void
builder_add_runs(struct builder *b, struct node *parent, const struct run *run,
    const char *file)
{
	char text[TEXT_SIZE];
	const char *saved;
	struct node *n;
	size_t i;

	switch (run->kind) {
	case RUN_TEXT:
		if ((n = node_add_text(parent, run->text, b->lang)) == NULL) {
			builder_error(b, file, run->line, "out of memory");
			return;
		}
		/* Authored text remembers where it was written. */
		n->file = file;
		n->line = run->line;
		return;
	case RUN_NOTE:
		add_authored_note(b, parent, run->text, file, run->line);
		return;
	case RUN_FACT:
		/* Errors name the period file that asked for the figure; the
		 * template's own lines follow. */
		saved = b->file;
		b->file = file;
		builder_forget_restated(b);
		if (builder_figure(b, &run->value, run->line, text, sizeof(text)) == 0 &&
		    (n = node_add_text(parent, text, b->lang)) != NULL) {
			n->computed = 1;
			n->shown = b->shown;
			n->file = file;   /* the period file that asked for it */
			n->line = run->line;
			builder_take_restated(b, parent);
		}
		b->file = saved;
		return;
	case RUN_PERIOD:
		saved = b->file;
		b->file = file;
		if (builder_period_label(b, run->period.offset, run->period.style,
		    run->line, text, sizeof(text)) == 0 &&
		    (n = node_add_text(parent, text, b->lang)) != NULL)
			n->computed = 1;
		b->file = saved;
		return;
	case RUN_PAGE_REF:
		add_page_ref(b, parent, run, file);
		return;
	case RUN_IF_PART:
		if (!has_part(b, b->root->blocks, b->root->nblocks, run->text))
			return;
		break;
	case RUN_EMPHASIS:
		if ((parent = node_add(parent, NODE_EMPHASIS, b->lang)) == NULL) {
			builder_error(b, file, run->line, "out of memory");
			return;
		}
		break;
	case RUN_SPAN:
		break;
	}
	for (i = 0; i < run->nchildren; i++)
		builder_add_runs(b, parent, &run->children[i], file);
}

/* Sentences of one paragraph are separated by a space in English only. */
static void
separate(struct builder *b, struct node *parent)
{
	if (parent->first != NULL && b->lang == LANG_EN)
		node_add_text(parent, " ", b->lang);
}

/* A footnote marker from the template: an authored note or a catalog one. */
void
builder_add_template_note(struct builder *b, struct node *parent,
    const struct tpl_block *s)
{
	struct node *note;
	char *text;
	int number;

	if (s->kind == TPL_FN) {
		add_authored_note(b, parent, s->name, b->file, s->line);
		return;
	}
	if ((text = builder_template_message(b, &s->message)) == NULL)
		return;
	if ((note = node_add(NULL, NODE_FOOTNOTE, b->lang)) == NULL) {
		free(text);
		builder_error(b, b->file, s->line, "out of memory");
		return;
	}
	note->file = b->file;
	note->line = s->line;
	node_add_text(note, text, b->lang);
	free(text);
	if ((number = builder_note_number(b, note, s->message.key)) > 0)
		builder_add_note_ref(b, parent, number);
}

/* Fills a paragraph or list item from its messages and narrative slots. */
void
builder_add_sentences(struct builder *b, struct node *parent,
    const struct tpl_block *blocks, size_t n)
{
	const char *tfile = b->file;
	const struct slot *slot;
	struct node *t;
	char *text;
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct tpl_block *s = &blocks[i];
		if (s->kind == TPL_FN || s->kind == TPL_NOTE)
			builder_add_template_note(b, parent, s);
		else if (s->kind == TPL_MESSAGE) {
			separate(b, parent);
			t = NULL;
			if ((text = format_message(b, &s->message, &t, parent)) == NULL)
				continue;
			if (t != NULL) {
				t->computed = s->message.nargs > 0;
				t->file = tfile;
				t->line = s->line;
			}
			free(text);
		} else if (s->kind == TPL_NARRATIVE) {
			slot = period_slot(b->in->period, b->lang, s->name);
			if (slot == NULL) {
				if (!s->optional)
					builder_missing_slot(b, s->name, 0, s->line);
				continue;
			}
			for (j = 0; j < slot->nblocks; j++)
				if (slot->blocks[j].heading_level > 0) {
					builder_error(b, b->in->period->file,
					    slot->blocks[j].line, "slot '%s' has a heading, "
					    "but %s:%d joins the slot into a sentence: write "
					    "the heading's words as text, or place the slot "
					    "as a block of its own in the template", s->name,
					    tfile, s->line);
					return;
				}
			separate(b, parent);
			for (j = 0; j < slot->nblocks; j++)
				builder_add_runs(b, parent, &slot->blocks[j].items[0],
				    b->in->period->file);
			b->file = tfile;
		}
	}
}
