/* The book for a render of one quarter: only the period files it reads. */
#include "render.h"

#include <string.h>

#include "load/load.h"
#include "load/reach.h"

struct reach_arg {
	const char *templates_dir;
	struct template_set *templates;
};

static int
release_reach(void *arg, const struct book *book,
    const struct period *release, int *first, int *last)
{
	struct reach_arg *ra = arg;
	struct diag_list quiet;
	struct reach r = { 0, 0 };
	int cumulative = book->company.cumulative;

	/* Templates that do not load cleanly are reported by the render after
	 * the whole book has loaded, as they always were. */
	memset(&quiet, 0, sizeof(quiet));
	ra->templates = templates_load_layout(ra->templates_dir, book,
	    period_layout(book, release), &quiet);
	if (ra->templates != NULL && diag_worst(&quiet) >= 0) {
		templates_free(ra->templates);
		ra->templates = NULL;
	}
	diag_list_free(&quiet);
	if (ra->templates == NULL ||
	    reach_templates(ra->templates, cumulative, &r) != 0 ||
	    reach_period(release, cumulative, &r) != 0)
		return -1;
	*first = r.first;
	*last = r.last;
	return 0;
}

struct book *
render_book_load(const char *dir, const char *period,
    const char *period_file, const char *templates_dir,
    struct template_set **templates, struct diag_list *diags)
{
	struct reach_arg ra = { templates_dir, NULL };
	struct book *book;

	if ((book = book_load_release(dir, period, period_file, release_reach,
	    &ra, diags)) == NULL) {
		templates_free(ra.templates);
		ra.templates = NULL;
	}
	*templates = ra.templates;
	return book;
}
