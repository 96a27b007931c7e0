/*
 * The build's planner, shared by its three files: build.c plans the jobs
 * and decides which are up to date; manifest.c keeps the digests, the
 * state cache, what each output was built from, and the manifest;
 * workers.c renders jobs in worker processes. Internal to src/build.
 */
#ifndef KESSAN_BUILD_PLANNER_H
#define KESSAN_BUILD_PLANNER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../render.h"
#include "build.h"
#include "reads.h"
#include "results.h"

/* The languages of BUILD_LANG_* bits, by bit number. */
extern const enum render_lang build_langs[3];

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

/* ---- manifest.c: digests, the state cache, inputs, the manifest ---- */

/*
 * The digest of a file, hashed at most once a run, and not at all when the
 * state file of the last run saw it with the same size and modification
 * time (as git does); NULL if it cannot be read.
 */
const char *input_digest(struct planner *pl, const char *path);
/* Records the digest of an output a worker just wrote. */
void remember_output(struct planner *pl, const char *path, const char *sha);
/* The hidden state and stamp files' names in the output folder. */
void state_name(const struct build_options *o, char *buf, size_t size);
void stamp_name(const struct build_options *o, char *buf, size_t size);
/* Loads the digests the last run took (a cache: none is no error). */
void read_state(struct planner *pl);
/* Writes name atomically unless it already holds exactly data. */
int write_if_changed(const char *name, const char *data, size_t len,
    char *err, size_t errsize);
void write_state(struct planner *pl);
/* Appends an input with what was read of a quarter (a set of the
 * planner's; 0: none); -1 when out of memory. */
int add_input_reads(struct input **list, size_t *n, const char *label,
    const char *sha, size_t set);
/* An input "reads/QUARTER" gets its quarter's file's current digest. */
void note_file(struct planner *pl, struct input *in);
void free_inputs(struct input *list, size_t n);
/* A layout's data inputs of one format, gathered by render_env_each_input:
 * arg is a struct common_arg. */
struct common_arg {
	struct planner *pl;
	struct layout_inputs *li;
	int format;
	int failed;
};
void collect_common(void *arg, const char *label, const char *path);
/* What the manifest records as a job's layout: its name, or "-". */
const char *layout_label(const struct planner *pl, const struct job *j);
/* The digest a label has now, or NULL if its file is gone. */
const char *input_current(struct planner *pl, const char *label);
void manifest_name(const struct build_options *o, char *buf, size_t size);
/* Reads the previous manifest into pl->old, with each output's inputs or
 * (inputs 0) without; -1 when out of memory. */
int read_manifest(struct planner *pl, int inputs);
int write_manifest(struct planner *pl, struct diag_list *diags);

/* The inputs of a built output: book files, quarters read, data, kessan. */
int record_inputs(struct planner *pl, struct job *j, const struct result *r);

/* Whether kessan build makes format f, and (o not NULL) o asks for it. */
static inline int
built_format(const struct build_options *o, int f)
{
	return output_format_does((enum output_format)f, OUTPUT_BUILT) &&
	    (o == NULL || (o->formats & (1u << f)) != 0);
}

/* An output's file name in its quarter's folder: "release-en.pdf" for
 * language build_langs[l] and format f. */
static inline void
output_file_name(int l, int f, char *buf, size_t size)
{
	struct render_request req;

	memset(&req, 0, sizeof(req));
	req.lang = build_langs[l];
	req.format = (enum output_format)f;
	render_file_name(&req, buf, size);
}

/* Whether an output (its path relative to OUT) is this shard's: a
 * deterministic partition with no coordination, by a hash of the path. */
static inline int
in_shard(const struct build_options *o, const char *path)
{
	return o->shards <= 1 ||
	    (int)(reads_hash(path) % (uint32_t)o->shards) == o->shard - 1;
}

/* ---- workers.c ---- */

int ensure_dir(const char *path);
double clock_seconds(void);
/* Removes the temporary files a killed build left beside its outputs:
 * only names this build's own files would have. */
void remove_leftovers(const struct build_options *o);
/* Renders every pending job in o->jobs workers, recording the results. */
void run_workers(struct planner *pl, struct build_summary *s,
    double started);
/* Takes the output folder's lock: 0, or -1 when another build holds it. */
int lock_folder(const struct build_options *o, int fds[2],
    struct diag_list *diags);

#endif
