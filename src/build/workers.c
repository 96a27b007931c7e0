/* The build's workers: processes forked from the build that render jobs
 * read from a pipe and send back their results; the folder's lock and the
 * clean-up of a killed build's temporary files. */
#include "config.h"

#include "planner.h"

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

#include "../util/atomic.h"
#include "../util/buffer.h"
#include "../util/sha256.h"

#ifdef KESSAN_GCOV_DUMP
void __gcov_dump(void);   /* libgcov, in builds with --coverage */
#endif

int
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

double
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
			char file[48];
			if (!built_format(NULL, f))
				continue;
			output_file_name(l, f, file, sizeof(file));
			if (strlen(file) != len - 11 ||
			    memcmp(name, file, len - 11) != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", sub, file);
			return in_shard(o, path);
		}
	return 0;
}

/*
 * Removes the temporary files a killed build left beside its outputs:
 * only names write_file_atomic gives this build's own files, so a user's
 * "thesis.tmp.v2.doc" in the folder stays, and another shard's files in
 * the making are left to it.
 */
void
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

void
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
int
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
