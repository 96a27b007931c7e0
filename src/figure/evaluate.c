/*
 * Expressions evaluated for a release: the quarters read are noted for
 * the build's dependencies, the facts read for the figure, and a quarter
 * or fact the book lacks is reported once, at the template's line.
 */
#include "figure.h"

#include <stdarg.h>
#include <stdio.h>

void
figure_error(struct figure_env *env, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(env->diags, DIAG_FATAL, env->file, line, fmt, ap);
	va_end(ap);
	env->failed = 1;
}

struct eval_track {
	int present;   /* a fact that exists was used */
	struct build_deps *deps;
	struct figure *sources;
	int viewpoint;   /* the release the facts are seen from */
};

static void
track_fact(void *arg, const struct lookup *found)
{
	struct eval_track *t = arg;
	struct figure *f = t->sources;

	if (!found->absent)
		t->present = 1;
	if (f != NULL && f->nsources < FIGURE_MAX_SOURCES) {
		struct figure_source *s = &f->sources[f->nsources++];
		s->fact = found->fact;
		s->ordinal = found->ordinal;
		s->file = found->file;
		s->line = found->line;
		s->restated = found->restated;
	}
}

static void
track_lookup(void *arg, const struct lookup *tried)
{
	struct eval_track *t = arg;

	build_deps_read(t->deps, tried->ordinal, t->viewpoint, tried->fact);
}

void
build_deps_whole(struct build_deps *deps, int ordinal)
{
	size_t i;

	if (deps == NULL)
		return;
	for (i = 0; i < deps->n; i++)
		if (deps->ordinals[i] == ordinal)
			return;
	/* Past the limit the build cannot know the quarter: the worker
	 * reports the document as reading too much (build/reads.c). */
	if (deps->n < BUILD_MAX_DEPS)
		deps->ordinals[deps->n] = ordinal;
	deps->n++;
}

void
build_deps_read(struct build_deps *deps, int ordinal, int viewpoint,
    size_t fact)
{
	const size_t mask = sizeof(deps->seen) / sizeof(deps->seen[0]) - 1;
	size_t slot;

	if (deps == NULL)
		return;
	/* A document reads the same cells again and again: each read is
	 * found by its hash, the table never more than half full. */
	slot = ((size_t)(unsigned)ordinal * 0x9E3779B1u ^
	    (size_t)(unsigned)viewpoint * 0x85EBCA6Bu ^ fact * 0xC2B2AE35u) & mask;
	for (; deps->seen[slot] != 0; slot = (slot + 1) & mask) {
		const struct build_read *r = &deps->reads[deps->seen[slot] - 1];

		if (r->ordinal == ordinal && r->fact == fact &&
		    r->viewpoint == viewpoint)
			return;
	}
	if (deps->nreads < BUILD_MAX_READS) {
		struct build_read *r = &deps->reads[deps->nreads++];
		r->ordinal = ordinal;
		r->viewpoint = viewpoint;
		r->fact = fact;
		deps->seen[slot] = (unsigned short)deps->nreads;
	} else
		build_deps_whole(deps, ordinal);   /* too many: the whole file */
}

enum eval_status
figure_evaluate(struct figure_env *env, const struct expr *e, int offset,
    int line, struct rat *value, int *absent, struct figure *sources)
{
	struct eval_track track = { 0, env->deps, sources,
	    env->release->ordinal };
	struct eval_ctx ctx = figure_eval_context(env->book,
	    env->release->ordinal + offset, env->release->ordinal);
	struct eval_result r;

	ctx.on_fact = track_fact;
	ctx.on_lookup = track_lookup;
	ctx.arg = &track;
	expr_eval(e, &ctx, &r);
	if (absent != NULL)
		*absent = !track.present;
	*value = r.value;
	if (r.status == EVAL_MISSING && r.missing.status == LOOKUP_NO_PERIOD) {
		size_t i;
		for (i = 0; i < env->nmissing; i++)
			if (env->missing_reported[i] == r.missing.ordinal) {
				env->failed = 1;
				return r.status;
			}
		if (env->nmissing < sizeof(env->missing_reported) / sizeof(int))
			env->missing_reported[env->nmissing++] = r.missing.ordinal;
	}
	if (r.status == EVAL_MISSING) {
		char other[16];
		int year, quarter;

		fiscal_from_ordinal(r.missing.ordinal, &year, &quarter);
		period_id_format(year, quarter, other, sizeof(other));
		figure_error(env, line, "release %s needs %s of %s, which %s",
		    env->release->id, env->book->facts[r.missing.fact].id, other,
		    r.missing.status == LOOKUP_NO_PERIOD ?
		    "has no period file in the book" : "that period does not record");
	} else if (r.status != EVAL_OK && r.status != EVAL_NOT_MEANINGFUL &&
	    r.status != EVAL_DIV_ZERO) {
		figure_error(env, line, "release %s: %s", env->release->id,
		    eval_status_name(r.status));
	}
	return r.status;
}
