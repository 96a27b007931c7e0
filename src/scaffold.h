/* `kessan new`: a quarter's period file, to fill in, from the last one. */
#ifndef KESSAN_SCAFFOLD_H
#define KESSAN_SCAFFOLD_H

#include "load/template.h"
#include "model/book.h"
#include "util/buffer.h"
#include "util/diag.h"

/*
 * Writes into out the period file of fiscal quarter (year, quarter),
 * modelled on the book's last release before it and the slots of
 * `templates` (the layout the new release will use); into report, one
 * line per comparative quarter (prior, prior-year) saying what it lacks
 * of the facts the last release wrote. Returns 0, or -1 after fatal
 * diagnostics.
 */
int scaffold_period(const struct book *book,
    const struct template_set *templates, int year, int quarter,
    struct buffer *out, struct buffer *report, struct diag_list *diags);

#endif
