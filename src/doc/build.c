/*
 * Walks a template and fills it from the book: every figure is evaluated
 * from full precision, rounded once, formatted through ICU, and placed in
 * the tree as text. Words come from the catalogs.
 */
#include "build.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../format/footing.h"
#include "../model/expr.h"
#include "../util/buffer.h"

#define MAX_ARGS 16
#define TEXT_SIZE 1024
#define LABEL_OFFSETS 16

/* A footnote waiting for its `footnotes` block. */
struct pending_note {
	char *key;          /* the note's text */
	int number;
	struct node *note;  /* detached NODE_FOOTNOTE */
};

struct builder {
	const struct build_input *in;
	struct diag_list *diags;
	enum lang lang;
	const char *file;               /* the template being built */
	int failed;
	enum note_style note_style;
	int notes_per_table;
	int note_count;
	struct pending_note *notes;
	size_t nnotes;
	size_t first_unflushed;
	int missing_reported[8];        /* quarters already reported missing */
	size_t nmissing;
	/* period labels already formatted, by style and quarter offset from
	 * -(LABEL_OFFSETS - 2) to +1: each costs three ICU date formats */
	char *labels[LANG_MAX][PERIOD_STYLE_MAX][LABEL_OFFSETS];
	struct shown shown;             /* the figure last formatted */
};

static void
berror(struct builder *b, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void
berror(struct builder *b, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(b->diags, DIAG_FATAL, file, line, fmt, ap);
	va_end(ap);
	b->failed = 1;
}

static struct formatter *
fmt(struct builder *b)
{
	return b->in->formatters[b->lang];
}

/* Formats catalog message key with args; NULL after an error at file:line. */
static char *
message(struct builder *b, const char *file, int line, const char *key,
    const char *const *args, int nargs)
{
	char err[512];
	char *text = catalog_format(b->in->catalogs[b->lang], key, args, nargs,
	    err, sizeof(err));

	if (text == NULL)
		berror(b, file, line, "%s", err);
	return text;
}

/* ---- figures ---- */

struct eval_track {
	int present;   /* a fact that exists was used */
	struct build_deps *deps;
};

static void
track_fact(void *arg, const struct lookup *found)
{
	struct eval_track *t = arg;
	size_t i;

	if (!found->absent)
		t->present = 1;
	if (t->deps == NULL)
		return;
	for (i = 0; i < t->deps->n; i++)
		if (t->deps->ordinals[i] == found->ordinal)
			return;
	if (t->deps->n < BUILD_MAX_DEPS)
		t->deps->ordinals[t->deps->n++] = found->ordinal;
}

/*
 * Evaluates e in the quarter `offset` from the release. Returns the status;
 * reports a missing quarter or fact as an error. *absent tells whether every
 * fact used does not exist in that quarter.
 */
static enum eval_status
evaluate(struct builder *b, const struct expr *e, int offset, int line,
    struct rat *value, int *absent)
{
	struct eval_track track = { 0, b->in->deps };
	struct eval_ctx ctx = { .book = b->in->book,
	    .at = b->in->period->ordinal + offset,
	    .viewpoint = b->in->period->ordinal,
	    .cumulative = b->in->book->company.cumulative,
	    .on_fact = track_fact, .arg = &track };
	struct eval_result r;

	expr_eval(e, &ctx, &r);
	if (absent != NULL)
		*absent = !track.present;
	*value = r.value;
	if (r.status == EVAL_MISSING && r.missing.status == LOOKUP_NO_PERIOD) {
		size_t i;
		for (i = 0; i < b->nmissing; i++)
			if (b->missing_reported[i] == r.missing.ordinal) {
				b->failed = 1;
				return r.status;
			}
		if (b->nmissing < sizeof(b->missing_reported) / sizeof(int))
			b->missing_reported[b->nmissing++] = r.missing.ordinal;
	}
	if (r.status == EVAL_MISSING) {
		char other[16];
		int year, quarter;

		fiscal_from_ordinal(r.missing.ordinal, &year, &quarter);
		period_id_format(year, quarter, other, sizeof(other));
		berror(b, b->file, line, "release %s needs %s of %s, which %s",
		    b->in->period->id, b->in->book->facts[r.missing.fact].id, other,
		    r.missing.status == LOOKUP_NO_PERIOD ?
		    "has no period file in the book" : "that period does not record");
	} else if (r.status != EVAL_OK && r.status != EVAL_NOT_MEANINGFUL &&
	    r.status != EVAL_DIV_ZERO) {
		berror(b, b->file, line, "release %s: %s", b->in->period->id,
		    eval_status_name(r.status));
	}
	return r.status;
}

static int
scale_value(struct rat value, int scale, struct rat *out)
{
	return rat_scale10(value, -scale, out) == RAT_OK ? 0 : -1;
}

/* Notes what the figure being formatted shows, rounded as printed. */
static void
remember(struct builder *b, struct rat value, int decimals, unsigned flags)
{
	b->shown.set = format_rounded(fmt(b), value, decimals, flags,
	    &b->shown.value) == 0;
	b->shown.magnitude = (flags & FORMAT_MAGNITUDE) != 0;
}

/* The text for "not meaningful" in the current language. */
static void
not_meaningful(struct builder *b, int line, char *out, size_t size)
{
	char *text = message(b, b->file, line, "fmt.not_meaningful", NULL, 0);

	snprintf(out, size, "%s", text != NULL ? text : "");
	free(text);
}

static const char *const direction_words[3] = {
	"decrease", "unchanged", "increase"
};
static const char *const sign_words[3] = { "negative", "zero", "positive" };

/* Formats an evaluated value in format; 0 or -1 (reported). */
static int
format_value(struct builder *b, struct rat value, enum eval_status status,
    const struct value_ref *ref, int line, char *out, size_t size)
{
	struct formatter *f = fmt(b);
	int decimals = ref->decimals, rc = 0, scale = ref->scale;
	const char *key = NULL;
	char digits[TEXT_SIZE];
	struct rat v = value;

	if (status == EVAL_NOT_MEANINGFUL || status == EVAL_DIV_ZERO) {
		if (ref->format == VALUE_CHANGE || ref->format == VALUE_PERCENT) {
			not_meaningful(b, line, out, size);
			return 0;
		}
		berror(b, b->file, line, "a figure divides by zero");
		return -1;
	}
	switch (ref->format) {
	case VALUE_AMOUNT_TEXT:
		if (scale_value(value, scale, &v) != 0)
			return -1;
		rc = format_number(f, v, decimals < 0 ? 0 : decimals, NUMBER_PLAIN,
		    FORMAT_MAGNITUDE, digits, sizeof(digits));
		remember(b, v, decimals < 0 ? 0 : decimals, FORMAT_MAGNITUDE);
		key = scale == SCALE_MILLIONS ? "fmt.amount.millions" :
		    scale == SCALE_THOUSANDS ? "fmt.amount.thousands" :
		    "fmt.amount.units";
		break;
	case VALUE_USD_TEXT:
		if (b->in->period->has_release == 0 ||
		    rat_div(value, b->in->period->convenience_rate, &v) != RAT_OK ||
		    scale_value(v, scale, &v) != 0) {
			berror(b, b->file, line, "no convenience rate for %s",
			    b->in->period->id);
			return -1;
		}
		rc = format_number(f, v, decimals < 0 ? 1 : decimals, NUMBER_PLAIN,
		    FORMAT_MAGNITUDE, digits, sizeof(digits));
		remember(b, v, decimals < 0 ? 1 : decimals, FORMAT_MAGNITUDE);
		key = scale == SCALE_MILLIONS ? "fmt.usd.millions" :
		    scale == SCALE_THOUSANDS ? "fmt.usd.thousands" : "fmt.usd.units";
		break;
	case VALUE_AMOUNT:
		if (scale_value(value, scale, &v) != 0)
			return -1;
		rc = format_number(f, v, decimals < 0 ? 0 : decimals, NUMBER_PLAIN,
		    0, out, size);
		remember(b, v, decimals < 0 ? 0 : decimals, 0);
		break;
	case VALUE_CHANGE:
		rc = format_number(f, value, decimals < 0 ? 1 : decimals,
		    NUMBER_PERCENT, FORMAT_MAGNITUDE | FORMAT_RATIO, out, size);
		remember(b, value, decimals < 0 ? 1 : decimals,
		    FORMAT_MAGNITUDE | FORMAT_RATIO);
		break;
	case VALUE_DIRECTION:
		snprintf(out, size, "%s", direction_words[1 +
		    format_rounded_sign(f, value, decimals < 0 ? 1 : decimals,
		    FORMAT_RATIO)]);
		break;
	case VALUE_SIGN:
		if (scale_value(value, scale, &v) != 0)
			return -1;
		snprintf(out, size, "%s", sign_words[1 +
		    format_rounded_sign(f, v, decimals < 0 ? 0 : decimals, 0)]);
		break;
	case VALUE_PERCENT:
		rc = format_number(f, value, decimals < 0 ? 1 : decimals,
		    NUMBER_PERCENT, FORMAT_RATIO, out, size);
		remember(b, value, decimals < 0 ? 1 : decimals, FORMAT_RATIO);
		break;
	case VALUE_COUNT:
	case VALUE_PER_SHARE:
		rc = format_number(f, value, decimals < 0 ? 0 : decimals,
		    NUMBER_PLAIN, 0, out, size);
		remember(b, value, decimals < 0 ? 0 : decimals, 0);
		break;
	case VALUE_RATE:
		rc = format_number(f, value, decimals < 0 ? 2 : decimals,
		    NUMBER_PLAIN, 0, out, size);
		remember(b, value, decimals < 0 ? 2 : decimals, 0);
		break;
	case VALUE_BANDWIDTH:
		rc = format_number(f, value, decimals < 0 ? 1 : decimals,
		    NUMBER_PLAIN, 0, digits, sizeof(digits));
		remember(b, value, decimals < 0 ? 1 : decimals, 0);
		key = "fmt.bandwidth";
		break;
	default:
		rc = -1;
		break;
	}
	if (rc != 0) {
		berror(b, b->file, line, "cannot format a figure (too large?)");
		return -1;
	}
	if (key != NULL) {
		const char *args[1] = { digits };
		char *text = message(b, b->file, line, key, args, 1);

		if (text == NULL)
			return -1;
		snprintf(out, size, "%s", text);
		free(text);
	}
	return 0;
}

static int
figure(struct builder *b, const struct value_ref *ref, int line, char *out,
    size_t size)
{
	struct rat value;
	enum eval_status st;

	b->shown.set = 0;
	st = evaluate(b, ref->value, 0, line, &value, NULL);
	if (st == EVAL_MISSING || (st != EVAL_OK && st != EVAL_NOT_MEANINGFUL &&
	    st != EVAL_DIV_ZERO))
		return -1;
	return format_value(b, value, st, ref, line, out, size);
}

/* ---- period labels and dates ---- */

const char *const document_builtin_keys[] = {
	"fmt.amount.millions", "fmt.amount.thousands", "fmt.amount.units",
	"fmt.usd.millions", "fmt.usd.thousands", "fmt.usd.units",
	"fmt.bandwidth", "fmt.not_meaningful",
	"period.quarter", "period.fiscal-quarter", "period.fiscal-quarter-months",
	"period.quarter-end", "period.three-months-ended", "period.fiscal-year",
	"period.fiscal-year-end", "period.ordinal-quarter",
	"period.ordinal-number", "text.no-break-after", "page.label", NULL
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

static int
period_label(struct builder *b, int offset, enum period_style style,
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
	struct formatter *f = fmt(b);
	char a[11][64];
	const char *args[11];
	struct date end, start, fy_end;
	int year, quarter, i, rc = 0;
	char *text;

	fiscal_from_ordinal(b->in->period->ordinal + offset, &year, &quarter);
	fiscal_quarter_end(policy, year, quarter, &end);
	fiscal_quarter_start(policy, year, quarter, &start);
	fiscal_year_end(policy, year, &fy_end);
	rc |= format_number(f, rat_int(quarter), 0, NUMBER_YEAR, 0, a[0], 64);
	snprintf(a[1], 64, "q%d", quarter);
	rc |= format_number(f, rat_int(year), 0, NUMBER_YEAR, 0, a[2], 64);
	rc |= format_number(f, rat_int(year), 0, NUMBER_TWO_DIGITS, 0, a[3], 64);
	rc |= format_date(f, &end, DATE_LONG, a[4], 64);
	rc |= format_date(f, &end, DATE_SHORT, a[5], 64);
	rc |= format_number(f, rat_int(end.year), 0, NUMBER_YEAR, 0, a[6], 64);
	rc |= format_number(f, rat_int(end.month), 0, NUMBER_YEAR, 0, a[7], 64);
	rc |= format_number(f, rat_int(start.month), 0, NUMBER_YEAR, 0, a[8], 64);
	rc |= format_date(f, &fy_end, DATE_LONG, a[9], 64);
	snprintf(a[10], 64, "%s", b->in->book->company.cumulative ?
	    "cumulative" : "discrete");
	if (rc != 0) {
		berror(b, b->file, line, "ICU cannot format a period label");
		return -1;
	}
	for (i = 0; i < 11; i++)
		args[i] = a[i];
	if ((text = message(b, b->file, line, period_keys[style], args, 11)) ==
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
		berror(b, b->file, line, "period %s has no release dates", p->id);
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
		berror(b, b->file, line, "period %s has no date '%s'", p->id, name);
		return -1;
	}
	if (format_date(fmt(b), d, DATE_LONG, out, size) != 0) {
		berror(b, b->file, line, "ICU cannot format a date");
		return -1;
	}
	return 0;
}

static int
company_arg(struct builder *b, const char *name, int line, char *out,
    size_t size)
{
	const struct company *c = &b->in->book->company;
	const struct contact *k = &c->contact[b->lang];
	const char *v = NULL;

	if (strcmp(name, "name") == 0)
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
		berror(b, b->file, line, "company.xml gives no %s in %s", name,
		    lang_code(b->lang));
		return -1;
	}
	snprintf(out, size, "%s", v);
	return 0;
}

static void add_runs(struct builder *b, struct node *parent,
    const struct run *run, const char *file);

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
		berror(b, b->in->period->file, b->in->period->line,
		    "the %s narrative has no inline slot '%s' (needed by %s:%d)",
		    lang_code(b->lang), id, tfile, line);
		return -1;
	}
	if ((tmp = node_add(NULL, NODE_PARAGRAPH, b->lang)) == NULL) {
		berror(b, tfile, line, "out of memory");
		return -1;
	}
	for (i = 0; i < slot->nblocks; i++)
		add_runs(b, tmp, &slot->blocks[i].items[0], b->in->period->file);
	b->file = tfile;
	text = node_incomplete(tmp) ? NULL :
	    node_plain_text(tmp, NOTE_SUPERSCRIPT);
	node_free(tmp);
	if (text == NULL) {
		berror(b, tfile, line, "out of memory");
		return -1;
	}
	if (strlen(text) >= size) {
		berror(b, b->in->period->file, slot->line, "slot '%s' is longer "
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
		return figure(b, &a->value, a->line, out, size);
	case ARG_PERIOD:
		return period_label(b, a->period.offset, a->period.style, a->line,
		    out, size);
	case ARG_DATE:
		return date_arg(b, a->name, a->line, out, size);
	case ARG_COMPANY:
		return company_arg(b, a->name, a->line, out, size);
	case ARG_SLOT:
		return slot_text(b, a->name, a->line, out, size);
	case ARG_WORD:
		snprintf(out, size, "%s", a->name);
		return 0;
	case ARG_LABEL: {
		char *text = message(b, b->file, a->line, a->name, NULL, 0);
		if (text == NULL)
			return -1;
		snprintf(out, size, "%s", text);
		free(text);
		return 0;
	}
	case ARG_CITY:
		if ((size_t)a->index > p->ndatelines) {
			berror(b, b->file, a->line, "period %s has no dateline %d",
			    p->id, a->index);
			return -1;
		}
		snprintf(out, size, "%s", p->datelines[a->index - 1].city[b->lang]);
		return 0;
	}
	return -1;
}

/* Formats a template message with its arguments. */
static char *
template_message(struct builder *b, const struct tpl_message *m)
{
	char values[MAX_ARGS][TEXT_SIZE];
	const char *args[MAX_ARGS];
	size_t i;

	if (m->nargs > MAX_ARGS) {
		berror(b, b->file, m->line, "more than %d arguments", MAX_ARGS);
		return NULL;
	}
	for (i = 0; i < m->nargs; i++) {
		if (arg_text(b, &m->args[i], values[i], TEXT_SIZE) != 0)
			return NULL;
		args[i] = values[i];
	}
	return message(b, b->file, m->line, m->key, args, (int)m->nargs);
}

/* ---- footnotes ---- */

/*
 * Registers a note and returns its number, or -1. Notes that say the same
 * thing before the same footnotes block share one number, whether they
 * come from a table's catalog or the authored narrative. Takes content.
 */
static int
note_number(struct builder *b, struct node *content)
{
	struct pending_note *list;
	char *key = node_plain_text(content, b->note_style);
	size_t i;

	if (key == NULL) {
		node_free(content);
		berror(b, b->file, 0, "out of memory");
		return -1;
	}
	for (i = b->first_unflushed; i < b->nnotes; i++)
		if (strcmp(b->notes[i].key, key) == 0) {
			node_free(content);
			free(key);
			return b->notes[i].number;
		}
	if ((list = array_grow(b->notes, b->nnotes, sizeof(*list))) == NULL) {
		node_free(content);
		free(key);
		berror(b, b->file, 0, "out of memory");
		return -1;
	}
	list[b->nnotes].key = key;
	b->notes = list;
	list[b->nnotes].number = ++b->note_count;
	list[b->nnotes].note = content;
	content->u.note.number = b->note_count;
	content->u.note.style = b->note_style;
	return list[b->nnotes++].number;
}

static void
add_note_ref(struct builder *b, struct node *parent, int number)
{
	struct node *ref = node_add(parent, NODE_NOTE_REF, b->lang);

	if (ref == NULL) {
		berror(b, b->file, 0, "out of memory");
		return;
	}
	ref->u.note.number = number;
	ref->u.note.style = b->note_style;
}

/* Moves the notes referenced since the last flush under a footnotes node. */
static void
flush_notes(struct builder *b, struct node *parent)
{
	struct node *list;
	size_t i;

	if (b->first_unflushed == b->nnotes)
		return;
	if ((list = node_add(parent, NODE_FOOTNOTES, b->lang)) == NULL) {
		berror(b, b->file, 0, "out of memory");
		return;
	}
	for (i = b->first_unflushed; i < b->nnotes; i++) {
		/* Appended, carrying any incomplete mark to the document. */
		node_insert_before(list, b->notes[i].note, NULL);
		b->notes[i].note = NULL;
	}
	b->first_unflushed = b->nnotes;
}

/* ---- inline content ---- */

static void
add_authored_note(struct builder *b, struct node *parent, const char *id,
    const char *file, int line)
{
	const struct authored_note *an = period_note(b->in->period, b->lang, id);
	struct node *note;
	int number;

	if (an == NULL) {
		berror(b, file, line, "no footnote '%s'", id);
		return;
	}
	if ((note = node_add(NULL, NODE_FOOTNOTE, b->lang)) == NULL) {
		berror(b, file, line, "out of memory");
		return;
	}
	note->file = file;
	note->line = an->line;
	add_runs(b, note, &an->content, file);
	if ((number = note_number(b, note)) > 0)
		add_note_ref(b, parent, number);
}

static void
add_runs(struct builder *b, struct node *parent, const struct run *run,
    const char *file)
{
	char text[TEXT_SIZE];
	struct node *n;
	size_t i;

	switch (run->kind) {
	case RUN_TEXT:
		if ((n = node_add_text(parent, run->text, b->lang)) == NULL) {
			berror(b, file, run->line, "out of memory");
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
		b->file = file;
		if (figure(b, &run->value, run->line, text, sizeof(text)) == 0 &&
		    (n = node_add_text(parent, text, b->lang)) != NULL) {
			n->computed = 1;
			n->shown = b->shown;
			n->file = file;   /* the period file that asked for it */
			n->line = run->line;
		}
		return;
	case RUN_PERIOD:
		b->file = file;
		if (period_label(b, run->period.offset, run->period.style,
		    run->line, text, sizeof(text)) == 0 &&
		    (n = node_add_text(parent, text, b->lang)) != NULL)
			n->computed = 1;
		return;
	case RUN_EMPHASIS:
		if ((parent = node_add(parent, NODE_EMPHASIS, b->lang)) == NULL) {
			berror(b, file, run->line, "out of memory");
			return;
		}
		break;
	case RUN_SPAN:
		break;
	}
	for (i = 0; i < run->nchildren; i++)
		add_runs(b, parent, &run->children[i], file);
}

/* Sentences of one paragraph are separated by a space in English only. */
static void
separate(struct builder *b, struct node *parent)
{
	if (parent->first != NULL && b->lang == LANG_EN)
		node_add_text(parent, " ", b->lang);
}

/* A footnote marker from the template: an authored note or a catalog one. */
static void
add_template_note(struct builder *b, struct node *parent,
    const struct tpl_block *s)
{
	struct node *note;
	char *text;
	int number;

	if (s->kind == TPL_FN) {
		add_authored_note(b, parent, s->name, b->file, s->line);
		return;
	}
	if ((text = template_message(b, &s->message)) == NULL)
		return;
	if ((note = node_add(NULL, NODE_FOOTNOTE, b->lang)) == NULL) {
		free(text);
		berror(b, b->file, s->line, "out of memory");
		return;
	}
	note->file = b->file;
	note->line = s->line;
	node_add_text(note, text, b->lang);
	free(text);
	if ((number = note_number(b, note)) > 0)
		add_note_ref(b, parent, number);
}

/* Fills a paragraph or list item from its messages and narrative slots. */
static void
add_sentences(struct builder *b, struct node *parent,
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
			add_template_note(b, parent, s);
		else if (s->kind == TPL_MESSAGE) {
			if ((text = template_message(b, &s->message)) == NULL)
				continue;
			separate(b, parent);
			if ((t = node_add_text(parent, text, b->lang)) != NULL) {
				t->computed = s->message.nargs > 0;
				t->file = tfile;
				t->line = s->line;
			}
			free(text);
		} else if (s->kind == TPL_NARRATIVE) {
			slot = period_slot(b->in->period, b->lang, s->name);
			if (slot == NULL) {
				if (!s->optional)
					berror(b, b->in->period->file, b->in->period->line,
					    "the %s narrative has no slot '%s' (needed by "
					    "%s:%d)", lang_code(b->lang), s->name, tfile,
					    s->line);
				continue;
			}
			separate(b, parent);
			for (j = 0; j < slot->nblocks; j++)
				add_runs(b, parent, &slot->blocks[j].items[0],
				    b->in->period->file);
			b->file = tfile;
		}
	}
}

/* ---- tables ---- */

static void
cell_text(struct builder *b, struct node *row, const char *text,
    unsigned flags, int span, const char *id)
{
	struct node *cell = node_add(row, NODE_CELL, b->lang), *t = NULL;

	if (cell == NULL || (text[0] != '\0' &&
	    (t = node_add_text(cell, text, b->lang)) == NULL) ||
	    (id != NULL && (cell->id = strdup(id)) == NULL)) {
		berror(b, b->file, row->line, "out of memory");
		return;
	}
	cell->u.cell.flags = flags;
	cell->u.cell.span = span;
	cell->computed = (flags & CELL_FIGURE) != 0;
	if (t != NULL && (flags & CELL_FIGURE))
		t->shown = b->shown;
}

static void
column_id(const struct tpl_column *c, char *buf, size_t size)
{
	static const char *const kinds[] = { "value", "change", "share", "usd" };
	static const char *const offsets[] = { "current", "pq", "q-2", "q-3",
	    "py" };

	if (c->period <= 0 && c->period >= -4)
		snprintf(buf, size, "%s@%s", kinds[c->kind], offsets[-c->period]);
	else
		snprintf(buf, size, "%s@q%d", kinds[c->kind], c->period);
	if (c->kind == COLUMN_CHANGE && c->base <= 0 && c->base >= -4)
		snprintf(buf + strlen(buf), size - strlen(buf), "/%s",
		    offsets[-c->base]);
}

/*
 * The figure footing decided for a cell, as a value table_cell formats:
 * in base units (yen) when `scaled`, else in display units; with the
 * row's printed sign.
 */
static int
footed_value(const struct tpl_table *t, const struct tpl_row *row,
    const struct footing_cell *fc, int scaled, struct rat *value)
{
	struct rat v;

	if (rat_scale10(rat_int(row->reversed ? -fc->units : fc->units),
	    -fc->decimals, &v) != RAT_OK ||
	    (scaled && row->format == ROW_AMOUNT &&
	    rat_scale10(v, t->scale, &v) != RAT_OK))
		return -1;
	*value = v;
	return 0;
}

/* The change the release states for this cell, or NULL. */
static const struct stated_change *
stated_change(struct builder *b, const struct tpl_row *row,
    const struct tpl_column *c)
{
	const struct period *p = b->in->period;
	size_t k;

	for (k = 0; k < p->nstated; k++)
		if (footing_stated_applies(&p->stated[k], row, c, p->ordinal))
			return &p->stated[k];
	return NULL;
}

/* One figure cell of a table row; fc is what footing decided, or NULL. */
static void
table_cell(struct builder *b, const struct tpl_table *t,
    const struct tpl_row *row, const struct tpl_column *c,
    const struct footing_cell *fc, char *out, size_t size)
{
	struct value_ref ref = { NULL, VALUE_AMOUNT, tpl_row_decimals(row), t->scale };
	struct rat value, base, total;
	const struct stated_change *stated;
	enum eval_status st;
	int absent, base_absent;
	int percent = t->percent_all || row->mark;

	out[0] = '\0';
	b->shown.set = 0;
	switch (row->format) {
	case ROW_COUNT:
		ref.format = VALUE_COUNT;
		break;
	case ROW_PER_SHARE:
		ref.format = VALUE_PER_SHARE;
		break;
	case ROW_PERCENT:
		ref.format = VALUE_PERCENT;
		break;
	case ROW_BANDWIDTH:
		ref.format = VALUE_BANDWIDTH;
		break;
	default:
		break;
	}
	if ((c->kind == COLUMN_CHANGE && row->no_changes) ||
	    (c->kind == COLUMN_SHARE && row->no_shares) ||
	    (c->kind == COLUMN_USD && row->no_usd))
		return;
	st = evaluate(b, row->value, c->period, row->line, &value, &absent);
	if (st == EVAL_MISSING || (st != EVAL_OK && st != EVAL_NOT_MEANINGFUL &&
	    st != EVAL_DIV_ZERO))
		return;
	if (row->reversed)
		value = rat_neg(value);
	if (fc != NULL && !fc->governed)
		fc = NULL;
	switch (c->kind) {
	case COLUMN_VALUE:
		if (absent) {
			snprintf(out, size, "%s", t->absent_dash ? "-" : "");
			return;
		}
		if (fc != NULL && footed_value(t, row, fc, 1, &value) != 0)
			return;
		if (ref.format == VALUE_PERCENT && !percent) {
			format_number(fmt(b), value, ref.decimals, NUMBER_PLAIN,
			    FORMAT_RATIO, out, size);
			remember(b, value, ref.decimals, FORMAT_RATIO);
			return;
		}
		format_value(b, value, st, &ref, row->line, out, size);
		return;
	case COLUMN_USD:
		if (absent) {
			snprintf(out, size, "%s", t->absent_dash ? "-" : "");
			return;
		}
		if (fc != NULL) {
			if (footed_value(t, row, fc, 1, &value) == 0)
				format_value(b, value, EVAL_OK, &ref, row->line, out,
				    size);
			return;
		}
		if (!b->in->period->has_release || rat_div(value,
		    b->in->period->convenience_rate, &value) != RAT_OK) {
			berror(b, b->file, row->line, "no convenience rate for %s",
			    b->in->period->id);
			return;
		}
		format_value(b, value, EVAL_OK, &ref, row->line, out, size);
		return;
	case COLUMN_SHARE:
		if (absent)
			return;
		if (fc != NULL) {
			if (footed_value(t, row, fc, 0, &value) != 0)
				return;
		} else if (evaluate(b, t->share_of, c->period, row->line, &total,
		    NULL) != EVAL_OK || rat_div(value, total, &value) != RAT_OK ||
		    rat_mul(value, rat_int(100), &value) != RAT_OK) {
			berror(b, b->file, row->line, "cannot compute a share of the "
			    "table's total");
			return;
		}
		format_number(fmt(b), value, 1, percent ? NUMBER_PERCENT :
		    NUMBER_PLAIN, FORMAT_RATIO, out, size);
		remember(b, value, 1, FORMAT_RATIO);
		return;
	case COLUMN_CHANGE:
		st = evaluate(b, row->value, c->base, row->line, &base,
		    &base_absent);
		if (st == EVAL_MISSING || (absent && base_absent))
			return;
		if (row->reversed)
			base = rat_neg(base);
		if (absent && !base_absent) {
			enum vanished_policy vanished = b->in->book->company.vanished;
			if (vanished == VANISHED_BLANK)
				return;
			if (vanished == VANISHED_NOT_MEANINGFUL) {
				not_meaningful(b, row->line, out, size);
				return;
			}
			if (vanished == VANISHED_ZERO) {
				format_number(fmt(b), rat_int(0), 1, percent ?
				    NUMBER_PERCENT : NUMBER_PLAIN, FORMAT_RATIO, out, size);
				remember(b, rat_int(0), 1, FORMAT_RATIO);
				return;
			}
		}
		if ((stated = stated_change(b, row, c)) != NULL) {
			format_number(fmt(b), stated->shown, 1, percent ?
			    NUMBER_PERCENT : NUMBER_PLAIN, FORMAT_RATIO, out, size);
			remember(b, stated->shown, 1, FORMAT_RATIO);
			return;
		}
		{
			struct rat diff, change;
			enum nm_policy policy = b->in->book->company.not_meaningful;
			int meaningful = !rat_is_zero(base) &&
			    !(policy == NM_NOT_MEANINGFUL && (rat_sign(base) < 0 ||
			    rat_sign(value) * rat_sign(base) < 0));
			if (!meaningful) {
				not_meaningful(b, row->line, out, size);
				return;
			}
			if (rat_sub(value, base, &diff) != RAT_OK ||
			    rat_div(diff, base, &change) != RAT_OK ||
			    rat_mul(change, rat_int(100), &change) != RAT_OK) {
				berror(b, b->file, row->line, "a change overflows");
				return;
			}
			format_number(fmt(b), change, 1, percent ? NUMBER_PERCENT :
			    NUMBER_PLAIN, FORMAT_RATIO, out, size);
			remember(b, change, 1, FORMAT_RATIO);
		}
		return;
	}
}

static void
header_cell_text(struct builder *b, const struct tpl_header *h, int line,
    char *out, size_t size)
{
	out[0] = '\0';
	if (h->key != NULL) {
		char *text = message(b, b->file, line, h->key, NULL, 0);

		if (text != NULL) {
			snprintf(out, size, "%s", text);
			free(text);
		}
	} else if (h->style >= 0)
		period_label(b, h->period, (enum period_style)h->style, line, out,
		    size);
}

static void
add_table(struct builder *b, struct node *parent, const struct tpl_table *t,
    int line)
{
	const char *tfile = b->file;
	struct node *table, *caption, *row;
	struct table_footing footing;
	char text[TEXT_SIZE], id[64];
	char *s;
	size_t r, c, k;

	b->file = t->file;
	if ((table = node_add(parent, NODE_TABLE, b->lang)) == NULL ||
	    (table->id = strdup(t->id)) == NULL) {
		berror(b, tfile, line, "out of memory");
		return;
	}
	/* A table that does not foot as recorded still renders (a draft
	 * may be mid-edit); kessan check is what reports it. */
	(void)footing_compute(t, b->in->book, b->in->period, DIAG_NOTE,
	    &footing, NULL);
	if (footing.out_of_memory) {
		berror(b, tfile, line, "out of memory");
		footing_free(&footing);
		return;
	}
	table->file = t->file;
	table->line = t->line;
	table->u.table.columns = t->ncolumns + 1;
	table->u.table.header_rows = t->nheader_rows;
	if (b->notes_per_table)
		b->note_count = 0;
	if (t->caption != NULL &&
	    (s = message(b, t->file, t->line, t->caption, NULL, 0)) != NULL) {
		if ((caption = node_add(table, NODE_CAPTION, b->lang)) != NULL)
			node_add_text(caption, s, b->lang);
		free(s);
	}
	if (t->unit_caption != NULL &&
	    (s = message(b, t->file, t->line, t->unit_caption, NULL, 0)) != NULL) {
		if ((caption = node_add(table, NODE_CAPTION, b->lang)) != NULL)
			node_add_text(caption, s, b->lang);
		free(s);
	}
	for (r = 0; r < t->nheader_rows; r++) {
		if ((row = node_add(table, NODE_ROW, b->lang)) == NULL)
			break;
		row->u.row.flags = ROW_HEADER;
		cell_text(b, row, "", CELL_LABEL, 1, NULL);
		for (c = 0; c < t->nheaders[r]; c++) {
			const struct tpl_header *h = &t->headers[r][c];
			header_cell_text(b, h, h->line ? h->line : t->line, text,
			    sizeof(text));
			cell_text(b, row, text, 0, h->span > 0 ? h->span : 1, NULL);
		}
	}
	for (r = 0; r < t->nrows; r++) {
		const struct tpl_row *tr = &t->rows[r];
		struct node *label;
		if ((row = node_add(table, NODE_ROW, b->lang)) == NULL)
			break;
		if ((row->id = strdup(tr->id != NULL ? tr->id : tr->label)) ==
		    NULL) {
			node_lost(row);
			break;
		}
		row->line = tr->line;
		row->u.row.indent = tr->indent;
		row->u.row.flags = (tr->value == NULL ? ROW_HEADING : 0) |
		    (tr->total ? ROW_TOTAL : 0);
		if ((s = message(b, t->file, tr->line, tr->label, NULL, 0)) == NULL)
			continue;
		cell_text(b, row, s, CELL_LABEL, 1, "label");
		free(s);
		label = row->last;
		for (k = 0; k < tr->nnotes; k++) {
			struct node *note = node_add(NULL, NODE_FOOTNOTE, b->lang);
			int number;
			if (note == NULL) {
				berror(b, t->file, tr->line, "out of memory");
				continue;
			}
			if ((s = template_message(b, &tr->notes[k])) == NULL) {
				node_free(note);
				continue;
			}
			note->file = t->file;
			note->line = tr->notes[k].line;
			node_add_text(note, s, b->lang);
			free(s);
			if ((number = note_number(b, note)) > 0 && label != NULL)
				add_note_ref(b, label, number);
		}
		for (c = 0; c < t->ncolumns; c++) {
			column_id(&t->columns[c], id, sizeof(id));
			text[0] = '\0';
			if (tr->value != NULL)
				table_cell(b, t, tr, &t->columns[c],
				    footing_at(&footing, r, c), text, sizeof(text));
			cell_text(b, row, text, CELL_FIGURE, 1, id);
		}
	}
	if (b->notes_per_table)
		flush_notes(b, parent);
	footing_free(&footing);
	b->file = tfile;
}

/* ---- charts ---- */

/* A plot position: geometry only, never shown as a number. */
static double
position(struct rat v)
{
	return (double)v.num / (double)v.den;
}

/*
 * The tick step for about five ticks over span: 1, 2 or 5 times a power
 * of ten, as mantissa and exponent so ticks stay exact for formatting.
 */
static void
tick_step(double span, int *mantissa, int *exponent)
{
	static const int steps[] = { 1, 2, 5 };
	int e, i;

	for (e = -3; e <= 15; e++)
		for (i = 0; i < 3; i++) {
			double step = steps[i];
			int k;
			for (k = 0; k < (e < 0 ? -e : e); k++)
				step = e < 0 ? step / 10 : step * 10;
			if (span / step <= 6) {
				*mantissa = steps[i];
				*exponent = e;
				return;
			}
		}
	*mantissa = 1;
	*exponent = 15;
}

static char *
strdup_or_fail(struct builder *b, const char *s, int line)
{
	char *copy = strdup(s);

	if (copy == NULL)
		berror(b, b->file, line, "out of memory");
	return copy;
}

/* A line chart of a table's rows over its value columns. */
static void
add_chart(struct builder *b, struct node *parent, const struct tpl_block *tb)
{
	const struct tpl_table *t = templates_table(b->in->templates, tb->name);
	const struct tpl_header *headers = t->headers[t->nheader_rows - 1];
	struct chart *c = calloc(1, sizeof(*c));
	struct node *n = NULL, *caption;
	char text[TEXT_SIZE], *s;
	double low = 0, high = 0;
	int mantissa, exponent, percent = 0, first, last, k;
	size_t col, r, i;

	if (c == NULL || (c->categories = calloc(t->ncolumns + 1,
	    sizeof(char *))) == NULL || (c->series = calloc(t->nrows + 1,
	    sizeof(*c->series))) == NULL)
		goto oom;
	for (col = 0; col < t->ncolumns; col++) {
		if (t->columns[col].kind != COLUMN_VALUE)
			continue;
		header_cell_text(b, &headers[col], tb->line, text, sizeof(text));
		if ((c->categories[c->ncategories++] = strdup_or_fail(b, text,
		    tb->line)) == NULL)
			goto fail;
	}
	for (r = 0; r < t->nrows; r++) {
		const struct tpl_row *row = &t->rows[r];
		struct chart_series *se;
		if (row->value == NULL)
			continue;
		se = &c->series[c->nseries++];
		if ((se->label = message(b, t->file, row->line, row->label, NULL,
		    0)) == NULL)
			goto fail;
		if ((se->values = calloc(c->ncategories + 1, sizeof(double))) ==
		    NULL || (se->present = calloc(c->ncategories + 1, 1)) == NULL)
			goto oom;
		percent |= row->format == ROW_PERCENT;
		for (col = 0, i = 0; col < t->ncolumns; col++) {
			struct rat v;
			int absent;
			if (t->columns[col].kind != COLUMN_VALUE)
				continue;
			if (evaluate(b, row->value, t->columns[col].period, row->line,
			    &v, &absent) == EVAL_OK && !absent) {
				se->values[i] = position(v);
				se->present[i] = 1;
				if (se->values[i] < low)
					low = se->values[i];
				if (se->values[i] > high)
					high = se->values[i];
			}
			i++;
		}
	}
	if (b->failed)
		goto fail;
	/* Ticks at a round step from a multiple below the lowest value to one
	 * above the highest; each label formatted from its exact value. */
	tick_step(high - low > 0 ? high - low : 1, &mantissa, &exponent);
	{
		double step = mantissa;
		for (k = 0; k < (exponent < 0 ? -exponent : exponent); k++)
			step = exponent < 0 ? step / 10 : step * 10;
		first = (int)(low / step) - (low < 0 && low / step != (int)(low / step));
		last = (int)(high / step) + (high / step != (int)(high / step));
		if (last <= first)
			last = first + 1;
		c->low = first * step;
		c->high = last * step;
		c->nticks = (size_t)(last - first + 1);
		if ((c->ticks = calloc(c->nticks, sizeof(double))) == NULL ||
		    (c->tick_labels = calloc(c->nticks, sizeof(char *))) == NULL)
			goto oom;
		for (k = first; k <= last; k++) {
			struct rat v;
			i = (size_t)(k - first);
			c->ticks[i] = k * step;
			if (rat_scale10(rat_int((int64_t)k * mantissa), exponent, &v) !=
			    RAT_OK || format_number(fmt(b), v, exponent < 0 ? -exponent :
			    0, percent ? NUMBER_PERCENT : NUMBER_PLAIN, FORMAT_RATIO,
			    text, sizeof(text)) != 0 ||
			    (c->tick_labels[i] = strdup_or_fail(b, text, tb->line)) ==
			    NULL)
				goto fail;
		}
	}
	if ((n = node_add(parent, NODE_CHART, b->lang)) == NULL ||
	    (n->id = strdup(t->id)) == NULL)
		goto oom;
	n->u.chart = c;
	n->file = b->file;
	n->line = tb->line;
	if ((s = template_message(b, &tb->message)) != NULL) {
		if ((caption = node_add(n, NODE_CAPTION, b->lang)) != NULL)
			node_add_text(caption, s, b->lang);
		free(s);
	}
	return;
oom:
	berror(b, b->file, tb->line, "out of memory");
fail:
	chart_free(c);
}

/* ---- blocks ---- */

static void add_blocks(struct builder *b, struct node *parent,
    const struct tpl_block *blocks, size_t n);

static void
add_slot_blocks(struct builder *b, struct node *parent,
    const struct tpl_block *tb)
{
	const struct slot *slot = period_slot(b->in->period, b->lang, tb->name);
	const char *pfile = b->in->period->file;
	struct node *item;
	size_t i, j;

	if (slot == NULL) {
		if (!tb->optional)
			berror(b, pfile, b->in->period->line, "the %s narrative has "
			    "no slot '%s' (needed by %s:%d)", lang_code(b->lang),
			    tb->name, b->file, tb->line);
		return;
	}
	for (i = 0; i < slot->nblocks; i++) {
		const struct narrative_block *nb = &slot->blocks[i];
		struct node *block = node_add(parent, nb->is_list ? NODE_LIST :
		    NODE_PARAGRAPH, b->lang);
		if (block == NULL) {
			berror(b, pfile, nb->line, "out of memory");
			return;
		}
		block->file = pfile;
		block->line = nb->line;
		for (j = 0; j < nb->nitems; j++) {
			item = nb->is_list ? node_add(block, NODE_ITEM, b->lang) : block;
			if (item == NULL) {
				berror(b, pfile, nb->line, "out of memory");
				return;
			}
			item->line = nb->items[j].line;
			add_runs(b, item, &nb->items[j], pfile);
		}
	}
}

static void
add_block(struct builder *b, struct node *parent, const struct tpl_block *tb)
{
	const struct tpl_template *inc;
	struct node *n;
	char *text;
	size_t i;

	switch (tb->kind) {
	case TPL_SECTION:
		if ((n = node_add(parent, NODE_SECTION, b->lang)) == NULL ||
		    (n->id = strdup(tb->name)) == NULL) {
			node_lost(n != NULL ? n : parent);
			break;
		}
		n->file = b->file;
		n->line = tb->line;
		add_blocks(b, n, tb->children, tb->nchildren);
		return;
	case TPL_HEADING:
		if ((text = template_message(b, &tb->message)) == NULL)
			return;
		if ((n = node_add(parent, NODE_HEADING, b->lang)) != NULL) {
			n->u.heading.level = tb->level;
			n->file = b->file;
			n->line = tb->line;
			node_add_text(n, text, b->lang);
			for (i = 0; i < tb->nchildren; i++)
				add_template_note(b, n, &tb->children[i]);
		}
		free(text);
		return;
	case TPL_PARAGRAPH:
		if ((n = node_add(parent, NODE_PARAGRAPH, b->lang)) == NULL)
			break;
		n->u.paragraph.role = tb->role;
		n->file = b->file;
		n->line = tb->line;
		add_sentences(b, n, tb->children, tb->nchildren);
		return;
	case TPL_LIST:
		if ((n = node_add(parent, NODE_LIST, b->lang)) == NULL)
			break;
		for (i = 0; i < tb->nchildren; i++) {
			struct node *item = node_add(n, NODE_ITEM, b->lang);
			if (item == NULL)
				break;
			item->file = b->file;
			item->line = tb->children[i].line;
			add_sentences(b, item, tb->children[i].children,
			    tb->children[i].nchildren);
		}
		return;
	case TPL_NARRATIVE:
		add_slot_blocks(b, parent, tb);
		return;
	case TPL_TABLE:
		add_table(b, parent, templates_table(b->in->templates, tb->name),
		    tb->line);
		return;
	case TPL_CHART:
		add_chart(b, parent, tb);
		return;
	case TPL_FOOTNOTES:
		flush_notes(b, parent);
		return;
	case TPL_PAGE_BREAK:
		node_add(parent, NODE_PAGE_BREAK, b->lang);
		return;
	case TPL_INCLUDE:
		inc = templates_find(b->in->templates, tb->name);
		if ((n = node_add(parent, NODE_PART, tb->lang)) == NULL ||
		    (n->id = strdup(tb->name)) == NULL) {
			node_lost(n != NULL ? n : parent);
			break;
		}
		{
			struct builder sub = *b;
			sub.lang = tb->lang;
			sub.file = inc->file;
			sub.note_style = inc->notes_per_table ? NOTE_ASTERISK :
			    NOTE_SUPERSCRIPT;
			sub.notes_per_table = inc->notes_per_table;
			sub.note_count = 0;
			sub.first_unflushed = b->nnotes;
			add_blocks(&sub, n, inc->blocks, inc->nblocks);
			flush_notes(&sub, n);
			b->notes = sub.notes;
			b->nnotes = sub.nnotes;
			b->first_unflushed = sub.first_unflushed;
			b->failed |= sub.failed;
			memcpy(b->labels, sub.labels, sizeof(b->labels));
		}
		return;
	default:
		return;
	}
	berror(b, b->file, tb->line, "out of memory");
}

static void
add_blocks(struct builder *b, struct node *parent,
    const struct tpl_block *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n && !b->failed; i++)
		add_block(b, parent, &blocks[i]);
}

struct node *
document_build(const struct build_input *in, const char *template_id,
    enum lang lang, struct diag_list *diags)
{
	const struct tpl_template *tpl = templates_find(in->templates,
	    template_id);
	struct builder b;
	struct node *doc;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.in = in;
	b.diags = diags;
	b.lang = lang;
	if (tpl == NULL) {
		diag_add(diags, DIAG_FATAL, in->templates->dir, 0,
		    "no template '%s'", template_id);
		return NULL;
	}
	b.file = tpl->file;
	b.note_style = tpl->notes_per_table ? NOTE_ASTERISK : NOTE_SUPERSCRIPT;
	b.notes_per_table = tpl->notes_per_table;
	if ((doc = node_add(NULL, NODE_DOCUMENT, lang)) == NULL ||
	    (doc->id = strdup(tpl->id)) == NULL) {
		diag_add(diags, DIAG_FATAL, tpl->file, 0, "out of memory");
		node_free(doc);
		return NULL;
	}
	doc->file = tpl->file;
	add_blocks(&b, doc, tpl->blocks, tpl->nblocks);
	flush_notes(&b, doc);
	for (i = 0; i < b.nnotes; i++) {
		free(b.notes[i].key);
		node_free(b.notes[i].note);
	}
	free(b.notes);
	for (i = 0; i < LANG_MAX * PERIOD_STYLE_MAX * LABEL_OFFSETS; i++)
		free(b.labels[i / (PERIOD_STYLE_MAX * LABEL_OFFSETS)]
		    [i / LABEL_OFFSETS % PERIOD_STYLE_MAX][i % LABEL_OFFSETS]);
	if (!b.failed && node_incomplete(doc)) {
		diag_add(diags, DIAG_FATAL, tpl->file, 0, "out of memory");
		b.failed = 1;
	}
	if (b.failed) {
		node_free(doc);
		return NULL;
	}
	return doc;
}
