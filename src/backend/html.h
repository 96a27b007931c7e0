/* The HTML backend: one self-contained HTML5 file per document. */
#ifndef KESSAN_HTML_H
#define KESSAN_HTML_H

#include "../diff/diff.h"
#include "../doc/doc.h"
#include "../util/buffer.h"

struct html_meta {
	const char *title;
	const char *author;
};

/*
 * Writes doc as HTML5 into out: inline CSS for screen and print (A4), the
 * charts as inline SVG, real tables (caption, thead, th scope), footnote
 * markers linked to their notes and back, lang on the document and on
 * every run in the other language. Written by html_page.c's writer,
 * which escapes all text. Returns 0, or -1
 * when out of memory.
 */
int html_render(const struct node *doc, const struct html_meta *meta,
    struct buffer *out);

/*
 * The diff as one self-contained page: the changed figures and sentences
 * listed at the top, each linked to where it stands in the marked
 * documents below (one per language), with <del> and <ins> in context.
 * Returns 0, or -1 when out of memory.
 */
int html_diff_render(const struct diff_report *report, struct buffer *out);

#endif
