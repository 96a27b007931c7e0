/*
 * Fuzz target: the new draft given to `kessan diff`. The input is a period
 * file compared with the example's 2004-q1 in both languages; the report
 * is written as text and as HTML.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "harness.h"

#include "../src/backend/html.h"
#include "../src/drafts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fuzz_paths *p = fuzz_setup();
	struct diff_request req;
	struct diff_run run;
	struct diag_list diags;
	char old_path[4200], new_path[4200];
	int status;

	fuzz_write("scratch/draft.xml", data, size);
	snprintf(old_path, sizeof(old_path), "%s/periods/2004-q1.xml", p->book);
	snprintf(new_path, sizeof(new_path), "%s/draft.xml", p->scratch);
	memset(&req, 0, sizeof(req));
	memset(&diags, 0, sizeof(diags));
	req.old_path = old_path;
	req.new_path = new_path;
	req.book = p->book;
	req.langs[LANG_EN] = req.langs[LANG_JA] = 1;
	req.templates_dir = p->templates;
	req.locales_dir = p->locales;
	status = diff_run(&req, &run, &diags);
	fuzz_expect_explained(status != 0, &diags);
	if (status == 0) {
		struct buffer text = { NULL, 0, 0, 0 }, html = { NULL, 0, 0, 0 };

		if (text_diff_render(&run.report, &text) == 0)
			fuzz_expect_text(&text);
		if (html_diff_render(&run.report, &html) == 0)
			fuzz_expect_text(&html);
		buffer_free(&text);
		buffer_free(&html);
	}
	diff_run_free(&run);
	diag_list_free(&diags);
	return 0;
}
