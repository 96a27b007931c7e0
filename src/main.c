/*
 * kessan: the command line. The only place that prints diagnostics and the
 * only place that decides the exit status.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "check/check.h"
#include "format/number.h"
#include "load/load.h"
#include "util/diag.h"

enum exit_status {
	EXIT_CLEAN = 0,
	EXIT_CHECK_FAILED = 1,
	EXIT_BAD_INPUT = 2
};

static const char usage_text[] =
    "usage: kessan COMMAND [OPTIONS] BOOK\n"
    "\n"
    "Commands:\n"
    "  check BOOK [--period FYYY-qN]   validate a book and verify its tie-outs\n"
    "\n"
    "Options:\n"
    "  -p, --period ID   only this fiscal quarter (e.g. 2004-q1)\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "Exit status: 0 clean, 1 a check failed, 2 bad input or usage.\n";

static int
usage_error(const char *message, const char *arg)
{
	fprintf(stderr, "kessan: %s%s%s\nTry 'kessan --help'.\n", message,
	    arg != NULL ? " " : "", arg != NULL ? arg : "");
	return EXIT_BAD_INPUT;
}

static void
print_summary(const char *dir, const struct book *book,
    const struct check_stats *stats)
{
	struct number_formatter *f = number_formatter_open("en");
	char passed[32], periods[32], identities[32], skipped[32];
	char decimal[32];

	/* Counts are user-visible numbers too: ICU formats them. */
#define FMT(buf, n) do { \
	snprintf(decimal, sizeof(decimal), "%zu", (size_t)(n)); \
	if (f == NULL || number_format_decimal(f, decimal, buf, sizeof(buf))) \
		snprintf(buf, sizeof(buf), "%s", decimal); \
} while (0)
	FMT(passed, stats->passed);
	FMT(periods, stats->periods);
	FMT(identities, book->nidentities);
	FMT(skipped, stats->not_applicable);
#undef FMT
	number_formatter_close(f);
	if (stats->failed == 0)
		printf("%s: %s identity checks passed over %s period%s "
		    "(%s identities; %s checks not applicable where a quarter lacks "
		    "the facts or a release)\n",
		    dir, passed, periods, stats->periods == 1 ? "" : "s",
		    identities, skipped);
	else
		printf("%s: %zu identity check%s failed, %s passed, over %s "
		    "period%s\n", dir, stats->failed, stats->failed == 1 ? "" : "s",
		    passed, periods, stats->periods == 1 ? "" : "s");
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diag_list diags;
	struct check_stats stats;
	struct book *book;
	const char *period = NULL;
	int c, rc;

	memset(&diags, 0, sizeof(diags));
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h", options, NULL)) != -1) {
		switch (c) {
		case 'p':
			period = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_CLEAN;
		default:
			return usage_error("check: bad option", NULL);
		}
	}
	if (optind + 1 != argc)
		return usage_error("check takes one BOOK folder", NULL);
	book = book_load(argv[optind], &diags);
	if (book == NULL) {
		diag_print(&diags, stderr);
		diag_list_free(&diags);
		return EXIT_BAD_INPUT;
	}
	rc = check_book(book, period, &stats, &diags);
	diag_print(&diags, stderr);
	if (rc != EXIT_BAD_INPUT)
		print_summary(argv[optind], book, &stats);
	diag_list_free(&diags);
	book_free(book);
	return rc;
}

int
main(int argc, char **argv)
{
	int rc;

	if (argc < 2)
		return usage_error("no command given", NULL);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage_text, stdout);
		return EXIT_CLEAN;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("kessan %s\n", PACKAGE_VERSION);
		return EXIT_CLEAN;
	}
	LIBXML_TEST_VERSION
	if (strcmp(argv[1], "check") == 0)
		rc = cmd_check(argc - 1, argv + 1);
	else
		rc = usage_error("unknown command:", argv[1]);
	xmlCleanupParser();
	return rc;
}
