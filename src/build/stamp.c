/* The build's stamp: see stamp.h. */
#include "stamp.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper than any book; also what stops a loop of symbolic links. */
#define MAX_DEPTH 16

void
stamp_begin(struct stamp *s, const char *key, const char *skip,
    long long since_ns)
{
	struct stat st;

	memset(s, 0, sizeof(*s));
	if (skip != NULL && stat(skip, &st) == 0) {
		s->skip_dev = st.st_dev;
		s->skip_ino = st.st_ino;
	}
	/* A file written twice within its clock's granularity keeps its
	 * time: one changed two seconds before the build is not trusted. */
	s->recent_ns = since_ns - 2000000000LL;
	if (strchr(key, '\n') != NULL)
		s->failed = 1;
	buffer_printf(&s->text, "kessan-stamp 1\t%s\n", key);
}

static long long
mtime_ns(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

static void
put_entry(struct stamp *s, const char *kind, const struct stat *st,
    const char *name, int ours)
{
	if (strchr(name, '\n') != NULL)
		s->failed = 1;
	if (!ours && mtime_ns(st) > s->recent_ns)
		s->racy = 1;
	buffer_printf(&s->text, "\t%s\t%lld\t%lld\t%s\n", kind,
	    (long long)st->st_size, mtime_ns(st), name);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(struct stamp *s, const char *dir, const char *rel, int recursive,
    int depth)
{
	char **names = NULL, **grown, path[4096], sub[4096];
	size_t n = 0, i;
	struct dirent *e;
	struct stat st;
	DIR *d;

	if (depth > MAX_DEPTH || (d = opendir(dir)) == NULL) {
		s->failed = 1;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((grown = array_grow(names, n, sizeof(*names))) == NULL ||
		    (grown[n] = strdup(e->d_name)) == NULL) {
			if (grown != NULL)
				names = grown;
			s->failed = 1;
			break;
		}
		names = grown;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n && !s->failed; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel != '\0' ? "/" : "",
		    names[i]);
		if (stat(path, &st) != 0)
			put_entry(s, "gone", &(struct stat){ 0 }, sub, 0);
		else if (!S_ISDIR(st.st_mode))
			put_entry(s, "f", &st, sub, 0);
		else if (st.st_dev == s->skip_dev && st.st_ino == s->skip_ino)
			continue;
		else {
			/* A folder's time changes with its names: walked or not,
			 * its name is enough. */
			buffer_printf(&s->text, "\td\t%s\n", sub);
			if (recursive && names[i][0] != '.')
				walk(s, path, sub, 1, depth + 1);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

void
stamp_tree(struct stamp *s, const char *dir, int recursive)
{
	buffer_printf(&s->text, "%s\t%s\n", recursive ? "tree" : "folder", dir);
	if (strchr(dir, '\n') != NULL)
		s->failed = 1;
	walk(s, dir, "", recursive, 0);
}

void
stamp_file(struct stamp *s, const char *path, int ours)
{
	struct stat st;

	buffer_printf(&s->text, "file\t%s\n", path);
	if (strchr(path, '\n') != NULL || stat(path, &st) != 0)
		s->failed = 1;
	else
		put_entry(s, "f", &st, "", ours);
}

int
stamp_matches(const char *old, const char *key, const char *skip)
{
	struct stamp now;
	const char *line, *end;
	int same;

	stamp_begin(&now, key, skip, 0);
	/* Past the key line, each directive is made again. */
	for (line = strchr(old, '\n'); line != NULL && line[1] != '\0' &&
	    !now.failed; line = end) {
		char arg[4096];
		size_t len;

		line++;
		if ((end = strchr(line, '\n')) == NULL)
			break;
		if (*line == '\t')
			continue;
		len = (size_t)(end - line);
		if (len >= sizeof(arg))
			now.failed = 1;
		else if (strncmp(line, "tree\t", 5) == 0 ||
		    strncmp(line, "folder\t", 7) == 0) {
			int recursive = *line == 't';
			size_t skip_len = recursive ? 5 : 7;
			memcpy(arg, line + skip_len, len - skip_len);
			arg[len - skip_len] = '\0';
			stamp_tree(&now, arg, recursive);
		} else if (strncmp(line, "file\t", 5) == 0) {
			memcpy(arg, line + 5, len - 5);
			arg[len - 5] = '\0';
			stamp_file(&now, arg, 1);
		} else
			now.failed = 1;
	}
	same = !now.failed && !now.text.failed && now.text.data != NULL &&
	    strcmp(now.text.data, old) == 0;
	stamp_free(&now);
	return same;
}

void
stamp_free(struct stamp *s)
{
	buffer_free(&s->text);
}
