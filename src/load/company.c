/*
 * company.xml: who the company is and its presentation policies, and the
 * eras in which they changed (a new ticker, contact, officer, layout or
 * footing convention from a date on). A period takes the era in effect on
 * its release date (periods.c).
 */
#include "loader.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"
#include "xml.h"

/* What one scope (the top level or an <era>) has stated so far: a second
 * statement in the same scope is an error, the first one in an era
 * replaces what the era before it said. */
enum {
	SEEN_NAME = 1u << 0,          /* << lang */
	SEEN_URL = 1u << 2,
	SEEN_CONTACT = 1u << 4,
	SEEN_FOOTING = 1u << 6
};

struct company_scope {
	struct loader *ld;
	struct company *c;
	const char *file;
	unsigned seen;
};

/* The language of an element, or -1 (the schema allows only en and ja). */
static int
element_lang(xmlNodePtr n)
{
	char *lang = xml_get(n, "lang");
	int l = lang_parse(lang);

	free(lang);
	return l;
}

/* A name or url: one per language and scope. */
static void
set_lang_text(struct company_scope *sc, xmlNodePtr n, char **slots,
    unsigned seen_bit, const char *what)
{
	int l = element_lang(n);

	if (l < 0)
		return;
	if (sc->seen & (seen_bit << l)) {
		loader_error(sc->ld, sc->file, xml_line(n), "second %s for the "
		    "same language", what);
		return;
	}
	sc->seen |= seen_bit << l;
	free(slots[l]);
	if ((slots[l] = xml_get(n, NULL)) == NULL)
		loader_error(sc->ld, sc->file, xml_line(n), "out of memory");
}

static void
set_text(struct company_scope *sc, xmlNodePtr n, char **slot,
    const char *attribute)
{
	free(*slot);
	if ((*slot = xml_get(n, attribute)) == NULL && attribute == NULL)
		loader_error(sc->ld, sc->file, xml_line(n), "out of memory");
}

static void
load_contact(struct company_scope *sc, xmlNodePtr n)
{
	int l = element_lang(n);
	struct contact *k;

	if (l < 0)
		return;
	if (sc->seen & (SEEN_CONTACT << l)) {
		loader_error(sc->ld, sc->file, xml_line(n), "second contact for "
		    "the same language");
		return;
	}
	sc->seen |= SEEN_CONTACT << l;
	k = &sc->c->contact[l];
	set_text(sc, n, &k->person, "person");
	set_text(sc, n, &k->office, "office");
	set_text(sc, n, &k->email, "email");
	set_text(sc, n, &k->tel, "tel");
	set_text(sc, n, &k->fax, "fax");
}

/* <officer role="cfo" lang="en" name="…" title="…"/>: one role, one
 * language; an era restates only the languages it gives. */
static void
load_officer(struct company_scope *sc, xmlNodePtr n)
{
	struct company *c = sc->c;
	struct officer *o = NULL, *list;
	char *role = xml_get(n, "role");
	int l = element_lang(n);
	size_t i;

	if (role == NULL || l < 0) {
		free(role);
		return;
	}
	for (i = 0; i < c->nofficers; i++)
		if (strcmp(c->officers[i].role, role) == 0)
			o = &c->officers[i];
	if (o == NULL) {
		if ((list = array_grow(c->officers, c->nofficers,
		    sizeof(*list))) == NULL) {
			loader_error(sc->ld, sc->file, xml_line(n), "out of memory");
			free(role);
			return;
		}
		c->officers = list;
		o = &list[c->nofficers++];
		memset(o, 0, sizeof(*o));
		o->role = role;
		role = NULL;
	}
	free(role);
	o->origin.file = sc->file;
	o->origin.line = xml_line(n);
	set_text(sc, n, &o->name[l], "name");
	set_text(sc, n, &o->title[l], "title");
}

/* <footing policy="allocate" kind="statement"/>: one rule per kind; the
 * first rule an era states replaces all the rules before it. */
static void
load_footing_rule(struct company_scope *sc, xmlNodePtr n)
{
	struct company *c = sc->c;
	struct footing_rule *list;
	char *kind = xml_get(n, "kind"), *policy = xml_get(n, "policy");
	int line = xml_line(n);
	size_t i;

	if (!(sc->seen & SEEN_FOOTING)) {
		for (i = 0; i < c->nfooting; i++)
			free(c->footing[i].kind);
		c->nfooting = 0;
		sc->seen |= SEEN_FOOTING;
	}
	for (i = 0; i < c->nfooting; i++)
		if ((kind == NULL && c->footing[i].kind == NULL) ||
		    (kind != NULL && c->footing[i].kind != NULL &&
		    strcmp(kind, c->footing[i].kind) == 0)) {
			loader_error(sc->ld, sc->file, line, "a second footing "
			    "policy for %s (the first is on line %d)",
			    kind != NULL ? kind : "the default",
			    c->footing[i].origin.line);
			goto out;
		}
	if ((list = array_grow(c->footing, c->nfooting, sizeof(*list))) == NULL) {
		loader_error(sc->ld, sc->file, line, "out of memory");
		goto out;
	}
	c->footing = list;
	list[c->nfooting].kind = kind;
	list[c->nfooting].allocate = policy == NULL ? FOOTING_INDEPENDENT :
	    strcmp(policy, "allocate") == 0 ? FOOTING_ALLOCATE :
	    strcmp(policy, "totals") == 0 ? FOOTING_TOTALS : FOOTING_INDEPENDENT;
	list[c->nfooting].origin.file = sc->file;
	list[c->nfooting].origin.line = line;
	c->nfooting++;
	kind = NULL;
out:
	free(kind);
	free(policy);
}

static int
is_value(xmlNodePtr n, const char *attribute, const char *value)
{
	char *v = xml_get(n, attribute);
	int yes = v != NULL && strcmp(v, value) == 0;

	free(v);
	return yes;
}

/* The fiscal year and the comparison basis: the book's, never an era's
 * (the schema keeps them out of <era>). */
static void
load_book_policy(struct company *c, xmlNodePtr n)
{
	char *value;

	if (xml_is(n, "fiscal-year")) {
		value = xml_get(n, "end-month");
		c->fiscal.end_month = value != NULL ? atoi(value) : 3;
		free(value);
		c->fiscal.named_by_start = is_value(n, "named-by", "start");
	} else if (xml_is(n, "comparison"))
		c->cumulative = is_value(n, "basis", "cumulative");
}

/* One element of company.xml's top level or of an <era>. */
static void
load_company_element(struct company_scope *sc, xmlNodePtr n)
{
	struct company *c = sc->c;
	char *value;
	int l;

	if (xml_is(n, "name"))
		set_lang_text(sc, n, c->name, SEEN_NAME, "name");
	else if (xml_is(n, "url"))
		set_lang_text(sc, n, c->url, SEEN_URL, "url");
	else if (xml_is(n, "short-name"))
		set_text(sc, n, &c->short_name, NULL);
	else if (xml_is(n, "ticker")) {
		set_text(sc, n, &c->ticker, NULL);
		set_text(sc, n, &c->market, "market");
	} else if (xml_is(n, "contact"))
		load_contact(sc, n);
	else if (xml_is(n, "officer"))
		load_officer(sc, n);
	else if (xml_is(n, "layout"))
		set_text(sc, n, &c->layout, "name");
	else if (xml_is(n, "languages")) {
		/* The schema allows a list of "en" and "ja" only. */
		value = xml_get(n, "publish");
		c->languages = 0;
		for (l = 0; l < LANG_MAX; l++)
			if (value != NULL && strstr(value, lang_code((enum lang)l)))
				c->languages |= 1u << l;
		free(value);
	}
	else if (xml_is(n, "rounding")) {
		c->rounding = is_value(n, "amounts", "truncate") ?
		    ROUND_TRUNCATE : ROUND_HALF_UP;
		c->percent_rounding = is_value(n, "percents", "truncate") ?
		    ROUND_TRUNCATE : ROUND_HALF_UP;
	} else if (xml_is(n, "negatives")) {
		l = element_lang(n);
		value = xml_get(n, "style");
		if (l >= 0 && value != NULL)
			c->negatives[l] =
			    strcmp(value, "minus") == 0 ? NEG_MINUS :
			    strcmp(value, "triangle") == 0 ? NEG_TRIANGLE :
			    strcmp(value, "black-triangle") == 0 ?
			    NEG_BLACK_TRIANGLE : NEG_PARENTHESES;
		free(value);
	} else if (xml_is(n, "footing"))
		load_footing_rule(sc, n);
	else if (xml_is(n, "percent-change")) {
		c->not_meaningful = is_value(n, "not-meaningful", "n/m") ?
		    NM_NOT_MEANINGFUL : NM_ARITHMETIC;
		value = xml_get(n, "vanished");
		c->vanished = value == NULL ? VANISHED_ARITHMETIC :
		    strcmp(value, "zero") == 0 ? VANISHED_ZERO :
		    strcmp(value, "n/m") == 0 ? VANISHED_NOT_MEANINGFUL :
		    strcmp(value, "blank") == 0 ? VANISHED_BLANK :
		    VANISHED_ARITHMETIC;
		free(value);
	} else
		load_book_policy(c, n);
}

/* <era from="2005-04-01">: the era before it, with what it states. */
static void
load_era(struct loader *ld, xmlNodePtr n)
{
	struct book *b = ld->book;
	const struct company *before = b->neras > 0 ? &b->eras[b->neras - 1] :
	    &b->company;
	struct company_scope sc = { ld, NULL, b->company_file, 0 };
	struct company *eras;
	struct date from;
	char *value = xml_get(n, "from");
	xmlNodePtr k;
	int rc = value != NULL ? date_parse(value, &from) : -1;

	if (rc != 0) {
		loader_error(ld, b->company_file, xml_line(n), "era: from is not "
		    "a calendar date: %s", value != NULL ? value : "(missing)");
		free(value);
		return;
	}
	free(value);
	if (before->has_from && (from.year < before->from.year ||
	    (from.year == before->from.year && (from.month < before->from.month ||
	    (from.month == before->from.month && from.day <= before->from.day))))) {
		loader_error(ld, b->company_file, xml_line(n), "eras must be in "
		    "date order: this one starts on or before the one on line %d",
		    before->origin.line);
		return;
	}
	if ((eras = array_grow(b->eras, b->neras, sizeof(*eras))) == NULL) {
		loader_error(ld, b->company_file, xml_line(n), "out of memory");
		return;
	}
	b->eras = eras;
	sc.c = &eras[b->neras];
	memset(sc.c, 0, sizeof(*sc.c));
	b->neras++;
	if (company_copy(sc.c, before) != 0) {
		loader_error(ld, b->company_file, xml_line(n), "out of memory");
		return;
	}
	sc.c->has_from = 1;
	sc.c->from = from;
	sc.c->origin.line = xml_line(n);
	for (k = xml_element(n->children); k != NULL; k = xml_element(k->next))
		load_company_element(&sc, k);
}

void
load_company(struct loader *ld)
{
	struct company *c = &ld->book->company;
	struct company_scope sc = { ld, c, ld->book->company_file, 0 };
	xmlDocPtr doc;
	xmlNodePtr n;
	int l;

	if ((doc = load_book_xml(ld, sc.file, SCHEMA_COMPANY, 0)) == NULL) {
		ld->failed = 1;
		return;
	}
	c->origin.file = sc.file;
	c->origin.line = xml_line(xmlDocGetRootElement(doc));
	for (l = 0; l < LANG_MAX; l++)
		c->negatives[l] = NEG_PARENTHESES;
	c->languages = (1u << LANG_MAX) - 1;
	for (n = xml_element(xmlDocGetRootElement(doc)->children); n != NULL;
	    n = xml_element(n->next))
		if (!xml_is(n, "era"))
			load_company_element(&sc, n);
	for (l = 0; l < LANG_MAX; l++)
		if (c->name[l] == NULL)
			loader_error(ld, sc.file, c->origin.line, "no company name in %s",
			    l == LANG_EN ? "English (lang=\"en\")" :
			    "Japanese (lang=\"ja\")");
	for (n = xml_element(xmlDocGetRootElement(doc)->children); n != NULL;
	    n = xml_element(n->next))
		if (xml_is(n, "era"))
			load_era(ld, n);
	xmlFreeDoc(doc);
}

