/*
 * Reading an XLSX workbook: libzip opens the container, libxml2 parses
 * xl/workbook.xml, its relationships, xl/sharedStrings.xml and each
 * worksheet. Only cell values, formulas and merged ranges are read.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include "cell.h"
#include "grid.h"
#include "sheet_libs.h"

/* Most one part of the workbook may inflate to. */
#define PART_LIMIT ((zip_uint64_t)64 << 20)

#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/" \
    "relationships"

/* The open container and the libzip that reads it. */
struct container {
	const struct sheet_libzip *zip;
	zip_t *z;
};

struct strings {
	char **items;
	size_t n;
};

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (is(n, name))
			return n;
	return NULL;
}

/* A malloc'd copy of an attribute or of the text, or NULL. */
static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = name != NULL ? xmlGetProp(n, (const xmlChar *)name) :
	    xmlNodeGetContent(n);
	char *copy = v != NULL ? strdup((const char *)v) : NULL;

	xmlFree(v);
	return copy;
}

/* Reads one part of the container, whole and checked, NUL-terminated. */
static int
read_part(const struct container *c, const char *name, int optional,
    char **data, size_t *len, const char *path, struct diag_list *diags)
{
	zip_stat_t st;
	zip_file_t *f;
	zip_int64_t got;
	zip_uint64_t at = 0;
	char extra;
	int ok;

	*data = NULL;
	*len = 0;
	c->zip->zip_stat_init(&st);
	if (c->zip->zip_stat(c->z, name, 0, &st) != 0) {
		if (optional)
			return 0;
		diag_add(diags, DIAG_FATAL, path, 0, "not a workbook: it has no "
		    "%s (save it from the spreadsheet as .xlsx)", name);
		return -1;
	}
	if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > PART_LIMIT) {
		diag_add(diags, DIAG_FATAL, path, 0, "%s is larger than %llu bytes "
		    "unpacked", name, (unsigned long long)PART_LIMIT);
		return -1;
	}
	if ((*data = malloc((size_t)st.size + 1)) == NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		return -1;
	}
	if ((f = c->zip->zip_fopen(c->z, name, 0)) == NULL)
		goto bad;
	while (at < st.size) {
		got = c->zip->zip_fread(f, *data + at, st.size - at);
		if (got <= 0)
			break;
		at += (zip_uint64_t)got;
	}
	/* One byte more than the directory says is a lie too; closing checks
	 * the CRC. */
	ok = at == st.size && c->zip->zip_fread(f, &extra, 1) == 0;
	if (c->zip->zip_fclose(f) != 0)
		ok = 0;
	if (ok) {
		(*data)[at] = '\0';
		*len = (size_t)at;
		return 0;
	}
bad:
	diag_add(diags, DIAG_FATAL, path, 0, "%s cannot be read from the "
	    "workbook (a damaged file?)", name);
	free(*data);
	*data = NULL;
	return -1;
}

static xmlDocPtr
parse_part(const char *data, size_t len, const char *name, const char *path,
    struct diag_list *diags)
{
	xmlDocPtr doc = NULL;

	if (len <= INT_MAX)
		doc = xmlReadMemory(data, (int)len, name, NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	/* No part of a workbook has a DTD: refusing one refuses entity
	 * expansion (a billion laughs) whole. */
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL ||
	    doc->intSubset != NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "%s is not well-formed XML "
		    "without a DTD", name);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static xmlDocPtr
load_part(const struct container *c, const char *name, int optional,
    const char *path, struct diag_list *diags, int *failed)
{
	char *data;
	size_t len;
	xmlDocPtr doc = NULL;

	if (read_part(c, name, optional, &data, &len, path, diags) != 0)
		*failed = 1;
	else if (data != NULL &&
	    (doc = parse_part(data, len, name, path, diags)) == NULL)
		*failed = 1;
	free(data);
	return doc;
}

/* The text of a rich or plain string (<si>, <is>): its <t> and runs'
 * <t>, not the phonetic guides (<rPh>) Japanese Excel adds. */
static char *
string_text(xmlNodePtr si)
{
	struct buffer b = { NULL, 0, 0, 0 };
	xmlNodePtr n, t;
	xmlChar *v;

	buffer_puts(&b, "");
	for (n = si->children; n != NULL; n = n->next) {
		t = is(n, "t") ? n : is(n, "r") ? child(n, "t") : NULL;
		if (t == NULL)
			continue;
		if ((v = xmlNodeGetContent(t)) == NULL) {
			b.failed = 1;
			break;
		}
		buffer_puts(&b, (const char *)v);
		xmlFree(v);
	}
	if (b.failed) {
		buffer_free(&b);
		return NULL;
	}
	return b.data;
}

static int
load_strings(xmlDocPtr doc, struct strings *s)
{
	xmlNodePtr n;
	char **grown;

	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		if (!is(n, "si"))
			continue;
		if (s->n >= GRID_MAX_CELLS ||
		    (grown = array_grow(s->items, s->n, sizeof(*grown))) == NULL)
			return -1;
		s->items = grown;
		if ((s->items[s->n] = string_text(n)) == NULL)
			return -1;
		s->n++;
	}
	return 0;
}

static int
parse_index(const char *text, size_t limit, size_t *out)
{
	size_t v = 0;

	if (text == NULL || *text == '\0')
		return -1;
	for (; *text != '\0'; text++) {
		if (*text < '0' || *text > '9' || v > limit)
			return -1;
		v = v * 10 + (size_t)(*text - '0');
	}
	if (v >= limit)
		return -1;
	*out = v;
	return 0;
}

/* One <c>: its value by type. Returns 0 (an empty cell adds nothing), or
 * -1 with a reason. */
static int
read_cell(xmlNodePtr c, unsigned col, unsigned row, const struct strings *s,
    struct grid_page *page, const char **why)
{
	char *type = attr(c, "t"), *text = NULL, *formula = NULL;
	xmlNodePtr v = child(c, "v"), f = child(c, "f"), in = child(c, "is");
	enum cell_kind kind = CELL_NUMBER;
	size_t index;
	int rc = -1;

	*why = "out of memory";
	if (f != NULL && (formula = attr(f, NULL)) == NULL)
		goto out;
	if (type != NULL && strcmp(type, "inlineStr") == 0) {
		kind = CELL_STRING;
		if (in != NULL && (text = string_text(in)) == NULL)
			goto out;
	} else if (v != NULL) {
		if ((text = attr(v, NULL)) == NULL)
			goto out;
		if (type == NULL || strcmp(type, "n") == 0)
			kind = CELL_NUMBER;
		else if (strcmp(type, "s") == 0) {
			kind = CELL_STRING;
			if (parse_index(text, s->n, &index) != 0) {
				*why = "a shared string index out of range";
				goto out;
			}
			free(text);
			if ((text = strdup(s->items[index])) == NULL)
				goto out;
		} else if (strcmp(type, "str") == 0)
			kind = CELL_STRING;
		else if (strcmp(type, "b") == 0)
			kind = CELL_BOOLEAN;
		else if (strcmp(type, "e") == 0)
			kind = CELL_ERROR;
		else {
			*why = "a cell of an unknown type";
			goto out;
		}
	} else if (formula != NULL)
		kind = CELL_FORMULA_ONLY;
	else {
		rc = 0;            /* formatting only */
		goto out;
	}
	if (grid_add(page, col, row, kind, text, formula) != 0) {
		*why = "too many cells, or out of memory";
		goto out;
	}
	text = formula = NULL;
	rc = 0;
out:
	free(type);
	free(text);
	free(formula);
	return rc;
}

static int
read_merges(xmlNodePtr ws, struct grid_page *page)
{
	xmlNodePtr m;
	struct grid_merge *grown;
	const char *rest;
	char *ref;
	int bad;

	m = child(ws, "mergeCells");
	for (m = m != NULL ? m->children : NULL; m != NULL; m = m->next) {
		struct grid_merge g;

		if (!is(m, "mergeCell"))
			continue;
		if ((ref = attr(m, "ref")) == NULL)
			return -1;
		bad = cell_ref_parse(ref, &g.col1, &g.row1, &rest) != 0 ||
		    *rest != ':' || cell_ref_parse(rest + 1, &g.col2,
		    &g.row2, NULL) != 0;
		free(ref);
		if (bad || page->nmerges >= GRID_MAX_CELLS ||
		    (grown = array_grow(page->merges, page->nmerges,
		    sizeof(*grown))) == NULL)
			return -1;
		page->merges = grown;
		page->merges[page->nmerges++] = g;
	}
	return 0;
}

static int
read_sheet(xmlDocPtr doc, const struct strings *s, struct grid_page *page,
    const char **why)
{
	xmlNodePtr ws = xmlDocGetRootElement(doc), data = child(ws, "sheetData");
	xmlNodePtr r, c;
	unsigned row = 0, col;
	char *ref;
	int bad;

	for (r = data != NULL ? data->children : NULL; r != NULL; r = r->next) {
		if (!is(r, "row"))
			continue;
		row++;
		col = 0;
		for (c = r->children; c != NULL; c = c->next) {
			unsigned rr = row;

			if (!is(c, "c"))
				continue;
			/* Without r a cell is the next one of its row. */
			if ((ref = attr(c, "r")) != NULL) {
				bad = cell_ref_parse(ref, &col, &rr, NULL) != 0;
				free(ref);
				row = rr;
			} else
				bad = row > CELL_MAX_ROWS || col >= CELL_MAX_COLUMNS;
			if (bad) {
				*why = "a bad cell reference";
				return -1;
			}
			if (read_cell(c, col, row, s, page, why) != 0)
				return -1;
			col++;
		}
	}
	*why = "a bad merged range";
	return read_merges(ws, page);
}

/* The part a relationship id of the workbook points to, into out. */
static int
sheet_part(xmlDocPtr rels, const char *id, char *out, size_t size)
{
	xmlNodePtr n;
	int rc = -1;

	for (n = rels != NULL ? xmlDocGetRootElement(rels)->children : NULL;
	    n != NULL && rc != 0; n = n->next) {
		char *rid, *target;

		if (!is(n, "Relationship") || (rid = attr(n, "Id")) == NULL)
			continue;
		if (strcmp(rid, id) == 0 && (target = attr(n, "Target")) != NULL) {
			if (target[0] == '/')
				rc = snprintf(out, size, "%s", target + 1) <
				    (int)size ? 0 : -1;
			else
				rc = snprintf(out, size, "xl/%s", target) <
				    (int)size ? 0 : -1;
			free(target);
		}
		free(rid);
	}
	return rc;
}

static int
read_sheets(const struct container *c, xmlDocPtr wb, xmlDocPtr rels,
    const struct strings *s, struct grid *out, const char *path,
    struct diag_list *diags)
{
	xmlNodePtr n;
	struct grid_page *grown;
	char part[512];
	xmlChar *id;
	int failed = 0;

	for (n = child(child(xmlDocGetRootElement(wb), "sheets"), "sheet");
	    n != NULL && !failed; n = n->next) {
		struct grid_page *page;
		xmlDocPtr doc;
		const char *why;

		if (!is(n, "sheet"))
			continue;
		if (out->npages >= GRID_MAX_PAGES || (grown = array_grow(out->pages,
		    out->npages, sizeof(*grown))) == NULL) {
			diag_add(diags, DIAG_FATAL, path, 0, "more than %d sheets, or "
			    "out of memory", GRID_MAX_PAGES);
			return -1;
		}
		out->pages = grown;
		page = &out->pages[out->npages++];
		id = xmlGetNsProp(n, (const xmlChar *)"id", (const xmlChar *)REL_NS);
		if ((page->name = attr(n, "name")) == NULL || id == NULL ||
		    sheet_part(rels, (const char *)id, part, sizeof(part)) != 0) {
			diag_add(diags, DIAG_FATAL, path, 0, "a sheet of "
			    "xl/workbook.xml names no worksheet part");
			xmlFree(id);
			return -1;
		}
		xmlFree(id);
		if ((doc = load_part(c, part, 0, path, diags, &failed)) == NULL)
			return -1;
		if (read_sheet(doc, s, page, &why) != 0) {
			diag_add(diags, DIAG_FATAL, path, 0, "sheet %s (%s): %s",
			    page->name, part, why);
			failed = 1;
		}
		xmlFreeDoc(doc);
	}
	return failed ? -1 : 0;
}

int
grid_read_xlsx(const char *path, struct grid *out, struct diag_list *diags)
{
	struct strings s = { NULL, 0 };
	xmlDocPtr wb = NULL, rels = NULL, sst = NULL;
	struct container c;
	int err = 0, failed = 0, rc = -1;
	size_t i;

	memset(out, 0, sizeof(*out));
	if ((c.zip = sheet_libzip(diags)) == NULL)
		return -1;
	if ((c.z = c.zip->zip_open(path, ZIP_RDONLY, &err)) == NULL) {
		zip_error_t ze;

		c.zip->zip_error_init_with_code(&ze, err);
		diag_add(diags, DIAG_FATAL, path, 0, "cannot open the workbook: %s",
		    c.zip->zip_error_strerror(&ze));
		c.zip->zip_error_fini(&ze);
		return -1;
	}
	wb = load_part(&c, "xl/workbook.xml", 0, path, diags, &failed);
	if (!failed)
		rels = load_part(&c, "xl/_rels/workbook.xml.rels", 0, path,
		    diags, &failed);
	if (!failed)
		sst = load_part(&c, "xl/sharedStrings.xml", 1, path, diags,
		    &failed);
	if (!failed && sst != NULL && load_strings(sst, &s) != 0)
		diag_add(diags, DIAG_FATAL, path, 0, "xl/sharedStrings.xml: too "
		    "many strings, or out of memory");
	else if (!failed)
		rc = read_sheets(&c, wb, rels, &s, out, path, diags);
	for (i = 0; i < s.n; i++)
		free(s.items[i]);
	free(s.items);
	xmlFreeDoc(sst);
	xmlFreeDoc(rels);
	xmlFreeDoc(wb);
	c.zip->zip_discard(c.z);
	if (rc != 0)
		grid_free(out);
	return rc;
}
