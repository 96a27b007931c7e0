/*
 * `kessan diff --built OUT BOOK`: the last build against the working
 * tree. A build's manifest (OUT/manifest.tsv) records each output's
 * inputs by SHA-256 digest, not their contents, so the drafts the last
 * build read are found again in git: the newest commit of the book whose
 * files have exactly the recorded digests (the book files the quarter's
 * outputs read: company.xml, accounts.xml, each period file, a layout's
 * templates). A build of files never committed cannot be found, and is
 * refused rather than guessed; so is one made by another kessan version,
 * whose own templates and catalogs may differ.
 */
#ifndef KESSAN_BUILT_H
#define KESSAN_BUILT_H

#include "util/diag.h"

/*
 * The commit of `book` holding what the last build in `out` read for
 * quarter `period` (NULL: the latest quarter the manifest has): its id
 * into rev (41 bytes), and the quarter into period_out (16 bytes).
 * Returns 0, or -1 after a fatal diagnostic (no manifest, no such commit
 * among the book's last BUILT_MAX_COMMITS, git failing).
 */
#define BUILT_MAX_COMMITS 200

int built_revision(const char *out, const char *book, const char *period,
    char rev[41], char period_out[16], struct diag_list *diags);

#endif
