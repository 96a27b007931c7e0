/* Catalog completeness: every key the templates use, in every language. */
#ifndef KESSAN_CHECK_CATALOGS_H
#define KESSAN_CHECK_CATALOGS_H

#include "../load/catalog.h"
#include "../load/template.h"
#include "../util/diag.h"

/*
 * Reports, as errors at the template's file:line, every key the templates
 * use that a catalog lacks (all of them, not the first); at the catalog's
 * line, arguments a message uses in one language but not another (unless
 * an omits note leaves them out on purpose) and an amount message that does
 * not say its unit; warns about keys no template or kessan itself uses
 * (only_user: these templates are one layout among others, so only the
 * layout's own messages can be known unused). Returns the number of
 * errors.
 */
int check_catalogs(const struct template_set *templates,
    struct catalog *catalogs[LANG_MAX], int only_user,
    struct diag_list *diags);

#endif
