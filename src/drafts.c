/* nftw() is an XSI function. */
#define _XOPEN_SOURCE 700

#include "drafts.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <ftw.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "built.h"
#include "causes.h"
#include "load/load.h"
#include "load/template.h"

extern char **environ;

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- git revisions, extracted into a temporary folder ---- */

static int
remove_entry(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

static void
remove_tree(const char *dir)
{
	if (dir != NULL)
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The first line of a file, for a message; "" if none. */
static void
first_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");

	buf[0] = '\0';
	if (f == NULL)
		return;
	if (fgets(buf, (int)size, f) != NULL)
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

int
program_run(char *const argv[], const char *out_file, const char *err_file)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none;
	pid_t pid;
	int status, rc = -1;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	if (posix_spawnattr_init(&attr) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return -1;
	}
	/* main blocks SIGINT and SIGTERM while temporary folders exist; git
	 * and tar must still stop on them. */
	sigemptyset(&none);
	if (posix_spawnattr_setsigmask(&attr, &none) == 0 &&
	    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out_file,
	    O_WRONLY | O_CREAT | O_TRUNC, 0600) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, err_file,
	    O_WRONLY | O_CREAT | O_TRUNC, 0600) == 0 &&
	    posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ) == 0) {
		while (waitpid(pid, &status, 0) < 0)
			;
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	}
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

int
git_book_where(const char *book, const char *tmp, char *top, size_t top_size,
    char *prefix, size_t prefix_size, struct diag_list *diags)
{
	char out[4096], err[4096];
	char *argv[] = { "git", "-C", (char *)book, "rev-parse", "--show-toplevel",
	    "--show-prefix", NULL };
	FILE *f;
	size_t len;

	snprintf(out, sizeof(out), "%s/where", tmp);
	snprintf(err, sizeof(err), "%s/git.err", tmp);
	if (program_run(argv, out, err) != 0) {
		char msg[512];

		first_line(err, msg, sizeof(msg));
		diag_add(diags, DIAG_FATAL, book, 0, "not in a git work tree%s%s",
		    msg[0] != '\0' ? ": " : " (is git installed?)", msg);
		return -1;
	}
	top[0] = prefix[0] = '\0';
	if ((f = fopen(out, "r")) != NULL) {
		if (fgets(top, (int)top_size, f) != NULL &&
		    fgets(prefix, (int)prefix_size, f) == NULL)
			prefix[0] = '\0';
		fclose(f);
	}
	top[strcspn(top, "\n")] = '\0';
	prefix[strcspn(prefix, "\n")] = '\0';
	len = strlen(prefix);
	if (len > 0 && prefix[len - 1] == '/')
		prefix[len - 1] = '\0';
	remove(out);
	remove(err);
	if (top[0] == '\0') {
		diag_add(diags, DIAG_FATAL, book, 0, "git gives no work tree");
		return -1;
	}
	return 0;
}

/* The extracted tree being walked by escaping_link (nftw passes no
 * argument of its own), and the first link found leading out of it. */
static const char *walk_root;
static char walk_found[4096];

static int
escaping_link(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	char target[PATH_MAX];
	size_t n = strlen(walk_root);
	int out;

	(void)st;
	(void)ftw;
	if (type != FTW_SL && type != FTW_SLN)
		return 0;
	/* A link is followed when the book is read: where it really leads
	 * must be inside the tree, and a link to nothing is refused too. */
	out = realpath(path, target) == NULL ||
	    strncmp(target, walk_root, n) != 0 ||
	    (target[n] != '/' && target[n] != '\0');
	if (out)
		snprintf(walk_found, sizeof(walk_found), "%s", path + n + 1);
	return out;
}

/*
 * A committed symbolic link that leads out of the extracted tree (to
 * /etc/passwd, or ../../..) would be read as part of the book: refused.
 */
static int
refuse_escaping_links(const char *dir, const char *book, const char *rev,
    struct diag_list *diags)
{
	char root[PATH_MAX];
	int rc;

	if (realpath(dir, root) == NULL) {
		diag_add(diags, DIAG_FATAL, book, 0, "revision %s: cannot read the "
		    "unpacked book", rev);
		return -1;
	}
	walk_root = root;
	walk_found[0] = '\0';
	rc = nftw(root, escaping_link, 16, FTW_PHYS);
	walk_root = NULL;
	if (rc == 0)
		return 0;
	if (walk_found[0] != '\0')
		diag_add(diags, DIAG_FATAL, book, 0, "revision %s: %s is a symbolic "
		    "link that leads out of the book", rev, walk_found);
	else
		diag_add(diags, DIAG_FATAL, book, 0, "revision %s: cannot read the "
		    "unpacked book", rev);
	return -1;
}

/* Extracts revision rev of the book into draft->temp_dir/book. */
static int
git_checkout(struct draft *draft, const char *book, const char *rev,
    struct diag_list *diags)
{
	char tmpl[4096], top[4096], prefix[2048], tree[4200], tar[4200];
	char err[4200], dir[4200], msg[512];
	const char *tmpdir = getenv("TMPDIR");
	/* From the top of the work tree: run inside the book, git archive
	 * would keep only the part of the tree under the current folder. */
	char *git_argv[] = { "git", "-C", top, "archive", "--format=tar",
	    "-o", tar, "--end-of-options", tree, NULL };
	char *tar_argv[] = { "tar", "-x", "-f", tar, "-C", dir, NULL };

	/* A revision is never an option (--output=FILE, --remote=…), even
	 * past --end-of-options, and holds no ':' (it is joined to a path). */
	if (rev[0] == '\0' || rev[0] == '-' || strchr(rev, ':') != NULL ||
	    strpbrk(rev, "\n\r\t") != NULL) {
		diag_add(diags, DIAG_FATAL, book, 0, "'%s' is not a git revision "
		    "(a revision neither starts with '-' nor holds ':')", rev);
		return -1;
	}
	snprintf(tmpl, sizeof(tmpl), "%s/kessan-diff.XXXXXX",
	    tmpdir != NULL && tmpdir[0] != '\0' ? tmpdir : "/tmp");
	if (mkdtemp(tmpl) == NULL || (draft->temp_dir = strdup(tmpl)) == NULL) {
		diag_add(diags, DIAG_FATAL, tmpl, 0,
		    "cannot make a temporary folder");
		return -1;
	}
	if (git_book_where(book, draft->temp_dir, top, sizeof(top), prefix,
	    sizeof(prefix), diags) != 0)
		return -1;
	/* REV:path names the book's folder at that revision; paths in the
	 * archive are then relative to it. */
	snprintf(tree, sizeof(tree), "%s:%s", rev, prefix);
	snprintf(tar, sizeof(tar), "%s/book.tar", draft->temp_dir);
	snprintf(err, sizeof(err), "%s/git.err", draft->temp_dir);
	snprintf(dir, sizeof(dir), "%s/book", draft->temp_dir);
	if (program_run(git_argv, "/dev/null", err) != 0) {
		first_line(err, msg, sizeof(msg));
		diag_add(diags, DIAG_FATAL, book, 0,
		    "git cannot give revision %s of this book%s%s", rev,
		    msg[0] != '\0' ? ": " : "", msg);
		return -1;
	}
	if (mkdir(dir, 0700) != 0 || program_run(tar_argv, "/dev/null", err) != 0) {
		first_line(err, msg, sizeof(msg));
		diag_add(diags, DIAG_FATAL, book, 0,
		    "cannot unpack revision %s%s%s", rev, msg[0] != '\0' ? ": " : "",
		    msg);
		return -1;
	}
	remove(tar);
	remove(err);
	return refuse_escaping_links(dir, book, rev, diags);
}

/* ---- loading one side ---- */

/* The book a period file belongs to: BOOK/periods/FILE. */
static char *
book_of_file(const char *file)
{
	char *dir = strdup(file);
	char company[4096];
	int up;

	if (dir == NULL)
		return NULL;
	for (up = 0; up < 2; up++) {
		char *slash = strrchr(dir, '/');

		if (slash == NULL) {
			if (up == 1) {   /* "periods/x.xml": the book is here */
				free(dir);
				return strdup(".");
			}
			free(dir);
			return NULL;
		}
		*slash = '\0';
		if (dir[0] == '\0') {
			free(dir);
			return NULL;
		}
	}
	snprintf(company, sizeof(company), "%s/company.xml", dir);
	if (!is_file(company)) {
		free(dir);
		return NULL;
	}
	return dir;
}

static int
load_side(struct draft *draft, const char *book_dir, const char *period_file,
    const struct diff_request *req, struct diag_list *diags)
{
	/* One quarter is compared: only the period files it reads. */
	draft->book = render_book_load(book_dir, req->period, period_file,
	    req->templates_dir, &draft->templates, diags);
	if (draft->book == NULL)
		return -1;
	draft->env = render_env_new_with(draft->book, draft->templates,
	    req->templates_dir, req->locales_dir, NULL, diags);
	return draft->env != NULL ? 0 : -1;
}

/* "REV:PATH", or PATH; `tail` after it ("" for none). */
static char *
label_of(const char *rev, const char *path, const char *tail)
{
	size_t size = strlen(path) + (rev != NULL ? strlen(rev) : 0) +
	    strlen(tail) + 2;
	char *label = malloc(size);

	if (label != NULL)
		snprintf(label, size, "%s%s%s%s", rev != NULL ? rev : "",
		    rev != NULL ? ":" : "", path, tail);
	return label;
}

static int
load_drafts(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags)
{
	if ((run->old.label = label_of(req->old_rev, req->old_rev != NULL ?
	    req->new_path : req->old_path, "")) == NULL ||
	    (run->new.label = label_of(req->new_rev, req->new_path,
	    req->old_rev != NULL && req->new_rev == NULL ? " (working tree)" :
	    "")) == NULL) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return -1;
	}
	if (req->old_rev != NULL) {
		char dir[4200];

		if (!is_dir(req->new_path)) {
			diag_add(diags, DIAG_FATAL, req->new_path, 0,
			    "--git compares two revisions of a book folder");
			return -1;
		}
		if (git_checkout(&run->old, req->new_path, req->old_rev, diags) != 0 ||
		    (req->new_rev != NULL && git_checkout(&run->new, req->new_path,
		    req->new_rev, diags) != 0))
			return -1;
		snprintf(dir, sizeof(dir), "%s/book", run->old.temp_dir);
		if (load_side(&run->old, dir, NULL, req, diags) != 0)
			return -1;
		/* No second revision: the working tree, edits not committed
		 * included, read where it is. */
		if (req->new_rev == NULL)
			return load_side(&run->new, req->new_path, NULL, req, diags);
		snprintf(dir, sizeof(dir), "%s/book", run->new.temp_dir);
		return load_side(&run->new, dir, NULL, req, diags);
	}
	if (is_dir(req->old_path) && is_dir(req->new_path))
		return load_side(&run->old, req->old_path, NULL, req, diags) != 0 ||
		    load_side(&run->new, req->new_path, NULL, req, diags) != 0 ? -1 : 0;
	if (is_file(req->old_path) && is_file(req->new_path)) {
		char *old_book = req->book != NULL ? strdup(req->book) :
		    book_of_file(req->old_path);
		char *new_book = req->book != NULL ? strdup(req->book) :
		    book_of_file(req->new_path);
		int rc = -1;

		/* A draft kept outside a book reads the other draft's book. */
		if (old_book == NULL && new_book != NULL)
			old_book = strdup(new_book);
		if (new_book == NULL && old_book != NULL)
			new_book = strdup(old_book);
		if (old_book == NULL || new_book == NULL)
			diag_add(diags, DIAG_FATAL, req->new_path, 0,
			    "neither draft is in a book's periods folder: name the "
			    "book with --book");
		else if (load_side(&run->old, old_book, req->old_path, req,
		    diags) == 0 && load_side(&run->new, new_book, req->new_path,
		    req, diags) == 0) {
			if (strcmp(run->old.book->draft->id,
			    run->new.book->draft->id) != 0)
				diag_add(diags, DIAG_FATAL, req->new_path,
				    run->new.book->draft->line, "this draft is %s, the "
				    "old one %s: compare two drafts of one quarter",
				    run->new.book->draft->id, run->old.book->draft->id);
			else
				rc = 0;
		}
		free(old_book);
		free(new_book);
		return rc;
	}
	if (!is_dir(req->old_path) && !is_file(req->old_path))
		diag_add(diags, DIAG_FATAL, req->old_path, 0, "no such file or folder");
	else if (!is_dir(req->new_path) && !is_file(req->new_path))
		diag_add(diags, DIAG_FATAL, req->new_path, 0, "no such file or folder");
	else
		diag_add(diags, DIAG_FATAL, req->new_path, 0, "compare two book "
		    "folders or two period files, not one of each");
	return -1;
}

/*
 * Diagnostics about files of a git revision name them as the reader knows
 * them, "REV:BOOK/periods/2004-q1.xml", not by the temporary folder.
 */
static void
name_revision_files(struct diag_list *diags, size_t from,
    const struct draft *d, const char *rev, const char *book)
{
	char prefix[4200];
	size_t i, len;

	if (d->temp_dir == NULL)
		return;
	snprintf(prefix, sizeof(prefix), "%s/book", d->temp_dir);
	len = strlen(prefix);
	for (i = from; i < diags->len; i++) {
		struct diag *g = &diags->items[i];
		size_t size;
		char *name;

		if (g->file == NULL || strncmp(g->file, prefix, len) != 0 ||
		    (g->file[len] != '/' && g->file[len] != '\0'))
			continue;
		size = strlen(rev) + strlen(book) + strlen(g->file + len) + 2;
		if ((name = malloc(size)) == NULL)
			continue;   /* the temporary name is still a name */
		snprintf(name, size, "%s:%s%s", rev, book, g->file + len);
		free(g->file);
		g->file = name;
	}
}

/* The quarter to compare: asked for, the draft's, or the latest release. */
static int
choose_period(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags)
{
	const struct book *b = run->new.book;
	size_t k;

	if (req->period != NULL && b->draft != NULL &&
	    strcmp(req->period, b->draft->id) != 0) {
		diag_add(diags, DIAG_FATAL, b->draft->file, b->draft->line,
		    "the drafts are %s, not %s: --period names another quarter",
		    b->draft->id, req->period);
		return -1;
	}
	if (req->period != NULL)
		snprintf(run->period, sizeof(run->period), "%s", req->period);
	else if (b->draft != NULL)
		snprintf(run->period, sizeof(run->period), "%s", b->draft->id);
	else {
		for (k = b->nperiods; k-- > 0; )
			if (b->periods[k]->has_release)
				break;
		if (k == (size_t)-1) {
			diag_add(diags, DIAG_FATAL, b->dir, 0,
			    "no quarter in this book carries a release");
			return -1;
		}
		snprintf(run->period, sizeof(run->period), "%s", b->periods[k]->id);
	}
	return 0;
}

static char *
title_of(const struct node *n)
{
	const struct node *k;

	if (n->kind == NODE_PARAGRAPH && n->u.paragraph.role == ROLE_TITLE)
		return node_plain_text(n, NOTE_SUPERSCRIPT);
	for (k = n->first; k != NULL; k = k->next) {
		char *t = title_of(k);
		if (t != NULL)
			return t;
	}
	return NULL;
}

/* Loads both drafts, renders each language from each, compares them. */
static int
compare_drafts(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags)
{
	struct render_request rr;
	int l;

	if (load_drafts(req, run, diags) != 0 || choose_period(req, run, diags) != 0)
		return -1;
	memset(&rr, 0, sizeof(rr));
	rr.period = run->period;
	rr.format = FORMAT_TEXT;
	for (l = 0; l < LANG_MAX; l++) {
		struct node *old;

		if (!req->langs[l])
			continue;
		rr.lang = l == LANG_JA ? RENDER_JA : RENDER_EN;
		rr.book = run->old.book;
		rr.env = run->old.env;
		if ((old = render_document(&rr, diags)) == NULL)
			return -1;
		rr.book = run->new.book;
		rr.env = run->new.env;
		if ((run->docs[l] = render_document(&rr, diags)) == NULL) {
			node_free(old);
			return -1;
		}
		if (diff_documents(&run->diff, old, run->docs[l],
		    render_env_no_break_after(run->new.env, (enum lang)l)) != 0) {
			node_free(old);
			diag_add(diags, DIAG_FATAL, NULL, 0,
			    "cannot compare: out of memory or ICU failed");
			return -1;
		}
		node_free(old);
		if (run->title == NULL)
			run->title = title_of(run->docs[l]);
		run->report.docs[l] = run->docs[l];
	}
	if (diff_causes(req, run, diags) != 0)
		return -1;
	run->report.diff = &run->diff;
	run->report.old_label = run->old.label;
	run->report.new_label = run->new.label;
	run->report.period = run->period;
	run->report.env = run->new.env;
	run->report.title = run->title != NULL ? run->title : "";
	return 0;
}

int
diff_run(const struct diff_request *req, struct diff_run *run,
    struct diag_list *diags)
{
	size_t first = diags->len;
	int rc;

	memset(run, 0, sizeof(*run));
	/* The last build: the commit holding what it read, against the
	 * working tree. */
	if (req->built != NULL) {
		struct diff_request r = *req;
		char period[16];

		if (built_revision(req->built, req->new_path, req->period,
		    run->built_rev, period, diags) != 0)
			return -1;
		r.old_rev = run->built_rev;
		r.new_rev = NULL;
		r.period = period;
		rc = compare_drafts(&r, run, diags);
		name_revision_files(diags, first, &run->old, r.old_rev,
		    req->new_path);
		return rc;
	}
	rc = compare_drafts(req, run, diags);
	if (req->old_rev != NULL) {
		name_revision_files(diags, first, &run->old, req->old_rev,
		    req->new_path);
		if (req->new_rev != NULL)
			name_revision_files(diags, first, &run->new, req->new_rev,
			    req->new_path);
	}
	return rc;
}

static void
draft_free(struct draft *d)
{
	render_env_free(d->env);
	templates_free(d->templates);
	book_free(d->book);
	remove_tree(d->temp_dir);
	free(d->temp_dir);
	free(d->label);
}

void
diff_run_free(struct diff_run *run)
{
	int l;

	/* The documents name files of both drafts: free them first. */
	for (l = 0; l < LANG_MAX; l++)
		node_free(run->docs[l]);
	diff_free(&run->diff);
	free(run->title);
	draft_free(&run->old);
	draft_free(&run->new);
	memset(run, 0, sizeof(*run));
}
