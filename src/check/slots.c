/* Narrative slots and footnotes no template uses (see slots.h). */
#include "slots.h"

#include <stdlib.h>
#include <string.h>

#include "../util/suggest.h"

/* One slot or footnote a template uses, where. */
struct wanted {
	enum tpl_slot_kind kind;
	const char *id;
	const char *file;
	int line;
};

struct wanted_list {
	struct wanted *items;
	size_t len;
	size_t cap;
	int failed;
};

static void
add_wanted(void *arg, enum tpl_slot_kind kind, const char *id,
    const char *file, int line, int optional, unsigned langs)
{
	struct wanted_list *w = arg;

	(void)optional;
	(void)langs;
	if (w->failed)
		return;
	if (w->len == w->cap) {
		size_t cap = w->cap > 0 ? 2 * w->cap : 64;
		struct wanted *items = realloc(w->items, cap * sizeof(*items));

		if (items == NULL) {
			w->failed = 1;
			return;
		}
		w->items = items;
		w->cap = cap;
	}
	w->items[w->len].kind = kind;
	w->items[w->len].id = id;
	w->items[w->len].file = file;
	w->items[w->len].line = line;
	w->len++;
}

/* The first place the templates use id (as a footnote or as a slot). */
static const struct wanted *
find_wanted(const struct wanted_list *w, const char *id, int footnote)
{
	size_t i;

	for (i = 0; i < w->len; i++)
		if ((w->items[i].kind == TPL_SLOT_FOOTNOTE) == footnote &&
		    strcmp(w->items[i].id, id) == 0)
			return &w->items[i];
	return NULL;
}

/* The candidates for a suggestion: what the templates use of one kind,
 * and, when missing_only, only what the narrative lacks. */
struct candidates {
	const struct wanted_list *w;
	const struct period *p;
	enum lang lang;
	int footnote;
	int missing_only;
};

static const char *
candidate_at(const void *ctx, size_t i)
{
	const struct candidates *c = ctx;
	const struct wanted *w = &c->w->items[i];

	if ((w->kind == TPL_SLOT_FOOTNOTE) != c->footnote)
		return NULL;
	if (c->missing_only && (c->footnote ?
	    period_note(c->p, c->lang, w->id) != NULL :
	    period_slot(c->p, c->lang, w->id) != NULL))
		return NULL;
	return w->id;
}

static const struct wanted *
closest_wanted(const struct wanted_list *w, const struct period *p,
    enum lang lang, const char *id, int footnote)
{
	struct candidates c;
	const char *near;

	c.w = w;
	c.p = p;
	c.lang = lang;
	c.footnote = footnote;
	c.missing_only = 1;
	near = suggest_closest(id, candidate_at, &c, w->len);
	if (near == NULL) {
		c.missing_only = 0;
		near = suggest_closest(id, candidate_at, &c, w->len);
	}
	return near != NULL ? find_wanted(w, near, footnote) : NULL;
}

/* Whether run (or a run inside it) refers to footnote id. */
static int
run_cites(const struct run *run, const char *id)
{
	size_t i;

	if (run->kind == RUN_NOTE && run->text != NULL &&
	    strcmp(run->text, id) == 0)
		return 1;
	for (i = 0; i < run->nchildren; i++)
		if (run_cites(&run->children[i], id))
			return 1;
	return 0;
}

/* Whether the narrative's own text refers to footnote id. */
static int
narrative_cites(const struct narrative *n, const char *id)
{
	size_t s, k, i;

	for (s = 0; s < n->nslots; s++)
		for (k = 0; k < n->slots[s].nblocks; k++)
			for (i = 0; i < n->slots[s].blocks[k].nitems; i++)
				if (run_cites(&n->slots[s].blocks[k].items[i], id))
					return 1;
	for (k = 0; k < n->nnotes; k++)
		if (run_cites(&n->notes[k].content, id))
			return 1;
	return 0;
}

static void
report_unused(const struct template_set *templates,
    const struct wanted_list *w, const struct period *p, enum lang lang,
    const char *id, int line, int footnote, struct diag_list *diags)
{
	const struct wanted *near = closest_wanted(w, p, lang, id, footnote);
	const char *what = footnote ? "footnote" : "slot";
	const char *where = templates->layout_dir != NULL ?
	    templates->layout_dir : templates->dir;

	if (near != NULL)
		diag_add(diags, DIAG_ERROR, p->file, line, "the %s narrative's %s "
		    "'%s' is used by no template of the release, so it is never "
		    "printed; did you mean '%s' (used by %s:%d)?", lang_code(lang),
		    what, id, near->id, near->file, near->line);
	else
		diag_add(diags, DIAG_ERROR, p->file, line, "the %s narrative's %s "
		    "'%s' is used by no template of the release (%s), so it is "
		    "never printed: remove it, or place it in a template",
		    lang_code(lang), what, id, where != NULL ? where : "templates");
}

int
check_slots(const struct template_set *templates, const struct book *book,
    const struct period *p, struct diag_list *diags)
{
	struct wanted_list w = { NULL, 0, 0, 0 };
	int l, rc = 0;
	size_t i;

	templates_each_slot(templates, add_wanted, &w);
	if (w.failed) {
		free(w.items);
		diag_add(diags, DIAG_FATAL, book->dir, 0, "out of memory");
		return -1;
	}
	for (l = 0; l < LANG_MAX; l++) {
		const struct narrative *n = &p->narrative[l];

		if (!n->present)
			continue;
		for (i = 0; i < n->nslots; i++) {
			const struct slot *s = &n->slots[i];

			if (s->id == NULL || find_wanted(&w, s->id, 0) != NULL)
				continue;
			report_unused(templates, &w, p, (enum lang)l, s->id, s->line,
			    0, diags);
			rc = 1;
		}
		for (i = 0; i < n->nnotes; i++) {
			const struct authored_note *a = &n->notes[i];

			if (a->id == NULL || find_wanted(&w, a->id, 1) != NULL ||
			    narrative_cites(n, a->id))
				continue;
			report_unused(templates, &w, p, (enum lang)l, a->id, a->line,
			    1, diags);
			rc = 1;
		}
	}
	free(w.items);
	return rc;
}
