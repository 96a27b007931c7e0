#include "group.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"

/* Whether y, in another diff of the same old draft, is at x's place:
 * the same language, kind, old place and old words. */
static int
same_place(const struct change *x, const struct change *y)
{
	return x->lang == y->lang && x->kind == y->kind &&
	    strcmp(x->old_where, y->old_where) == 0 &&
	    strcmp(x->old_text, y->old_text) == 0;
}

/* y's change at x's place in diff a, or NULL. */
static const struct change *
find_place(const struct diff *a, const struct change *x)
{
	size_t i;

	for (i = 0; i < a->nchanges; i++)
		if (same_place(x, &a->changes[i]))
			return &a->changes[i];
	return NULL;
}

/* Whether diff a changes x's place at all: the same place, or, for
 * sentences, changed words that hold x's or lie in them (a cause alone
 * may change two neighbouring sentences as one span, or one of two). */
static int
touches(const struct diff *a, const struct change *x)
{
	size_t i;

	for (i = 0; i < a->nchanges; i++) {
		const struct change *y = &a->changes[i];

		if (same_place(x, y) || (x->kind == CHANGE_TEXT &&
		    y->kind == CHANGE_TEXT && x->lang == y->lang &&
		    strcmp(x->old_where, y->old_where) == 0 &&
		    x->old_text[0] != '\0' && y->old_text[0] != '\0' &&
		    (strstr(y->old_text, x->old_text) != NULL ||
		    strstr(x->old_text, y->old_text) != NULL)))
			return 1;
	}
	return 0;
}

/* The group called name of kind, appended when new; its index, or
 * (size_t)-1 out of memory. Takes name. */
static size_t
group_named(struct diff *d, enum cause_kind kind, char *name)
{
	struct change_cause *all, *g;
	size_t i;

	if (name == NULL)
		return (size_t)-1;
	for (i = 0; i < d->ncauses; i++)
		if (d->causes[i].kind == kind &&
		    strcmp(d->causes[i].name, name) == 0) {
			free(name);
			return i;
		}
	if ((all = array_grow(d->causes, d->ncauses, sizeof(*all))) == NULL) {
		free(name);
		return (size_t)-1;
	}
	d->causes = all;
	g = &all[d->ncauses];
	memset(g, 0, sizeof(*g));
	g->kind = kind;
	g->name = name;
	g->old_value = strdup("");
	g->new_value = strdup("");
	if (g->old_value == NULL || g->new_value == NULL) {
		free(g->old_value);
		free(g->new_value);
		free(name);
		return (size_t)-1;
	}
	return d->ncauses++;
}

/* What no tried cause touches, by elimination: the cause not tried
 * alone when there is one, the combined group of those not tried when
 * several, else "other". */
static size_t
untried_group(struct diff *d, size_t ncauses, const struct diff *alone)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t i, n = 0, last = 0;

	buffer_puts(&b, "");
	for (i = 0; i < ncauses; i++)
		if (alone[i].failed) {
			buffer_puts(&b, n++ > 0 ? " + " : "");
			buffer_puts(&b, d->causes[i].name);
			last = i;
		}
	if (n > 1)
		buffer_puts(&b, " (not tried alone)");
	if (b.failed || n <= 1) {
		free(b.data);
		return b.failed ? (size_t)-1 : n == 1 ? last :
		    group_named(d, CAUSE_OTHER,
		    strdup("no input tried alone explains these"));
	}
	return group_named(d, CAUSE_COMBINED, b.data);
}

/* The combined group of the causes whose own diffs touch x: "A + B". */
static size_t
combined_group(struct diff *d, size_t ncauses, const struct diff *alone,
    const struct change *x)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t i, n = 0;

	buffer_puts(&b, "");
	for (i = 0; i < ncauses; i++)
		if (!alone[i].failed && touches(&alone[i], x)) {
			buffer_puts(&b, n++ > 0 ? " + " : "");
			buffer_puts(&b, d->causes[i].name);
		}
	if (b.failed) {
		free(b.data);
		return (size_t)-1;
	}
	if (n == 0) {
		free(b.data);
		return untried_group(d, ncauses, alone);
	}
	/* One cause moved it, but not to what it became: the others did the
	 * rest (footing across their totals, a figure both feed). */
	if (n == 1)
		buffer_puts(&b, " with the other changes");
	if (b.failed) {
		free(b.data);
		return (size_t)-1;
	}
	return group_named(d, CAUSE_COMBINED, b.data);
}

int
diff_group(struct diff *d, struct change_cause *causes, size_t ncauses,
    const struct diff *alone)
{
	size_t i, k;

	d->causes = causes;
	d->ncauses = ncauses;
	for (i = 0; i < d->nchanges; i++) {
		struct change *x = &d->changes[i];
		size_t g = (size_t)-1;

		for (k = 0; k < ncauses && g == (size_t)-1; k++) {
			const struct change *y = alone[k].failed ? NULL :
			    find_place(&alone[k], x);

			if (y != NULL && strcmp(y->new_text, x->new_text) == 0)
				g = k;
		}
		if (g == (size_t)-1 &&
		    (g = combined_group(d, ncauses, alone, x)) == (size_t)-1) {
			d->failed = 1;
			return -1;
		}
		x->cause = g;
		d->causes[g].nchanges++;
	}
	return 0;
}

size_t
diff_mark_footing(struct diff *d, const struct diff *unfooted)
{
	size_t i, k, marked = 0;

	for (i = 0; i < d->nchanges; i++) {
		struct change *x = &d->changes[i];
		int moved = 0;

		if (x->kind != CHANGE_FIGURE)
			continue;
		/* The old figure differs there (rounded on its own): the place
		 * alone matches. */
		for (k = 0; k < unfooted->nchanges && !moved; k++) {
			const struct change *y = &unfooted->changes[k];

			moved = y->lang == x->lang && y->kind == x->kind &&
			    strcmp(y->old_where, x->old_where) == 0;
		}
		if (!moved) {
			x->footing_only = 1;
			marked++;
		}
	}
	return marked;
}
