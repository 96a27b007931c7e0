/* The batch build: plan the jobs, tell which are up to date (from the
 * stamp, or output by output from the manifest), and have workers.c render
 * the rest. */
#include "config.h"

#include "planner.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../load/load.h"
#include "../util/buffer.h"
#include "../util/readfile.h"
#include "stamp.h"

const enum render_lang build_langs[3] = { RENDER_EN, RENDER_JA,
    RENDER_JA_EN };

/* ---- planning ---- */

/* Whether a format asked for draws with the fonts, loaded before the
 * workers fork. */
static int
needs_fonts(const struct build_options *o)
{
	int f;

	for (f = 0; f < FORMAT_MAX; f++)
		if (built_format(o, f) &&
		    output_format_does((enum output_format)f, OUTPUT_FONTS))
			return 1;
	return 0;
}

static size_t
layout_index(const struct planner *pl, const char *name)
{
	size_t i;

	for (i = 0; i < pl->nlayouts; i++)
		if (layout_same(pl->layouts[i].name, name))
			break;
	return i;
}

/* The data inputs of every layout the book's releases use: one entry per
 * layout, templates, catalogs and (PDF) fonts by format. */
static int
collect_layouts(struct planner *pl)
{
	struct layout_inputs *grown;
	size_t p;
	int f;

	for (p = 0; p < pl->book->nperiods; p++) {
		const struct period *period = pl->book->periods[p];
		struct common_arg ca = { pl, NULL, 0, 0 };
		if (!period->has_release || layout_index(pl,
		    period_layout(pl->book, period)) < pl->nlayouts)
			continue;
		if ((grown = array_grow(pl->layouts, pl->nlayouts,
		    sizeof(*grown))) == NULL) {
			diag_add(pl->diags, DIAG_FATAL, NULL, 0, "out of memory");
			return -1;
		}
		pl->layouts = grown;
		ca.li = &grown[pl->nlayouts++];
		memset(ca.li, 0, sizeof(*ca.li));
		ca.li->name = period_layout(pl->book, period);
		for (f = 0; f < FORMAT_MAX; f++) {
			if (!built_format(NULL, f))
				continue;
			ca.format = f;
			if (render_env_each_input(pl->env, ca.li->name,
			    (enum output_format)f, collect_common, &ca,
			    pl->diags) != 0)
				return -1;
			if (ca.failed) {
				diag_add(pl->diags, DIAG_FATAL, pl->o->out, 0,
				    "cannot read kessan's data files");
				return -1;
			}
		}
	}
	return 0;
}

static int
plan_jobs(struct planner *pl)
{
	const struct build_options *o = pl->o;
	size_t p;
	int l, f;

	for (p = 0; p < pl->book->nperiods; p++) {
		const struct period *period = pl->book->periods[p];
		if (!period->has_release)
			continue;
		for (l = 0; l < 3; l++) {
			/* A language the company does not publish is no output. */
			if (!(o->langs & (1u << l)) || (build_langs[l] != RENDER_JA &&
			    !period_publishes(pl->book, period, LANG_EN)) ||
			    (build_langs[l] != RENDER_EN &&
			    !period_publishes(pl->book, period, LANG_JA)))
				continue;
			/* In the table's order: the order of the manifest. */
			for (f = 0; f < FORMAT_MAX; f++) {
				struct job *grown, *j;
				char name[48];
				if (!built_format(o, f))
					continue;
				output_file_name(l, f, name, sizeof(name));
				if ((grown = array_grow(pl->jobs, pl->njobs,
				    sizeof(*grown))) == NULL)
					return -1;
				pl->jobs = grown;
				j = &grown[pl->njobs];
				snprintf(j->path, sizeof(j->path), "%s/%s", period->id,
				    name);
				if (!in_shard(o, j->path))
					continue;
				j->period = period;
				j->layout = layout_index(pl, period_layout(pl->book, period));
				j->lang = build_langs[l];
				j->format = (enum output_format)f;
				pl->njobs++;
			}
		}
	}
	return 0;
}

/* Whether a job's output and every input it was built from are as they
 * were; if so, its manifest entry is carried over. */
static int
up_to_date(struct planner *pl, struct job *j)
{
	const struct job *old = NULL;
	char path[4096];
	const char *sha;
	const struct layout_inputs *li = &pl->layouts[j->layout];
	size_t i, k, commons = 0;
	int f = (int)j->format;

	for (i = 0; i < pl->nold; i++)
		if (strcmp(pl->old[i].path, j->path) == 0)
			old = &pl->old[i];
	if (old == NULL)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", pl->o->out, j->path);
	if ((sha = input_digest(pl, path)) == NULL || strcmp(sha, old->sha) != 0)
		return 0;
	for (i = 0; i < old->ninputs; i++) {
		const char *now;
		char read[65];

		if (strncmp(old->inputs[i].label, "reads/", 6) == 0) {
			/* what it read of another quarter, read again */
			if (reads_sets_digest(&pl->sets, pl->book, j->period->ordinal,
			    old->inputs[i].label + 6, old->inputs[i].set, read) != 0)
				return 0;
			now = read;
		} else if (strcmp(old->inputs[i].label, "layout") == 0)
			/* A quarter moved to another layout reads other templates. */
			now = layout_label(pl, j);
		else
			now = input_current(pl, old->inputs[i].label);
		if (now == NULL || strcmp(now, old->inputs[i].sha) != 0)
			return 0;
		for (k = 0; k < li->ncommon[f]; k++)
			commons += strcmp(li->common[f][k].label,
			    old->inputs[i].label) == 0;
	}
	/* A template or font added since is an input the old build lacked. */
	if (commons != li->ncommon[f])
		return 0;
	memcpy(j->sha, old->sha, sizeof(j->sha));
	for (i = 0; i < old->ninputs; i++)
		if (add_input_reads(&j->inputs, &j->ninputs, old->inputs[i].label,
		    old->inputs[i].sha, old->inputs[i].set) != 0)
			return 0;
		else if (old->inputs[i].set != 0)
			note_file(pl, &j->inputs[j->ninputs - 1]);
	return 1;
}

/* ---- the stamp: a no-change build that loads nothing ---- */

/* What besides files decides what a build makes: its options, where it
 * runs and finds its data, and which kessan; the binary's path is last. */
static void
stamp_key(const struct build_options *o, struct buffer *key, char *exe,
    size_t size)
{
	static const char *const vars[] = { "KESSAN_DATADIR",
	    "KESSAN_TEMPLATES", "KESSAN_LOCALES", "KESSAN_FONTS",
	    "SOURCE_DATE_EPOCH" };
	char cwd[4096];
	ssize_t n = readlink("/proc/self/exe", exe, size - 1);
	size_t i;

	exe[n > 0 ? n : 0] = '\0';
	buffer_printf(key, "%s\t%u\t%u\t%d/%d\t%s\t%s\t%s", PACKAGE_VERSION,
	    o->langs, o->formats, o->shard, o->shards,
	    getcwd(cwd, sizeof(cwd)) != NULL ? cwd : "", o->book, o->out);
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		buffer_printf(key, "\t%s=%s", vars[i], getenv(vars[i]) != NULL ?
		    getenv(vars[i]) : "-");
	buffer_printf(key, "\t%s", exe);
	if (n <= 0)
		key->failed = 1;
}

/*
 * Whether the stamp the last complete build left still holds and every
 * output is as the manifest says: then all is up to date, and the book is
 * not even loaded.
 */
static int
stamp_up_to_date(struct planner *pl, struct build_summary *s)
{
	struct buffer key = { NULL, 0, 0, 0 };
	char name[4096], exe[4096], err[256];
	unsigned char *old;
	size_t size, i;
	int ok;

	stamp_name(pl->o, name, sizeof(name));
	if (read_regular_file(name, 1u << 24, &old, &size, err,
	    sizeof(err)) != 0)
		return 0;
	stamp_key(pl->o, &key, exe, sizeof(exe));
	ok = !key.failed && strlen((char *)old) == size &&
	    stamp_matches((char *)old, key.data, pl->o->out);
	free(old);
	buffer_free(&key);
	if (ok)
		ok = read_manifest(pl, 0) == 0;
	for (i = 0; ok && i < pl->nold; i++) {
		const char *sha;
		snprintf(name, sizeof(name), "%s/%s", pl->o->out, pl->old[i].path);
		ok = (sha = input_digest(pl, name)) != NULL &&
		    strcmp(sha, pl->old[i].sha) == 0;
	}
	if (!ok) {
		for (i = 0; i < pl->nold; i++)
			free_inputs(pl->old[i].inputs, pl->old[i].ninputs);
		free(pl->old);
		pl->old = NULL;
		pl->nold = 0;
		return 0;
	}
	s->outputs = s->up_to_date = pl->nold;
	return 1;
}

/* After a build that made every output: what it read, for the next. */
static void
write_stamp(struct planner *pl, long long since_ns)
{
	struct buffer key = { NULL, 0, 0, 0 };
	struct stamp st;
	char name[4096], exe[4096];
	size_t i, k;

	stamp_key(pl->o, &key, exe, sizeof(exe));
	stamp_begin(&st, key.data != NULL ? key.data : "", pl->o->out, since_ns);
	st.failed |= key.failed;
	buffer_free(&key);
	stamp_file(&st, exe, 0);
	stamp_tree(&st, pl->o->book, 1);
	for (i = 0; i < pl->ndata; i++) {
		char dir[4096], *slash;
		int seen = 0;
		if (pl->data[i].ours) {
			stamp_file(&st, pl->data[i].label, 0);
			continue;
		}
		snprintf(dir, sizeof(dir), "%s", pl->data[i].label);
		if ((slash = strrchr(dir, '/')) == NULL)
			continue;   /* never: data paths have folders */
		*slash = '\0';
		/* A file added to a data folder (a template) changes the set. */
		for (k = 0; k < i && !seen; k++)
			seen = !pl->data[k].ours && strncmp(pl->data[k].label, dir,
			    strlen(dir)) == 0 && pl->data[k].label[strlen(dir)] == '/' &&
			    strchr(pl->data[k].label + strlen(dir) + 1, '/') == NULL;
		if (!seen)
			stamp_tree(&st, dir, 0);
	}
	manifest_name(pl->o, name, sizeof(name));
	stamp_file(&st, name, 1);
	stamp_name(pl->o, name, sizeof(name));
	if (!st.failed && !st.racy && !st.text.failed) {
		char err[256];
		/* A cache: without it, the next build only checks more. */
		write_if_changed(name, st.text.data, st.text.len, err, sizeof(err));
	}
	stamp_free(&st);
}

static void
planner_free(struct planner *pl)
{
	size_t i, f;

	for (i = 0; i < pl->njobs; i++)
		free_inputs(pl->jobs[i].inputs, pl->jobs[i].ninputs);
	free(pl->jobs);
	for (i = 0; i < pl->nold; i++)
		free_inputs(pl->old[i].inputs, pl->old[i].ninputs);
	free(pl->old);
	free_inputs(pl->data, pl->ndata);
	free_inputs(pl->cache, pl->ncache);
	for (i = 0; i < pl->nlayouts; i++)
		for (f = 0; f < FORMAT_MAX; f++)
			free_inputs(pl->layouts[i].common[f],
			    pl->layouts[i].ncommon[f]);
	free(pl->layouts);
	reads_sets_free(&pl->sets);
	render_env_free(pl->env);
	book_free(pl->book);
	memset(pl, 0, sizeof(*pl));
}

int
build_run(const struct build_options *o, struct build_summary *s,
    struct diag_list *diags)
{
	struct planner pl;
	double started = clock_seconds();
	struct timespec now;
	char stamp[4096];
	size_t i;
	int rc = 2, locks[2] = { -1, -1 };

	memset(s, 0, sizeof(*s));
	memset(&pl, 0, sizeof(pl));
	pl.o = o;
	pl.diags = diags;
	pl.locks = locks;
	if (ensure_dir(o->out) != 0) {
		diag_add(diags, DIAG_FATAL, o->out, 0, "cannot create: %s",
		    strerror(errno));
		return 2;
	}
	if (lock_folder(o, locks, diags) != 0)
		goto out;
	remove_leftovers(o);
	read_state(&pl);
	clock_gettime(CLOCK_REALTIME, &now);
	if (!o->force && stamp_up_to_date(&pl, s)) {
		if (pl.hashed > 0)   /* not to hash them again next time */
			write_state(&pl);
		rc = 0;
		goto out;
	}
	/* Whatever happens next, the old stamp no longer speaks for it. */
	stamp_name(o, stamp, sizeof(stamp));
	unlink(stamp);
	/* Everything workers share is loaded before they fork. */
	if ((pl.book = book_load(o->book, diags)) == NULL ||
	    (pl.env = render_env_new(pl.book, getenv("KESSAN_TEMPLATES"),
	    getenv("KESSAN_LOCALES"), getenv("KESSAN_FONTS"), diags)) == NULL ||
	    (needs_fonts(o) && render_env_load_fonts(pl.env, diags) != 0))
		goto out;
	if (render_env_use_layouts(pl.env, diags) != 0 ||
	    collect_layouts(&pl) != 0)
		goto out;
	if (plan_jobs(&pl) != 0) {
		diag_add(diags, DIAG_FATAL, o->out, 0, "out of memory");
		goto out;
	}
	s->outputs = pl.njobs;
	if (!o->force)
		(void)read_manifest(&pl, 1);   /* what is missing is rebuilt */
	for (i = 0; i < pl.njobs; i++)
		if (!o->force && up_to_date(&pl, &pl.jobs[i])) {
			pl.jobs[i].state = JOB_UP_TO_DATE;
			s->up_to_date++;
		}
	/* A read-only folder is found before rendering, not after. */
	if (s->up_to_date < pl.njobs && access(o->out, W_OK) != 0) {
		diag_add(diags, DIAG_FATAL, o->out, 0, "cannot write to the "
		    "folder: %s (nothing was built)", strerror(errno));
		goto out;
	}
	run_workers(&pl, s, started);
	rc = write_manifest(&pl, diags) != 0 ? 2 : s->failed > 0 ? 1 : 0;
	write_state(&pl);
	if (rc == 0)
		write_stamp(&pl, (long long)now.tv_sec * 1000000000LL + now.tv_nsec);
out:
	s->seconds = clock_seconds() - started;
	planner_free(&pl);
	for (i = 0; i < 2; i++)
		if (locks[i] >= 0)
			close(locks[i]);
	return rc;
}
