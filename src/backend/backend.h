/*
 * Backends turn a document tree (or a diff report) into bytes. render.c's
 * table of output formats is the only place that calls them.
 */
#ifndef KESSAN_BACKEND_H
#define KESSAN_BACKEND_H

#include <stddef.h>

#include "../diff/diff.h"
#include "../doc/doc.h"
#include "../util/buffer.h"

struct text_options {
	/* Per language, space-separated words after which a sentence never
	 * ends ("U.S. Inc."), from the catalogs; may be NULL. */
	const char *no_break_after[LANG_MAX];
};

/*
 * The canonical plain text of a release: one line per heading, sentence,
 * list item sentence, footnote sentence and table row (cells separated by
 * tabs). Stable: used for diffs, tests and wire services. Returns 0, or -1
 * when out of memory or ICU fails.
 */
int text_render(const struct node *doc, const struct text_options *options,
    struct buffer *out);

/*
 * A diff for scripts and terminals: the changed figures first (table,
 * row, column: old → new), then changed sentences with [-old-]{+new+}
 * marks, then blocks added and removed; one line each, prefixed with the
 * language; "no differences" when there are none. Returns 0, or -1 when
 * out of memory.
 */
int text_diff_render(const struct diff_report *report, struct buffer *out);

#endif
