/*
 * The periods folder: which files load (all, or for a render of one
 * quarter only those its release reads), the draft put in its quarter's
 * place, the periods sorted and duplicates refused.
 */
#include "loader.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../model/expr.h"
#include "xml.h"

static int
compare_periods(const void *a, const void *b)
{
	const struct period *pa = *(struct period *const *)a;
	const struct period *pb = *(struct period *const *)b;

	return (pa->ordinal > pb->ordinal) - (pa->ordinal < pb->ordinal);
}

static int
is_period_file(const struct dirent *entry)
{
	size_t len = strlen(entry->d_name);

	return entry->d_name[0] != '.' && len > 4 &&
	    strcmp(entry->d_name + len - 4, ".xml") == 0;
}

/* Reads the draft period file; NULL after diagnostics. */
static struct period *
read_draft(struct loader *ld)
{
	char *copy = strdup(ld->draft), *slash, *dir, *name;
	struct period *p;

	if (copy == NULL) {
		loader_error(ld, ld->draft, 0, "out of memory");
		return NULL;
	}
	slash = strrchr(copy, '/');
	dir = slash != NULL ? copy : ".";
	name = slash != NULL ? slash + 1 : copy;
	if (slash != NULL)
		*slash = '\0';
	p = load_period(ld, dir, name, 1);
	free(copy);
	return p;
}

/* Puts the draft p (NULL: none) in place of its quarter. */
static void
place_draft(struct loader *ld, struct period *p)
{
	struct book *b = ld->book;
	struct period **grown;
	size_t k;

	if (p == NULL)
		return;
	for (k = 0; k < b->nperiods; k++)
		if (b->periods[k]->ordinal == p->ordinal) {
			period_free(b->periods[k]);
			b->periods[k] = p;
			b->draft = p;
			return;
		}
	if ((grown = realloc(b->periods, (b->nperiods + 2) * sizeof(*grown))) ==
	    NULL) {
		period_free(p);
		loader_error(ld, ld->draft, 0, "out of memory");
		return;
	}
	b->periods = grown;
	b->periods[b->nperiods++] = p;
	b->periods[b->nperiods] = NULL;
	b->draft = p;
}

/*
 * For a render of one quarter: loads that quarter's file (or the draft
 * read in its place) and asks ld->reach which quarters around it the
 * release reads, into *first..*last (ordinals). Anything amiss (no such
 * file, a diagnostic, memory, an unbounded reach) leaves the window whole
 * and *release NULL, so that the whole book loads and reports exactly
 * what it always did.
 */
static void
choose_window(struct loader *ld, const char *dir, struct dirent **names,
    int count, struct period **release, int *first, int *last)
{
	struct diag_list quiet, *diags = ld->diags;
	struct period *p = NULL;
	char id[16], name[32];
	int i, from = 0, to = 0, year, quarter, failed = ld->failed;

	if (xml_memory_ran_out())
		return;
	memset(&quiet, 0, sizeof(quiet));
	ld->diags = &quiet;
	if (ld->draft != NULL)
		p = read_draft(ld);
	else if (ld->release != NULL &&
	    period_id_parse(ld->release, &year, &quarter) == 0) {
		period_id_format(year, quarter, id, sizeof(id));
		snprintf(name, sizeof(name), "%s.xml", id);
		i = 0;
		while (i < count && strcmp(names[i]->d_name, name) != 0)
			i++;
		/* "2004-q1" only: the whole load says what another id is. */
		if (i < count && strcmp(id, ld->release) == 0)
			p = load_period(ld, dir, name, 0);
	}
	ld->diags = diags;
	if (p == NULL || ld->failed || diag_worst(&quiet) >= 0 ||
	    xml_memory_ran_out() ||
	    ld->reach(ld->reach_arg, ld->book, p, &from, &to) != 0) {
		ld->failed = failed;   /* said again when the whole book loads */
		period_free(p);
		diag_list_free(&quiet);
		return;
	}
	diag_list_free(&quiet);
	*release = p;
	*first = p->ordinal + from;
	*last = p->ordinal + to;
}

/* The company era a quarter was released in; a quarter without a release
 * takes the era in effect when it ended. A release's layout must be a
 * folder of the book: said once, where the layout is named. */
static void
set_company(struct loader *ld, size_t k)
{
	const struct book *b = ld->book;
	struct period *p = b->periods[k];
	struct date day = p->release_date;
	const char *name;
	char path[PATH_MAX];
	struct stat st;
	size_t i;

	if (!p->has_release)
		fiscal_quarter_end(&b->company.fiscal, p->fiscal_year, p->quarter,
		    &day);
	p->company = book_company_on(b, day);
	if (!p->has_release || (name = period_layout(b, p)) == NULL)
		return;
	if (snprintf(path, sizeof(path), "%s/layouts/%s/templates", b->dir,
	    name) < (int)sizeof(path) && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return;
	for (i = 0; p->layout == NULL && i < k; i++)
		if (b->periods[i]->has_release && b->periods[i]->layout == NULL &&
		    b->periods[i]->company == p->company)
			return;
	if (p->layout != NULL)
		loader_error(ld, p->file, p->release_line, "layout %s: the book has "
		    "no folder layouts/%s/templates (make it, with the template "
		    "files that differ from kessan's)", name, name);
	else
		loader_error(ld, b->company_file, p->company->origin.line,
		    "layout %s: the book has no folder layouts/%s/templates (make "
		    "it, with the template files that differ from kessan's)", name,
		    name);
}

void
load_periods(struct loader *ld)
{
	struct book *b = ld->book;
	struct dirent **names = NULL;
	struct period *p, *release = NULL;
	int *ordinals;
	char *dir;
	int count, i, first = INT_MIN, last = INT_MAX;
	size_t k;

	if ((dir = join_path(b->dir, "periods")) == NULL) {
		loader_error(ld, b->dir, 0, "out of memory");
		return;
	}
	if ((count = scandir(dir, &names, is_period_file, alphasort)) < 0) {
		loader_error(ld, dir, 0, "cannot read the periods folder");
		free(dir);
		return;
	}
	if (count == 0)
		loader_error(ld, dir, 0, "no period files (periods/YYYY-qN.xml)");
	if ((ordinals = calloc((size_t)count + 1, sizeof(*ordinals))) != NULL) {
		for (i = 0; i < count; i++)
			ordinals[i] = period_name_ordinal(names[i]->d_name);
		ld->file_ordinals = ordinals;
		ld->nfile_ordinals = (size_t)count;
	}
	if (ld->reach != NULL)
		choose_window(ld, dir, names, count, &release, &first, &last);
	if ((b->periods = calloc((size_t)count + 1, sizeof(*b->periods))) == NULL)
		loader_error(ld, dir, 0, "out of memory");
	for (i = 0; i < count; i++) {
		int o = period_name_ordinal(names[i]->d_name);

		/* Outside the window a file is not even opened. */
		if (o != INT_MIN && (o < first || o > last))
			p = NULL;
		else if (release != NULL && ld->draft == NULL &&
		    o == release->ordinal) {
			p = release;
			release = NULL;
		} else
			p = b->periods != NULL ?
			    load_period(ld, dir, names[i]->d_name, 0) : NULL;
		if (p != NULL && b->periods != NULL)
			b->periods[b->nperiods++] = p;
		else
			period_free(p);
		free(names[i]);
	}
	free(names);
	free(dir);
	ld->file_ordinals = NULL;
	ld->nfile_ordinals = 0;
	free(ordinals);
	if (b->periods == NULL) {
		period_free(release);
		return;
	}
	/* The draft goes in last, over its quarter's own file, as always. */
	if (ld->draft != NULL)
		place_draft(ld, release != NULL ? release : read_draft(ld));
	qsort(b->periods, b->nperiods, sizeof(*b->periods), compare_periods);
	for (k = 1; k < b->nperiods; k++)
		if (b->periods[k]->ordinal == b->periods[k - 1]->ordinal)
			loader_error(ld, b->periods[k]->file, b->periods[k]->line,
			    "period %s is also in %s", b->periods[k]->id,
			    b->periods[k - 1]->file);
	for (k = 0; k < b->nperiods; k++)
		set_company(ld, k);
	/* In quarter order: an identity may read the quarter before. The
	 * loader, which sets the policy, hands ROUND() the era's rounding. */
	for (k = 0; k < b->nperiods && !ld->failed; k++)
		if (book_derive(b, b->periods[k],
		    b->periods[k]->company->rounding) != 0)
			loader_error(ld, b->periods[k]->file, 0, "out of memory");
}
