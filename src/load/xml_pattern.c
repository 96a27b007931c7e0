#include "xml_pattern.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlregexp.h>

#include "../util/buffer.h"

#define RNG_NS "http://relaxng.org/ns/structure/1.0"
#define XSD_LIBRARY "http://www.w3.org/2001/XMLSchema-datatypes"
#define MAX_DEPTH 8

/*
 * Why a value check can stand in for RELAX NG's: a taken pattern is a
 * <data type="string"> with only pattern parameters, reached from its
 * attribute through <choice> and <ref> alone, in an attribute whose value
 * pattern is made only of such data, <value> and <choice>. The copy
 * accepts at least what the schema does; where it accepts a document,
 * each attribute value matched its value pattern in the copy, and
 * checking here that the value matches that pattern as the schema writes
 * it (a listed value, or every regexp of one data) makes the same match
 * valid against the schema: an attribute's value is matched on its own.
 * The check is stricter than needed (a <value> is compared byte for byte;
 * an element's attribute must suit every declaration of that element and
 * attribute name): what it refuses goes to the full schema, never wrongly
 * through.
 */

/* One data of an attribute's value pattern: all of its regexps match. */
struct alt {
	size_t first, count;   /* into patterns.alt_re */
};

/* An attribute of an element, and what its value may be. */
struct rule {
	const xmlChar *element, *attribute;   /* in patterns.names */
	size_t value0, nvalues;   /* into patterns.values */
	size_t alt0, nalts;       /* into patterns.alts */
};

struct xml_patterns {
	struct rule *rules;
	size_t nrules;
	xmlChar **names;          /* two a rule */
	xmlChar **values;
	size_t nvalues;
	struct alt *alts;
	size_t nalts;
	xmlRegexpPtr *alt_re;     /* not owned: regexps[] */
	size_t nalt_re;
	xmlChar **sources;        /* a regexp's pattern, to compile it once */
	xmlRegexpPtr *regexps;
	size_t nregexps;
	/* values known to match an alt: a book repeats its ids in every
	 * period file, and libxml2's regexps backtrack (thousands of
	 * instructions a value) */
	struct matched {
		uint32_t hash;
		size_t alt;
		xmlChar *value;
	} *matched;               /* open addressing, at most half full */
	size_t nslots, nmatched;
};

#define MATCHED_MIN_SLOTS 256     /* powers of two */
#define MATCHED_MAX_SLOTS 16384
#define MATCHED_MAX_LEN 64

/* The schema's defines and refs, and what is being gathered from it. */
struct schema {
	xmlNodePtr *defines, *refs, *datas, *attrs, *found;
	size_t ndefines, nrefs, ndatas, nattrs, nfound;
	int unsupported;
	struct xml_patterns *out;   /* add_rule's */
	xmlNodePtr attribute;
};

static int
rng(xmlNodePtr n, const char *name)
{
	/* the name first: it differs soonest */
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    (name == NULL || xmlStrEqual(n->name, (const xmlChar *)name)) &&
	    n->ns != NULL && xmlStrEqual(n->ns->href, (const xmlChar *)RNG_NS);
}

/* n's only RELAX NG child element, or NULL if it has none or several. */
static xmlNodePtr
only_child(xmlNodePtr n)
{
	xmlNodePtr k, one = NULL;

	for (k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE) {
			if (one != NULL || !rng(k, NULL))
				return NULL;
			one = k;
		}
	return one;
}

/* n's attribute `name` when it is one piece of text (as parsed), without
 * copying it: a schema is walked many times over. */
static const xmlChar *
prop(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = xmlHasProp(n, (const xmlChar *)name);

	if (a == NULL || a->type != XML_ATTRIBUTE_NODE)
		return NULL;
	if (a->children == NULL)
		return (const xmlChar *)"";
	return a->children->type == XML_TEXT_NODE && a->children->next == NULL ?
	    a->children->content : NULL;
}

/* Whether n's attribute `name` is exactly `want`. */
static int
attr_is(xmlNodePtr n, const char *name, const char *want)
{
	const xmlChar *v = prop(n, name);

	return v != NULL && xmlStrEqual(v, (const xmlChar *)want);
}

/* Whether v is a plain name (no prefix, no white space RELAX NG would
 * trim), as an element or attribute of a document would carry it. */
static int
plain(const xmlChar *v)
{
	const xmlChar *c;

	if (v == NULL || *v == '\0')
		return 0;
	for (c = v; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || *c == '_' || *c == '-' ||
		    *c == '.'))
			return 0;
	return 1;
}

static int
push(xmlNodePtr **list, size_t *n, xmlNodePtr node)
{
	xmlNodePtr *grown = array_grow(*list, *n, sizeof(**list));

	if (grown == NULL)
		return -1;
	grown[(*n)++] = node;
	*list = grown;
	return 0;
}

/* A <data type="string"> of the XML Schema datatypes with only pattern
 * parameters. */
static int
is_candidate(xmlNodePtr d)
{
	xmlNodePtr k, a;
	int params = 0;

	if (!rng(d, "data") || !attr_is(d, "type", "string"))
		return 0;
	for (a = d; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (xmlHasProp(a, (const xmlChar *)"datatypeLibrary") != NULL)
			break;
	if (a == NULL || a->type != XML_ELEMENT_NODE ||
	    !attr_is(a, "datatypeLibrary", XSD_LIBRARY))
		return 0;
	for (k = d->children; k != NULL; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!rng(k, "param") || !attr_is(k, "name", "pattern"))
			return 0;
		params++;
	}
	return params > 0;
}

/* Gathers the schema's defines, refs and candidate data; notes what this
 * module does not follow (includes, combined defines, nested grammars). */
static int
gather(struct schema *s, xmlNodePtr n, int top)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (rng(n, "include") || rng(n, "externalRef") ||
		    rng(n, "parentRef") || rng(n, "div") ||
		    (rng(n, "grammar") && !top) ||
		    (rng(n, "define") &&
		    xmlHasProp(n, (const xmlChar *)"combine") != NULL))
			s->unsupported = 1;
		if ((rng(n, "define") && push(&s->defines, &s->ndefines, n) != 0) ||
		    (rng(n, "ref") && push(&s->refs, &s->nrefs, n) != 0) ||
		    (is_candidate(n) && push(&s->datas, &s->ndatas, n) != 0))
			return -1;
		if (gather(s, n->children, 0) != 0)
			return -1;
		top = 0;
	}
	return 0;
}

static xmlNodePtr
find_define(const struct schema *s, xmlNodePtr ref)
{
	const xmlChar *name = prop(ref, "name");
	size_t i;

	for (i = 0; name != NULL && i < s->ndefines; i++)
		if (attr_is(s->defines[i], "name", (const char *)name))
			return s->defines[i];
	return NULL;
}

/*
 * Calls visit on every node where a use of n ends: climbing from n over
 * the kinds `through` allows (NULL-terminated), and from a define to each
 * ref to it, to a node of kind `end`. Returns -1 if some use ends
 * elsewhere or a visit fails, else 0.
 */
static int
each_use(struct schema *s, xmlNodePtr n, const char *const *through,
    const char *end, int depth, int (*visit)(struct schema *, xmlNodePtr))
{
	xmlNodePtr p = n->parent;
	const xmlChar *name;
	size_t i;
	int rc = 0;

	for (;;) {
		for (i = 0; through[i] != NULL && !rng(p, through[i]); i++)
			;
		if (through[i] == NULL)
			break;
		p = p->parent;
	}
	if (rng(p, end))
		return visit(s, p);
	if (!rng(p, "define") || depth >= MAX_DEPTH || only_child(p) == NULL ||
	    (name = prop(p, "name")) == NULL)
		return -1;
	for (i = 0; rc == 0 && i < s->nrefs; i++)
		if (attr_is(s->refs[i], "name", (const char *)name))
			rc = each_use(s, s->refs[i], through, end, depth + 1,
			    visit);
	return rc;
}

static const char *const choices[] = { "choice", NULL };
static const char *const groups[] = {
	"optional", "zeroOrMore", "oneOrMore", "group", "interleave",
	"choice", "mixed", NULL
};

/* Whether p, an attribute's value pattern, is made of <value>, <choice>
 * and candidate data (through refs). */
static int
simple(const struct schema *s, xmlNodePtr p, int depth)
{
	xmlNodePtr k;

	if (p == NULL || depth >= MAX_DEPTH)
		return 0;
	if (rng(p, "value"))
		return (xmlHasProp(p, (const xmlChar *)"type") == NULL ||
		    attr_is(p, "type", "token") || attr_is(p, "type", "string")) &&
		    only_child(p) == NULL;
	if (is_candidate(p))
		return 1;
	if (rng(p, "ref")) {
		k = find_define(s, p);
		return k != NULL && simple(s, only_child(k), depth + 1);
	}
	if (!rng(p, "choice"))
		return 0;
	for (k = p->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !simple(s, k, depth + 1))
			return 0;
	return 1;
}

static int
count_element(struct schema *s, xmlNodePtr element)
{
	(void)s;
	return plain(prop(element, "name")) ? 0 : -1;
}

static int
add_found(struct schema *s, xmlNodePtr n)
{
	return push(&s->found, &s->nfound, n);
}

/* An attribute a candidate's value reaches: plainly named, its value
 * pattern simple, its elements plainly named. */
static int
check_attribute(struct schema *s, xmlNodePtr attr)
{
	int ok = plain(prop(attr, "name")) &&
	    simple(s, only_child(attr), 0) &&
	    each_use(s, attr, groups, "element", 0, count_element) == 0;

	return ok ? add_found(s, attr) : -1;
}

static int
add_regexp(struct xml_patterns *p, const xmlChar *source)
{
	xmlRegexpPtr *re;
	xmlChar **src;
	size_t i;

	for (i = 0; i < p->nregexps; i++)
		if (xmlStrEqual(p->sources[i], source))
			break;
	if (i == p->nregexps) {
		if ((re = array_grow(p->regexps, p->nregexps, sizeof(*re))) == NULL)
			return -1;
		p->regexps = re;
		if ((src = array_grow(p->sources, p->nregexps, sizeof(*src))) == NULL)
			return -1;
		p->sources = src;
		if ((src[i] = xmlStrdup(source)) == NULL)
			return -1;
		p->nregexps++;
		/* a pattern libxml2 cannot compile fails every value there:
		 * left to RELAX NG (the caller gives up) */
		if ((re[i] = xmlRegexpCompile(source)) == NULL)
			return 1;
	}
	if ((re = array_grow(p->alt_re, p->nalt_re, sizeof(*re))) == NULL)
		return -1;
	re[p->nalt_re++] = p->regexps[i];
	p->alt_re = re;
	return 0;
}

/* Adds what value pattern n (simple) allows to the last rule. */
static int
flatten(struct xml_patterns *p, const struct schema *s, xmlNodePtr n,
    int depth)
{
	struct rule *r = &p->rules[p->nrules - 1];
	xmlNodePtr k;
	void *grown;
	xmlChar *text;
	int rc = 0;

	if (rng(n, "value")) {
		if ((grown = array_grow(p->values, p->nvalues,
		    sizeof(*p->values))) == NULL)
			return -1;
		p->values = grown;
		if ((text = xmlNodeGetContent(n)) == NULL)
			return -1;
		p->values[p->nvalues++] = text;
		r->nvalues++;
		return 0;
	}
	if (rng(n, "ref"))
		return flatten(p, s, only_child(find_define(s, n)), depth + 1);
	if (rng(n, "data")) {
		if ((grown = array_grow(p->alts, p->nalts, sizeof(*p->alts))) == NULL)
			return -1;
		p->alts = grown;
		p->alts[p->nalts].first = p->nalt_re;
		for (k = n->children; rc == 0 && k != NULL; k = k->next)
			if (k->type == XML_ELEMENT_NODE) {
				if ((text = xmlNodeGetContent(k)) == NULL)
					return -1;
				rc = add_regexp(p, text);
				xmlFree(text);
			}
		p->alts[p->nalts].count = p->nalt_re - p->alts[p->nalts].first;
		p->nalts++;
		r->nalts++;
		return rc;
	}
	for (k = n->children; rc == 0 && k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			rc = flatten(p, s, k, depth + 1);
	return rc;
}

/* A rule for s->attribute of element, into s->out. */
static int
add_rule(struct schema *s, xmlNodePtr element)
{
	struct xml_patterns *p = s->out;
	struct rule *r;

	xmlChar **names;

	if ((r = array_grow(p->rules, p->nrules, sizeof(*r))) == NULL)
		return -1;
	p->rules = r;
	if ((names = realloc(p->names, 2 * (p->nrules + 1) * sizeof(*names))) == NULL)
		return -1;
	p->names = names;
	names += 2 * p->nrules;
	r = &r[p->nrules++];
	r->value0 = p->nvalues;
	r->alt0 = p->nalts;
	r->element = names[0] = xmlStrdup(prop(element, "name"));
	r->attribute = names[1] = xmlStrdup(prop(s->attribute, "name"));
	if (names[0] == NULL || names[1] == NULL)
		return -1;
	return flatten(p, s, only_child(s->attribute), 0);
}

void
xml_patterns_free(struct xml_patterns *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < 2 * p->nrules; i++)
		xmlFree(p->names[i]);
	for (i = 0; i < p->nvalues; i++)
		xmlFree(p->values[i]);
	for (i = 0; i < p->nregexps; i++) {
		xmlFree(p->sources[i]);
		if (p->regexps[i] != NULL)
			xmlRegFreeRegexp(p->regexps[i]);
	}
	for (i = 0; i < p->nslots; i++)
		xmlFree(p->matched[i].value);
	free(p->matched);
	free(p->rules);
	free(p->names);
	free(p->values);
	free(p->alts);
	free(p->alt_re);
	free(p->sources);
	free(p->regexps);
	free(p);
}

static int
by_names(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	int c = xmlStrcmp(x->attribute, y->attribute);

	return c != 0 ? c : xmlStrcmp(x->element, y->element);
}

/* The rules for the attributes in s->attrs, into p; -1 out of memory,
 * 1 when a pattern would not compile. */
static int
make_rules(struct schema *s, struct xml_patterns *p)
{
	size_t i;

	s->out = p;
	for (i = 0; i < s->nattrs; i++) {
		int rc;

		s->attribute = s->attrs[i];
		if ((rc = each_use(s, s->attrs[i], groups, "element", 0,
		    add_rule)) != 0)
			return rc;
	}
	qsort(p->rules, p->nrules, sizeof(*p->rules), by_names);
	return 0;
}

int
xml_patterns_take(xmlDocPtr rng_doc, struct xml_patterns **out)
{
	struct schema s;
	struct xml_patterns *p = NULL;
	xmlNodePtr *take = NULL, k, next;
	size_t i, j, ntake = 0;
	int rc = -1;

	*out = NULL;
	memset(&s, 0, sizeof(s));
	if (gather(&s, xmlDocGetRootElement(rng_doc), 1) != 0)
		goto done;
	if (s.unsupported) {
		rc = 0;
		goto done;
	}
	for (i = 0; i < s.ndatas; i++) {
		s.nfound = 0;
		if (each_use(&s, s.datas[i], choices, "attribute", 0,
		    check_attribute) != 0 || s.nfound == 0)
			continue;   /* some use is not an attribute's: kept */
		if (push(&take, &ntake, s.datas[i]) != 0)
			goto done;
		for (j = 0; j < s.nfound; j++) {
			size_t a;

			for (a = 0; a < s.nattrs && s.attrs[a] != s.found[j]; a++)
				;
			if (a == s.nattrs && push(&s.attrs, &s.nattrs, s.found[j]) != 0)
				goto done;
		}
	}
	if (ntake == 0) {
		rc = 0;
		goto done;
	}
	if ((p = calloc(1, sizeof(*p))) == NULL)
		goto done;
	if ((rc = make_rules(&s, p)) != 0) {
		rc = rc > 0 ? 0 : -1;
		goto done;
	}
	for (i = 0; i < ntake; i++)
		for (k = take[i]->children; k != NULL; k = next) {
			next = k->next;
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	*out = p;
	p = NULL;
	rc = 0;
done:
	xml_patterns_free(p);
	free(take);
	free(s.defines);
	free(s.refs);
	free(s.datas);
	free(s.attrs);
	free(s.found);
	return rc;
}

static uint32_t
matched_hash(size_t alt, const xmlChar *value)
{
	uint32_t hash = 2166136261u ^ (uint32_t)alt;   /* FNV-1a */

	for (; *value != '\0'; value++)
		hash = (hash ^ *value) * 16777619u;
	return hash;
}

/* The slot of (alt, value) in table: where it is, or the empty slot
 * where it would go (the table is never full). */
static struct matched *
matched_slot(struct matched *table, size_t nslots, uint32_t hash,
    size_t alt, const xmlChar *value)
{
	size_t i;

	for (i = hash & (nslots - 1);; i = (i + 1) & (nslots - 1))
		if (table[i].value == NULL || (table[i].hash == hash &&
		    table[i].alt == alt && xmlStrEqual(table[i].value, value)))
			return &table[i];
}

/* Remembers that value matched alt, growing the table to keep it half
 * empty; past MATCHED_MAX_SLOTS, or out of memory, forgets instead. */
static void
remember(struct xml_patterns *p, uint32_t hash, size_t alt,
    const xmlChar *value)
{
	struct matched *m;

	if (p->nmatched + 1 > p->nslots / 2) {
		size_t n = p->nslots > 0 ? 2 * p->nslots : MATCHED_MIN_SLOTS, i;
		struct matched *grown;

		if (n > MATCHED_MAX_SLOTS ||
		    (grown = calloc(n, sizeof(*grown))) == NULL)
			return;
		for (i = 0; i < p->nslots; i++)
			if (p->matched[i].value != NULL)
				*matched_slot(grown, n, p->matched[i].hash,
				    p->matched[i].alt, p->matched[i].value) =
				    p->matched[i];
		free(p->matched);
		p->matched = grown;
		p->nslots = n;
	}
	m = matched_slot(p->matched, p->nslots, hash, alt, value);
	if ((m->value = xmlStrdup(value)) != NULL) {
		m->hash = hash;
		m->alt = alt;
		p->nmatched++;
	}
}

/* Whether value matches every regexp of alt. */
static int
alt_matches(struct xml_patterns *p, size_t alt, const xmlChar *value)
{
	const struct alt *a = &p->alts[alt];
	int known = xmlStrlen(value) <= MATCHED_MAX_LEN;
	uint32_t hash = known ? matched_hash(alt, value) : 0;
	size_t j;

	if (known && p->nslots > 0 && matched_slot(p->matched, p->nslots,
	    hash, alt, value)->value != NULL)
		return 1;
	for (j = 0; j < a->count; j++)
		if (xmlRegexpExec(p->alt_re[a->first + j], value) != 1)
			return 0;
	if (known)
		remember(p, hash, alt, value);
	return 1;
}

static int
accepts(struct xml_patterns *p, const struct rule *r, const xmlChar *value)
{
	size_t i;

	for (i = 0; i < r->nvalues; i++)
		if (xmlStrEqual(p->values[r->value0 + i], value))
			return 1;
	for (i = 0; i < r->nalts; i++)
		if (alt_matches(p, r->alt0 + i, value))
			return 1;
	return 0;
}

/* The rules for attribute `attr` of element `elem`: [*lo, *hi). */
static void
find_rules(const struct xml_patterns *p, const xmlChar *elem,
    const xmlChar *attr, size_t *lo, size_t *hi)
{
	size_t i;

	for (i = 0; i < p->nrules; i++)
		if (xmlStrEqual(p->rules[i].attribute, attr) &&
		    xmlStrEqual(p->rules[i].element, elem))
			break;
	*lo = *hi = i;
	while (*hi < p->nrules && xmlStrEqual(p->rules[*hi].attribute, attr) &&
	    xmlStrEqual(p->rules[*hi].element, elem))
		(*hi)++;
}

int
xml_patterns_check(struct xml_patterns *p, xmlDocPtr doc)
{
	/* a document's names come from its dictionary: the same name is
	 * the same pointer, so consecutive elements hit the last lookup */
	const xmlChar *last_elem = NULL, *last_attr = NULL;
	size_t lo = 0, hi = 0, i;
	xmlNodePtr n = xmlDocGetRootElement(doc);
	xmlAttrPtr at;

	while (n != NULL) {
		for (at = n->type == XML_ELEMENT_NODE ? n->properties : NULL;
		    at != NULL; at = at->next) {
			const xmlChar *value;
			xmlChar *joined = NULL;
			int ok = 1;

			if (at->name != last_attr || n->name != last_elem) {
				find_rules(p, n->name, at->name, &lo, &hi);
				last_attr = at->name;
				last_elem = n->name;
			}
			if (lo == hi)
				continue;
			if (at->children == NULL)
				value = (const xmlChar *)"";
			else if (at->children->type == XML_TEXT_NODE &&
			    at->children->next == NULL)
				value = at->children->content;
			else if ((value = joined = xmlNodeListGetString(doc,
			    at->children, 1)) == NULL)
				return 0;
			for (i = lo; ok && i < hi; i++)
				ok = accepts(p, &p->rules[i], value);
			xmlFree(joined);
			if (!ok)
				return 0;
		}
		/* depth first, without recursion */
		if (n->type == XML_ELEMENT_NODE && n->children != NULL)
			n = n->children;
		else {
			while (n != NULL && n->next == NULL)
				n = n->parent != NULL &&
				    n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
			if (n != NULL)
				n = n->next;
		}
	}
	return 1;
}
