/* Authored narrative (<narrative lang="…"> in period files) into runs. */
#ifndef KESSAN_NARRATIVE_H
#define KESSAN_NARRATIVE_H

#include <libxml/tree.h>

#include "../model/book.h"
#include "../util/diag.h"

/*
 * Reads one <narrative> element of file into *out, expressions resolved
 * against book. Returns 0, or -1 after fatal diagnostics.
 */
int narrative_load(const struct book *book, const char *file, xmlNodePtr node,
    struct narrative *out, struct diag_list *diags);

#endif
