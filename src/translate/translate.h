/*
 * Catalogs for translators' own tools: the Japanese catalog exported as
 * PO, XLIFF 1.2 or XLIFF 2.0 (one unit per message key, with its state,
 * notes and where the templates use it), and a translated file imported
 * back into locales/ja.xlf once every unit keeps its English's arguments.
 */
#ifndef KESSAN_TRANSLATE_H
#define KESSAN_TRANSLATE_H

#include <stddef.h>

#include "../load/catalog.h"
#include "../load/template.h"
#include "../util/diag.h"

enum xformat {
	XFORMAT_PO,
	XFORMAT_XLIFF12,
	XFORMAT_XLIFF2
};

/* "po", "xliff12" or "xliff2" into *format. 0, or -1 for another name. */
int translate_format_parse(const char *name, enum xformat *format);

/*
 * Appends the translation units of ja against en to out. templates (NULL:
 * none) give each unit the places that use its key. Returns 0, or -1
 * after a fatal diagnostic (out of memory).
 */
int translate_export(const struct catalog *en, const struct catalog *ja,
    const struct template_set *templates, enum xformat format,
    struct buffer *out, struct diag_list *diags);

/* An imported unit: the translation of key, read at file:line. */
struct xunit {
	char *key;
	char *target;
	char *state;     /* the state to record: translated, reviewed, final;
	                    NULL when the file says none (PO) */
	int line;
	int skip;        /* untranslated, fuzzy or awaiting review: not taken */
};

/*
 * Reads a translated PO, XLIFF 1.2 or XLIFF 2.0 file (told apart by its
 * content). Returns 0 with *units (free with xunits_free), or -1 after
 * fatal diagnostics at path:line.
 */
int translate_read(const char *path, struct xunit **units, size_t *nunits,
    struct diag_list *diags);
void xunits_free(struct xunit *units, size_t n);

/*
 * Checks each unit against the English (its arguments and select keywords
 * kept, unless ja's omits note leaves an argument out; accepted by ICU)
 * and, when none fails, makes the new text of ja's file into out: each
 * changed unit's target, source (the current English) and state replaced,
 * every other byte as it was. *changed counts the changed units. Returns
 * the number of errors (diagnostics at path:line naming the key).
 */
int translate_import(const char *path, const struct xunit *units,
    size_t nunits, const struct catalog *en, const struct catalog *ja,
    struct buffer *out, size_t *changed, struct diag_list *diags);

#endif
