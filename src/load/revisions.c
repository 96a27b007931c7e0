/*
 * What a period file says about figures other than its own facts: an
 * earlier quarter's fact restated (with its reasons, per language), and
 * how the release displays figures it does not compute as kessan would
 * (<display>: adjustments and stated changes).
 */
#include "loader.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"
#include "xml.h"

/*
 * A restatement's reasons: <reason lang="en|ja"> children, or the plain
 * text of the older form, which is the English one. 0, or -1 (reported).
 */
static int
load_reasons(struct loader *ld, struct period *p, xmlNodePtr n,
    struct restatement *r)
{
	xmlNodePtr c = xml_element(n->children);

	if (c == NULL) {
		r->reason[LANG_EN] = xml_get(n, NULL);
		return 0;
	}
	for (; c != NULL; c = xml_element(c->next)) {
		char *lang = xml_get(c, "lang");
		int l;

		l = lang != NULL && xml_is(c, "reason") ? lang_parse(lang) : -1;
		free(lang);
		if (l < 0) {
			loader_error(ld, p->file, xml_line(c), "restate: expected "
			    "<reason lang=\"en\"> or <reason lang=\"ja\">");
			return -1;
		}
		if (r->reason[l] != NULL) {
			loader_error(ld, p->file, xml_line(c), "restate: a second "
			    "%s reason (keep one <reason lang=\"%s\">)",
			    lang_code((enum lang)l), lang_code((enum lang)l));
			return -1;
		}
		r->reason[l] = xml_get(c, NULL);
	}
	return 0;
}

void
load_restatement(struct loader *ld, struct period *p, xmlNodePtr n)
{
	struct restatement *r, *list;
	char *period = xml_get(n, "period"), *id = xml_get(n, "id");
	char *value = xml_get(n, "value");
	int line = xml_line(n), year, quarter;
	long index;

	if (period == NULL || id == NULL || value == NULL ||
	    period_id_parse(period, &year, &quarter) != 0) {
		loader_error(ld, p->file, line, "restate: bad period");
		goto out;
	}
	if (fiscal_ordinal(year, quarter) >= p->ordinal) {
		loader_error(ld, p->file, line,
		    "restate: %s is not earlier than %s", period, p->id);
		goto out;
	}
	if ((index = book_fact_index(ld->book, id)) < 0) {
		char hint[160];

		loader_error(ld, p->file, line, "restate: unknown fact %s%s", id,
		    book_fact_hint(ld->book, id, hint, sizeof(hint)));
		goto out;
	}
	if ((list = array_grow(p->restatements, p->nrestatements,
	    sizeof(*list))) == NULL) {
		loader_error(ld, p->file, line, "out of memory");
		goto out;
	}
	p->restatements = list;
	r = &list[p->nrestatements];
	memset(r, 0, sizeof(*r));
	r->ordinal = fiscal_ordinal(year, quarter);
	r->fact = (size_t)index;
	r->line = line;
	if (parse_value(ld, p, line, &ld->book->facts[index], value, &r->value,
	    &r->decimals) == 0) {
		if (load_reasons(ld, p, n, r) == 0)
			p->nrestatements++;
		else {
			free(r->reason[LANG_EN]);
			free(r->reason[LANG_JA]);
		}
	}
out:
	free(period);
	free(id);
	free(value);
}

/*
 * A quarter named relative to the release, as templates name them
 * (current, pq, py, q-N): so a display entry stays right when the book's
 * years are renamed or a period file is copied. Returns the ordinal, or
 * -1 (reported).
 */
static int
quarter_attribute(struct loader *ld, struct period *p, xmlNodePtr n,
    const char *name)
{
	char *text = xml_get(n, name);
	int offset = 0, ordinal = -1;

	if (text == NULL || period_offset_parse(text, &offset) != 0 ||
	    offset > 0)
		loader_error(ld, p->file, xml_line(n), "%s: '%s' is not this release's "
		    "quarter or an earlier one (current, pq, py, q-N)", name,
		    text != NULL ? text : "");
	else
		ordinal = p->ordinal + offset;
	free(text);
	return ordinal;
}

/* A figure as printed, in the display unit: "-14.5", "24625". */
static int
shown_attribute(struct loader *ld, struct period *p, xmlNodePtr n,
    struct rat *value, int *decimals)
{
	char *text = xml_get(n, "shown");
	int rc = 0;

	if (text == NULL || rat_parse(text, value, decimals) != RAT_OK) {
		loader_error(ld, p->file, xml_line(n), "shown: '%s' is not a plain "
		    "decimal number as printed (write -14.5 for (14.5))",
		    text != NULL ? text : "");
		rc = -1;
	}
	free(text);
	return rc;
}

/* <adjust table row column quarter shown>reason</adjust> */
void
load_adjustment(struct loader *ld, struct period *p, xmlNodePtr n)
{
	static const char *const columns[SHOWN_COLUMN_MAX] = {
		"value", "share", "usd"
	};
	struct display_adjustment a, *list;
	char *column = xml_get(n, "column");
	int c;

	memset(&a, 0, sizeof(a));
	a.line = xml_line(n);
	for (c = 0; c < SHOWN_COLUMN_MAX; c++)
		if (column != NULL && strcmp(column, columns[c]) == 0)
			break;
	free(column);
	a.column = (enum shown_column)c;
	a.ordinal = quarter_attribute(ld, p, n, "period");
	if (c == SHOWN_COLUMN_MAX || a.ordinal < 0 ||
	    shown_attribute(ld, p, n, &a.shown, &a.decimals) != 0)
		return;
	a.table = xml_get(n, "table");
	a.row = xml_get(n, "row");
	a.reason = xml_get(n, NULL);
	if ((list = array_grow(p->adjustments, p->nadjustments,
	    sizeof(*list))) == NULL) {
		loader_error(ld, p->file, a.line, "out of memory");
		free(a.table);
		free(a.row);
		free(a.reason);
		return;
	}
	p->adjustments = list;
	list[p->nadjustments++] = a;
}

/* <stated-change fact against shown>reason</stated-change> */
void
load_stated_change(struct loader *ld, struct period *p, xmlNodePtr n)
{
	struct stated_change s, *list;
	char *fact = xml_get(n, "fact");
	long index = fact != NULL ? book_fact_index(ld->book, fact) : -1;

	memset(&s, 0, sizeof(s));
	s.line = xml_line(n);
	if (index < 0) {
		char hint[160];

		loader_error(ld, p->file, s.line,
		    "stated-change: unknown fact %s%s", fact != NULL ? fact : "",
		    fact != NULL ? book_fact_hint(ld->book, fact, hint,
		    sizeof(hint)) : "");
	}
	free(fact);
	s.against = quarter_attribute(ld, p, n, "against");
	if (index < 0 || s.against < 0 ||
	    shown_attribute(ld, p, n, &s.shown, &s.decimals) != 0)
		return;
	if (s.against >= p->ordinal) {
		loader_error(ld, p->file, s.line, "stated-change: the base quarter must "
		    "be before %s", p->id);
		return;
	}
	s.fact = (size_t)index;
	s.reason = xml_get(n, NULL);
	if ((list = array_grow(p->stated, p->nstated, sizeof(*list))) == NULL) {
		loader_error(ld, p->file, s.line, "out of memory");
		free(s.reason);
		return;
	}
	p->stated = list;
	list[p->nstated++] = s;
}
