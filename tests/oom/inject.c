/*
 * The counter behind inject.h.
 *
 * $KESSAN_FAIL_ALLOCATION=N makes the Nth allocation (counting from 1)
 * return NULL, once. $KESSAN_COUNT_ALLOCATIONS=FILE writes the number made
 * to FILE at exit.
 *
 * $KESSAN_OOM_SWEEP=DIR fails every allocation in turn, in one run: at
 * each, the process forks; the child sees that allocation fail and runs on
 * to its end, its stderr in a file; the parent waits, judges the child and
 * goes on as if nothing happened. A child passes when it exits 2 saying
 * "out of memory", leaves DIR (the output folder) as it found it, and has
 * freed every allocation of ours; or when it exits 0 with output identical
 * to the parent's. The parent prints a summary at exit and exits 97 if a
 * child failed. $KESSAN_OOM_EVERY=K tries only every Kth allocation.
 * $KESSAN_OOM_PER_CONTEXT=K tries an allocation only while its context
 * (the return addresses of the calls that led to it) has been tried
 * fewer than K times: every path to an allocation is failed, at its
 * first K occurrences, without failing a loop's ten-thousandth turn.
 * Built without the -include: it calls the real allocator.
 */
#include "config.h"

#include <dirent.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "inject.h"

/* From here on, the real allocator. */
#undef malloc
#undef calloc
#undef realloc
#undef strdup
#undef strndup
#undef free

static unsigned long count, fail_at;
static const char *count_file;
static int started;

/* The sweep. */
static const char *sweep_dir;
static unsigned long sweep_every = 1;
static int in_child;
static char stderr_file[4200], listing_before[16384];
static unsigned long clean, survived, bad;

/* Contexts tried, for KESSAN_OOM_PER_CONTEXT: an open-addressing table
 * of backtrace hashes and how often each was failed. */
#define CONTEXT_DEPTH 10
static unsigned long per_context;
static struct context_count {
	uint64_t hash;
	unsigned long tried;
} *contexts;
static size_t contexts_cap, contexts_len;
static unsigned long skipped;

/* Our live allocations, an open-addressing set of pointers. */
static uintptr_t *live;
static size_t live_cap, live_len;

static size_t
slot_of(uintptr_t p, size_t cap)
{
	return (size_t)((p >> 4) * 0x9e3779b97f4a7c15u) & (cap - 1);
}

static void
live_add_address(uintptr_t p)
{
	size_t i;

	if (p == 0 || sweep_dir == NULL)
		return;
	if (2 * (live_len + 1) > live_cap) {
		size_t cap = live_cap ? 2 * live_cap : 1024, k;
		uintptr_t *grown = calloc(cap, sizeof(*grown));

		if (grown == NULL)
			abort();  /* the test itself cannot go on */
		for (k = 0; k < live_cap; k++)
			if (live[k] != 0) {
				i = slot_of(live[k], cap);
				while (grown[i] != 0)
					i = (i + 1) & (cap - 1);
				grown[i] = live[k];
			}
		free(live);
		live = grown;
		live_cap = cap;
	}
	i = slot_of(p, live_cap);
	while (live[i] != 0)
		i = (i + 1) & (live_cap - 1);
	live[i] = p;
	live_len++;
}

static void
live_add(void *p)
{
	live_add_address((uintptr_t)p);
}

static void
live_remove(void *p)
{
	size_t i, j;

	if (p == NULL || live_cap == 0)
		return;
	for (i = slot_of((uintptr_t)p, live_cap); live[i] != 0;
	    i = (i + 1) & (live_cap - 1))
		if (live[i] == (uintptr_t)p)
			break;
	if (live[i] == 0)
		return;  /* not ours: a library's, freed with free() */
	live[i] = 0;
	live_len--;
	/* Re-place the rest of the cluster so lookups still find it. */
	for (j = (i + 1) & (live_cap - 1); live[j] != 0;
	    j = (j + 1) & (live_cap - 1)) {
		uintptr_t q = live[j];
		size_t k = slot_of(q, live_cap);

		live[j] = 0;
		while (live[k] != 0)
			k = (k + 1) & (live_cap - 1);
		live[k] = q;
	}
}

/* The hash of the calls that led here (0 is never a hash). */
static uint64_t
context_hash(void)
{
	void *frames[CONTEXT_DEPTH];
	int n = backtrace(frames, CONTEXT_DEPTH), i;
	uint64_t h = 1469598103934665603u;

	for (i = 0; i < n; i++) {
		h ^= (uint64_t)(uintptr_t)frames[i];
		h *= 1099511628211u;
	}
	return h != 0 ? h : 1;
}

/* The count of tries of context hash, made if new; aborts without memory
 * (the test itself cannot go on). */
static unsigned long *
context_tries(uint64_t hash)
{
	size_t i;

	if (2 * (contexts_len + 1) > contexts_cap) {
		size_t cap = contexts_cap ? 2 * contexts_cap : 4096, k;
		struct context_count *grown = calloc(cap, sizeof(*grown));

		if (grown == NULL)
			abort();
		for (k = 0; k < contexts_cap; k++)
			if (contexts[k].hash != 0) {
				i = (size_t)contexts[k].hash & (cap - 1);
				while (grown[i].hash != 0)
					i = (i + 1) & (cap - 1);
				grown[i] = contexts[k];
			}
		free(contexts);
		contexts = grown;
		contexts_cap = cap;
	}
	for (i = (size_t)hash & (contexts_cap - 1); contexts[i].hash != 0;
	    i = (i + 1) & (contexts_cap - 1))
		if (contexts[i].hash == hash)
			return &contexts[i].tried;
	contexts[i].hash = hash;
	contexts_len++;
	return &contexts[i].tried;
}

/* Whether the sweep fails this allocation. */
static int
sweep_tries(void)
{
	unsigned long *tries;

	if (count % sweep_every != 0)
		return 0;
	if (per_context == 0)
		return 1;
	tries = context_tries(context_hash());
	if (*tries >= per_context) {
		skipped++;
		return 0;
	}
	++*tries;
	return 1;
}

/* The output folder's names, sorted, one per line. */
static void
list_dir(char *out, size_t size)
{
	struct dirent **names;
	int n, i;
	size_t len = 0;

	out[0] = '\0';
	if ((n = scandir(sweep_dir, &names, NULL, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' || (strcmp(names[i]->d_name, ".") &&
		    strcmp(names[i]->d_name, "..")))
			len += (size_t)snprintf(out + len, len < size ? size - len : 0,
			    "%s\n", names[i]->d_name);
		free(names[i]);
	}
	free(names);
}

static int
file_has(const char *path, const char *needle)
{
	char buf[65536];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strstr(buf, needle) != NULL;
}

static void
report_bad(const char *why)
{
	char line[512];
	FILE *f = fopen(stderr_file, "r");

	bad++;
	fprintf(stderr, "oom: allocation %lu: %s\n", count, why);
	while (f != NULL && fgets(line, sizeof(line), f) != NULL)
		fprintf(stderr, "oom:   %s", line);
	if (f != NULL)
		fclose(f);
}

/* In the child, last: everything of ours must have been freed. */
static void
child_exit(void)
{
	if (live_len != 0) {
		fprintf(stderr, "oom: %zu allocations never freed\n", live_len);
		fflush(stderr);
		_exit(98);
	}
}

static int
listed(const char *listing, const char *name, size_t len)
{
	const char *end;

	for (; (end = strchr(listing, '\n')) != NULL; listing = end + 1)
		if ((size_t)(end - listing) == len &&
		    memcmp(listing, name, len) == 0)
			return 1;
	return 0;
}

/* Moves the files of the output folder that are not in listing_before
 * to DIR.survivors/N-NAME. */
static void
keep_new_files(const char *after)
{
	const char *line = after, *end;
	char from[4500], to[4600];

	for (; (end = strchr(line, '\n')) != NULL; line = end + 1) {
		int len = (int)(end - line);

		if (listed(listing_before, line, (size_t)len))
			continue;
		snprintf(to, sizeof(to), "%s.survivors", sweep_dir);
		mkdir(to, 0700);
		snprintf(from, sizeof(from), "%s/%.*s", sweep_dir, len, line);
		snprintf(to, sizeof(to), "%s.survivors/%lu-%.*s", sweep_dir,
		    count, len, line);
		if (rename(from, to) != 0)
			report_bad("cannot keep its output");
	}
}

static int
same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	int ca = 0, cb = 1, same;

	if (fa != NULL && fb != NULL)
		do {
			ca = getc(fa);
			cb = getc(fb);
		} while (ca == cb && ca != EOF);
	same = ca == cb;
	if (fa != NULL)
		fclose(fa);
	if (fb != NULL)
		fclose(fb);
	return same;
}

/* Every survivor's output must be the parent's, byte for byte. */
static void
judge_survivors(void)
{
	char dir[4200], path[4600], final[4600];
	struct dirent *e;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s.survivors", sweep_dir);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *name = strchr(e->d_name, '-');

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		snprintf(final, sizeof(final), "%s/%s", sweep_dir,
		    name != NULL ? name + 1 : "");
		if (name == NULL || !same_bytes(path, final)) {
			/* Counted as survived when it exited 0; it is bad
			 * instead (a sweep renders one file per run). */
			if (survived > 0)
				survived--;
			bad++;
			fprintf(stderr, "oom: allocation %.*s: survived, but "
			    "wrote %s unlike the run without failure\n",
			    name != NULL ? (int)(name - e->d_name) : 0, e->d_name,
			    name != NULL ? name + 1 : e->d_name);
		}
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static void
judge(int status)
{
	char after[sizeof(listing_before)];

	list_dir(after, sizeof(after));
	if (WIFSIGNALED(status)) {
		report_bad("crashed");
		return;
	}
	switch (WEXITSTATUS(status)) {
	case 2:
		if (strcmp(after, listing_before) != 0)
			report_bad("left a file in the output folder");
		else if (!file_has(stderr_file, "out of memory"))
			report_bad("failed without saying out of memory");
		else
			clean++;
		return;
	case 0:
		/* Survived: nothing of the output may depend on that
		 * allocation. Judged at the parent's exit, against its own
		 * output; what the child wrote waits in DIR.survivors. */
		survived++;
		keep_new_files(after);
		return;
	case 98:
		report_bad("leaked");
		return;
	default:
		report_bad("exited with an unexpected status");
	}
}

/* At each allocation of the parent: fork a child in which it fails.
 * Returns nonzero in the child. */
static int
sweep_fork(void)
{
	pid_t pid;
	int status;

	fflush(NULL);
	list_dir(listing_before, sizeof(listing_before));
	if ((pid = fork()) < 0)
		abort();
	if (pid == 0) {
		int fd;

		in_child = 1;
		if ((fd = open(stderr_file, O_WRONLY | O_CREAT | O_TRUNC,
		    0600)) < 0 || dup2(fd, 2) < 0)
			_exit(96);
		close(fd);
		atexit(child_exit);
		return 1;
	}
	while (waitpid(pid, &status, 0) < 0)
		;
	judge(status);
	return 0;
}

static void
sweep_summary(void)
{
	if (in_child)
		return;
	judge_survivors();
	fprintf(stderr, "oom: %lu allocations, %lu failed one at a time: %lu "
	    "clean errors, %lu survived, %lu bad; %zu of ours left at exit\n",
	    count, clean + survived + bad, clean, survived, bad, live_len);
	if (per_context > 0)
		fprintf(stderr, "oom: %zu contexts, each failed up to %lu times; "
		    "%lu allocations of contexts already tried skipped\n",
		    contexts_len, per_context, skipped);
	unlink(stderr_file);
	if (bad != 0 || live_len != 0) {
		fflush(stderr);
		_exit(97);
	}
}

static void
write_count_at_exit(void)
{
	FILE *f = fopen(count_file, "w");

	if (f != NULL) {
		fprintf(f, "%lu\n", count);
		fclose(f);
	}
}

static void
start(void)
{
	const char *n = getenv("KESSAN_FAIL_ALLOCATION");

	started = 1;
	fail_at = n != NULL ? strtoul(n, NULL, 10) : 0;
	if ((count_file = getenv("KESSAN_COUNT_ALLOCATIONS")) != NULL)
		atexit(write_count_at_exit);
	if ((sweep_dir = getenv("KESSAN_OOM_SWEEP")) != NULL) {
		const char *every = getenv("KESSAN_OOM_EVERY");

		const char *k = getenv("KESSAN_OOM_PER_CONTEXT");

		if (every != NULL && strtoul(every, NULL, 10) > 0)
			sweep_every = strtoul(every, NULL, 10);
		if (k != NULL)
			per_context = strtoul(k, NULL, 10);
		snprintf(stderr_file, sizeof(stderr_file), "%s.stderr",
		    sweep_dir);
		atexit(sweep_summary);
	}
}

/* Counts one allocation; nonzero when this one must fail. */
static int
must_fail(void)
{
	if (!started)
		start();
	count++;
	if (sweep_dir != NULL && !in_child)
		return sweep_tries() && sweep_fork();
	return count == fail_at;
}

void *
inject_malloc(size_t size)
{
	void *p;

	if (must_fail())
		return NULL;
	live_add(p = malloc(size));
	return p;
}

void *
inject_calloc(size_t n, size_t size)
{
	void *p;

	if (must_fail())
		return NULL;
	live_add(p = calloc(n, size));
	return p;
}

void *
inject_realloc(void *old, size_t size)
{
	uintptr_t was = (uintptr_t)old;
	void *p;

	if (must_fail())
		return NULL;
	/* Out of the set first: old must not be looked at after realloc. */
	live_remove(old);
	if ((p = realloc(old, size)) == NULL && size != 0)
		live_add_address(was);
	else
		live_add(p);
	return p;
}

char *
inject_strdup(const char *s)
{
	char *p;

	if (must_fail())
		return NULL;
	live_add(p = strdup(s));
	return p;
}

char *
inject_strndup(const char *s, size_t n)
{
	char *p;

	if (must_fail())
		return NULL;
	live_add(p = strndup(s, n));
	return p;
}

void
inject_free(void *p)
{
	live_remove(p);
	free(p);
}
