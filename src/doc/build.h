/* The document stage: template + book + catalogs → document tree. */
#ifndef KESSAN_BUILD_H
#define KESSAN_BUILD_H

#include "../format/format.h"
#include "../load/catalog.h"
#include "../load/template.h"
#include "../util/diag.h"
#include "doc.h"

struct build_input {
	const struct book *book;
	const struct period *period;        /* the release's quarter */
	const struct template_set *templates;
	struct catalog *catalogs[LANG_MAX];
	struct formatter *formatters[LANG_MAX];
	struct build_deps *deps;            /* filled in when not NULL */
};

/* Catalog keys the builder formats itself (numbers, period labels). */
extern const char *const document_builtin_keys[];

/*
 * The messages that word a figure with its unit (fmt.amount.millions,
 * fmt.usd.millions, fmt.bandwidth, …). A message MSG may have its own:
 * "MSG.fmt.bandwidth" words the bandwidth figures MSG's arguments give,
 * in that catalog, instead of fmt.bandwidth. When key is such an override
 * of a message, returns the unit message's key and sets *message_len to
 * the length of MSG in key; else NULL.
 */
const char *document_unit_override(const char *key, size_t *message_len);

/*
 * Builds the document of template `template_id` in `lang` for the input's
 * period. Returns the tree (free with node_free) or NULL after fatal
 * diagnostics naming the template or period file and line.
 */
struct node *document_build(const struct build_input *in,
    const char *template_id, enum lang lang, struct diag_list *diags);

#endif
