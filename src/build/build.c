/* The batch build: plan, check what is up to date, render in workers. */
#include "config.h"

#include "build.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../load/load.h"
#include "../render.h"
#include "../util/atomic.h"
#include "../util/buffer.h"
#include "../util/readfile.h"
#include "../util/sha256.h"
#include "reads.h"
#include "results.h"
#include "stamp.h"

#ifdef KESSAN_GCOV_DUMP
void __gcov_dump(void);   /* libgcov, in builds with --coverage */
#endif

static const enum render_lang lang_of[] = { RENDER_EN, RENDER_JA,
    RENDER_JA_EN };

/* An input as the manifest records it: a stable label and its digest.
 * In the digest cache, the label is a path and size/mtime say when the
 * digest was taken. */
struct input {
	char *label;
	char sha[65];
	long long size;
	long long mtime_ns;
	int ours;            /* an output this run wrote: its digest is of the
	                        bytes written, whatever the clock says */
	size_t set;          /* label "reads/QUARTER": what was read of the
	                        quarter, in the planner's sets; else 0 */
	char file[65];       /* with a set: the quarter's file's digest now,
	                        "-" if none (for kessan diff --built) */
};

struct job {
	const struct period *period;
	size_t layout;               /* index into the planner's layouts */
	enum render_lang lang;
	enum output_format format;
	char path[64];               /* relative to OUT */
	int state;                   /* JOB_* */
	char sha[65];                /* of the output */
	struct input *inputs;
	size_t ninputs;
};

enum {
	JOB_PENDING,
	JOB_UP_TO_DATE,
	JOB_BUILT,
	JOB_FAILED
};

/* The data inputs every output of one layout and format has (templates,
 * catalogs, and for PDF the fonts), by enum output_format. */
struct layout_inputs {
	const char *name;            /* the book's; NULL: kessan's templates */
	struct input *common[FORMAT_MAX];
	size_t ncommon[FORMAT_MAX];
};

/* What a worker reports of a job once it is done. */
struct result {
	int job;
	int ok;
	char sha[65];
	struct reads_packed reads;
};

_Static_assert(sizeof(struct result) <= RESULTS_MAX_RESULT,
    "a worker's result must fit one record of the results pipe");

struct planner {
	const struct build_options *o;
	struct book *book;
	struct render_env *env;
	struct diag_list *diags;
	struct job *jobs;
	size_t njobs;
	/* digests of files, each hashed once per run */
	struct input *cache;
	size_t ncache;
	size_t hashed;               /* files hashed this run */
	/* the data inputs every output of a layout and format has */
	struct layout_inputs *layouts;
	size_t nlayouts;
	/* the data files read (label: path; ours: a file, not its folder,
	 * is what the stamp records) */
	struct input *data;
	size_t ndata;
	/* the previous manifest */
	struct job *old;
	size_t nold;
	/* what outputs read of other quarters (reads.h) */
	struct reads_sets sets;
	/* the output folder's lock descriptors (-1: none), which workers
	 * close: a killed build's lock must go with the build itself, not
	 * wait for its workers to be reaped */
	const int *locks;
};

/* ---- digests ---- */

/*
 * The digest of a file, hashed at most once a run, and not at all when the
 * state file of the last run saw it with the same size and modification
 * time (as git does): a no-op build of a large archive must not read every
 * output and every font again.
 */
static const char *
digest(struct planner *pl, const char *path)
{
	struct input *grown;
	struct stat st;
	char hex[65];
	long long mtime;
	size_t i;

	if (stat(path, &st) != 0)
		return NULL;
	mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	for (i = 0; i < pl->ncache; i++)
		if (strcmp(pl->cache[i].label, path) == 0) {
			if (pl->cache[i].size == (long long)st.st_size &&
			    pl->cache[i].mtime_ns == mtime)
				return pl->cache[i].sha;
			break;
		}
	if (sha256_file(path, hex) != 0)
		return NULL;
	pl->hashed++;
	if (i == pl->ncache) {
		if ((grown = array_grow(pl->cache, pl->ncache, sizeof(*grown))) ==
		    NULL)
			return NULL;
		pl->cache = grown;
		if ((grown[pl->ncache].label = strdup(path)) == NULL)
			return NULL;
		pl->ncache++;
	}
	memcpy(pl->cache[i].sha, hex, sizeof(hex));
	pl->cache[i].size = (long long)st.st_size;
	pl->cache[i].mtime_ns = mtime;
	return pl->cache[i].sha;
}

/* Records the digest of an output a worker just wrote. */
static void
remember_output(struct planner *pl, const char *path, const char *sha)
{
	struct input *grown;
	struct stat st;
	size_t i;

	if (stat(path, &st) != 0)
		return;
	for (i = 0; i < pl->ncache; i++)
		if (strcmp(pl->cache[i].label, path) == 0)
			break;
	if (i == pl->ncache) {
		if ((grown = array_grow(pl->cache, pl->ncache, sizeof(*grown))) ==
		    NULL || (grown[pl->ncache].label = strdup(path)) == NULL)
			return;
		pl->cache = grown;
		pl->ncache++;
	}
	snprintf(pl->cache[i].sha, sizeof(pl->cache[i].sha), "%s", sha);
	pl->cache[i].size = (long long)st.st_size;
	pl->cache[i].mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
	    st.st_mtim.tv_nsec;
	pl->cache[i].ours = 1;
}

/* OUT/.kessan-BASE, or OUT/.kessan-BASE-K-of-N for a shard. */
static void
hidden_name(const struct build_options *o, const char *base, char *buf,
    size_t size)
{
	if (o->shards > 1)
		snprintf(buf, size, "%s/.kessan-%s-%d-of-%d", o->out, base, o->shard,
		    o->shards);
	else
		snprintf(buf, size, "%s/.kessan-%s", o->out, base);
}

static void
state_name(const struct build_options *o, char *buf, size_t size)
{
	hidden_name(o, "state", buf, size);
}

static void
stamp_name(const struct build_options *o, char *buf, size_t size)
{
	hidden_name(o, "stamp", buf, size);
}

/* Loads the digests the last run took. The file is a cache: without it a
 * build only hashes more. */
static void
read_state(struct planner *pl)
{
	char name[4096], line[8192], path[4096], sha[65];
	long long size, mtime;
	struct input *grown;
	FILE *f;

	state_name(pl->o, name, sizeof(name));
	if ((f = fopen(name, "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%lld\t%lld\t%64[0-9a-f]\t%4095[^\n]", &size,
		    &mtime, sha, path) != 4 || strlen(sha) != 64)
			continue;
		if ((grown = array_grow(pl->cache, pl->ncache, sizeof(*grown))) ==
		    NULL || (grown[pl->ncache].label = strdup(path)) == NULL)
			break;
		pl->cache = grown;
		memcpy(grown[pl->ncache].sha, sha, sizeof(sha));
		grown[pl->ncache].size = size;
		grown[pl->ncache].mtime_ns = mtime;
		pl->ncache++;
	}
	fclose(f);
}

/*
 * write_file_atomic unless the file already holds exactly data: a build
 * that changed nothing writes nothing, so it works in a read-only folder
 * and leaves every timestamp alone.
 */
static int
write_if_changed(const char *name, const char *data, size_t len, char *err,
    size_t errsize)
{
	unsigned char *old;
	size_t size;
	char ignored[256];

	if (read_regular_file(name, len, &old, &size, ignored,
	    sizeof(ignored)) == 0) {
		int same = size == len && (len == 0 || memcmp(old, data, len) == 0);
		free(old);
		if (same)
			return 0;
	}
	return write_file_atomic(name, data, len, err, errsize);
}

/*
 * Saves the digests for the next run. A file changed in the last two
 * seconds is left out (unless this run wrote it): a second write within
 * the timestamp's granularity would not change it.
 */
static void
write_state(struct planner *pl)
{
	struct buffer b = { NULL, 0, 0, 0 };
	char name[4096], line[128];
	struct timespec ts;
	long long recent;
	size_t i;

	clock_gettime(CLOCK_REALTIME, &ts);
	recent = ((long long)ts.tv_sec - 2) * 1000000000LL;
	for (i = 0; i < pl->ncache; i++) {
		if (pl->cache[i].mtime_ns > recent && !pl->cache[i].ours)
			continue;
		snprintf(line, sizeof(line), "%lld\t%lld\t%s\t", pl->cache[i].size,
		    pl->cache[i].mtime_ns, pl->cache[i].sha);
		buffer_puts(&b, line);
		buffer_puts(&b, pl->cache[i].label);
		buffer_puts(&b, "\n");
	}
	state_name(pl->o, name, sizeof(name));
	if (!b.failed) {
		char err[256];
		/* A cache: if it cannot be written, the next run hashes more. */
		write_if_changed(name, b.data != NULL ? b.data : "", b.len, err,
		    sizeof(err));
	}
	buffer_free(&b);
}

static int
add_input(struct input **list, size_t *n, const char *label, const char *sha)
{
	struct input *grown = array_grow(*list, *n, sizeof(**list));

	if (grown == NULL)
		return -1;
	*list = grown;
	grown[*n].set = 0;
	grown[*n].file[0] = '\0';
	if ((grown[*n].label = strdup(label)) == NULL)
		return -1;
	snprintf(grown[*n].sha, sizeof(grown[*n].sha), "%s", sha);
	(*n)++;
	return 0;
}

/* add_input with what was read of a quarter (a set; 0: none). */
static int
add_input_reads(struct input **list, size_t *n, const char *label,
    const char *sha, size_t set)
{
	if (add_input(list, n, label, sha) != 0)
		return -1;
	(*list)[*n - 1].set = set;
	return 0;
}

/* An input "reads/QUARTER" gets its quarter's file's current digest: the
 * manifest then names one state of the book, which diff --built finds
 * in git (the output is what that state renders, as its reads are). */
static void
note_file(struct planner *pl, struct input *in)
{
	char path[4096];
	const char *sha;

	snprintf(path, sizeof(path), "%s/periods/%s.xml", pl->o->book,
	    in->label + 6);
	sha = digest(pl, path);
	snprintf(in->file, sizeof(in->file), "%s", sha != NULL ? sha : "-");
}

static void
free_inputs(struct input *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i].label);
	free(list);
}

struct common_arg {
	struct planner *pl;
	struct layout_inputs *li;
	int format;
	int failed;
};

static void
collect_common(void *arg, const char *label, const char *path)
{
	struct common_arg *ca = arg;
	const char *sha = digest(ca->pl, path);

	if (sha == NULL || add_input(&ca->li->common[ca->format],
	    &ca->li->ncommon[ca->format], label, sha) != 0 ||
	    add_input(&ca->pl->data, &ca->pl->ndata, path, "") != 0)
		ca->failed = 1;
	else   /* a font's folder holds others' files; the rest are kessan's */
		ca->pl->data[ca->pl->ndata - 1].ours = strncmp(label, "font:", 5) == 0;
}

/* What the manifest records as a job's layout: its name, or "-". */
static const char *
layout_label(const struct planner *pl, const struct job *j)
{
	const char *name = pl->layouts[j->layout].name;

	return name != NULL ? name : "-";
}

/* The digest a label has now, or NULL if its file is gone. */
static const char *
current(struct planner *pl, const char *label)
{
	size_t f, i, k;

	if (strcmp(label, "kessan") == 0)
		return PACKAGE_VERSION;
	if (strncmp(label, "book/", 5) == 0) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", pl->o->book, label + 5);
		return digest(pl, path);
	}
	for (k = 0; k < pl->nlayouts; k++)
		for (f = 0; f < FORMAT_MAX; f++)
			for (i = 0; i < pl->layouts[k].ncommon[f]; i++)
				if (strcmp(pl->layouts[k].common[f][i].label, label) == 0)
					return pl->layouts[k].common[f][i].sha;
	return NULL;
}

/* ---- the manifest ---- */

static void
manifest_name(const struct build_options *o, char *buf, size_t size)
{
	if (o->shards > 1)
		snprintf(buf, size, "%s/manifest-%d-of-%d.tsv", o->out, o->shard,
		    o->shards);
	else
		snprintf(buf, size, "%s/manifest.tsv", o->out);
}

/* Reads a previous manifest, with each output's inputs or (inputs 0)
 * without; a missing or foreign one means a full build. Returns -1 when
 * out of memory (what was read is kept). */
static int
read_manifest(struct planner *pl, int inputs)
{
	char name[4096], *line = NULL;
	size_t size = 0, *sets = NULL, nsets = 0, *more;
	struct job *grown, *cur = NULL;
	FILE *f;
	int rc = 0;

	manifest_name(pl->o, name, sizeof(name));
	if ((f = fopen(name, "r")) == NULL)
		return 0;
	if (getline(&line, &size, f) < 0 ||
	    strcmp(line, "kessan-manifest\t1\n") != 0) {
		free(line);
		fclose(f);
		return 0;
	}
	while (getline(&line, &size, f) >= 0) {
		char *tab, *tab2, *tab3;

		line[strcspn(line, "\n")] = '\0';
		if ((tab = strchr(line, '\t')) == NULL ||
		    (tab2 = strchr(tab + 1, '\t')) == NULL)
			continue;
		*tab++ = '\0';
		*tab2++ = '\0';
		if (inputs && strcmp(line, "reads") == 0) {
			/* "reads N TOKENS": the Nth set, in order */
			if ((more = array_grow(sets, nsets, sizeof(*more))) == NULL ||
			    (more[nsets] = reads_sets_intern(&pl->sets, tab2)) == 0) {
				if (more != NULL)
					sets = more;
				rc = -1;
				break;
			}
			sets = more;
			nsets++;
		} else if (strcmp(line, "output") == 0) {
			if ((grown = array_grow(pl->old, pl->nold, sizeof(*grown))) ==
			    NULL) {
				rc = -1;
				break;
			}
			pl->old = grown;
			cur = &grown[pl->nold++];
			snprintf(cur->path, sizeof(cur->path), "%s", tab);
			snprintf(cur->sha, sizeof(cur->sha), "%s", tab2);
		} else if (inputs && strcmp(line, "input") == 0 && cur != NULL) {
			/* "input LABEL SHA [#N: what was read, the Nth set]" */
			size_t set = 0;
			if ((tab3 = strchr(tab2, '\t')) != NULL) {
				*tab3++ = '\0';
				set = strtoul(tab3 + (*tab3 == '#'), NULL, 10);
				/* a set the file lacks: unknown, so out of date */
				set = set >= 1 && set <= nsets ? sets[set - 1] : 0;
				if (set == 0)
					tab2 = "-";
			}
			if (add_input_reads(&cur->inputs, &cur->ninputs, tab, tab2,
			    set) != 0)
				rc = -1;
		}
	}
	free(sets);
	free(line);
	fclose(f);
	return rc;
}

static int
compare_inputs(const void *a, const void *b)
{
	return strcmp(((const struct input *)a)->label,
	    ((const struct input *)b)->label);
}

static int
write_manifest(struct planner *pl, struct diag_list *diags)
{
	struct buffer b = { NULL, 0, 0, 0 }, table = { NULL, 0, 0, 0 };
	char name[4096], err[256];
	size_t i, k;
	int rc;

	/* The sets of what outputs read come first, numbered as they are
	 * first used, so that a manifest is the same whatever came before. */
	reads_sets_renumber(&pl->sets);
	buffer_puts(&table, "kessan-manifest\t1\n");
	/* Jobs are in a fixed order; failed outputs are left out. */
	for (i = 0; i < pl->njobs; i++) {
		const struct job *j = &pl->jobs[i];
		if (j->state != JOB_BUILT && j->state != JOB_UP_TO_DATE)
			continue;
		buffer_puts(&b, "output\t");
		buffer_puts(&b, j->path);
		buffer_puts(&b, "\t");
		buffer_puts(&b, j->sha);
		buffer_puts(&b, "\n");
		for (k = 0; k < j->ninputs; k++) {
			buffer_puts(&b, "input\t");
			buffer_puts(&b, j->inputs[k].label);
			buffer_puts(&b, "\t");
			buffer_puts(&b, j->inputs[k].sha);
			if (j->inputs[k].set != 0) {
				size_t n = reads_sets_number(&pl->sets, j->inputs[k].set,
				    &table);
				buffer_printf(&b, "\t#%zu\t%s", n, j->inputs[k].file);
				b.failed |= n == 0;
			}
			buffer_puts(&b, "\n");
		}
	}
	manifest_name(pl->o, name, sizeof(name));
	if (b.len > 0)
		buffer_write(&table, b.data, b.len);
	if (b.failed || table.failed)
		rc = -1, snprintf(err, sizeof(err), "out of memory");
	else
		rc = write_if_changed(name, table.data, table.len, err, sizeof(err));
	if (rc != 0)
		diag_add(diags, DIAG_FATAL, name, 0, "cannot write: %s", err);
	buffer_free(&b);
	buffer_free(&table);
	return rc;
}

/* ---- planning ---- */

/* Whether kessan build makes format f, and (o not NULL) o asks for it. */
static int
built_format(const struct build_options *o, int f)
{
	return output_format_does((enum output_format)f, OUTPUT_BUILT) &&
	    (o == NULL || (o->formats & (1u << f)) != 0);
}

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
			if (!(o->langs & (1u << l)) || (lang_of[l] != RENDER_JA &&
			    !period_publishes(pl->book, period, LANG_EN)) ||
			    (lang_of[l] != RENDER_EN &&
			    !period_publishes(pl->book, period, LANG_JA)))
				continue;
			/* In the table's order: the order of the manifest. */
			for (f = 0; f < FORMAT_MAX; f++) {
				struct render_request req;
				struct job *grown, *j;
				char name[48];
				if (!built_format(o, f))
					continue;
				memset(&req, 0, sizeof(req));
				req.lang = lang_of[l];
				req.format = (enum output_format)f;
				render_file_name(&req, name, sizeof(name));
				if ((grown = array_grow(pl->jobs, pl->njobs,
				    sizeof(*grown))) == NULL)
					return -1;
				pl->jobs = grown;
				j = &grown[pl->njobs];
				snprintf(j->path, sizeof(j->path), "%s/%s", period->id,
				    name);
				/* A deterministic partition with no coordination: the
				 * shard is a hash of the output's path. */
				if (o->shards > 1 &&
				    (int)(reads_hash(j->path) % (uint32_t)o->shards) !=
				    o->shard - 1)
					continue;
				j->period = period;
				j->layout = layout_index(pl, period_layout(pl->book, period));
				j->lang = lang_of[l];
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
	if ((sha = digest(pl, path)) == NULL || strcmp(sha, old->sha) != 0)
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
			now = current(pl, old->inputs[i].label);
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

/* A quarter's file as an input, whole. */
static int
record_file(struct planner *pl, struct job *j, int ordinal)
{
	char id[16], label[64], path[4096];
	const char *sha;
	int year, quarter;

	fiscal_from_ordinal(ordinal, &year, &quarter);
	period_id_format(year, quarter, id, sizeof(id));
	if (book_period(pl->book, ordinal) == NULL) {
		/* A quarter the book lacks: that it still does is what was read. */
		char read[65];
		size_t set = reads_sets_intern(&pl->sets, "!adjustments");
		snprintf(label, sizeof(label), "reads/%s", id);
		if (set == 0 || reads_sets_digest(&pl->sets, pl->book,
		    j->period->ordinal, id, set, read) != 0 ||
		    add_input_reads(&j->inputs, &j->ninputs, label, read, set) != 0)
			return -1;
		note_file(pl, &j->inputs[j->ninputs - 1]);
		return 0;
	}
	snprintf(label, sizeof(label), "book/periods/%s.xml", id);
	snprintf(path, sizeof(path), "%s/periods/%s.xml", pl->o->book, id);
	if ((sha = digest(pl, path)) == NULL ||
	    add_input(&j->inputs, &j->ninputs, label, sha) != 0)
		return -1;
	return 0;
}

struct reads_arg {
	struct planner *pl;
	struct job *j;
	const struct reads_packed *p;
};

/* What was read of one other quarter: its lookups and their digest. */
static int
record_quarter_reads(void *arg, int ordinal)
{
	struct reads_arg *a = arg;
	struct buffer tokens = { NULL, 0, 0, 0 };
	char id[16], label[64], read[65];
	int year, quarter, rc;
	size_t set;

	fiscal_from_ordinal(ordinal, &year, &quarter);
	period_id_format(year, quarter, id, sizeof(id));
	snprintf(label, sizeof(label), "reads/%s", id);
	reads_tokens(a->pl->book, a->p, a->j->period->ordinal, ordinal, &tokens);
	rc = tokens.failed || tokens.data == NULL ||
	    (set = reads_sets_intern(&a->pl->sets, tokens.data)) == 0 ||
	    reads_sets_digest(&a->pl->sets, a->pl->book, a->j->period->ordinal,
	    id, set, read) != 0 || add_input_reads(&a->j->inputs,
	    &a->j->ninputs, label, read, set) != 0 ? -1 : 0;
	if (rc == 0)
		note_file(a->pl, &a->j->inputs[a->j->ninputs - 1]);
	buffer_free(&tokens);
	return rc;
}

/*
 * The quarters an output read: its own quarter's file, the files of those
 * it read as a whole (every one, when it read too many to say), and of
 * the rest only the lookups it made (reads.h).
 */
static int
record_reads(struct planner *pl, struct job *j, const struct reads_packed *p)
{
	struct reads_arg a = { pl, j, p };
	int i;

	if (p->nwhole < 0) {
		size_t k;
		for (k = 0; k < pl->book->nperiods; k++)
			if (record_file(pl, j, pl->book->periods[k]->ordinal) != 0)
				return -1;
		return 0;
	}
	if (record_file(pl, j, j->period->ordinal) != 0)
		return -1;
	for (i = 0; i < p->nwhole; i++)
		if (p->whole[i] != j->period->ordinal &&
		    record_file(pl, j, p->whole[i]) != 0)
			return -1;
	return reads_each_quarter(p, j->period->ordinal, record_quarter_reads,
	    &a);
}

/* The inputs of a built output: book files, quarters read, data, kessan. */
static int
record_inputs(struct planner *pl, struct job *j, const struct result *r)
{
	const char *sha;
	int f = (int)j->format;
	size_t k;

	const struct layout_inputs *li = &pl->layouts[j->layout];

	if (add_input(&j->inputs, &j->ninputs, "kessan", PACKAGE_VERSION) != 0 ||
	    add_input(&j->inputs, &j->ninputs, "layout", layout_label(pl, j)) != 0)
		return -1;
	if ((sha = current(pl, "book/company.xml")) == NULL ||
	    add_input(&j->inputs, &j->ninputs, "book/company.xml", sha) != 0 ||
	    (sha = current(pl, "book/accounts.xml")) == NULL ||
	    add_input(&j->inputs, &j->ninputs, "book/accounts.xml", sha) != 0)
		return -1;
	if (record_reads(pl, j, &r->reads) != 0)
		return -1;
	for (k = 0; k < li->ncommon[f]; k++)
		if (add_input(&j->inputs, &j->ninputs, li->common[f][k].label,
		    li->common[f][k].sha) != 0)
			return -1;
	qsort(j->inputs, j->ninputs, sizeof(*j->inputs), compare_inputs);
	return 0;
}

/* ---- workers ---- */

static int
ensure_dir(const char *path)
{
	return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

/* Renders one job in a worker and writes its output atomically; what
 * went wrong goes to diags. */
static void
run_job(struct planner *pl, int index, struct result *r,
    struct diag_list *diags)
{
	struct job *j = &pl->jobs[index];
	struct render_request req;
	static struct build_deps deps;   /* 24 KiB: not on the stack */
	struct buffer out = { NULL, 0, 0, 0 };
	struct sha256 h;
	char path[4096];
	int write_failed = 0;

	memset(r, 0, sizeof(*r));
	memset(&deps, 0, sizeof(deps));
	r->job = index;
	memset(&req, 0, sizeof(req));
	req.book = pl->book;
	req.env = pl->env;
	req.period = j->period->id;
	req.lang = j->lang;
	req.format = j->format;
	req.deps = &deps;
	snprintf(path, sizeof(path), "%s/%s", pl->o->out, j->period->id);
	if (render_release(&req, &out, diags) == 0 && ensure_dir(path) == 0) {
		char err[256];

		snprintf(path, sizeof(path), "%s/%s", pl->o->out, j->path);
		if (write_file_atomic(path, out.data, out.len, err,
		    sizeof(err)) == 0) {
			sha256_init(&h);
			sha256_update(&h, out.data, out.len);
			sha256_final_hex(&h, r->sha);
			r->ok = 1;
		} else {
			/* The render was good and the disk failed (ENOSPC): the
			 * previous output stays, left out of the manifest so the
			 * next build makes it again. */
			diag_add(diags, DIAG_FATAL, path, 0, "cannot write: %s; "
			    "the previous output is kept", err);
			write_failed = 1;
		}
	} else if (diag_worst(diags) < 0)
		diag_add(diags, DIAG_FATAL, path, 0, "cannot create the folder");
	if (!r->ok && !write_failed) {
		/* An old output of a release that no longer renders must not
		 * pass for current. */
		snprintf(path, sizeof(path), "%s/%s", pl->o->out, j->path);
		unlink(path);
	}
	reads_pack(&deps, j->period->ordinal, &r->reads);
	buffer_free(&out);
}

static void
worker(struct planner *pl, int jobs_fd, int results_fd)
{
	struct diag_list diags;
	struct result r;
	int index, sent;

	/* A worker dies with its build: a killed build leaves no orphans. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		_exit(1);
	while (read(jobs_fd, &index, sizeof(index)) == (ssize_t)sizeof(index)) {
		memset(&diags, 0, sizeof(diags));
		run_job(pl, index, &r, &diags);
		sent = results_send(results_fd, index, &diags, &r,
		    sizeof(r)) == 0;
		diag_list_free(&diags);
		if (!sent)
			break;
	}
	/*
	 * Nothing is freed: the build frees what the worker inherited, and
	 * freeing the worker's copy would only write to every heap page it
	 * shares with the build, copying each (3% of a batch's CPU).
	 * It all stays reachable, from the build's frames on this stack and
	 * from the font and XML caches, so a memory checker sees none lost.
	 */
#ifdef KESSAN_GCOV_DUMP
	/* _exit skips gcov's exit handler; make coverage counts workers too. */
	__gcov_dump();
#endif
	_exit(0);
}

static double
clock_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
progress(const struct build_options *o, size_t done, size_t total,
    double started)
{
	double elapsed = clock_seconds() - started;

	if (o->progress == NULL || total == 0)
		return;
	o->progress(o->progress_arg, done, total, done > 0 ?
	    elapsed / (double)done * (double)(total - done) : 0);
}

/*
 * Whether `name` in the output folder's subfolder `sub` is the temporary
 * file of one of this build's outputs (of any language and format, and of
 * this shard): "release-en.pdf.tmp.Ab12Cd" and nothing else.
 */
static int
our_output_temp(const struct build_options *o, const char *sub,
    const char *name)
{
	char path[4096];
	size_t len = strlen(name);
	int l, f;

	if (!atomic_is_temp_name(name, NULL))
		return 0;
	for (l = 0; l < 3; l++)
		for (f = 0; f < FORMAT_MAX; f++) {
			struct render_request req;
			char file[48];
			if (!built_format(NULL, f))
				continue;
			memset(&req, 0, sizeof(req));
			req.lang = lang_of[l];
			req.format = (enum output_format)f;
			render_file_name(&req, file, sizeof(file));
			if (strlen(file) != len - 11 ||
			    memcmp(name, file, len - 11) != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", sub, file);
			return o->shards <= 1 ||
			    (int)(reads_hash(path) % (uint32_t)o->shards) == o->shard - 1;
		}
	return 0;
}

/*
 * Removes the temporary files a killed build left beside its outputs:
 * only names write_file_atomic gives this build's own files, so a user's
 * "thesis.tmp.v2.doc" in the folder stays, and another shard's files in
 * the making are left to it.
 */
static void
remove_leftovers(const struct build_options *o)
{
	DIR *top = opendir(o->out), *sub;
	struct dirent *e, *f;
	char path[4096], manifest[4096], state[4096], stamp[4096];

	if (top == NULL)
		return;
	manifest_name(o, manifest, sizeof(manifest));
	state_name(o, state, sizeof(state));
	stamp_name(o, stamp, sizeof(stamp));
	while ((e = readdir(top)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", o->out, e->d_name);
		if (atomic_is_temp_name(e->d_name, strrchr(manifest, '/') + 1) ||
		    atomic_is_temp_name(e->d_name, strrchr(state, '/') + 1) ||
		    atomic_is_temp_name(e->d_name, strrchr(stamp, '/') + 1)) {
			unlink(path);
			continue;
		}
		if (e->d_name[0] == '.' || (sub = opendir(path)) == NULL)
			continue;
		while ((f = readdir(sub)) != NULL)
			if (our_output_temp(o, e->d_name, f->d_name)) {
				char file[4096 + 256];
				snprintf(file, sizeof(file), "%s/%s", path, f->d_name);
				unlink(file);
			}
		closedir(sub);
	}
	closedir(top);
}

/*
 * Writes the next pending job at or after *next to the workers' pipe and
 * moves *next past it; once none is left, closes the pipe (fd[1] = -1),
 * which tells idle workers to finish.
 */
static void
feed_job(struct planner *pl, int fd[2], size_t *next)
{
	if (fd[1] < 0)
		return;
	while (*next < pl->njobs && pl->jobs[*next].state != JOB_PENDING)
		(*next)++;
	if (*next < pl->njobs) {
		int index = (int)(*next)++;
		if (write(fd[1], &index, sizeof(index)) == (ssize_t)sizeof(index))
			return;
		*next = pl->njobs;   /* no worker left to read it */
	}
	close(fd[1]);
	fd[1] = -1;
}

static void
run_workers(struct planner *pl, struct build_summary *s, double started)
{
	int jobs_pipe[2], results_pipe[2], w, nworkers = pl->o->jobs;
	size_t i, pending = 0, done = 0, next = 0;
	struct sigaction ignore, old_pipe;
	struct results_job *sent;
	struct result r;
	int index;
	pid_t *pids;

	for (i = 0; i < pl->njobs; i++)
		pending += pl->jobs[i].state == JOB_PENDING;
	if (pending == 0)
		return;
	if ((size_t)nworkers > pending)
		nworkers = (int)pending;
	if (nworkers < 1)
		nworkers = 1;
	/* what each job's worker said, kept apart until all are done */
	if ((sent = calloc(pl->njobs, sizeof(*sent))) == NULL ||
	    pipe(jobs_pipe) != 0 || pipe(results_pipe) != 0 ||
	    (pids = calloc((size_t)nworkers, sizeof(*pids))) == NULL) {
		diag_add(pl->diags, DIAG_FATAL, pl->o->out, 0,
		    "cannot start workers: %s", strerror(errno));
		free(sent);
		return;
	}
	/* Workers that all died must not take the build with them through
	 * SIGPIPE: the job is then written nowhere and reported below. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &old_pipe);
	fflush(NULL);
	for (w = 0; w < nworkers; w++) {
		if ((pids[w] = fork()) == 0) {
			for (i = 0; i < 2; i++)
				if (pl->locks[i] >= 0)
					close(pl->locks[i]);
			close(jobs_pipe[1]);
			close(results_pipe[0]);
			free(pids);
			free(sent);
			worker(pl, jobs_pipe[0], results_pipe[1]);
		}
	}
	close(jobs_pipe[0]);
	close(results_pipe[1]);
	/*
	 * Workers are fed as they go: two jobs each to start, then one more
	 * per result. Writing every job first filled the pipe (16,384 job
	 * numbers) before any worker ran, and the build waited forever.
	 */
	for (i = 0; next < pl->njobs && i < 2 * (size_t)nworkers; i++)
		feed_job(pl, jobs_pipe, &next);
	while ((index = results_read(results_pipe[0], sent, pl->njobs, &r,
	    sizeof(r))) >= 0) {
		struct job *j = &pl->jobs[index];
		feed_job(pl, jobs_pipe, &next);
		if (r.ok && record_inputs(pl, j, &r) == 0) {
			char path[4096];
			j->state = JOB_BUILT;
			memcpy(j->sha, r.sha, sizeof(j->sha));
			snprintf(path, sizeof(path), "%s/%s", pl->o->out, j->path);
			remember_output(pl, path, r.sha);
			s->built++;
		} else {
			j->state = JOB_FAILED;
			s->failed++;
		}
		progress(pl->o, ++done, pending, started);
	}
	if (jobs_pipe[1] >= 0)
		close(jobs_pipe[1]);
	sigaction(SIGPIPE, &old_pipe, NULL);
	close(results_pipe[0]);
	for (w = 0; w < nworkers; w++)
		if (pids[w] > 0)
			waitpid(pids[w], NULL, 0);
	free(pids);
	/* Each job's diagnostics in job order, whichever worker was first;
	 * a job no worker reported on (a worker died) failed. */
	for (i = 0; i < pl->njobs; i++) {
		struct job *j = &pl->jobs[i];

		results_job_take(&sent[i], pl->diags, pl->o->out, j->path);
		if (j->state == JOB_PENDING) {
			j->state = JOB_FAILED;
			s->failed++;
			diag_add(pl->diags, DIAG_ERROR, pl->o->out, 0,
			    "%s: the worker building it stopped", j->path);
		}
	}
	free(sent);
}

/*
 * Takes the output folder's lock, .kessan-lock, so that two builds into
 * one folder do not delete each other's temporary files or interleave
 * their manifests: exclusively, or for a shard, shared with the other
 * shards plus its own .kessan-lock-K-of-N exclusively. Returns 0 with the
 * descriptors to close in fds (-1 for none), or -1 when another build
 * holds it. A folder where the lock cannot even be created is one no
 * build can write to, so it is built unlocked.
 */
static int
lock_folder(const struct build_options *o, int fds[2],
    struct diag_list *diags)
{
	char name[4096];
	int i;

	fds[0] = fds[1] = -1;
	for (i = 0; i < (o->shards > 1 ? 2 : 1); i++) {
		if (i == 0)
			snprintf(name, sizeof(name), "%s/.kessan-lock", o->out);
		else
			snprintf(name, sizeof(name), "%s/.kessan-lock-%d-of-%d",
			    o->out, o->shard, o->shards);
		if ((fds[i] = open(name, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0 &&
		    (fds[i] = open(name, O_RDONLY | O_CLOEXEC)) < 0)
			continue;
		if (flock(fds[i], (i == 0 && o->shards > 1 ? LOCK_SH : LOCK_EX) |
		    LOCK_NB) != 0) {
			diag_add(diags, DIAG_FATAL, o->out, 0, "the folder is busy: "
			    "another kessan build is writing to it (%s is locked); "
			    "wait for it or build into another folder", name);
			return -1;
		}
	}
	return 0;
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
		ok = (sha = digest(pl, name)) != NULL &&
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
