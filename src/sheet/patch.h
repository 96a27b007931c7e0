/*
 * Writing imported values into a period file's text: only the <f>
 * values that change and the facts that are new are touched, so the
 * narrative, comments, release and layout of the file stay byte for
 * byte.
 */
#ifndef KESSAN_SHEET_PATCH_H
#define KESSAN_SHEET_PATCH_H

#include <stddef.h>

#include "../model/book.h"
#include "../util/buffer.h"

/*
 * values[f] is the new text of fact f in its unit of record (NULL: the
 * sheet gives none). A value equal to the file's is left as written; a
 * changed one keeps at least the decimals it had (18.7 over 18.72 is
 * written 18.70); a fact the file lacks goes after the last fact of its
 * group, indented as that one, or into a new group after the last group.
 * The patched file goes to out, *changed counts the facts written.
 * Returns 0, or -1 with a reason in err.
 */
int period_patch(const char *text, size_t len, const struct book *book,
    char *const *values, struct buffer *out, size_t *changed, char *err,
    size_t errsize);

/* A new period file for quarter fy/q with the given values, one group
 * per group of accounts.xml that has any; a group is complete="false"
 * when the sheet left some of its facts empty. */
int period_create(const struct book *book, int fy, int q,
    char *const *values, struct buffer *out, size_t *changed);

#endif
