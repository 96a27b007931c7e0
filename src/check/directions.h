/* Direction words of generated sentences against their keywords. */
#ifndef KESSAN_CHECK_DIRECTIONS_H
#define KESSAN_CHECK_DIRECTIONS_H

#include "../load/catalog.h"
#include "../load/template.h"
#include "../util/diag.h"

/*
 * Reports, as an error at the catalog's line, every message whose words
 * for a direction or movement keyword that goes up (increase, from_zero,
 * to_profit, loss_narrowed, breakeven) hold a word of the language's
 * words.down, or the other way round. A catalog without the word lists is
 * not checked. Returns the number of errors.
 */
int check_direction_words(const struct template_set *templates,
    struct catalog *catalogs[LANG_MAX], struct diag_list *diags);

#endif
