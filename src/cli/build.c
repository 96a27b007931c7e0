/*
 * kessan build: every release of a book, in parallel, with a progress bar
 * on a terminal.
 */
#include "config.h"

#include <getopt.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../build/build.h"
#include "../font/fonts.h"
#include "../render.h"
#include "../util/number.h"
#include "../util/diag.h"

/* A build's progress bar on the terminal, erased when all is done. */
static void
draw_progress(void *arg, size_t done, size_t total, double left)
{
	char bar[31];
	size_t fill = done * 30 / total, i;

	(void)arg;
	for (i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu, about %.0f s left ", bar, done, total,
	    left);
	if (done == total)
		fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

int
cmd_build(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "shard", required_argument, NULL, 's' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const langs[] = { "en", "ja", "ja+en" };
	const char *formats[FORMAT_MAX];
	enum output_format format_at[FORMAT_MAX];
	struct build_options o;
	struct build_summary s;
	struct diag_list diags;
	struct number_formatter *nf;
	char counts[4][32], decimal[32];
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned mask;
	int c, rc, n, f, nformats = 0;

	memset(&o, 0, sizeof(o));
	memset(&diags, 0, sizeof(diags));
	o.out = "out";
	o.jobs = cores > 0 ? (int)cores : 1;
	o.langs = BUILD_LANG_EN | BUILD_LANG_JA | BUILD_LANG_JA_EN;
	/* Every format the build makes, by default; --format picks some. */
	for (f = 0; f < FORMAT_MAX; f++)
		if (output_format_does((enum output_format)f, OUTPUT_BUILT)) {
			formats[nformats] = output_format_name((enum output_format)f);
			format_at[nformats++] = (enum output_format)f;
			o.formats |= 1u << f;
		}
	o.shard = o.shards = 1;
	o.progress = isatty(STDERR_FILENO) ? draw_progress : NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:j:l:f:h", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			o.out = optarg;
			break;
		case 'j':
			if ((o.jobs = atoi(optarg)) < 1 || o.jobs > 256)
				return usage_error("build: -j takes 1 to 256, not", optarg);
			break;
		case 'l':
			if ((o.langs = parse_list(optarg, langs, 3)) == 0)
				return usage_error("build: --lang takes en, ja, ja+en, not",
				    optarg);
			break;
		case 'f':
			if ((mask = parse_list(optarg, formats, nformats)) == 0)
				return usage_error("build: --format takes txt, pdf, html, "
				    "not", optarg);
			for (o.formats = 0, n = 0; n < nformats; n++)
				if (mask & (1u << n))
					o.formats |= 1u << format_at[n];
			break;
		case 's':
			if (sscanf(optarg, "%d/%d%n", &o.shard, &o.shards, &n) != 2 ||
			    optarg[n] != '\0' || o.shards < 1 || o.shard < 1 ||
			    o.shard > o.shards)
				return usage_error("build: --shard takes K/N with 1 <= K <= "
				    "N, not", optarg);
			break;
		case 'F':
			o.force = 1;
			break;
		case 'h':
			return print_help("build");
		default:
			return usage_error("build: bad option", NULL);
		}
	}
	if (optind + 1 != argc)
		return usage_error("build takes one BOOK folder", NULL);
	o.book = argv[optind];
	rc = build_run(&o, &s, &diags);
	print_diags(&diags);
	diag_list_free(&diags);
	if (rc == 2)
		return EXIT_BAD_INPUT;
	/* Counts are user-visible numbers: ICU formats them. */
	nf = number_formatter_open("en");
	{
		size_t values[4] = { s.outputs, s.built, s.up_to_date, s.failed };
		int i;

		for (i = 0; i < 4; i++) {
			snprintf(decimal, sizeof(decimal), "%zu", values[i]);
			if (nf == NULL || number_format_decimal(nf, decimal, counts[i],
			    sizeof(counts[i])) != 0)
				snprintf(counts[i], sizeof(counts[i]), "%s", decimal);
		}
	}
	snprintf(decimal, sizeof(decimal), "%.1f", s.seconds);
	printf("kessan build: %s outputs: %s built, %s up to date, %s failed "
	    "(%s s)\n", counts[0], counts[1], counts[2], counts[3], decimal);
	number_formatter_close(nf);
	fonts_cache_clear();
	return rc == 0 ? EXIT_CLEAN : EXIT_CHECK_FAILED;
}
