/*
 * The pipe from build workers to the build: each job's diagnostics, then
 * its result. Every record goes in one write() of at most PIPE_BUF bytes,
 * which a pipe never interleaves with another worker's; a diagnostic too
 * long for one goes in pieces tagged with its job, joined by the reader.
 */
#ifndef KESSAN_BUILD_RESULTS_H
#define KESSAN_BUILD_RESULTS_H

#include <stddef.h>

#include "../util/buffer.h"
#include "../util/diag.h"

/* The most a result may hold: what fits one record. */
#define RESULTS_MAX_RESULT 2048

/* What the reader keeps of one job: its diagnostics, and the pieces of
 * one not yet whole. Zero it to start; results_job_free frees it. */
struct results_job {
	struct diag_list diags;
	struct buffer partial;
};

/*
 * In a worker: sends job's diagnostics, then its result (len bytes, at
 * most RESULTS_MAX_RESULT). Returns 0, or -1 when the build is gone or
 * memory ran out.
 */
int results_send(int fd, int job, const struct diag_list *diags,
    const void *result, size_t len);

/*
 * In the build: reads records until one job's result, which is copied to
 * result (exactly len bytes), and returns its job. A diagnostic on the way
 * goes to jobs[its job].diags. Returns -1 at the end of the pipe or on a
 * record no worker wrote (a job outside 0..njobs-1, a wrong length).
 */
int results_read(int fd, struct results_job *jobs, size_t njobs,
    void *result, size_t len);

/* Adds a job's diagnostics to list, in order, and frees them; if memory
 * ran out on the way, says so at file, of the job called name. */
void results_job_take(struct results_job *job, struct diag_list *list,
    const char *file, const char *name);

#endif
