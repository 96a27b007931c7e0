/*
 * Plain words for a value a schema does not list. RELAX NG reports an
 * attribute outside its <choice> of values only as "Element columns has
 * extra content: column"; this finds such attributes and names the value
 * and the values allowed.
 */
#ifndef KESSAN_XML_ENUM_H
#define KESSAN_XML_ENUM_H

#include <libxml/tree.h>

#include "../util/diag.h"

/*
 * Reports, at file:line of doc (which failed validation against the
 * RELAX NG schema at schema_path), every attribute whose value is not one
 * of the values the schema lists for it wherever that element may carry
 * it. Attributes the schema types otherwise (patterns, numbers, text) are
 * left to RELAX NG. Returns how many it reported (0: nothing found, or the
 * schema could not be read again), or -1 when memory ran out, having
 * reported that.
 */
int xml_enum_check(xmlDocPtr doc, const char *file, const char *schema_path,
    struct diag_list *diags);

#endif
