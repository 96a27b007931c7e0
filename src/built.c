/* mkdtemp() is POSIX 2008. */
#define _XOPEN_SOURCE 700

#include "built.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "drafts.h"
#include "util/buffer.h"
#include "util/sha256.h"

/* A book file the build read, and its digest then. */
struct read_file {
	char *label;          /* relative to the book: "periods/2004-q1.xml" */
	char sha[65];
};

struct manifest {
	struct read_file *files;
	size_t n;
	char version[64];     /* the kessan that built it */
	char period[16];
};

static int
add_file(struct manifest *m, const char *label, const char *sha)
{
	struct read_file *grown;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->files[i].label, label) == 0)
			return strcmp(m->files[i].sha, sha) == 0 ? 0 : -2;
	if ((grown = array_grow(m->files, m->n, sizeof(*grown))) == NULL)
		return -1;
	m->files = grown;
	if ((grown[m->n].label = strdup(label)) == NULL)
		return -1;
	snprintf(grown[m->n].sha, sizeof(grown[m->n].sha), "%s", sha);
	m->n++;
	return 0;
}

/* The latest quarter among the outputs ("2004-q1/release-en.txt"). */
static void
latest_period(FILE *f, char period[16])
{
	char line[4096];

	period[0] = '\0';
	while (fgets(line, sizeof(line), f) != NULL) {
		char *slash;

		if (strncmp(line, "output\t", 7) != 0 ||
		    (slash = strchr(line + 7, '/')) == NULL ||
		    slash - (line + 7) >= 16)
			continue;
		*slash = '\0';
		if (strcmp(line + 7, period) > 0)
			memcpy(period, line + 7, (size_t)(slash - (line + 7)) + 1);
	}
	rewind(f);
}

/* The book files the outputs of m->period read, from the manifest. */
static int
read_manifest(const char *name, struct manifest *m, struct diag_list *diags)
{
	FILE *f = fopen(name, "r");
	char line[4096];
	int in = 0, lineno = 1, rc = 0;

	if (f == NULL) {
		diag_add(diags, DIAG_FATAL, name, 0, "no build manifest here: run "
		    "kessan build first, or name its output folder");
		return -1;
	}
	if (fgets(line, sizeof(line), f) == NULL ||
	    strcmp(line, "kessan-manifest\t1\n") != 0) {
		fclose(f);
		diag_add(diags, DIAG_FATAL, name, 1, "not a kessan build manifest");
		return -1;
	}
	if (m->period[0] == '\0')
		latest_period(f, m->period);
	rewind(f);
	if (fgets(line, sizeof(line), f) == NULL)   /* the header, again */
		rc = -1;
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		char *label = strchr(line, '\t'), *sha;
		size_t plen = strlen(m->period);

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (label == NULL || (sha = strchr(label + 1, '\t')) == NULL)
			continue;
		*label++ = '\0';
		*sha++ = '\0';
		if (strcmp(line, "output") == 0)
			in = strncmp(label, m->period, plen) == 0 && label[plen] == '/';
		else if (in && strcmp(label, "kessan") == 0)
			snprintf(m->version, sizeof(m->version), "%s", sha);
		else if (in && (strncmp(label, "book/", 5) == 0 ||
		    strncmp(label, "layouts/", 8) == 0 ||
		    strncmp(label, "reads/", 6) == 0)) {
			/* "reads/QUARTER DIGEST #N FILE": part of a quarter was read
			 * (kessan build's fine dependencies); FILE is its file's
			 * digest then, "-" when the book had none */
			int added = 0;
			if (label[0] == 'r') {
				char file[64], *tab = strchr(sha, '\t');
				tab = tab != NULL ? strchr(tab + 1, '\t') : NULL;
				snprintf(file, sizeof(file), "periods/%s.xml", label + 6);
				if (tab != NULL && strcmp(tab + 1, "-") != 0)
					added = add_file(m, file, tab + 1);
			} else
				added = add_file(m, label + (label[0] == 'b' ? 5 : 0), sha);

			if (added == -2)
				diag_add(diags, DIAG_FATAL, name, lineno, "%s is recorded "
				    "with two digests", label);
			if (added != 0)
				rc = -1;
		}
	}
	fclose(f);
	if (rc == 0 && m->n == 0) {
		diag_add(diags, DIAG_FATAL, name, 0, "no output of %s in this "
		    "manifest", m->period[0] != '\0' ? m->period : "any quarter");
		return -1;
	}
	if (rc == 0 && strcmp(m->version, PACKAGE_VERSION) != 0) {
		diag_add(diags, DIAG_FATAL, name, 0, "built by kessan %s, not %s: "
		    "its templates and catalogs may differ; build again, or "
		    "compare with --git", m->version, PACKAGE_VERSION);
		return -1;
	}
	if (rc != 0 && diags->len == 0)
		diag_add(diags, DIAG_FATAL, name, 0, "out of memory");
	return rc;
}

/* Whether every file of m has its digest at revision rev. */
static int
revision_matches(const struct manifest *m, const char *top,
    const char *prefix, const char *rev, const char *tmp)
{
	char spec[4500], blob[4200], err[4200], sha[65];
	char *argv[] = { "git", "-C", (char *)top, "cat-file", "blob", spec,
	    NULL };
	size_t i;

	snprintf(blob, sizeof(blob), "%s/blob", tmp);
	snprintf(err, sizeof(err), "%s/git.err", tmp);
	for (i = 0; i < m->n; i++) {
		snprintf(spec, sizeof(spec), "%s:%s%s%s", rev, prefix,
		    prefix[0] != '\0' ? "/" : "", m->files[i].label);
		if (program_run(argv, blob, err) != 0 ||
		    sha256_file(blob, sha) != 0 || strcmp(sha, m->files[i].sha) != 0)
			return 0;
	}
	return 1;
}

static int
search(const struct manifest *m, const char *book, const char *tmp,
    char rev[41], struct diag_list *diags)
{
	char top[4096], prefix[2048], revs[4200], err[4200], max[32];
	char line[128];
	char *argv[] = { "git", "-C", top, "rev-list", max, "HEAD", "--", ".",
	    NULL };
	FILE *f;
	int found = 0;

	if (git_book_where(book, tmp, top, sizeof(top), prefix, sizeof(prefix),
	    diags) != 0)
		return -1;
	argv[7] = prefix[0] != '\0' ? prefix : ".";
	snprintf(max, sizeof(max), "--max-count=%d", BUILT_MAX_COMMITS);
	snprintf(revs, sizeof(revs), "%s/revs", tmp);
	snprintf(err, sizeof(err), "%s/git.err", tmp);
	if (program_run(argv, revs, err) != 0 || (f = fopen(revs, "r")) == NULL) {
		diag_add(diags, DIAG_FATAL, book, 0, "git cannot list the book's "
		    "commits");
		return -1;
	}
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strlen(line) == 40 &&
		    revision_matches(m, top, prefix, line, tmp)) {
			memcpy(rev, line, 41);
			found = 1;
		}
	}
	fclose(f);
	if (!found)
		diag_add(diags, DIAG_FATAL, book, 0, "no commit among the book's "
		    "last %d holds the files the last build of %s read (%s and "
		    "%zu more): a manifest records digests, not contents; commit "
		    "the book before building, or compare with --git REV",
		    BUILT_MAX_COMMITS, m->period, m->files[0].label, m->n - 1);
	return found ? 0 : -1;
}

int
built_revision(const char *out, const char *book, const char *period,
    char rev[41], char period_out[16], struct diag_list *diags)
{
	static const char *const made[] = { "blob", "revs", "git.err", "where" };
	struct manifest m;
	char name[4200], tmp[4096];
	const char *tmpdir = getenv("TMPDIR");
	size_t i;
	int rc = -1;

	memset(&m, 0, sizeof(m));
	snprintf(m.period, sizeof(m.period), "%s", period != NULL ? period : "");
	snprintf(name, sizeof(name), "%s/manifest.tsv", out);
	snprintf(tmp, sizeof(tmp), "%s/kessan-diff.XXXXXX",
	    tmpdir != NULL && tmpdir[0] != '\0' ? tmpdir : "/tmp");
	if (read_manifest(name, &m, diags) != 0)
		goto out;
	if (mkdtemp(tmp) == NULL) {
		diag_add(diags, DIAG_FATAL, tmp, 0, "cannot make a temporary folder");
		goto out;
	}
	rc = search(&m, book, tmp, rev, diags);
	snprintf(period_out, 16, "%s", m.period);
	for (i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(name, sizeof(name), "%s/%s", tmp, made[i]);
		remove(name);
	}
	rmdir(tmp);
out:
	for (i = 0; i < m.n; i++)
		free(m.files[i].label);
	free(m.files);
	return rc;
}
