/*
 * What the templates say to translators: every message they format, and
 * every catalog key with the languages it is rendered in, which follow
 * from the templates kessan renders in each language and what they
 * include and reference.
 */
#include "template.h"

#include <stdlib.h>
#include <string.h>

static void
each_key_message(const struct tpl_message *m, const char *file,
    unsigned langs, key_fn fn, void *arg)
{
	size_t i;

	if (m->key == NULL)
		return;
	fn(arg, m->key, file, m->line, langs);
	for (i = 0; i < m->nargs; i++)
		if (m->args[i].source == ARG_LABEL)
			fn(arg, m->args[i].name, file, m->args[i].line, langs);
}

static void
each_key_blocks(const struct tpl_block *blocks, size_t n, const char *file,
    unsigned langs, key_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < n; i++) {
		each_key_message(&blocks[i].message, file, langs, fn, arg);
		each_key_blocks(blocks[i].children, blocks[i].nchildren, file,
		    langs, fn, arg);
	}
}

static void
each_message_blocks(const struct tpl_block *blocks, size_t n,
    const char *file,
    void (*fn)(void *, const struct tpl_message *, const char *), void *arg)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (blocks[i].message.key != NULL)
			fn(arg, &blocks[i].message, file);
		each_message_blocks(blocks[i].children, blocks[i].nchildren, file,
		    fn, arg);
	}
}

void
templates_each_message(const struct template_set *set,
    void (*fn)(void *arg, const struct tpl_message *m, const char *file),
    void *arg)
{
	size_t i, r, k;

	for (i = 0; i < set->ntemplates; i++)
		each_message_blocks(set->templates[i].blocks,
		    set->templates[i].nblocks, set->templates[i].file, fn, arg);
	for (i = 0; i < set->ntables; i++)
		for (r = 0; r < set->tables[i].nrows; r++)
			for (k = 0; k < set->tables[i].rows[r].nnotes; k++)
				fn(arg, &set->tables[i].rows[r].notes[k],
				    set->tables[i].file);
}

/* The languages each template and table renders in, from the roots
 * kessan renders (template_roots) through includes (which may switch
 * language) and table and chart references. */
struct reach_langs {
	const struct template_set *set;
	unsigned *templates;
	unsigned *tables;
};

static void reach_template(struct reach_langs *r, size_t t, enum lang lang);

static void
reach_blocks(struct reach_langs *r, const struct tpl_block *blocks, size_t n,
    enum lang lang)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tpl_block *b = &blocks[i];
		const struct tpl_table *table;
		const struct tpl_template *tpl;

		if ((b->kind == TPL_TABLE || b->kind == TPL_CHART) &&
		    (table = templates_table(r->set, b->name)) != NULL)
			r->tables[table - r->set->tables] |= 1u << lang;
		else if (b->kind == TPL_INCLUDE &&
		    (tpl = templates_find(r->set, b->name)) != NULL)
			reach_template(r, (size_t)(tpl - r->set->templates), b->lang);
		reach_blocks(r, b->children, b->nchildren, lang);
	}
}

static void
reach_template(struct reach_langs *r, size_t t, enum lang lang)
{
	/* Seen in this language already (and so no cycle: load refuses
	 * include cycles, and this stops at a repeat anyway). */
	if (r->templates[t] & (1u << lang))
		return;
	r->templates[t] |= 1u << lang;
	reach_blocks(r, r->set->templates[t].blocks,
	    r->set->templates[t].nblocks, lang);
}

const struct template_root template_roots[] = {
	{ "release", LANG_EN }, { "summary", LANG_JA }, { "bilingual", LANG_EN },
	{ NULL, LANG_EN }
};

/* The languages of every template and table, from the roots. 0, or -1
 * out of memory. */
static int
reach_roots(struct reach_langs *r)
{
	const struct template_root *root;

	r->templates = calloc(r->set->ntemplates + 1, sizeof(*r->templates));
	r->tables = calloc(r->set->ntables + 1, sizeof(*r->tables));
	if (r->templates == NULL || r->tables == NULL) {
		free(r->templates);
		free(r->tables);
		return -1;
	}
	for (root = template_roots; root->id != NULL; root++) {
		const struct tpl_template *tpl = templates_find(r->set, root->id);

		if (tpl != NULL)
			reach_template(r, (size_t)(tpl - r->set->templates),
			    root->lang);
	}
	return 0;
}

int
templates_reach(const struct template_set *set, unsigned **templates,
    unsigned **tables)
{
	struct reach_langs r = { set, NULL, NULL };

	if (reach_roots(&r) != 0)
		return -1;
	*templates = r.templates;
	*tables = r.tables;
	return 0;
}

int
templates_each_key(const struct template_set *set, key_fn fn, void *arg)
{
	struct reach_langs r = { set, NULL, NULL };
	size_t i, row, c, k;

	if (reach_roots(&r) != 0)
		return -1;
	for (i = 0; i < set->ntemplates; i++)
		each_key_blocks(set->templates[i].blocks, set->templates[i].nblocks,
		    set->templates[i].file, r.templates[i], fn, arg);
	for (i = 0; i < set->ntables; i++) {
		const struct tpl_table *t = &set->tables[i];
		unsigned langs = r.tables[i];
		if (t->caption != NULL)
			fn(arg, t->caption, t->file, t->line, langs);
		if (t->unit_caption != NULL)
			fn(arg, t->unit_caption, t->file, t->line, langs);
		for (row = 0; row < t->nheader_rows; row++)
			for (c = 0; c < t->nheaders[row]; c++)
				if (t->headers[row][c].key != NULL)
					fn(arg, t->headers[row][c].key, t->file,
					    t->headers[row][c].line, langs);
		for (row = 0; row < t->nrows; row++) {
			fn(arg, t->rows[row].label, t->file, t->rows[row].line, langs);
			for (k = 0; k < t->rows[row].nnotes; k++)
				each_key_message(&t->rows[row].notes[k], t->file, langs,
				    fn, arg);
		}
	}
	free(r.templates);
	free(r.tables);
	return 0;
}
