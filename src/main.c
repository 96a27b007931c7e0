/*
 * kessan: the command line. The only place that prints diagnostics and the
 * only place that decides the exit status.
 */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "load/xml.h"

#include "build/build.h"
#include "check/catalogs.h"
#include "check/dates.h"
#include "check/check.h"
#include "check/display.h"
#include "check/parity.h"
#include "check/slots.h"
#include "check/wording.h"
#include "drafts.h"
#include "scaffold.h"
#include "util/number.h"
#include "load/load.h"
#include "font/fonts.h"
#include "help.h"
#include "render.h"
#include "sheet/sheet.h"
#include "translate/translate.h"
#include "util/atomic.h"
#include "util/diag.h"

enum exit_status {
	EXIT_CLEAN = 0,
	EXIT_CHECK_FAILED = 1,
	EXIT_BAD_INPUT = 2
};

/* The command being run, for usage errors' pointer to its help. */
static const char *current_command;

static int
usage_error(const char *message, const char *arg)
{
	fprintf(stderr, "kessan: %s%s%s\nTry 'kessan%s%s --help'.\n", message,
	    arg != NULL ? " " : "", arg != NULL ? arg : "",
	    current_command != NULL ? " " : "",
	    current_command != NULL ? current_command : "");
	return EXIT_BAD_INPUT;
}

/* Prints the diagnostics, one whole line each, in the order collected. */
static void
print_diags(const struct diag_list *diags)
{
	struct buffer text = { NULL, 0, 0, 0 };

	if (diag_format(diags, &text) != 0)
		fputs("kessan: out of memory printing the diagnostics\n", stderr);
	else if (text.len > 0)
		fwrite(text.data, 1, text.len, stderr);
	buffer_free(&text);
}

/* Prints a command's help (the overview for NULL); the exit status. */
static int
print_help(const char *command)
{
	fputs(help_text(command), stdout);
	return EXIT_CLEAN;
}

/* Writes out to stdout, or atomically to the file output. */
static int
write_output(const char *output, const struct buffer *out,
    struct diag_list *diags)
{
	char err[256];

	if (output == NULL) {
		if (fwrite(out->data, 1, out->len, stdout) != out->len ||
		    fflush(stdout) != 0) {
			diag_add(diags, DIAG_FATAL, "stdout", 0, "write failed");
			return -1;
		}
	} else if (write_file_atomic(output, out->data, out->len, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, output, 0, "cannot write: %s", err);
		return -1;
	}
	return 0;
}

static void
print_summary(const char *dir, const struct book *book,
    const struct check_stats *stats, const struct parity_stats *parity,
    const struct display_stats *display)
{
	struct number_formatter *f = number_formatter_open("en");
	char passed[32], periods[32], identities[32], skipped[32], derived[96];
	char nderived[32];
	char decimal[32], read[32], sums[32], off[32], adjusted[32], stated[32];
	int bilingual = 0;
	size_t k;

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
	FMT(nderived, stats->derived);
	snprintf(derived, sizeof(derived), stats->derived == 0 ? "%s" :
	    "; %s fact%s the period files leave out derived from %s",
	    stats->derived == 0 ? "" : nderived, stats->derived == 1 ? "" : "s",
	    stats->derived == 1 ? "its identity" : "their identities");
	FMT(read, parity->figures);
	FMT(sums, display->sums - display->unfooted - display->broken);
	FMT(off, display->unfooted);
	FMT(adjusted, display->adjustments);
	FMT(stated, display->stated);
#undef FMT
	number_formatter_close(f);
	for (k = 0; k < book->nperiods; k++)
		bilingual |= book->periods[k]->has_release &&
		    period_publishes(book, book->periods[k], LANG_EN) &&
		    period_publishes(book, book->periods[k], LANG_JA);
	if (stats->failed == 0 && parity->mismatches == 0 &&
	    parity->headings == 0 && display->broken == 0 && stats->unwritten == 0)
		printf("%s: %s identity checks passed over %s period%s "
		    "(%s identities; %s checks not applicable where a quarter lacks "
		    "the facts or a release%s); %s figures read back %s; %s printed "
		    "totals add up (%s a unit off in tables rounded cell by cell); "
		    "%s display adjustment%s and %s stated change%s listed\n",
		    dir, passed, periods, stats->periods == 1 ? "" : "s",
		    identities, skipped, derived, read, bilingual ? "alike in English and "
		    "Japanese" : "as printed", sums, off, adjusted,
		    display->adjustments == 1 ? "" : "s", stated,
		    display->stated == 1 ? "" : "s");
	else
		printf("%s: %zu identity check%s failed, %s passed, over %s "
		    "period%s; %zu of %s figures read back differently; %zu "
		    "printed total%s do not add up%s; %zu value%s, slot%s or "
		    "footnote%s still to write\n", dir,
		    stats->failed, stats->failed == 1 ? "" : "s", passed, periods,
		    stats->periods == 1 ? "" : "s", parity->mismatches, read,
		    display->broken, display->broken == 1 ? "" : "s",
		    parity->headings > 0 ? "; slots with other headings in "
		    "English than in Japanese" : "", stats->unwritten,
		    stats->unwritten == 1 ? "" : "s", stats->unwritten == 1 ? "" :
		    "s", stats->unwritten == 1 ? "" : "s");
}

/*
 * The words of the releases: the templates load against this book, and the
 * catalogs of every language hold every key they use.
 */
/*
 * Language parity, once the words load: the templates and catalogs have
 * been reported on by check_wording, so a failure to load them here is
 * not reported twice.
 */
static void
check_languages(const struct book *book, const char *only,
    struct parity_stats *stats, struct diag_list *diags)
{
	struct diag_list quiet;
	struct render_env *env;
	struct render_request req;
	struct parity *pc;
	size_t k;
	int l;

	memset(&quiet, 0, sizeof(quiet));
	env = render_env_new(book, getenv("KESSAN_TEMPLATES"),
	    getenv("KESSAN_LOCALES"), NULL, &quiet);
	diag_list_free(&quiet);
	if (env == NULL)
		return;
	if ((pc = parity_new(diags)) == NULL)
		goto out;
	memset(&req, 0, sizeof(req));
	req.book = book;
	req.env = env;
	/* Every quarter with a release, or the one asked for; a document
	 * that cannot be built is reported and its tables left alone. */
	for (k = 0; k < book->nperiods; k++) {
		const struct period *p = book->periods[k];
		struct node *docs[LANG_MAX] = { NULL, NULL };
		int built = 1;

		/* A quarter with figures still to write is not read back yet. */
		if (!p->has_release || (only != NULL && strcmp(p->id, only) != 0) ||
		    period_unwritten(p))
			continue;
		req.period = p->id;
		parity_check_headings(pc, p);
		for (l = 0; l < LANG_MAX; l++) {
			req.lang = l == LANG_JA ? RENDER_JA : RENDER_EN;
			/* A release in one language is read back against nothing. */
			if (!period_publishes(book, p, (enum lang)l))
				built = 0;
			else if ((docs[l] = render_document(&req, diags)) == NULL)
				built = 0;
			else
				parity_check_figures(pc, docs[l]);
		}
		if (built)
			parity_check_tables(pc, docs[LANG_EN], docs[LANG_JA]);
		for (l = 0; l < LANG_MAX; l++)
			node_free(docs[l]);
	}
	parity_free(pc, stats);
out:
	render_env_free(env);
}

/* The catalogs and templates of one layout, checked against each other
 * and against the releases that use them. */
static void
check_layout_wording(const struct book *book, const char *layout,
    const char *period, int one_layout, struct display_stats *display,
    struct diag_list *diags)
{
	struct catalog *catalogs[LANG_MAX] = { NULL };
	struct template_set *templates;
	char over[4096];
	size_t k;
	int l, ok = 1;

	if (layout != NULL && book_layout_path(book, layout, "locales", over,
	    sizeof(over)) != 0) {
		diag_add(diags, DIAG_FATAL, book->dir, 0, "out of memory");
		return;
	}
	for (l = 0; l < LANG_MAX; l++)
		if ((catalogs[l] = catalog_load_layout(getenv("KESSAN_LOCALES"),
		    layout != NULL ? over : NULL, (enum lang)l, diags)) == NULL)
			ok = 0;
	templates = templates_load_layout(getenv("KESSAN_TEMPLATES"), book,
	    layout, diags);
	if (ok && templates != NULL)
		check_catalogs(templates, catalogs, !one_layout, diags);
	/* Each release's narrative against its own layout's templates. */
	for (k = 0; templates != NULL && k < book->nperiods; k++) {
		const struct period *p = book->periods[k];
		if (p->has_release && (period == NULL ||
		    strcmp(p->id, period) == 0) &&
		    (one_layout || layout_same(period_layout(book, p), layout)))
			check_slots(templates, book, p, diags);
	}
	/* One layout: every release in one pass, as always; several: each
	 * release under its own. */
	for (k = 0; templates != NULL && k < book->nperiods; k++) {
		const struct period *p = book->periods[k];
		if (one_layout) {
			check_display(templates, book, period, display, diags);
			break;
		}
		if (p->has_release && (period == NULL ||
		    strcmp(p->id, period) == 0) &&
		    layout_same(period_layout(book, p), layout))
			check_display(templates, book, p->id, display, diags);
	}
	templates_free(templates);
	for (l = 0; l < LANG_MAX; l++)
		catalog_free(catalogs[l]);
}

static void
check_wording(const struct book *book, const char *period,
    struct display_stats *display, struct diag_list *diags)
{
	const char **layouts = calloc(book->nperiods + 1, sizeof(*layouts));
	size_t k, i, n = 0;

	if (layouts == NULL) {
		diag_add(diags, DIAG_FATAL, book->dir, 0, "out of memory");
		return;
	}
	for (k = 0; k < book->nperiods; k++) {
		const struct period *p = book->periods[k];
		const char *name = period_layout(book, p);
		if (!p->has_release || (period != NULL && strcmp(p->id, period) != 0))
			continue;
		for (i = 0; i < n && !layout_same(layouts[i], name); i++)
			;
		if (i == n)
			layouts[n++] = name;
	}
	if (n == 0)
		n = 1;  /* no release: the catalogs and templates still check */
	for (i = 0; i < n; i++)
		check_layout_wording(book, layouts[i], period, n == 1, display,
		    diags);
	free(layouts);
}

static int
cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diag_list diags;
	struct check_stats stats;
	struct book *book;
	const char *period = NULL;
	struct parity_stats parity = { 0, 0, 0 };
	struct display_stats display;
	int c, rc, quiet = 0;

	memset(&diags, 0, sizeof(diags));
	memset(&display, 0, sizeof(display));
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:qh", options, NULL)) != -1) {
		switch (c) {
		case 'p':
			period = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			return print_help("check");
		default:
			return usage_error("check: bad option", NULL);
		}
	}
	if (optind + 1 != argc)
		return usage_error("check takes one BOOK folder", NULL);
	book = book_load(argv[optind], &diags);
	if (book == NULL) {
		print_diags(&diags);
		diag_list_free(&diags);
		return EXIT_BAD_INPUT;
	}
	rc = check_book(book, period, &stats, &diags);
	if (rc != EXIT_BAD_INPUT) {
		check_dates(book, period, &diags);
		check_authored_words(book, period, &diags);
		check_wording(book, period, &display, &diags);
		/* A table that cannot be shown as recorded would fail every
		 * render again, once per language: reported once above. */
		if (diag_worst(&diags) < DIAG_ERROR)
			check_languages(book, period, &parity, &diags);
	}
	if (quiet)
		diag_drop_level(&diags, DIAG_NOTE);
	print_diags(&diags);
	/* The exit status follows the worst diagnostic. */
	rc = diag_worst(&diags) == DIAG_FATAL ? EXIT_BAD_INPUT :
	    diag_worst(&diags) == DIAG_ERROR ? EXIT_CHECK_FAILED : EXIT_CLEAN;
	if (rc != EXIT_BAD_INPUT)
		print_summary(argv[optind], book, &stats, &parity, &display);
	diag_list_free(&diags);
	book_free(book);
	return rc;
}

static int
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

/* A comma-separated list of names into a bit mask; 0 if one is unknown. */
static unsigned
parse_list(const char *arg, const char *const *names, int count)
{
	unsigned mask = 0;
	const char *p = arg;
	int i;

	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		for (i = 0; i < count; i++)
			if (strlen(names[i]) == len && strncmp(p, names[i], len) == 0)
				break;
		if (i == count)
			return 0;
		mask |= 1u << i;
		p += len + (p[len] == ',');
	}
	return mask;
}

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

static int
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

static int
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

static int
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

/* kessan sheet export|import: a quarter's facts to and from XLSX or CSV. */
static int
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

/* kessan catalog export|import: the Japanese catalog in translators'
 * formats, and their work back into it. */
static int
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

int
main(int argc, char **argv)
{
	int rc;

	if (argc < 2)
		return usage_error("no command given", NULL);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return print_help(NULL);
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("kessan %s\n", PACKAGE_VERSION);
		return EXIT_CLEAN;
	}
	LIBXML_TEST_VERSION
	if (help_text(argv[1]) != NULL)
		current_command = argv[1];
	if (strcmp(argv[1], "check") == 0)
		rc = cmd_check(argc - 1, argv + 1);
	else if (strcmp(argv[1], "render") == 0)
		rc = cmd_render(argc - 1, argv + 1);
	else if (strcmp(argv[1], "build") == 0)
		rc = cmd_build(argc - 1, argv + 1);
	else if (strcmp(argv[1], "diff") == 0)
		rc = cmd_diff(argc - 1, argv + 1);
	else if (strcmp(argv[1], "new") == 0)
		rc = cmd_new(argc - 1, argv + 1);
	else if (strcmp(argv[1], "sheet") == 0)
		rc = cmd_sheet(argc - 1, argv + 1);
	else if (strcmp(argv[1], "catalog") == 0)
		rc = cmd_catalog(argc - 1, argv + 1);
	else
		rc = usage_error("unknown command:", argv[1]);
	xml_cleanup();
	return rc;
}
