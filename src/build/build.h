/*
 * `kessan build`: every release of a book, in every language and format,
 * in parallel worker processes, incrementally (an output is rebuilt only
 * when an input's content changed), atomically, with a manifest of each
 * output's SHA-256 and inputs, and shardable across machines.
 */
#ifndef KESSAN_BATCH_BUILD_H
#define KESSAN_BATCH_BUILD_H

#include <stddef.h>

#include "../util/diag.h"

/* Bit masks of what to build. */
#define BUILD_LANG_EN    0x1
#define BUILD_LANG_JA    0x2
#define BUILD_LANG_JA_EN 0x4

struct build_options {
	const char *book;
	const char *out;         /* folder; OUT/2004-q1/release-en.pdf */
	int jobs;                /* worker processes */
	unsigned langs;
	unsigned formats;        /* 1u << enum output_format, of formats
	                            that do OUTPUT_BUILT (render.h) */
	int shard;               /* 1..shards */
	int shards;              /* 1: no sharding */
	int force;               /* rebuild everything */
	/* after each job rendered: how many of how many are done, and about
	   how many seconds the rest will take; NULL for none (main draws a
	   progress bar with it, as the library never prints) */
	void (*progress)(void *arg, size_t done, size_t total, double left);
	void *progress_arg;
};

struct build_summary {
	size_t outputs;          /* in this shard */
	size_t built;
	size_t up_to_date;
	size_t failed;
	double seconds;
};

/*
 * Runs the build. Diagnostics (and each failed output's) go to diags; the
 * summary counts what happened. Returns 0 when every output is up to date
 * or built, 1 when some failed, 2 when the book or the data cannot be
 * loaded at all.
 */
int build_run(const struct build_options *options,
    struct build_summary *summary, struct diag_list *diags);

#endif
