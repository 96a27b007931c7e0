/*
 * Reading XML input safely: no network, no DTDs or external entities, a size
 * limit, and validation against kessan's RELAX NG schemas. Errors become
 * "file:line: error:" diagnostics.
 */
#ifndef KESSAN_XML_H
#define KESSAN_XML_H

#include <stdarg.h>

#include <libxml/tree.h>

#include "../util/diag.h"

/* Largest input file accepted, in bytes. */
#define XML_MAX_FILE_SIZE ((size_t)16 * 1024 * 1024)

enum schema {
	SCHEMA_COMPANY,
	SCHEMA_ACCOUNTS,
	SCHEMA_PERIOD,
	SCHEMA_TEMPLATE,
	SCHEMA_XLIFF,
	SCHEMA_FONTS,
	SCHEMA_MAX
};
/* No schema: a file of another program's format (a translator's XLIFF),
 * read as safely, only checked well-formed. */
#define SCHEMA_NONE SCHEMA_MAX

/*
 * Parses path and validates it against schema. Schemas are compiled on
 * first use and kept for the process (a batch build validates thousands of
 * files). Returns the document (free with xmlFreeDoc), or NULL after adding
 * one or more fatal diagnostics.
 */
xmlDocPtr xml_load(const char *path, enum schema schema,
    struct diag_list *diags);

/* Frees the compiled schemas and libxml2's globals, at exit. */
void xml_cleanup(void);

/* The next element sibling of node (node itself if it is one), or NULL. */
xmlNodePtr xml_element(xmlNodePtr node);
int xml_is(xmlNodePtr node, const char *name);
int xml_line(xmlNodePtr node);

/*
 * Returns a malloc'd copy of an attribute (or of the element's text when
 * name is NULL), trimmed of surrounding white space; NULL if absent or out
 * of memory. The caller frees it.
 */
char *xml_get(xmlNodePtr node, const char *name);

/*
 * Nonzero when an xml_get since the last call returned NULL because memory
 * ran out rather than because the value was absent; clears the flag. A
 * loader asks at its start and before it succeeds, so that a value lost to
 * memory is never read as a value left out.
 */
int xml_take_out_of_memory(void);
/*
 * A loader's fatal diagnostic: fmt, or "out of memory" once an xml_get has
 * lost a value to memory since the flag was last taken (fmt would then
 * blame the input for what memory did).
 */
void xml_loader_error(struct diag_list *diags, const char *file, int line,
    const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 0)))
#endif
    ;

/* The flag, left as it is. */
int xml_memory_ran_out(void);

/*
 * A loader's last word: when an xml_get lost a value to memory since the
 * flag was last taken, reports "out of memory" on file and returns
 * nonzero. Takes the flag.
 */
int xml_report_lost_values(struct diag_list *diags, const char *file);

#endif
