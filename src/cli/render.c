/*
 * kessan render: one quarter's release in one language and format.
 */
#include "config.h"

#include <getopt.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../font/fonts.h"
#include "../load/load.h"
#include "../render.h"
#include "../util/diag.h"

int
cmd_render(int argc, char **argv)
{
	static const struct option options[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "template", required_argument, NULL, 't' },
		{ "paper", required_argument, NULL, 'P' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct render_request req;
	struct diag_list diags;
	struct buffer out = { NULL, 0, 0, 0 };
	struct book *book = NULL;
	const char *output = NULL;
	char name[64], path[4096];
	struct stat st;
	int c, rc = EXIT_BAD_INPUT;

	memset(&req, 0, sizeof(req));
	memset(&diags, 0, sizeof(diags));
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:l:f:t:o:h", options, NULL)) != -1) {
		switch (c) {
		case 'p':
			req.period = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "en") == 0)
				req.lang = RENDER_EN;
			else if (strcmp(optarg, "ja") == 0)
				req.lang = RENDER_JA;
			else if (strcmp(optarg, "ja+en") == 0)
				req.lang = RENDER_JA_EN;
			else
				return usage_error("render: --lang takes en, ja or ja+en, "
				    "not", optarg);
			break;
		case 'f':
			if ((req.format = output_format_find(optarg,
			    OUTPUT_RELEASE)) == FORMAT_MAX)
				return usage_error("render: --format takes txt, pdf, html "
				    "or tree, not", optarg);
			break;
		case 't':
			req.template_id = optarg;
			break;
		case 'P':
			if (strcmp(optarg, "a4") == 0)
				req.paper = PAPER_A4;
			else if (strcmp(optarg, "letter") == 0)
				req.paper = PAPER_LETTER;
			else
				return usage_error("render: --paper takes a4 or letter, not",
				    optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			return print_help("render");
		default:
			return usage_error("render: bad option", NULL);
		}
	}
	if (optind + 1 != argc)
		return usage_error("render takes one BOOK folder", NULL);
	if (req.period == NULL)
		return usage_error("render needs --period", NULL);
	req.templates_dir = getenv("KESSAN_TEMPLATES");
	req.locales_dir = getenv("KESSAN_LOCALES");
	req.fonts_file = getenv("KESSAN_FONTS");
	/* Only the period files this quarter's release reads. */
	if ((book = render_book_load(argv[optind], req.period, NULL,
	    req.templates_dir, &req.templates, &diags)) == NULL)
		goto out;
	req.book = book;
	if (render_release(&req, &out, &diags) != 0)
		goto out;
	if (output != NULL && stat(output, &st) == 0 && S_ISDIR(st.st_mode)) {
		render_file_name(&req, name, sizeof(name));
		snprintf(path, sizeof(path), "%s/%s", output, name);
		output = path;
	}
	if (write_output(output, &out, &diags) != 0)
		goto out;
	rc = EXIT_CLEAN;
out:
	print_diags(&diags);
	diag_list_free(&diags);
	buffer_free(&out);
	templates_free(req.templates);
	book_free(book);
	fonts_cache_clear();
	return rc;
}
