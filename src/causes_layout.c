#include "causes_layout.h"

#include <stdlib.h>
#include <string.h>

#include "load/catalog.h"
#include "util/buffer.h"
#include "util/readfile.h"

/* A template file larger than this is compared as changed. */
#define TEMPLATE_LIMIT (16u << 20)

/* ---- catalog messages ---- */

static void
message_cause(struct finder *f, struct catalog *oc, const struct message *a,
    const struct message *b, enum lang l)
{
	const struct message *m = a != NULL ? a : b;
	struct try *t = causes_add(f, CAUSE_MESSAGE,
	    strdup(a != NULL ? a->pattern : ""), strdup(b != NULL ? b->pattern :
	    ""), "%s:%s", lang_code(l), m->key);

	if (t == NULL)
		return;
	/* A key one side lacks leaves nothing to swap: by elimination. */
	t->kind = a != NULL && b != NULL ? TRY_MESSAGE : TRY_NONE;
	t->catalog = oc;
	t->message = b;
	t->old_at = a != NULL ? (int)(a - oc->messages) : -1;
}

/* Both catalogs are sorted by key: walked side by side. */
static void
find_messages(struct finder *f, struct catalog *oc, const struct catalog *nc,
    enum lang l)
{
	size_t i = 0, k = 0;

	while ((i < oc->nmessages || k < nc->nmessages) && !f->failed) {
		const struct message *a = i < oc->nmessages ? &oc->messages[i] : NULL;
		const struct message *b = k < nc->nmessages ? &nc->messages[k] : NULL;
		int cmp = a == NULL ? 1 : b == NULL ? -1 : strcmp(a->key, b->key);

		if (cmp == 0 && strcmp(a->pattern, b->pattern) != 0)
			message_cause(f, oc, a, b, l);
		else if (cmp != 0)
			message_cause(f, oc, cmp < 0 ? a : NULL, cmp > 0 ? b : NULL, l);
		i += cmp <= 0;
		k += cmp >= 0;
	}
}

/* ---- template files ---- */

struct file_list {
	char **labels;
	char **paths;
	size_t n;
	int failed;
};

static void
collect(void *arg, const char *label, const char *path)
{
	struct file_list *fl = arg;
	char **labels, **paths;

	if (fl->failed || strstr(label, "templates/") == NULL)
		return;
	labels = array_grow(fl->labels, fl->n, sizeof(*labels));
	if (labels != NULL)
		fl->labels = labels;
	paths = array_grow(fl->paths, fl->n, sizeof(*paths));
	if (paths != NULL)
		fl->paths = paths;
	if (labels == NULL || paths == NULL) {
		fl->failed = 1;
		return;
	}
	fl->labels[fl->n] = strdup(label);
	fl->paths[fl->n] = strdup(path);
	if (fl->labels[fl->n] == NULL || fl->paths[fl->n] == NULL) {
		free(fl->labels[fl->n]);
		free(fl->paths[fl->n]);
		fl->failed = 1;
		return;
	}
	fl->n++;
}

static void
file_list_free(struct file_list *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++) {
		free(fl->labels[i]);
		free(fl->paths[i]);
	}
	free(fl->labels);
	free(fl->paths);
}

/* A template file's name in its set: a layout's file takes the place of
 * kessan's of the same name. */
static const char *
file_name(const char *label)
{
	const char *slash = strrchr(label, '/');

	return slash != NULL ? slash + 1 : label;
}

static long
find_label(const struct file_list *fl, const char *label)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		if (strcmp(file_name(fl->labels[i]), file_name(label)) == 0)
			return (long)i;
	return -1;
}

static int
same_bytes(const char *a, const char *b)
{
	unsigned char *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0;
	char err[128];
	int same;

	same = read_regular_file(a, TEMPLATE_LIMIT, &x, &nx, err,
	    sizeof(err)) == 0 && read_regular_file(b, TEMPLATE_LIMIT, &y, &ny,
	    err, sizeof(err)) == 0 && nx == ny && memcmp(x, y, nx) == 0;
	free(x);
	free(y);
	return same;
}

/* Named by the new side's file; its values say which file each side
 * read when that moved (kessan's → the layout's), else how it changed. */
static void
template_cause(struct finder *f, const struct file_list *a, long i,
    const struct file_list *b, long k)
{
	const char *label = k >= 0 ? b->labels[k] : a->labels[i];
	int moved = i >= 0 && k >= 0 && strcmp(a->labels[i], b->labels[k]) != 0;
	struct try *t = causes_add(f, CAUSE_TEMPLATE,
	    strdup(i < 0 ? "(none)" : moved ? a->labels[i] : "(as it was)"),
	    strdup(k < 0 ? "(none)" : moved ? b->labels[k] : "(changed)"),
	    "%s", label);

	if (t != NULL)
		t->kind = TRY_NONE;
}

/* Whether the two books list the same facts in the same order: a
 * template set resolved against one then reads the other alike. */
static int
same_facts(const struct book *a, const struct book *b)
{
	size_t i;

	if (a->nfacts != b->nfacts)
		return 0;
	for (i = 0; i < a->nfacts; i++)
		if (strcmp(a->facts[i].id, b->facts[i].id) != 0)
			return 0;
	return 1;
}

static void
find_templates(struct finder *f, struct render_env *old,
    struct render_env *new, const char *period, struct template_set **ot,
    struct template_set *nt)
{
	struct file_list a, b;
	struct diag_list quiet;
	size_t i, first = f->n;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&quiet, 0, sizeof(quiet));
	if (render_env_each_input(old, period_layout(f->old,
	    book_period_by_id(f->old, period)), FORMAT_TEXT, collect, &a,
	    &quiet) != 0 || render_env_each_input(new, period_layout(f->new,
	    book_period_by_id(f->new, period)), FORMAT_TEXT, collect, &b,
	    &quiet) != 0)
		goto out;
	if (a.failed || b.failed) {
		f->failed = 1;
		goto out;
	}
	for (i = 0; i < b.n && !f->failed; i++) {
		long k = find_label(&a, b.labels[i]);

		if (k < 0 || !same_bytes(a.paths[k], b.paths[i]))
			template_cause(f, &a, k, &b, (long)i);
	}
	for (i = 0; i < a.n && !f->failed; i++)
		if (find_label(&b, a.labels[i]) < 0)
			template_cause(f, &a, (long)i, &b, -1);
	/* One file changed: the new set is the old one with it alone. */
	if (!f->failed && f->n == first + 1 && same_facts(f->old, f->new)) {
		f->tries[first].kind = TRY_TEMPLATE;
		f->tries[first].templates = ot;
		f->tries[first].new_templates = nt;
	}
out:
	diag_list_free(&quiet);
	file_list_free(&a);
	file_list_free(&b);
}

void
causes_find_layout(struct finder *f, struct render_env *old,
    struct render_env *new, const char *period)
{
	struct template_set **ot, **nt;
	struct catalog **oc, **nc;
	struct diag_list quiet;
	int l, rc;

	memset(&quiet, 0, sizeof(quiet));
	rc = render_env_parts(old, period, &ot, &oc, &quiet) != 0 ||
	    render_env_parts(new, period, &nt, &nc, &quiet) != 0;
	diag_list_free(&quiet);
	if (rc != 0)
		return;
	for (l = 0; l < LANG_MAX && !f->failed; l++)
		find_messages(f, oc[l], nc[l], (enum lang)l);
	if (!f->failed && *ot != *nt)
		find_templates(f, old, new, period, ot, *nt);
}

int
causes_layout_apply(struct try *t)
{
	struct message *m;

	switch (t->kind) {
	case TRY_MESSAGE:
		m = &t->catalog->messages[t->old_at];
		if ((t->saved = malloc(sizeof(*m))) == NULL)
			return -1;
		memcpy(t->saved, m, sizeof(*m));
		t->target = m;
		t->size = sizeof(*m);
		m->pattern = t->message->pattern;
		m->nargs = t->message->nargs;
		m->args = t->message->args;
		catalog_forget(t->catalog, m);
		return 0;
	case TRY_TEMPLATE:
		if ((t->saved = malloc(sizeof(*t->templates))) == NULL)
			return -1;
		memcpy(t->saved, t->templates, sizeof(*t->templates));
		t->target = t->templates;
		t->size = sizeof(*t->templates);
		*t->templates = t->new_templates;
		return 0;
	default:
		return -1;
	}
}

void
causes_layout_undo(struct try *t)
{
	if (t->kind == TRY_MESSAGE && t->saved != NULL) {
		memcpy(t->target, t->saved, t->size);
		catalog_forget(t->catalog, t->target);
	} else if (t->saved != NULL)
		memcpy(t->target, t->saved, t->size);
	free(t->saved);
	t->saved = NULL;
}
