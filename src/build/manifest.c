/* The build's memory of what it made: file digests and the state cache
 * that spares rehashing, each output's inputs, and the manifest. */
#include "config.h"

#include "planner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../util/atomic.h"
#include "../util/buffer.h"
#include "../util/readfile.h"
#include "../util/sha256.h"

/* ---- digests ---- */

/*
 * The digest of a file, hashed at most once a run, and not at all when the
 * state file of the last run saw it with the same size and modification
 * time (as git does): a no-op build of a large archive must not read every
 * output and every font again.
 */
const char *
input_digest(struct planner *pl, const char *path)
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
void
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

void
state_name(const struct build_options *o, char *buf, size_t size)
{
	hidden_name(o, "state", buf, size);
}

void
stamp_name(const struct build_options *o, char *buf, size_t size)
{
	hidden_name(o, "stamp", buf, size);
}

/* Loads the digests the last run took. The file is a cache: without it a
 * build only hashes more. */
void
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
int
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
void
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
int
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
void
note_file(struct planner *pl, struct input *in)
{
	char path[4096];
	const char *sha;

	snprintf(path, sizeof(path), "%s/periods/%s.xml", pl->o->book,
	    in->label + 6);
	sha = input_digest(pl, path);
	snprintf(in->file, sizeof(in->file), "%s", sha != NULL ? sha : "-");
}

void
free_inputs(struct input *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i].label);
	free(list);
}

void
collect_common(void *arg, const char *label, const char *path)
{
	struct common_arg *ca = arg;
	const char *sha = input_digest(ca->pl, path);

	if (sha == NULL || add_input(&ca->li->common[ca->format],
	    &ca->li->ncommon[ca->format], label, sha) != 0 ||
	    add_input(&ca->pl->data, &ca->pl->ndata, path, "") != 0)
		ca->failed = 1;
	else   /* a font's folder holds others' files; the rest are kessan's */
		ca->pl->data[ca->pl->ndata - 1].ours = strncmp(label, "font:", 5) == 0;
}

/* What the manifest records as a job's layout: its name, or "-". */
const char *
layout_label(const struct planner *pl, const struct job *j)
{
	const char *name = pl->layouts[j->layout].name;

	return name != NULL ? name : "-";
}

/* The digest a label has now, or NULL if its file is gone. */
const char *
input_current(struct planner *pl, const char *label)
{
	size_t f, i, k;

	if (strcmp(label, "kessan") == 0)
		return PACKAGE_VERSION;
	if (strncmp(label, "book/", 5) == 0) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", pl->o->book, label + 5);
		return input_digest(pl, path);
	}
	for (k = 0; k < pl->nlayouts; k++)
		for (f = 0; f < FORMAT_MAX; f++)
			for (i = 0; i < pl->layouts[k].ncommon[f]; i++)
				if (strcmp(pl->layouts[k].common[f][i].label, label) == 0)
					return pl->layouts[k].common[f][i].sha;
	return NULL;
}

/* ---- the manifest ---- */

void
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
int
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

int
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

/* ---- a built output's inputs ---- */

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
	if ((sha = input_digest(pl, path)) == NULL ||
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
int
record_inputs(struct planner *pl, struct job *j, const struct result *r)
{
	const char *sha;
	int f = (int)j->format;
	size_t k;

	const struct layout_inputs *li = &pl->layouts[j->layout];

	if (add_input(&j->inputs, &j->ninputs, "kessan", PACKAGE_VERSION) != 0 ||
	    add_input(&j->inputs, &j->ninputs, "layout", layout_label(pl, j)) != 0)
		return -1;
	if ((sha = input_current(pl, "book/company.xml")) == NULL ||
	    add_input(&j->inputs, &j->ninputs, "book/company.xml", sha) != 0 ||
	    (sha = input_current(pl, "book/accounts.xml")) == NULL ||
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
