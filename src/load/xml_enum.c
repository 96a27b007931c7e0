#include "xml_enum.h"

#include <string.h>

#include <libxml/parser.h>

#include "../util/buffer.h"

#define MAX_VALUES 32
#define MAX_REF_DEPTH 4

/* What a schema allows an attribute: the values it lists, or anything
 * (typed data, text: not ours to judge). */
struct allowed {
	int open;
	const xmlChar *values[MAX_VALUES];
	int nvalues;
};

static int
is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

static int
named(xmlNodePtr n, const char *kind, const xmlChar *name)
{
	xmlChar *v;
	int same;

	if (!is(n, kind))
		return 0;
	v = xmlGetProp(n, (const xmlChar *)"name");
	same = v != NULL && xmlStrcmp(v, name) == 0;
	xmlFree(v);
	return same;
}

static xmlNodePtr
first_element(xmlNodePtr n)
{
	for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* The <define name="…"> of a <ref>, or NULL. */
static xmlNodePtr
find_define(xmlNodePtr schema_root, xmlNodePtr ref)
{
	xmlChar *name = xmlGetProp(ref, (const xmlChar *)"name");
	xmlNodePtr d = NULL;

	if (name != NULL)
		for (d = first_element(schema_root); d != NULL; d = d->next)
			if (named(d, "define", name))
				break;
	xmlFree(name);
	return d;
}

static void
add_value(struct allowed *a, xmlNodePtr v)
{
	int i;

	if (v->children == NULL || v->children->content == NULL ||
	    a->nvalues >= MAX_VALUES) {
		a->open = 1;
		return;
	}
	for (i = 0; i < a->nvalues; i++)
		if (xmlStrcmp(a->values[i], v->children->content) == 0)
			return;
	a->values[a->nvalues++] = v->children->content;
}

/* Adds what pattern p (an attribute's content) allows. */
static void
add_pattern(struct allowed *a, xmlNodePtr root, xmlNodePtr p, int depth)
{
	xmlNodePtr k;

	if (p == NULL) {            /* <attribute name="x"/>: text */
		a->open = 1;
		return;
	}
	if (is(p, "value"))
		add_value(a, p);
	else if (is(p, "choice")) {
		for (k = p->children; k != NULL; k = k->next)
			if (k->type == XML_ELEMENT_NODE)
				add_pattern(a, root, k, depth);
	} else if (is(p, "ref") && depth < MAX_REF_DEPTH)
		add_pattern(a, root, first_element(find_define(root, p)),
		    depth + 1);
	else
		a->open = 1;
}

/* Every attribute `attr` that pattern n allows its element, not looking
 * into nested elements; refs followed. */
static void
collect(struct allowed *a, xmlNodePtr root, xmlNodePtr n,
    const xmlChar *attr, int depth)
{
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type != XML_ELEMENT_NODE || is(k, "element"))
			continue;
		if (is(k, "attribute")) {
			if (named(k, "attribute", attr))
				add_pattern(a, root, first_element(k), depth);
		} else if (is(k, "ref")) {
			if (depth < MAX_REF_DEPTH)
				collect(a, root, find_define(root, k) != NULL ?
				    find_define(root, k) : k, attr, depth + 1);
		} else
			collect(a, root, k, attr, depth);
	}
}

/* Every <element name="elem"> of the schema. */
static void
each_element(struct allowed *a, xmlNodePtr root, xmlNodePtr n,
    const xmlChar *elem, const xmlChar *attr)
{
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (named(k, "element", elem))
			collect(a, root, k, attr, 0);
		each_element(a, root, k, elem, attr);
	}
}

static int
listed(const struct allowed *a, const xmlChar *value)
{
	int i;

	for (i = 0; i < a->nvalues; i++)
		if (xmlStrcmp(a->values[i], value) == 0)
			return 1;
	return 0;
}

static int
report(xmlNodePtr el, xmlAttrPtr at, const xmlChar *value,
    const struct allowed *a, const char *file, struct diag_list *diags)
{
	struct buffer list = { NULL, 0, 0, 0 };
	long line = xmlGetLineNo(el);
	int i, rc;

	for (i = 0; i < a->nvalues; i++) {
		if (i > 0)
			buffer_puts(&list, i + 1 == a->nvalues ? " or " : ", ");
		buffer_puts(&list, (const char *)a->values[i]);
	}
	if (list.failed) {
		buffer_free(&list);
		diag_add(diags, DIAG_FATAL, file, 0, "out of memory");
		return -1;
	}
	rc = diag_add(diags, DIAG_FATAL, file,
	    line > 0 && line < 0x7fffffff ? (int)line : 0,
	    "<%s %s=\"%s\">: %s must be %s", (const char *)el->name,
	    (const char *)at->name, (const char *)value,
	    (const char *)at->name, list.data);
	buffer_free(&list);
	return rc == 0 ? 1 : -1;
}

static int
walk(xmlNodePtr schema_root, xmlNodePtr n, const char *file,
    struct diag_list *diags)
{
	xmlAttrPtr at;
	int found = 0, r;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (at = n->properties; at != NULL; at = at->next) {
			struct allowed a;
			xmlChar *value;

			if (at->ns != NULL)
				continue;
			memset(&a, 0, sizeof(a));
			each_element(&a, schema_root, schema_root, n->name, at->name);
			if (a.open || a.nvalues == 0)
				continue;
			if ((value = xmlNodeGetContent((xmlNodePtr)at)) == NULL) {
				diag_add(diags, DIAG_FATAL, file, 0, "out of memory");
				return -1;
			}
			r = listed(&a, value) ? 0 :
			    report(n, at, value, &a, file, diags);
			xmlFree(value);
			if (r < 0)
				return -1;
			found += r;
		}
		if ((r = walk(schema_root, n->children, file, diags)) < 0)
			return -1;
		found += r;
	}
	return found;
}

int
xml_enum_check(xmlDocPtr doc, const char *file, const char *schema_path,
    struct diag_list *diags)
{
	xmlDocPtr schema = xmlReadFile(schema_path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	int found;

	if (schema == NULL)
		return 0;
	found = walk(xmlDocGetRootElement(schema), xmlDocGetRootElement(doc),
	    file, diags);
	xmlFreeDoc(schema);
	return found;
}
