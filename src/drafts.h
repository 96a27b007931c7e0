/*
 * `kessan diff`'s inputs: two drafts of a quarter's release, given as two
 * books, two period files, or two git revisions of a book, rendered in
 * each language asked for and compared.
 */
#ifndef KESSAN_DRAFTS_H
#define KESSAN_DRAFTS_H

#include "render.h"
#include "util/diag.h"
#include "diff/diff.h"

struct diff_request {
	const char *old_path;     /* a book folder or a period file */
	const char *new_path;     /* the same kind; with git, the book */
	const char *old_rev;      /* git revisions of new_path, or NULL */
	const char *new_rev;      /* NULL with old_rev: the working tree */
	const char *built;        /* a build's output folder: its last build
	                             of new_path against the working tree */
	const char *book;         /* the book of period files outside one */
	const char *period;       /* NULL: the new draft's quarter, or its
	                             book's latest release */
	int langs[LANG_MAX];      /* which languages to compare */
	const char *templates_dir, *locales_dir;   /* NULL: kessan's own */
};

/* One side of the comparison, kept while its documents live. */
struct draft {
	char *label;              /* what reports call it */
	char *temp_dir;           /* a git revision's files, removed at the end */
	struct book *book;
	struct template_set *templates;  /* lent to env */
	struct render_env *env;
};

struct diff_run {
	struct draft old, new;
	char period[16];
	char built_rev[41];            /* --built: the commit found */
	struct diff diff;
	struct node *docs[LANG_MAX];   /* the new drafts, marked */
	char *title;                   /* the first language's release title */
	struct diff_report report;
};

/*
 * Loads both drafts, renders each language's document from each, and
 * compares them into run. Returns 0, or -1 after fatal diagnostics (bad
 * input, git failing, out of memory). Free run with diff_run_free in
 * every case.
 */
int diff_run(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags);

void diff_run_free(struct diff_run *run);

/*
 * Runs argv (a program looked up in PATH) with its output into out_file
 * and its errors into err_file, SIGINT and SIGTERM unblocked. Returns its
 * exit status, or -1 if it could not be run.
 */
int program_run(char *const argv[], const char *out_file,
    const char *err_file);

/*
 * The top of book's git work tree into top, and where book sits in it
 * ("examples/iij", or "" at the top) into prefix; tmp is a folder for
 * git's output. Returns 0, or -1 after a fatal diagnostic.
 */
int git_book_where(const char *book, const char *tmp, char *top,
    size_t top_size, char *prefix, size_t prefix_size,
    struct diag_list *diags);

#endif
