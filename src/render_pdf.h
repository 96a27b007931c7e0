/*
 * What a PDF of a release is set with, shared by render.c and the redline
 * (redline.c): the layout options of the company's pages, with page
 * labels and references worded by the catalogs and numbered by ICU.
 */
#ifndef KESSAN_RENDER_PDF_H
#define KESSAN_RENDER_PDF_H

#include "render.h"
#include "layout/layout.h"

struct page_labels {
	struct catalog **catalogs;
	struct formatter **formatters;
};

struct render_pdf {
	struct layout_options options;   /* options.arg is &labels */
	struct page_labels labels;
	const struct period *period;
	const struct company *company;
	const struct font_set *fonts;
	long long epoch;                 /* the PDF's creation date */
};

/*
 * Sets up a PDF of quarter period_id of env's book on paper: loads the
 * fonts and the quarter's layout. setup points into env: keep env while
 * it is used, and do not move setup (options.arg points into it).
 * Returns 0, or -1 after fatal diagnostics.
 */
int render_pdf_setup(struct render_env *env, const char *period_id,
    enum paper paper, struct render_pdf *setup, struct diag_list *diags);

/*
 * The redline of a diff report (report->env set): the summary of the
 * changes with their pages, then the new drafts, Japanese first, with
 * the marks drawn, as a PDF into out. Returns 0, or -1 after fatal
 * diagnostics. (redline.c)
 */
int redline_render(const struct diff_report *report, struct buffer *out,
    struct diag_list *diags);

#endif
