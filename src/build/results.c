#include "results.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum record_type {
	RECORD_DIAG_PART,    /* a piece of a diagnostic; more follow */
	RECORD_DIAG_END,     /* its last piece */
	RECORD_RESULT        /* the job's result: it is done */
};

struct record_head {
	int job;
	int type;            /* enum record_type */
	unsigned len;        /* bytes that follow */
};

#define RECORD_MAX (PIPE_BUF < 4096 ? PIPE_BUF : 4096)
#define RECORD_ROOM (RECORD_MAX - sizeof(struct record_head))

_Static_assert(RESULTS_MAX_RESULT <= RECORD_ROOM,
    "a result must fit one atomic pipe write");

/* One record in one write(). Returns 0, or -1 when the reader is gone. */
static int
send_record(int fd, int job, enum record_type type, const void *data,
    size_t len)
{
	char rec[RECORD_MAX];
	struct record_head h;
	ssize_t n;

	h.job = job;
	h.type = (int)type;
	h.len = (unsigned)len;
	memcpy(rec, &h, sizeof(h));
	memcpy(rec + sizeof(h), data, len);
	do
		n = write(fd, rec, sizeof(h) + len);
	while (n < 0 && errno == EINTR);
	return n == (ssize_t)(sizeof(h) + len) ? 0 : -1;
}

/*
 * Each diagnostic goes as "LEVEL LINE HASFILE\0FILE\0MESSAGE" (FILE and its
 * NUL only when HASFILE is 1), cut into pieces that fit a record.
 */
int
results_send(int fd, int job, const struct diag_list *diags,
    const void *result, size_t len)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t i, at, n;
	int rc = 0;

	for (i = 0; rc == 0 && i < diags->len; i++) {
		const struct diag *d = &diags->items[i];

		b.len = 0;
		buffer_printf(&b, "%d %d %d", (int)d->level, d->line,
		    d->file != NULL);
		buffer_write(&b, "", 1);
		if (d->file != NULL)
			buffer_write(&b, d->file, strlen(d->file) + 1);
		buffer_puts(&b, d->message);
		if (b.failed) {
			rc = -1;
			break;
		}
		for (at = 0; rc == 0 && at < b.len; at += n) {
			n = b.len - at < RECORD_ROOM ? b.len - at : RECORD_ROOM;
			rc = send_record(fd, job, at + n < b.len ?
			    RECORD_DIAG_PART : RECORD_DIAG_END, b.data + at, n);
		}
	}
	buffer_free(&b);
	if (rc == 0 && len > RESULTS_MAX_RESULT)
		rc = -1;
	return rc == 0 ? send_record(fd, job, RECORD_RESULT, result, len) : rc;
}

/* Reads exactly len bytes. Returns 0, or -1 at the end of the pipe. */
static int
read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)buf + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* A diagnostic, whole in job->partial as results_send wrote it, into
 * job->diags. */
static void
take_diag(struct results_job *job)
{
	const char *p = job->partial.data, *file = NULL, *message;
	int level, line, has_file;

	if (job->partial.failed || p == NULL) {
		diag_add(&job->diags, DIAG_FATAL, NULL, 0, "out of memory");
		goto out;
	}
	if (sscanf(p, "%d %d %d", &level, &line, &has_file) != 3)
		level = -1;
	message = p + strlen(p) + 1;
	if (level >= 0 && has_file) {
		file = message;
		message += strlen(message) + 1;
	}
	if (level < 0 || level >= DIAG_LEVEL_MAX ||
	    message > job->partial.data + job->partial.len)
		diag_add(&job->diags, DIAG_FATAL, NULL, 0, "a worker sent a "
		    "malformed diagnostic");
	else
		diag_add(&job->diags, (enum diag_level)level, file, line, "%s",
		    message);
out:
	buffer_free(&job->partial);
}

int
results_read(int fd, struct results_job *jobs, size_t njobs, void *result,
    size_t len)
{
	struct record_head h;
	char payload[RECORD_ROOM];

	while (read_full(fd, &h, sizeof(h)) == 0) {
		struct results_job *job;

		if (h.len > RECORD_ROOM || read_full(fd, payload, h.len) != 0 ||
		    h.job < 0 || (size_t)h.job >= njobs)
			return -1;
		job = &jobs[h.job];
		if (h.type == RECORD_RESULT) {
			if (h.len != len)
				return -1;
			memcpy(result, payload, len);
			return h.job;
		}
		buffer_write(&job->partial, payload, h.len);
		if (h.type == RECORD_DIAG_END)
			take_diag(job);
	}
	return -1;
}

void
results_job_take(struct results_job *job, struct diag_list *list,
    const char *file, const char *name)
{
	size_t k, seen = 0;
	int level;

	for (k = 0; k < job->diags.len; k++)
		diag_add(list, job->diags.items[k].level, job->diags.items[k].file,
		    job->diags.items[k].line, "%s", job->diags.items[k].message);
	/* diag_add counts what it had no memory to keep */
	for (level = 0; level < DIAG_LEVEL_MAX; level++)
		seen += (size_t)job->diags.seen[level];
	if (job->diags.len < seen)
		diag_add(list, DIAG_FATAL, file, 0, "%s: diagnostics lost: out "
		    "of memory", name);
	diag_list_free(&job->diags);
	buffer_free(&job->partial);
}
