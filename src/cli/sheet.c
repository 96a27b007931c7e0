/*
 * kessan sheet: a quarter's facts to and from XLSX or CSV.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../sheet/sheet.h"
#include "../util/diag.h"

/* kessan sheet export|import: a quarter's facts to and from XLSX or CSV. */
int
cmd_sheet(int argc, char **argv)
{
	static const struct option options[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diag_list diags;
	const char *period = NULL, *output = NULL;
	int c, export, rc;
	size_t changed = 0;

	memset(&diags, 0, sizeof(diags));
	if (argc < 2 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)
		return argc < 2 ? usage_error("sheet takes export or import", NULL) :
		    print_help("sheet");
	if (strcmp(argv[1], "export") != 0 && strcmp(argv[1], "import") != 0)
		return usage_error("sheet takes export or import, not", argv[1]);
	export = strcmp(argv[1], "export") == 0;
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "p:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'p':
			period = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return print_help("sheet");
		default:
			return usage_error("sheet: bad option", NULL);
		}
	}
	if (export && (optind + 2 != argc || period == NULL || output == NULL))
		return usage_error("sheet export takes --period ID -o FILE BOOK",
		    NULL);
	if (!export && (optind + 3 != argc || output != NULL))
		return usage_error("sheet import takes [--period ID] BOOK FILE",
		    NULL);
	rc = export ? sheet_export(argv[optind + 1], period,
	    getenv("KESSAN_TEMPLATES"), getenv("KESSAN_LOCALES"), output, &diags) :
	    sheet_import(argv[optind + 1], period, argv[optind + 2], &changed,
	    &diags);
	print_diags(&diags);
	if (rc == 0 && !export)
		printf("%s: %zu fact%s written\n", argv[optind + 2], changed,
		    changed == 1 ? "" : "s");
	rc = rc == 0 ? EXIT_CLEAN : EXIT_BAD_INPUT;
	diag_list_free(&diags);
	return rc;
}
