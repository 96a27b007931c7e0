/*
 * accounts.xml and periods/YYYY-qN.xml into a struct book (company.xml:
 * company.c).
 * The schemas have already checked shape and lexical form; this checks
 * what they cannot: ids that must exist, duplicates, dates, file names.
 */
#include "load.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../model/expr.h"
#include "../util/buffer.h"
#include "loader.h"
#include "narrative.h"
#include "xml.h"

void
loader_error(struct loader *ld, const char *file, int line, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	xml_loader_error(ld->diags, file, line, fmt, ap);
	va_end(ap);
	ld->failed = 1;
}

/*
 * Loads one of the book's own files, refusing one that is a symbolic
 * link (or lies under one) leading out of the book folder: a book is
 * what its folder holds, and a link to /etc or another company's book
 * would be published as this one. A draft named on the command line is
 * the caller's choice and is not held to this.
 */
xmlDocPtr
load_book_xml(struct loader *ld, const char *file, enum schema schema,
    int is_draft)
{
	char book[PATH_MAX], real[PATH_MAX];
	int outside = 0;

	/* A path that does not resolve is left to xml_load to report. */
	if (!is_draft && realpath(ld->book->dir, book) != NULL &&
	    realpath(file, real) != NULL) {
		size_t n = strlen(book);
		outside = strncmp(real, book, n) != 0 || real[n] != '/';
	}
	if (outside) {
		loader_error(ld, file, 0, "a symbolic link that leads out of the book "
		    "(to %s): copy the file into the book instead", real);
		return NULL;
	}
	return xml_load(file, schema, ld->diags);
}

char *
join_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);

	if (path != NULL)
		snprintf(path, n, "%s/%s", dir, name);
	return path;
}

/* ---- accounts.xml ---- */

static int
parse_enum(const char *value, const char *const *names, int count, int dflt)
{
	int i;

	if (value == NULL)
		return dflt;
	for (i = 0; i < count; i++)
		if (strcmp(value, names[i]) == 0)
			return i;
	return dflt;
}

static const char *const unit_words[UNIT_MAX] = {
	"JPY", "count", "shares", "Gbps", "percent"
};
static const char *const period_type_words[] = { "duration", "instant" };
static const char *const aggregate_words[] = { "sum", "last", "none" };

static void
load_fact_decl(struct loader *ld, xmlNodePtr n, size_t group,
    enum period_type group_type)
{
	struct book *b = ld->book;
	struct fact_decl *f, *facts;
	char *value;
	long other;

	if ((facts = array_grow(b->facts, b->nfacts, sizeof(*facts))) == NULL) {
		loader_error(ld, b->accounts_file, xml_line(n), "out of memory");
		return;
	}
	b->facts = facts;
	f = &facts[b->nfacts];
	f->id = xml_get(n, "id");
	if (f->id == NULL) {
		loader_error(ld, b->accounts_file, xml_line(n), "out of memory");
		return;
	}
	if ((other = book_fact_index(b, f->id)) >= 0) {
		loader_error(ld, b->accounts_file, xml_line(n),
		    "fact %s is declared twice (first at line %d)", f->id,
		    b->facts[other].origin.line);
		free(f->id);
		return;
	}
	b->nfacts++;
	f->label = xml_get(n, "label");
	f->group = group;
	f->origin.file = b->accounts_file;
	f->origin.line = xml_line(n);
	value = xml_get(n, "unit");
	f->unit = (enum unit)parse_enum(value, unit_words, UNIT_MAX, UNIT_JPY);
	free(value);
	value = xml_get(n, "scale");
	f->scale = value != NULL ? atoi(value) : 0;
	free(value);
	value = xml_get(n, "period-type");
	f->period_type = (enum period_type)parse_enum(value, period_type_words,
	    2, (int)group_type);
	free(value);
	value = xml_get(n, "aggregate");
	f->aggregate = (enum aggregate)parse_enum(value, aggregate_words, 3,
	    f->period_type == PERIOD_INSTANT ? AGGREGATE_LAST : AGGREGATE_SUM);
	free(value);
}

static void
load_group(struct loader *ld, xmlNodePtr n)
{
	struct book *b = ld->book;
	struct group_decl *g, *groups;
	enum period_type type;
	char *value;
	size_t i, index;
	xmlNodePtr child;

	if ((groups = array_grow(b->groups, b->ngroups, sizeof(*groups))) == NULL) {
		loader_error(ld, b->accounts_file, xml_line(n), "out of memory");
		return;
	}
	b->groups = groups;
	g = &groups[b->ngroups];
	if ((g->id = xml_get(n, "id")) == NULL) {
		loader_error(ld, b->accounts_file, xml_line(n), "out of memory");
		return;
	}
	for (i = 0; i < b->ngroups; i++)
		if (strcmp(b->groups[i].id, g->id) == 0) {
			loader_error(ld, b->accounts_file, xml_line(n),
			    "group %s is declared twice (first at line %d)", g->id,
			    b->groups[i].origin.line);
			free(g->id);
			return;
		}
	g->title = xml_get(n, "title");
	g->origin.file = b->accounts_file;
	g->origin.line = xml_line(n);
	index = b->ngroups++;
	value = xml_get(n, "period-type");
	type = (enum period_type)parse_enum(value, period_type_words, 2,
	    PERIOD_DURATION);
	free(value);
	for (child = xml_element(n->children); child != NULL;
	    child = xml_element(child->next))
		if (xml_is(child, "fact"))
			load_fact_decl(ld, child, index, type);
}

static struct expr *
parse_side(struct loader *ld, const char *text, int line, const char *id)
{
	char err[256];
	int column;
	struct expr *e = expr_parse(text, ld->book, err, sizeof(err), &column);
	const char *at = text + (column > 0 ? column - 1 : 0);

	if (e != NULL)
		return e;
	if (*at == '\0')
		loader_error(ld, ld->book->accounts_file, line,
		    "identity %s: %s (at the end of \"%s\")", id, err, text);
	else
		loader_error(ld, ld->book->accounts_file, line,
		    "identity %s: %s (at \"%.20s\")", id, err, at);
	return e;
}

/* Identities are parsed after every fact is declared, wherever it stands. */
static void
load_identity(struct loader *ld, xmlNodePtr n)
{
	struct book *b = ld->book;
	struct identity *id, *ids;
	char *eq, *value;
	size_t i;

	if ((ids = array_grow(b->identities, b->nidentities, sizeof(*ids))) == NULL) {
		loader_error(ld, b->accounts_file, xml_line(n), "out of memory");
		return;
	}
	b->identities = ids;
	id = &ids[b->nidentities];
	id->id = xml_get(n, "id");
	id->text = xml_get(n, NULL);
	if (id->id == NULL || id->text == NULL) {
		free(id->id);
		free(id->text);
		loader_error(ld, b->accounts_file, xml_line(n), "out of memory");
		return;
	}
	b->nidentities++;
	id->title = xml_get(n, "title");
	id->origin.file = b->accounts_file;
	id->origin.line = xml_line(n);
	for (i = 0; i + 1 < b->nidentities; i++)
		if (strcmp(b->identities[i].id, id->id) == 0)
			loader_error(ld, b->accounts_file, id->origin.line,
			    "identity %s is declared twice (first at line %d)",
			    id->id, b->identities[i].origin.line);
	value = xml_get(n, "applies");
	id->release_only = value != NULL && strcmp(value, "release") == 0;
	free(value);
	if ((value = xml_get(n, "tolerance")) != NULL) {
		id->has_tolerance = 1;
		if (rat_parse(value, &id->tolerance, NULL) != RAT_OK ||
		    rat_sign(id->tolerance) < 0)
			loader_error(ld, b->accounts_file, id->origin.line,
			    "identity %s: tolerance must be a non-negative number",
			    id->id);
		free(value);
	}
	/* The schema guarantees exactly one '='. */
	if ((eq = strchr(id->text, '=')) == NULL)
		return;
	*eq = '\0';
	id->left = parse_side(ld, id->text, id->origin.line, id->id);
	id->right = parse_side(ld, eq + 1, id->origin.line, id->id);
	*eq = '=';
}

static void
load_accounts(struct loader *ld)
{
	xmlDocPtr doc;
	xmlNodePtr root, n;

	doc = load_book_xml(ld, ld->book->accounts_file, SCHEMA_ACCOUNTS, 0);
	if (doc == NULL) {
		ld->failed = 1;
		return;
	}
	root = xmlDocGetRootElement(doc);
	for (n = xml_element(root->children); n != NULL; n = xml_element(n->next))
		if (xml_is(n, "group"))
			load_group(ld, n);
	for (n = xml_element(root->children); n != NULL; n = xml_element(n->next))
		if (xml_is(n, "identity"))
			load_identity(ld, n);
	xmlFreeDoc(doc);
}

/* ---- periods/YYYY-qN.xml ---- */

static int
get_date(struct loader *ld, struct period *p, xmlNodePtr n, const char *name,
    struct date *out)
{
	char *value = xml_get(n, name);
	int rc = value != NULL ? date_parse(value, out) : -1;

	if (rc != 0)
		loader_error(ld, p->file, xml_line(n), "%s: not a calendar date: %s",
		    name, value != NULL ? value : "(missing)");
	free(value);
	return rc;
}

static void
load_release(struct loader *ld, struct period *p, xmlNodePtr n)
{
	struct dateline *lines;
	xmlNodePtr c;
	char *value;

	p->has_release = 1;
	p->release_line = xml_line(n);
	get_date(ld, p, n, "date", &p->release_date);
	p->layout = xml_get(n, "layout");
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (xml_is(c, "dateline")) {
			lines = array_grow(p->datelines, p->ndatelines, sizeof(*lines));
			if (lines == NULL) {
				loader_error(ld, p->file, xml_line(c), "out of memory");
				return;
			}
			p->datelines = lines;
			lines[p->ndatelines].city[LANG_EN] = xml_get(c, "city-en");
			lines[p->ndatelines].city[LANG_JA] = xml_get(c, "city-ja");
			get_date(ld, p, c, "date", &lines[p->ndatelines].date);
			lines[p->ndatelines].line = xml_line(c);
			p->ndatelines++;
		} else if (xml_is(c, "convenience")) {
			p->convenience_line = xml_line(c);
			get_date(ld, p, c, "date", &p->convenience_date);
			value = xml_get(c, "rate");
			if (value != NULL && *value == '\0') {
				/* Not yet written: USD figures cannot print until it is. */
				if (unwritten_add(&p->unwritten, &p->nunwritten,
				    xml_line(c), "convenience rate: no value yet: write "
				    "the yen per US$1 of its date") != 0)
					loader_error(ld, p->file, xml_line(c), "out of memory");
				p->convenience_rate = rat_int(0);
			}
			else if (value == NULL ||
			    rat_parse(value, &p->convenience_rate, NULL) != RAT_OK)
				loader_error(ld, p->file, xml_line(c),
				    "convenience rate is not a number");
			else if (rat_sign(p->convenience_rate) <= 0)
				loader_error(ld, p->file, xml_line(c),
				    "convenience rate must be above zero, not %s", value);
			free(value);
		}
	}
}

int
parse_value(struct loader *ld, struct period *p, int line,
    const struct fact_decl *f, const char *text, struct rat *value,
    int *decimals)
{
	enum rat_status st = rat_parse(text, value, decimals);

	if (*text == '\0') {
		if (unwritten_add(&p->unwritten, &p->nunwritten, line, "%s: no "
		    "value yet: write the quarter's figure in its unit of record "
		    "(or leave the fact out if an identity derives it)", f->id) != 0)
			loader_error(ld, p->file, line, "out of memory");
		return 1;
	}
	if (st == RAT_OK)
		st = rat_scale10(*value, f->scale, value);
	if (st == RAT_OK)
		return 0;
	if (st == RAT_OVERFLOW && strlen(text) > 64)   /* not all of it */
		loader_error(ld, p->file, line, "%s: value %.24s... (%zu characters) has "
		    "more than %d digits", f->id, text, strlen(text),
		    RAT_MAX_DIGITS);
	else if (st == RAT_OVERFLOW)
		loader_error(ld, p->file, line, "%s: value %s has more than %d digits",
		    f->id, text, RAT_MAX_DIGITS);
	else
		loader_error(ld, p->file, line, "%s: value '%s' is not a plain decimal "
		    "number (write -1234567 or 18.72: no grouping or units)",
		    f->id, text);
	return -1;
}

static void
load_fact_value(struct loader *ld, struct period *p, xmlNodePtr n,
    size_t group)
{
	const struct book *b = ld->book;
	char *id = xml_get(n, "id"), *text = xml_get(n, NULL);
	int line = xml_line(n);
	struct fact_slot *slot;
	long index;

	if (id == NULL || text == NULL) {
		loader_error(ld, p->file, line, "out of memory");
		goto out;
	}
	if ((index = book_fact_index(b, id)) < 0) {
		char hint[160];

		loader_error(ld, p->file, line,
		    "unknown fact %s (not declared in %s)%s", id,
		    b->accounts_file, book_fact_hint(b, id, hint, sizeof(hint)));
		goto out;
	}
	if (b->facts[index].group != group) {
		loader_error(ld, p->file, line, "fact %s belongs to group %s, not %s", id,
		    b->groups[b->facts[index].group].id, b->groups[group].id);
		goto out;
	}
	slot = &p->slots[index];
	if (slot->state == SLOT_PRESENT) {
		loader_error(ld, p->file, line, "duplicate fact %s (first at line %d)", id,
		    slot->line);
		goto out;
	}
	switch (parse_value(ld, p, line, &b->facts[index], text, &slot->value,
	    &slot->decimals)) {
	case 0:
		slot->state = SLOT_PRESENT;
		slot->line = line;
		break;
	case 1:
		/* Not yet written: unknown, neither absent nor derived. */
		slot->line = line;
		break;
	default:
		break;
	}
out:
	free(id);
	free(text);
}

static long
group_index(const struct book *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->ngroups; i++)
		if (strcmp(b->groups[i].id, id) == 0)
			return (long)i;
	return -1;
}

static void
load_period_group(struct loader *ld, struct period *p, xmlNodePtr n,
    unsigned char *complete)
{
	char *ref = xml_get(n, "ref"), *value;
	long g;
	xmlNodePtr c;

	if (ref == NULL || (g = group_index(ld->book, ref)) < 0) {
		loader_error(ld, p->file, xml_line(n), "unknown group %s",
		    ref != NULL ? ref : "(none)");
		free(ref);
		return;
	}
	free(ref);
	value = xml_get(n, "complete");
	if (value == NULL || strcmp(value, "true") == 0 || strcmp(value, "1") == 0)
		complete[g] = 1;
	free(value);
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next))
		load_fact_value(ld, p, c, (size_t)g);
}

struct period *
load_period(struct loader *ld, const char *dir, const char *name,
    int is_draft)
{
	const struct book *b = ld->book;
	struct period *p;
	xmlDocPtr doc;
	xmlNodePtr root, n;
	unsigned char *complete;
	char *value, expected[32];
	size_t i;

	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->file = join_path(dir, name)) == NULL ||
	    (p->slots = calloc(b->nfacts ? b->nfacts : 1, sizeof(*p->slots))) ==
	    NULL || (complete = calloc(b->ngroups ? b->ngroups : 1, 1)) == NULL) {
		loader_error(ld, name, 0, "out of memory");
		if (p != NULL) {
			free(p->file);
			free(p->slots);
			free(p);
		}
		return NULL;
	}
	if ((doc = load_book_xml(ld, p->file, SCHEMA_PERIOD, is_draft)) ==
	    NULL) {
		ld->failed = 1;
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	p->line = xml_line(root);
	value = xml_get(root, "fiscal-year");
	p->fiscal_year = value != NULL ? atoi(value) : 0;
	free(value);
	value = xml_get(root, "quarter");
	p->quarter = value != NULL ? atoi(value) : 1;
	free(value);
	p->ordinal = fiscal_ordinal(p->fiscal_year, p->quarter);
	period_id_format(p->fiscal_year, p->quarter, p->id, sizeof(p->id));
	snprintf(expected, sizeof(expected), "%s.xml", p->id);
	if (!is_draft && strcmp(name, expected) != 0)
		report_misnamed(ld, p, name);
	for (n = xml_element(root->children); n != NULL; n = xml_element(n->next)) {
		if (xml_is(n, "release"))
			load_release(ld, p, n);
		else if (xml_is(n, "group"))
			load_period_group(ld, p, n, complete);
		else if (xml_is(n, "restate"))
			load_restatement(ld, p, n);
		else if (xml_is(n, "display")) {
			xmlNodePtr d;
			for (d = xml_element(n->children); d != NULL;
			    d = xml_element(d->next))
				if (xml_is(d, "adjust"))
					load_adjustment(ld, p, d);
				else if (xml_is(d, "stated-change"))
					load_stated_change(ld, p, d);
		}
		else if (xml_is(n, "narrative")) {
			char *lang = xml_get(n, "lang");
			int l = lang_parse(lang);
			free(lang);
			if (l >= 0 && narrative_load(b, p->file, n, &p->narrative[l],
			    ld->diags) != 0)
				ld->failed = 1;
		}
	}
	/* In a complete group, what is not listed does not exist. */
	for (i = 0; i < b->nfacts; i++)
		if (complete[b->facts[i].group] && p->slots[i].state == SLOT_UNKNOWN &&
		    p->slots[i].line == 0)
			p->slots[i].state = SLOT_ABSENT;
	xmlFreeDoc(doc);
out:
	free(complete);
	return p;
}

struct book *
book_load(const char *dir, struct diag_list *diags)
{
	return book_load_draft(dir, NULL, diags);
}

static struct book *
load_book(struct loader *ld, const char *dir, struct diag_list *diags)
{
	struct book *b;

	if ((b = calloc(1, sizeof(*b))) == NULL ||
	    (b->dir = strdup(dir)) == NULL ||
	    (b->company_file = join_path(dir, "company.xml")) == NULL ||
	    (b->accounts_file = join_path(dir, "accounts.xml")) == NULL) {
		diag_add(diags, DIAG_FATAL, dir, 0, "out of memory");
		book_free(b);
		return NULL;
	}
	ld->book = b;
	xml_take_out_of_memory();
	load_company(ld);
	load_accounts(ld);
	/* Period facts are checked against the accounts: skip if those failed. */
	if (!ld->failed)
		load_periods(ld);
	if (xml_report_lost_values(diags, dir))
		ld->failed = 1;
	if (ld->failed) {
		book_free(b);
		return NULL;
	}
	return b;
}

struct book *
book_load_draft(const char *dir, const char *period_file,
    struct diag_list *diags)
{
	struct loader ld = { NULL, diags, period_file, 0, NULL, NULL, NULL,
	    NULL, 0 };

	return load_book(&ld, dir, diags);
}

struct book *
book_load_release(const char *dir, const char *period,
    const char *period_file, book_reach_fn reach, void *arg,
    struct diag_list *diags)
{
	struct loader ld = { NULL, diags, period_file, 0, period, reach, arg,
	    NULL, 0 };

	return load_book(&ld, dir, diags);
}
