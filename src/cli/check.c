/*
 * kessan check: a book's identities, dates, wording and language parity,
 * with the summary line.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../check/catalogs.h"
#include "../check/check.h"
#include "../check/dates.h"
#include "../check/display.h"
#include "../check/parity.h"
#include "../check/slots.h"
#include "../check/wording.h"
#include "../load/load.h"
#include "../render.h"
#include "../util/number.h"
#include "../util/diag.h"

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

/*
 * The words of the releases: the templates load against this book, and the
 * catalogs of every language hold every key they use.
 */
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

int
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
