/*
 * kessan diff: what changed in a release between two versions of a book.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../drafts.h"
#include "../render.h"
#include "../util/diag.h"

int
cmd_diff(int argc, char **argv)
{
	static const struct option options[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "book", required_argument, NULL, 'b' },
		{ "git", no_argument, NULL, 'g' },
		{ "built", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const langs[] = { "en", "ja" };
	struct diff_request req;
	struct diff_run run;
	struct diag_list diags;
	struct buffer out = { NULL, 0, 0, 0 };
	const char *output = NULL;
	sigset_t stop, saved;
	unsigned mask;
	enum output_format format = FORMAT_TEXT;
	int c, git = 0, rc = EXIT_BAD_INPUT, ran = 0;

	memset(&req, 0, sizeof(req));
	memset(&diags, 0, sizeof(diags));
	req.langs[LANG_EN] = req.langs[LANG_JA] = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:l:f:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'p':
			req.period = optarg;
			break;
		case 'l':
			if ((mask = parse_list(optarg, langs, 2)) == 0)
				return usage_error("diff: --lang takes en, ja or en,ja, not",
				    optarg);
			req.langs[LANG_EN] = (mask & 1) != 0;
			req.langs[LANG_JA] = (mask & 2) != 0;
			break;
		case 'f':
			if ((format = output_format_find(optarg, OUTPUT_DIFF)) ==
			    FORMAT_MAX)
				return usage_error("diff: --format takes txt, html or pdf, not",
				    optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'b':
			req.book = optarg;
			break;
		case 'g':
			git = 1;
			break;
		case 'B':
			req.built = optarg;
			break;
		case 'h':
			return print_help("diff");
		default:
			return usage_error("diff: bad option", NULL);
		}
	}
	if (req.built != NULL) {
		if (git || optind + 1 != argc)
			return usage_error("diff --built OUT takes BOOK", NULL);
		req.new_path = argv[optind];
	} else if (git) {
		/* REV BOOK: the book as it is on disk against REV. */
		if (optind + 3 != argc && optind + 2 != argc)
			return usage_error("diff --git takes REV1 REV2 BOOK, or REV "
			    "BOOK for the working tree", NULL);
		req.old_rev = argv[optind];
		req.new_rev = optind + 3 == argc ? argv[optind + 1] : NULL;
		req.new_path = argv[argc - 1];
	} else {
		if (optind + 2 != argc)
			return usage_error("diff takes OLD and NEW (two books or two "
			    "period files)", NULL);
		req.old_path = argv[optind];
		req.new_path = argv[optind + 1];
	}
	req.templates_dir = getenv("KESSAN_TEMPLATES");
	req.locales_dir = getenv("KESSAN_LOCALES");
	/*
	 * --git extracts revisions into temporary folders, which diff_run_free
	 * removes. SIGINT and SIGTERM wait until then (git and tar still stop
	 * on them) and act when unblocked below, so a stopped diff leaves no
	 * /tmp/kessan-diff.* behind.
	 */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigaddset(&stop, SIGPIPE);   /* `kessan diff --git … | head` too */
	sigprocmask(SIG_BLOCK, &stop, &saved);
	ran = 1;
	if (diff_run(&req, &run, &diags) != 0)
		goto out;
	if (render_diff(&run.report, format, &out, &diags) != 0)
		goto out;
	if (write_output(output, &out, &diags) != 0)
		goto out;
	rc = run.diff.nchanges > 0 ? EXIT_CHECK_FAILED : EXIT_CLEAN;
out:
	print_diags(&diags);
	diag_list_free(&diags);
	buffer_free(&out);
	if (ran) {
		diff_run_free(&run);
		sigprocmask(SIG_SETMASK, &saved, NULL);
	}
	return rc;
}
