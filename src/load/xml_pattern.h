/*
 * RELAX NG patterns checked once-compiled. libxml2 compiles the regexp of
 * a <param name="pattern"> again for every value it checks: most of what
 * validating a book cost. xml.c validates first against a copy of the
 * schema without the patterns whose values this module can check itself
 * (attribute values), with regexps compiled once; a document either
 * check rejects is validated again against the schema as written, so its
 * diagnostics are RELAX NG's own, as before.
 */
#ifndef KESSAN_XML_PATTERN_H
#define KESSAN_XML_PATTERN_H

#include <libxml/tree.h>

struct xml_patterns;

/*
 * Takes out of rng (a RELAX NG schema document, changed in place) each
 * pattern parameter whose every use is an attribute's value that
 * xml_patterns_check can judge, and returns in *out what checks them
 * (NULL when none could be taken; rng is then unchanged). Returns 0, or
 * -1 when memory ran out (rng is then unchanged and *out NULL).
 */
int xml_patterns_take(xmlDocPtr rng, struct xml_patterns **out);

/*
 * Whether every attribute of doc that a taken pattern governs has a
 * value the schema as written allows there: 1 yes, 0 some value may not
 * (or memory ran out): doc must be validated against the full schema.
 * Remembers values that matched, for the next document.
 */
int xml_patterns_check(struct xml_patterns *p, xmlDocPtr doc);

void xml_patterns_free(struct xml_patterns *p);

#endif
