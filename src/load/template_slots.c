/*
 * The narrative slots and authored footnotes the templates use: what a
 * period's narrative must provide, and what it may hold. A slot or
 * footnote no template of a release's layout uses is never printed.
 */
#include "template.h"

#include <string.h>

static void
each_slot_message(const struct tpl_message *m, const char *file,
    slot_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < m->nargs; i++)
		if (m->args[i].source == ARG_SLOT && m->args[i].name != NULL)
			fn(arg, TPL_SLOT_INLINE, m->args[i].name, file,
			    m->args[i].line, m->args[i].index == 1);
}

static void
each_slot_blocks(const struct tpl_block *blocks, size_t n, const char *file,
    slot_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tpl_block *b = &blocks[i];

		if (b->kind == TPL_NARRATIVE && b->name != NULL)
			fn(arg, TPL_SLOT_BLOCK, b->name, file, b->line, b->optional);
		else if (b->kind == TPL_FN && b->name != NULL)
			fn(arg, TPL_SLOT_FOOTNOTE, b->name, file, b->line, 1);
		each_slot_message(&b->message, file, fn, arg);
		each_slot_blocks(b->children, b->nchildren, file, fn, arg);
	}
}

void
templates_each_slot(const struct template_set *set, slot_fn fn, void *arg)
{
	size_t i, r, k;

	for (i = 0; i < set->ntemplates; i++)
		each_slot_blocks(set->templates[i].blocks,
		    set->templates[i].nblocks, set->templates[i].file, fn, arg);
	for (i = 0; i < set->ntables; i++)
		for (r = 0; r < set->tables[i].nrows; r++)
			for (k = 0; k < set->tables[i].rows[r].nnotes; k++)
				each_slot_message(&set->tables[i].rows[r].notes[k],
				    set->tables[i].file, fn, arg);
}

struct find_slot {
	const char *id;
	int footnote;
	int found;
};

static void
find_slot(void *arg, enum tpl_slot_kind kind, const char *id,
    const char *file, int line, int optional)
{
	struct find_slot *f = arg;

	(void)file;
	(void)line;
	(void)optional;
	if ((kind == TPL_SLOT_FOOTNOTE) == f->footnote && strcmp(id, f->id) == 0)
		f->found = 1;
}

int
templates_use_slot(const struct template_set *set, const char *id,
    int footnote)
{
	struct find_slot f;

	f.id = id;
	f.footnote = footnote;
	f.found = 0;
	templates_each_slot(set, find_slot, &f);
	return f.found;
}
