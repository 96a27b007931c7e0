/*
 * The narrative against the templates: a slot or authored footnote that
 * no template of a release's layout uses is never printed, most often
 * because its id is misspelled, while the slot the template wants is
 * reported missing. Each such slot is an error at its line, with the
 * slot the templates want that it is closest to.
 */
#ifndef KESSAN_SLOTS_H
#define KESSAN_SLOTS_H

#include "../load/template.h"
#include "../model/book.h"
#include "../util/diag.h"

/*
 * Checks every narrative of release period p against templates, the
 * templates of the period's own layout. Returns 0 when clean, 1 after
 * errors, -1 out of memory (a fatal diagnostic).
 */
int check_slots(const struct template_set *templates, const struct book *book,
    const struct period *p, struct diag_list *diags);

#endif
