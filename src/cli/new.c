/*
 * kessan new: the files of a new quarter, scaffolded from the last one.
 */
#include "config.h"

#include <getopt.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../load/load.h"
#include "../scaffold.h"
#include "../util/atomic.h"
#include "../util/diag.h"

int
cmd_new(int argc, char **argv)
{
	static const struct option options[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct buffer out = { NULL, 0, 0, 0 }, report = { NULL, 0, 0, 0 };
	struct template_set *templates = NULL;
	struct diag_list diags;
	struct book *book = NULL;
	const char *period = NULL, *output = NULL;
	char path[4096], err[256];
	struct date end;
	struct stat st;
	int c, year, quarter, rc = EXIT_BAD_INPUT;

	memset(&diags, 0, sizeof(diags));
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'p':
			period = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return print_help("new");
		default:
			return usage_error("new: bad option", NULL);
		}
	}
	if (optind + 1 != argc)
		return usage_error("new takes one BOOK folder", NULL);
	if (period == NULL || period_id_parse(period, &year, &quarter) != 0)
		return usage_error("new needs --period YYYY-qN", NULL);
	if (output == NULL)
		snprintf(path, sizeof(path), "%s/periods/%s.xml", argv[optind],
		    period);
	else
		snprintf(path, sizeof(path), "%s", output);
	/* kessan never writes over a file it did not make. */
	if (lstat(path, &st) == 0) {
		diag_add(&diags, DIAG_FATAL, path, 0, "exists already: kessan new "
		    "writes only a new file (remove it, or give --output)");
		goto out;
	}
	if ((book = book_load(argv[optind], &diags)) == NULL)
		goto out;
	/* The templates of the era the quarter will be released in. */
	fiscal_quarter_end(&book->company.fiscal, year, quarter, &end);
	if ((templates = templates_load_layout(getenv("KESSAN_TEMPLATES"), book,
	    book_company_on(book, end)->layout, &diags)) == NULL ||
	    scaffold_period(book, templates, year, quarter, &out, &report,
	    &diags) != 0)
		goto out;
	if (write_file_atomic(path, out.data, out.len, err, sizeof(err)) != 0) {
		diag_add(&diags, DIAG_FATAL, path, 0, "cannot write: %s", err);
		goto out;
	}
	printf("kessan new: wrote %s; fill in its values and slots, then run "
	    "kessan check\n%s", path, report.data != NULL ? report.data : "");
	rc = EXIT_CLEAN;
out:
	print_diags(&diags);
	diag_list_free(&diags);
	buffer_free(&out);
	buffer_free(&report);
	templates_free(templates);
	book_free(book);
	return rc;
}
