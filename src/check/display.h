/*
 * What a release prints, checked before it goes out: every table of the
 * templates foots under the company's policy for its kind, every recorded
 * display adjustment is listed as deliberate and stays within one display
 * unit, and every stated per-cent change lies within what the book's
 * figures, at the precision they are recorded, allow.
 */
#ifndef KESSAN_DISPLAY_H
#define KESSAN_DISPLAY_H

#include <stddef.h>

#include "../load/template.h"
#include "../model/book.h"
#include "../util/diag.h"

struct display_stats {
	size_t tables;        /* table × release worked out */
	size_t sums;          /* printed totals with every part printed */
	size_t unfooted;      /* … a unit off their parts (independent) */
	size_t broken;        /* … off their parts where the policy foots */
	size_t adjustments;   /* recorded adjustments listed */
	size_t stated;        /* stated changes checked */
};

/*
 * Checks every release quarter of book (or only `only`) against every
 * table of templates. Adjustments and stated changes are listed as notes;
 * what breaks a rule is DIAG_ERROR. Returns 0 when clean, 1 otherwise.
 */
int check_display(const struct template_set *templates,
    const struct book *book, const char *only, struct display_stats *stats,
    struct diag_list *diags);

#endif
