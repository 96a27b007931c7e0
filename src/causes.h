/*
 * `kessan diff`'s changes grouped by cause. The causes are the inputs
 * that differ between the two loaded drafts: each fact of each period
 * read (as written, not as derived), each restatement, a period's
 * convenience rate and release date, each narrative slot and footnote
 * per language, and the company's policies in effect for the release.
 * What a cause explains is found by rendering the old draft with that
 * input alone changed and comparing it with the old draft (diff/group.h
 * matches the two comparisons). Catalog messages and template files
 * that differ between the drafts' layouts are causes too
 * (causes_layout.h); one not tried alone takes what no tried cause
 * explains, by elimination.
 */
#ifndef KESSAN_CAUSES_H
#define KESSAN_CAUSES_H

#include "drafts.h"

/*
 * Groups run->diff by cause, marks figures footing alone moved and names
 * the total that moved each. run holds both drafts, loaded and compared
 * (diff_run). Returns 0, or -1 after a fatal diagnostic (out of memory,
 * a what-if render failing).
 */
int diff_causes(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags);

#endif
