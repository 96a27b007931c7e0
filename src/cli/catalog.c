/*
 * kessan catalog: the Japanese catalog to and from translators' formats.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../load/load.h"
#include "../translate/translate.h"
#include "../util/atomic.h"
#include "../util/diag.h"

/* kessan catalog export|import: the Japanese catalog in translators'
 * formats, and their work back into it. */
int
cmd_catalog(int argc, char **argv)
{
	static const struct option options[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "lang", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct catalog *en = NULL, *ja = NULL;
	struct template_set *templates = NULL;
	struct buffer out = { NULL, 0, 0, 0 };
	struct xunit *units = NULL;
	struct diag_list diags;
	struct book *book = NULL;
	enum xformat format = XFORMAT_XLIFF2;
	const char *output = NULL, *locales = getenv("KESSAN_LOCALES");
	size_t nunits = 0, changed = 0;
	int c, export, rc = EXIT_BAD_INPUT;
	char err[256];

	memset(&diags, 0, sizeof(diags));
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0))
		return print_help("catalog");
	if (argc < 2 || (strcmp(argv[1], "export") != 0 &&
	    strcmp(argv[1], "import") != 0))
		return usage_error("catalog: export or import?", NULL);
	export = strcmp(argv[1], "export") == 0;
	argc--;
	argv++;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:l:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (translate_format_parse(optarg, &format) != 0)
				return usage_error("catalog: --format is po, xliff12 "
				    "or xliff2, not", optarg);
			break;
		case 'l':
			if (strcmp(optarg, "ja") != 0)
				return usage_error("catalog: --lang is ja (the English "
				    "is the source), not", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return print_help("catalog");
		default:
			return usage_error("catalog: bad option", NULL);
		}
	}
	if (export ? optind + 1 < argc : optind + 1 != argc)
		return usage_error(export ? "catalog export takes at most one BOOK"
		    : "catalog import takes one FILE", NULL);
	if ((en = catalog_load(locales, LANG_EN, &diags)) == NULL ||
	    (ja = catalog_load(locales, LANG_JA, &diags)) == NULL)
		goto out;
	if (export) {
		if (optind < argc && ((book = book_load(argv[optind],
		    &diags)) == NULL || (templates = templates_load(
		    getenv("KESSAN_TEMPLATES"), book, &diags)) == NULL))
			goto out;
		if (translate_export(en, ja, templates, format, &out, &diags) != 0 ||
		    write_output(output, &out, &diags) != 0)
			goto out;
		rc = EXIT_CLEAN;
		goto out;
	}
	if (translate_read(argv[optind], &units, &nunits, &diags) != 0 ||
	    translate_import(argv[optind], units, nunits, en, ja, &out, &changed,
	    &diags) != 0)
		goto out;
	if (changed > 0 && write_file_atomic(ja->file, out.data, out.len, err,
	    sizeof(err)) != 0) {
		diag_add(&diags, DIAG_FATAL, ja->file, 0, "cannot write: %s", err);
		goto out;
	}
	printf("kessan catalog import: %zu unit%s of %s changed\n", changed,
	    changed == 1 ? "" : "s", ja->file);
	rc = EXIT_CLEAN;
out:
	print_diags(&diags);
	diag_list_free(&diags);
	buffer_free(&out);
	xunits_free(units, nunits);
	templates_free(templates);
	book_free(book);
	catalog_free(en);
	catalog_free(ja);
	return rc;
}
