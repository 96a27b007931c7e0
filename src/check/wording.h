/*
 * Authored words against the arithmetic: a profit or loss word written
 * before a figure in a narrative must match the figure's sign.
 */
#ifndef KESSAN_CHECK_WORDING_H
#define KESSAN_CHECK_WORDING_H

#include "../model/book.h"
#include "../util/diag.h"

/*
 * Warns, at the narrative's file:line, where the nearest profit or loss
 * word before a figure in the same sentence ("営業利益は", "net loss of")
 * says the other sign than the figure's value in that release (every
 * release, or only the period with id `only`). The words are the
 * author's, so these are warnings. Returns the number of warnings.
 */
int check_authored_words(const struct book *book, const char *only,
    struct diag_list *diags);

#endif
