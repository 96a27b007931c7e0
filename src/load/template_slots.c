/*
 * The narrative slots and authored footnotes the templates use: what a
 * period's narrative must provide, and what it may hold. A slot or
 * footnote no template of a release's layout uses is never printed.
 */
#include "template.h"

#include <stdlib.h>
#include <string.h>

static void
each_slot_message(const struct tpl_message *m, const char *file,
    unsigned langs, slot_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < m->nargs; i++)
		if (m->args[i].source == ARG_SLOT && m->args[i].name != NULL)
			fn(arg, TPL_SLOT_INLINE, m->args[i].name, file,
			    m->args[i].line, m->args[i].index == 1, langs);
}

static void
each_slot_blocks(const struct tpl_block *blocks, size_t n, const char *file,
    unsigned langs, slot_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tpl_block *b = &blocks[i];

		if (b->kind == TPL_NARRATIVE && b->name != NULL)
			fn(arg, TPL_SLOT_BLOCK, b->name, file, b->line, b->optional,
			    langs);
		else if (b->kind == TPL_FN && b->name != NULL)
			fn(arg, TPL_SLOT_FOOTNOTE, b->name, file, b->line, 1, langs);
		each_slot_message(&b->message, file, langs, fn, arg);
		each_slot_blocks(b->children, b->nchildren, file, langs, fn, arg);
	}
}

/* Every template and table, in the languages the masks give (NULL: all);
 * one a mask leaves out is skipped. A table's notes may quote a slot
 * ("4Q03 includes …"). */
static void
each_slot(const struct template_set *set, const unsigned *template_langs,
    const unsigned *table_langs, slot_fn fn, void *arg)
{
	size_t i, r, k;
	unsigned langs;

	for (i = 0; i < set->ntemplates; i++) {
		langs = template_langs != NULL ? template_langs[i] : ~0u;
		if (langs != 0)
			each_slot_blocks(set->templates[i].blocks,
			    set->templates[i].nblocks, set->templates[i].file, langs,
			    fn, arg);
	}
	for (i = 0; i < set->ntables; i++) {
		langs = table_langs != NULL ? table_langs[i] : ~0u;
		for (r = 0; langs != 0 && r < set->tables[i].nrows; r++)
			for (k = 0; k < set->tables[i].rows[r].nnotes; k++)
				each_slot_message(&set->tables[i].rows[r].notes[k],
				    set->tables[i].file, langs, fn, arg);
	}
}

void
templates_each_slot(const struct template_set *set, slot_fn fn, void *arg)
{
	each_slot(set, NULL, NULL, fn, arg);
}

int
templates_each_slot_lang(const struct template_set *set, slot_fn fn,
    void *arg)
{
	unsigned *template_langs, *table_langs;

	if (templates_reach(set, &template_langs, &table_langs) != 0)
		return -1;
	each_slot(set, template_langs, table_langs, fn, arg);
	free(template_langs);
	free(table_langs);
	return 0;
}

struct find_slot {
	const char *id;
	int footnote;
	int found;
};

static void
find_slot(void *arg, enum tpl_slot_kind kind, const char *id,
    const char *file, int line, int optional, unsigned langs)
{
	struct find_slot *f = arg;

	(void)file;
	(void)line;
	(void)optional;
	(void)langs;
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
