/*
 * Renders the three PDFs of a quarter (English, Japanese, compilation) N
 * times in one process and prints the median time per quarter, and the
 * median CPU time and the size of each PDF. As in a batch build, the book, its templates, catalogs and
 * fonts are loaded once; each iteration builds, lays out and writes the
 * three documents.
 *
 *   bench/bench_render [-n N] [BOOK [PERIOD]]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "../src/load/xml.h"

#include "../src/font/fonts.h"
#include "../src/load/load.h"
#include "../src/render.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
print_diags(const struct diag_list *diags)
{
	struct buffer text = { NULL, 0, 0, 0 };

	diag_format(diags, &text);
	if (text.data != NULL)
		fputs(text.data, stderr);
	buffer_free(&text);
}

int
main(int argc, char **argv)
{
	const char *dir = "examples/iij", *period = "2004-q1";
	static const enum render_lang langs[] = { RENDER_EN, RENDER_JA,
	    RENDER_JA_EN };
	static const char *const names[] = { "en", "ja", "ja+en" };
	struct diag_list diags;
	struct book *book;
	struct render_env *env;
	double *times, *cpu[3];
	size_t bytes[3] = { 0, 0, 0 };
	int n = 20, i, l, arg = 1;

	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		n = atoi(argv[2]);
		arg = 3;
	}
	if (arg < argc)
		dir = argv[arg++];
	if (arg < argc)
		period = argv[arg];
	if (n < 1 || (times = calloc((size_t)n, sizeof(*times))) == NULL)
		return 2;
	for (l = 0; l < 3; l++)
		if ((cpu[l] = calloc((size_t)n, sizeof(*cpu[l]))) == NULL)
			return 2;
	memset(&diags, 0, sizeof(diags));
	if ((book = book_load(dir, &diags)) == NULL ||
	    (env = render_env_new(book, NULL, NULL, NULL, &diags)) == NULL) {
		print_diags(&diags);
		diag_list_free(&diags);
		free(times);
		book_free(book);
		return 2;
	}
	for (i = 0; i < n; i++) {
		double start = now_ms();
		for (l = 0; l < 3; l++) {
			struct render_request req;
			struct buffer out = { NULL, 0, 0, 0 };
			double cpu_start = cpu_ms();
			memset(&req, 0, sizeof(req));
			req.book = book;
			req.env = env;
			req.period = period;
			req.lang = langs[l];
			req.format = FORMAT_PDF;
			if (render_release(&req, &out, &diags) != 0) {
				print_diags(&diags);
				return 2;   /* exiting: the OS reclaims the rest */
			}
			bytes[l] = out.len;
			buffer_free(&out);
			cpu[l][i] = cpu_ms() - cpu_start;
		}
		times[i] = now_ms() - start;
	}
	qsort(times, (size_t)n, sizeof(*times), compare_doubles);
	printf("quarter %s of %s, %d runs: median %.1f ms for the three PDFs "
	    "(fastest %.1f, slowest %.1f)\n", period, dir, n, times[n / 2],
	    times[0], times[n - 1]);
	for (l = 0; l < 3; l++) {
		qsort(cpu[l], (size_t)n, sizeof(*cpu[l]), compare_doubles);
		printf("  release-%s.pdf: %zu bytes, median %.1f ms CPU\n",
		    names[l], bytes[l], cpu[l][n / 2]);
		free(cpu[l]);
	}
	free(times);
	render_env_free(env);
	book_free(book);
	fonts_cache_clear();
	diag_list_free(&diags);
	xml_cleanup();
	return 0;
}
