/*
 * `kessan new`: the next quarter's period file, written from the last
 * release's. Every fact that release wrote gets an empty <f> with its
 * label and last value in a comment (facts an identity derives are named
 * once, to be left out); every narrative slot the templates fill gets an
 * empty <slot> with last quarter's text in a comment; the release element
 * has dates proposed from the last release's. Empty values are errors in
 * `kessan check` until filled, so nothing stale passes for new.
 */
#include "scaffold.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "load/xml.h"
#include "model/expr.h"

struct slot_list {
	struct scaffold_slot {
		const char *id;
		int optional;
		const char *file;
		int line;
	} items[256];
	size_t n;
	enum lang lang;
};

static void
collect_slot(void *arg, enum tpl_slot_kind kind, const char *slot,
    const char *file, int line, int optional, unsigned langs)
{
	struct slot_list *list = arg;
	size_t i;

	/* Authored footnotes are written with the notes, not as slots. */
	if (kind == TPL_SLOT_FOOTNOTE || !(langs & (1u << list->lang)))
		return;
	for (i = 0; i < list->n; i++)
		if (strcmp(list->items[i].id, slot) == 0) {
			/* Needed once anywhere: needed. */
			list->items[i].optional &= optional;
			return;
		}
	if (list->n < sizeof(list->items) / sizeof(list->items[0])) {
		list->items[list->n].id = slot;
		list->items[list->n].optional = optional;
		list->items[list->n].file = file;
		list->items[list->n].line = line;
		list->n++;
	}
}

/* Text for inside an XML comment: no "--", no trailing "-". */
static void
put_comment_text(struct buffer *b, const char *text)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		buffer_write(b, p, 1);
		if (*p == '-' && (p[1] == '-' || p[1] == '\0'))
			buffer_puts(b, " ");
	}
}

/* An element's content as it was written, for a comment. */
static int
put_content(struct buffer *b, xmlDocPtr doc, xmlNodePtr n)
{
	xmlBufferPtr xb = xmlBufferCreate();
	xmlNodePtr k;

	if (xb == NULL)
		return -1;
	for (k = n->children; k != NULL; k = k->next)
		if (xmlNodeDump(xb, doc, k, 0, 0) < 0) {
			xmlBufferFree(xb);
			return -1;
		}
	put_comment_text(b, (const char *)xmlBufferContent(xb));
	xmlBufferFree(xb);
	return 0;
}

static xmlNodePtr
find_child(xmlNodePtr parent, const char *name, const char *attr,
    const char *value)
{
	xmlNodePtr n;
	char *v;
	int same;

	for (n = xml_element(parent->children); n != NULL;
	    n = xml_element(n->next)) {
		if (!xml_is(n, name))
			continue;
		v = xml_get(n, attr);
		same = v != NULL && strcmp(v, value) == 0;
		free(v);
		if (same)
			return n;
	}
	return NULL;
}

/* Text for an attribute value in double quotes. */
static void
put_attribute_text(struct buffer *b, const char *text)
{
	const char *p;

	for (p = text != NULL ? text : ""; *p != '\0'; p++)
		switch (*p) {
		case '&':
			buffer_puts(b, "&amp;");
			break;
		case '<':
			buffer_puts(b, "&lt;");
			break;
		case '"':
			buffer_puts(b, "&quot;");
			break;
		default:
			buffer_write(b, p, 1);
		}
}

static void
put_date(struct buffer *b, const char *name, struct date d)
{
	buffer_printf(b, " %s=\"%04d-%02d-%02d\"", name, d.year, d.month, d.day);
}

/* The release element: the last release's dates moved by a quarter,
 * keeping their distance from the quarter's end. */
static void
put_release(struct buffer *b, const struct book *book,
    const struct period *last, int year, int quarter, struct date *release)
{
	struct date end, last_end;
	long lag, base;
	size_t i;

	fiscal_quarter_end(&book->company.fiscal, year, quarter, &end);
	fiscal_quarter_end(&book->company.fiscal, last->fiscal_year,
	    last->quarter, &last_end);
	base = date_days(last->release_date);
	lag = base - date_days(last_end);
	*release = date_from_days(date_days(end) + lag);
	buffer_printf(b, "  <!-- proposed: %s was released %ld days after its "
	    "quarter ended -->\n  <release", last->id, lag);
	put_date(b, "date", *release);
	if (last->layout != NULL)
		buffer_printf(b, " layout=\"%s\"", last->layout);
	buffer_puts(b, ">\n");
	for (i = 0; i < last->ndatelines; i++) {
		const struct dateline *d = &last->datelines[i];
		buffer_puts(b, "    <dateline city-en=\"");
		put_attribute_text(b, d->city[LANG_EN]);
		buffer_puts(b, "\" city-ja=\"");
		put_attribute_text(b, d->city[LANG_JA]);
		buffer_puts(b, "\"");
		put_date(b, "date", date_from_days(date_days(*release) +
		    date_days(d->date) - base));
		buffer_puts(b, "/>\n");
	}
	{
		char rate[64];
		struct date on = date_from_days(date_days(end) +
		    date_days(last->convenience_date) - date_days(last_end));
		if (rat_to_exact_decimal(last->convenience_rate, rate,
		    sizeof(rate)) != RAT_OK)
			snprintf(rate, sizeof(rate), "?");
		buffer_printf(b, "    <!-- %s: %s yen per US$1 on %04d-%02d-%02d "
		    "-->\n    <convenience currency=\"USD\" rate=\"\"", last->id,
		    rate, last->convenience_date.year,
		    last->convenience_date.month, last->convenience_date.day);
		put_date(b, "date", on);
		buffer_puts(b, "/>\n");
	}
	buffer_puts(b, "  </release>\n");
}

/*
 * Whether fact f is a total the scaffold leaves out: the left side of an
 * identity whose right side is more than one fact ("is.op_income =
 * is.rev.total - is.exp.total"), which book_derive computes. A fact an
 * identity merely equates with another (cf.cash_end = bs.cash) is
 * written: left out on both sides, neither could be derived.
 */
static int
is_total(const struct book *book, size_t f)
{
	size_t i;

	for (i = 0; i < book->nidentities; i++) {
		const struct identity *id = &book->identities[i];
		if (expr_single_fact(id->left) == (long)f &&
		    id->right != NULL && id->right->kind != EXPR_FACT &&
		    id->right->kind != EXPR_NEG &&
		    book_fact_derivable(book, f, 1))
			return 1;
	}
	return 0;
}

/* The groups of the last release, each fact empty with its last value;
 * the totals an identity derives listed once, to be left out. */
static int
put_groups(struct buffer *b, const struct book *book,
    const struct period *last, xmlNodePtr root, unsigned char *needed)
{
	struct buffer totals = { NULL, 0, 0, 0 };
	xmlNodePtr g, f;
	long k;

	for (g = xml_element(root->children); g != NULL;
	    g = xml_element(g->next)) {
		char *ref, *complete;
		size_t derived = 0;

		if (!xml_is(g, "group"))
			continue;
		ref = xml_get(g, "ref");
		complete = xml_get(g, "complete");
		buffer_puts(b, "  <group ref=\"");
		put_attribute_text(b, ref);
		buffer_puts(b, "\"");
		if (complete != NULL) {
			buffer_puts(b, " complete=\"");
			put_attribute_text(b, complete);
			buffer_puts(b, "\"");
		}
		buffer_puts(b, ">\n");
		free(ref);
		free(complete);
		for (f = xml_element(g->children); f != NULL;
		    f = xml_element(f->next)) {
			char *id = xml_get(f, "id"), *value = xml_get(f, NULL);
			if (id == NULL || (k = book_fact_index(book, id)) < 0) {
				free(id);
				free(value);
				continue;
			}
			needed[k] = 1;
			if (is_total(book, (size_t)k)) {
				buffer_printf(&totals, "%s%s", derived++ == 0 ? "" :
				    derived % 4 == 1 ? ",\n         " : ", ", id);
			} else {
				buffer_puts(b, "    <!-- ");
				put_comment_text(b, book->facts[k].label != NULL ?
				    book->facts[k].label : id);
				buffer_printf(b, "; %s: ", last->id);
				put_comment_text(b, value != NULL ? value : "");
				buffer_printf(b, " -->\n    <f id=\"%s\"></f>\n", id);
			}
			free(id);
			free(value);
		}
		if (derived > 0) {
			buffer_puts(b, "    <!-- left out: derived from their "
			    "identities (doc/book-format.md):\n         ");
			buffer_write(b, totals.data, totals.len);
			buffer_puts(b, " -->\n");
		}
		buffer_free(&totals);
		buffer_puts(b, "  </group>\n");
	}
	return totals.failed ? -1 : 0;
}

/* "templates/release.xml" or "layouts/NAME/templates/release.xml": the
 * same on every machine. */
static void
put_template_file(struct buffer *b, const struct template_set *templates,
    const char *file)
{
	const char *base = strrchr(file, '/');

	base = base != NULL ? base + 1 : file;
	if (templates->layout_dir != NULL &&
	    strncmp(file, templates->layout_dir,
	    strlen(templates->layout_dir)) == 0)
		buffer_printf(b, "layouts/%s/templates/%s", templates->layout, base);
	else
		buffer_printf(b, "templates/%s", base);
}

/* One language's narrative: every slot its templates fill. */
static int
put_narrative(struct buffer *b, const struct template_set *templates,
    const struct period *last, xmlDocPtr doc, xmlNodePtr root, enum lang lang)
{
	struct slot_list *list = calloc(1, sizeof(*list));
	xmlNodePtr n, old = NULL, slot;
	size_t i;
	char *v;

	if (list == NULL)
		return -1;
	list->lang = lang;
	if (templates_each_slot_lang(templates, collect_slot, list) != 0) {
		free(list);
		return -1;
	}
	for (n = xml_element(root->children); n != NULL && old == NULL;
	    n = xml_element(n->next))
		if (xml_is(n, "narrative")) {
			v = xml_get(n, "lang");
			if (v != NULL && strcmp(v, lang_code(lang)) == 0)
				old = n;
			free(v);
		}
	buffer_printf(b, "  <narrative lang=\"%s\">\n", lang_code(lang));
	for (i = 0; i < list->n; i++) {
		const struct scaffold_slot *s = &list->items[i];
		slot = old != NULL ? find_child(old, "slot", "id", s->id) : NULL;
		buffer_printf(b, "    <!-- %s: ", s->id);
		put_template_file(b, templates, s->file);
		buffer_printf(b, ":%d%s", s->line, s->optional ? " (optional)" : "");
		if (slot != NULL) {
			buffer_printf(b, "; %s said:\n         ", last->id);
			if (put_content(b, doc, slot) != 0) {
				free(list);
				return -1;
			}
		}
		/* An optional slot last quarter left out stays out. */
		if (s->optional && slot == NULL)
			buffer_printf(b, "\n         <slot id=\"%s\"></slot> -->\n",
			    s->id);
		else
			buffer_printf(b, " -->\n    <slot id=\"%s\"></slot>\n", s->id);
	}
	/* Last quarter's authored footnotes, empty, to be written again or
	 * left out with their markers. */
	for (n = old != NULL ? xml_element(old->children) : NULL; n != NULL;
	    n = xml_element(n->next))
		if (xml_is(n, "footnote") && (v = xml_get(n, "id")) != NULL) {
			buffer_printf(b, "    <!-- footnote %s; %s said:\n         ",
			    v, last->id);
			if (put_content(b, doc, n) != 0) {
				free(v);
				free(list);
				return -1;
			}
			buffer_printf(b, " -->\n    <footnote id=\"%s\"></footnote>\n",
			    v);
			free(v);
		}
	buffer_puts(b, "  </narrative>\n");
	free(list);
	return 0;
}

/* What a comparative quarter lacks of the facts the release prints. */
static void
report_comparative(struct buffer *report, const struct book *book,
    int ordinal, const char *what, const unsigned char *needed)
{
	const struct period *c = book_period(book, ordinal);
	char id[16];
	size_t f, total = 0, lacking = 0, listed = 0;
	int year, quarter;

	fiscal_from_ordinal(ordinal, &year, &quarter);
	period_id_format(year, quarter, id, sizeof(id));
	if (c == NULL) {
		buffer_printf(report, "%s: the book has no periods/%s.xml, and the "
		    "release compares with it\n", what, id);
		return;
	}
	for (f = 0; f < book->nfacts; f++) {
		if (!needed[f])
			continue;
		total++;
		if (c->slots[f].state != SLOT_UNKNOWN)
			continue;
		if (lacking++ == 0)
			buffer_printf(report, "%s: periods/%s.xml lacks", what, id);
		if (listed < 8)
			buffer_printf(report, "%s %s", listed++ ? "," : "",
			    book->facts[f].id);
	}
	if (lacking == 0)
		buffer_printf(report, "%s: periods/%s.xml holds all %zu facts\n",
		    what, id, total);
	else
		buffer_printf(report, "%s (%zu of the %zu facts the last release "
		    "wrote)\n", lacking > listed ? ", …" : "", lacking, total);
}

int
scaffold_period(const struct book *book, const struct template_set *templates,
    int year, int quarter, struct buffer *out, struct buffer *report,
    struct diag_list *diags)
{
	int ordinal = fiscal_ordinal(year, quarter), o, l, rc = -1;
	const struct period *last = NULL;
	unsigned char *needed = NULL;
	struct date release;
	xmlDocPtr doc = NULL;
	char id[16];

	period_id_format(year, quarter, id, sizeof(id));
	for (o = ordinal - 1; last == NULL && o >= ordinal - 8; o--) {
		const struct period *p = book_period(book, o);
		if (p != NULL && p->has_release)
			last = p;
	}
	if (last == NULL) {
		diag_add(diags, DIAG_FATAL, book->dir, 0, "no release in the two "
		    "years before %s to start it from: write its period file by "
		    "hand (doc/book-format.md)", id);
		return -1;
	}
	if ((needed = calloc(book->nfacts + 1, 1)) == NULL ||
	    (doc = xml_load(last->file, SCHEMA_PERIOD, diags)) == NULL)
		goto out;
	buffer_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!-- %s, written by kessan new from %s: fill in every value, rate "
	    "and\n     slot (kessan check names each one still empty). -->\n"
	    "<period xmlns=\"urn:kessan:book:1\" fiscal-year=\"%d\" "
	    "quarter=\"%d\">\n", id, last->id, year, quarter);
	put_release(out, book, last, year, quarter, &release);
	if (put_groups(out, book, last, xmlDocGetRootElement(doc), needed) != 0)
		goto oom;
	for (l = 0; l < LANG_MAX; l++)
		if ((book_company_on(book, release)->languages & (1u << l)) &&
		    put_narrative(out, templates, last, doc,
		    xmlDocGetRootElement(doc), (enum lang)l) != 0)
			goto oom;
	buffer_puts(out, "</period>\n");
	if (out->failed || report->failed)
		goto oom;
	report_comparative(report, book, ordinal - 1, "prior quarter", needed);
	report_comparative(report, book, ordinal + OFFSET_PRIOR_YEAR,
	    "prior-year quarter", needed);
	rc = report->failed ? -1 : 0;
	if (rc != 0)
		goto oom;
	goto out;
oom:
	diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
out:
	xmlFreeDoc(doc);
	free(needed);
	return rc;
}
