/*
 * Walks a template and fills it from the book: every figure is evaluated
 * from full precision, rounded once, formatted through ICU, and placed in
 * the tree as text. Words come from the catalogs.
 */
#include "builder.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../util/suggest.h"

void
builder_error(struct builder *b, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(b->diags, DIAG_FATAL, file, line, fmt, ap);
	va_end(ap);
	b->figures.failed = 1;
}

/* The slots of a narrative that no template of the set uses, by index. */
struct unused_slots {
	const struct template_set *set;
	const struct narrative *n;
};

static const char *
unused_slot_at(const void *ctx, size_t i)
{
	const struct unused_slots *u = ctx;
	const char *id = u->n->slots[i].id;

	return id != NULL && !templates_use_slot(u->set, id, 0) ? id : NULL;
}

void
builder_missing_slot(struct builder *b, const char *id, int is_inline,
    int line)
{
	const struct period *p = b->in->period;
	const struct narrative *n = &p->narrative[b->lang];
	const struct slot *have = period_slot(p, b->lang, id);
	struct unused_slots u;
	const char *near;
	const char *code = lang_code(b->lang);

	if (!n->present) {
		builder_error(b, p->file, p->line, "%s has no %s narrative: "
		    "%s:%d needs its slot '%s'", p->id, code, b->file, line, id);
		return;
	}
	if (have != NULL) {
		/* There, but written as blocks where a sentence joins it. */
		builder_error(b, p->file, have->line, "the %s narrative's slot "
		    "'%s' is not inline, but %s:%d joins it into a sentence: "
		    "write it as text without paragraphs", code, id, b->file, line);
		return;
	}
	u.set = b->in->templates;
	u.n = n;
	near = suggest_closest(id, unused_slot_at, &u, n->nslots);
	if (near != NULL)
		builder_error(b, p->file, n->line, "the %s narrative has no "
		    "%sslot '%s' (needed by %s:%d); did you mean its slot '%s' "
		    "(no template uses it)?", code, is_inline ? "inline " : "",
		    id, b->file, line, near);
	else
		builder_error(b, p->file, n->line, "the %s narrative has no "
		    "%sslot '%s' (needed by %s:%d): add <slot id=\"%s\"> to the "
		    "<narrative lang=\"%s\"> here", code, is_inline ? "inline " :
		    "", id, b->file, line, id, code);
}

struct formatter *
builder_formatter(struct builder *b)
{
	return b->in->formatters[b->lang];
}

/* Formats catalog message key with args; NULL after an error at file:line. */
char *
builder_message(struct builder *b, const char *file, int line, const char *key,
    const char *const *args, int nargs)
{
	char err[512];
	char *text = catalog_format(b->in->catalogs[b->lang], key, args, nargs,
	    err, sizeof(err));

	if (text == NULL)
		builder_error(b, file, line, "%s", err);
	return text;
}

/* ---- blocks ---- */

static void add_blocks(struct builder *b, struct node *parent,
    const struct tpl_block *blocks, size_t n);

/*
 * Whether an authored heading of level `level` at the period's line nests
 * under the template heading the slot stands under; reports it if not.
 */
static int
heading_nests(struct builder *b, const struct tpl_block *tb, int level,
    int line)
{
	const char *pfile = b->in->period->file;

	if (level > b->heading_level)
		return 1;
	if (b->heading_level >= 3)
		builder_error(b, pfile, line, "a heading in slot '%s' cannot "
		    "nest under the level-3 heading it stands under (%s:%d; the "
		    "slot is placed at line %d), the deepest level: write it as a "
		    "paragraph, or place the slot under a level-2 heading in the "
		    "template", tb->name, b->heading_file, b->heading_line,
		    tb->line);
	else
		builder_error(b, pfile, line, "a level-%d heading in slot '%s' "
		    "must be deeper than the level-%d heading it stands under "
		    "(%s:%d; the slot is placed at line %d): give it level %d",
		    level, tb->name, b->heading_level, b->heading_file,
		    b->heading_line, tb->line, b->heading_level + 1);
	return 0;
}

static void
add_slot_blocks(struct builder *b, struct node *parent,
    const struct tpl_block *tb)
{
	const struct slot *slot = period_slot(b->in->period, b->lang, tb->name);
	const char *pfile = b->in->period->file;
	struct node *item;
	size_t i, j;

	if (slot == NULL) {
		if (!tb->optional)
			builder_missing_slot(b, tb->name, 0, tb->line);
		return;
	}
	for (i = 0; i < slot->nblocks; i++) {
		const struct narrative_block *nb = &slot->blocks[i];
		struct node *block;

		if (nb->heading_level > 0 &&
		    !heading_nests(b, tb, nb->heading_level, nb->line))
			return;
		block = node_add(parent, nb->is_list ? NODE_LIST :
		    nb->heading_level > 0 ? NODE_HEADING : NODE_PARAGRAPH, b->lang);
		if (block == NULL) {
			builder_error(b, pfile, nb->line, "out of memory");
			return;
		}
		block->file = pfile;
		block->line = nb->line;
		if (nb->heading_level > 0)
			block->u.heading.level = nb->heading_level;
		for (j = 0; j < nb->nitems; j++) {
			item = nb->is_list ? node_add(block, NODE_ITEM, b->lang) : block;
			if (item == NULL) {
				builder_error(b, pfile, nb->line, "out of memory");
				return;
			}
			item->line = nb->items[j].line;
			builder_add_runs(b, item, &nb->items[j], pfile);
		}
	}
}

/* The template's role names map one to one onto the document's roles. */
static const enum para_role para_role_of[TPL_ROLE_MAX] = {
	ROLE_BODY, ROLE_TITLE, ROLE_SUBTITLE, ROLE_DATELINE, ROLE_LETTERHEAD,
	ROLE_NOTE
};

static void
add_block(struct builder *b, struct node *parent, const struct tpl_block *tb)
{
	const struct tpl_template *inc;
	struct node *n;
	char *text;
	size_t i;

	switch (tb->kind) {
	case TPL_SECTION:
		if ((n = node_add(parent, NODE_SECTION, b->lang)) == NULL ||
		    (n->id = strdup(tb->name)) == NULL) {
			node_lost(n != NULL ? n : parent);
			break;
		}
		n->file = b->file;
		n->line = tb->line;
		{
			/* A heading inside the section heads what follows it there
			 * only. */
			int level = b->heading_level, line = b->heading_line;
			const char *file = b->heading_file;

			add_blocks(b, n, tb->children, tb->nchildren);
			b->heading_level = level;
			b->heading_file = file;
			b->heading_line = line;
		}
		return;
	case TPL_HEADING:
		if ((text = builder_template_message(b, &tb->message)) == NULL)
			return;
		b->heading_level = tb->level;
		b->heading_file = b->file;
		b->heading_line = tb->line;
		if ((n = node_add(parent, NODE_HEADING, b->lang)) != NULL) {
			n->u.heading.level = tb->level;
			n->file = b->file;
			n->line = tb->line;
			node_add_text(n, text, b->lang);
			for (i = 0; i < tb->nchildren; i++)
				builder_add_template_note(b, n, &tb->children[i]);
		}
		free(text);
		return;
	case TPL_PARAGRAPH:
		if ((n = node_add(parent, NODE_PARAGRAPH, b->lang)) == NULL)
			break;
		n->u.paragraph.role = para_role_of[tb->role];
		n->file = b->file;
		n->line = tb->line;
		builder_add_sentences(b, n, tb->children, tb->nchildren);
		return;
	case TPL_LIST:
		if ((n = node_add(parent, NODE_LIST, b->lang)) == NULL)
			break;
		for (i = 0; i < tb->nchildren; i++) {
			struct node *item = node_add(n, NODE_ITEM, b->lang);
			if (item == NULL)
				break;
			item->file = b->file;
			item->line = tb->children[i].line;
			builder_add_sentences(b, item, tb->children[i].children,
			    tb->children[i].nchildren);
		}
		return;
	case TPL_NARRATIVE:
		add_slot_blocks(b, parent, tb);
		return;
	case TPL_TABLE:
		builder_add_table(b, parent, templates_table(b->in->templates, tb->name),
		    tb->line);
		return;
	case TPL_CHART:
		builder_add_chart(b, parent, tb);
		return;
	case TPL_FOOTNOTES:
		builder_flush_notes(b, parent);
		return;
	case TPL_PAGE_BREAK:
		node_add(parent, NODE_PAGE_BREAK, b->lang);
		return;
	case TPL_INCLUDE:
		inc = templates_find(b->in->templates, tb->name);
		if ((n = node_add(parent, NODE_PART, tb->lang)) == NULL ||
		    (n->id = strdup(tb->name)) == NULL) {
			node_lost(n != NULL ? n : parent);
			break;
		}
		{
			struct builder sub = *b;
			sub.lang = tb->lang;
			sub.file = inc->file;
			sub.note_style = builder_note_style(inc);
			sub.notes_per_table = inc->notes_per_table;
			sub.notes_table_local = inc->notes_table_local;
			sub.note_count = 0;
			sub.first_unflushed = b->nnotes;
			sub.heading_level = 0;
			add_blocks(&sub, n, inc->blocks, inc->nblocks);
			builder_flush_notes(&sub, n);
			b->notes = sub.notes;
			b->nnotes = sub.nnotes;
			b->first_unflushed = sub.first_unflushed;
			b->figures.failed |= sub.figures.failed;
			memcpy(b->labels, sub.labels, sizeof(b->labels));
		}
		return;
	default:
		return;
	}
	builder_error(b, b->file, tb->line, "out of memory");
}

static void
add_blocks(struct builder *b, struct node *parent,
    const struct tpl_block *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n && !b->figures.failed; i++)
		add_block(b, parent, &blocks[i]);
}

struct node *
document_build(const struct build_input *in, const char *template_id,
    enum lang lang, struct diag_list *diags)
{
	const struct tpl_template *tpl = templates_find(in->templates,
	    template_id);
	struct builder b;
	struct node *doc;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.in = in;
	b.diags = diags;
	b.lang = lang;
	if (tpl == NULL) {
		diag_add(diags, DIAG_FATAL, in->templates->dir, 0,
		    "no template '%s'", template_id);
		return NULL;
	}
	b.file = tpl->file;
	b.root = tpl;
	b.figures.book = in->book;
	b.figures.release = in->period;
	b.figures.diags = diags;
	b.figures.deps = in->deps;
	b.note_style = builder_note_style(tpl);
	b.notes_per_table = tpl->notes_per_table;
	b.notes_table_local = tpl->notes_table_local;
	if ((doc = node_add(NULL, NODE_DOCUMENT, lang)) == NULL ||
	    (doc->id = strdup(tpl->id)) == NULL) {
		diag_add(diags, DIAG_FATAL, tpl->file, 0, "out of memory");
		node_free(doc);
		return NULL;
	}
	doc->file = tpl->file;
	add_blocks(&b, doc, tpl->blocks, tpl->nblocks);
	builder_flush_notes(&b, doc);
	for (i = 0; i < b.nnotes; i++) {
		free(b.notes[i].key);
		node_free(b.notes[i].note);
	}
	free(b.notes);
	for (i = 0; i < LANG_MAX * PERIOD_STYLE_MAX * LABEL_OFFSETS; i++)
		free(b.labels[i / (PERIOD_STYLE_MAX * LABEL_OFFSETS)]
		    [i / LABEL_OFFSETS % PERIOD_STYLE_MAX][i % LABEL_OFFSETS]);
	if (!b.figures.failed && node_incomplete(doc)) {
		diag_add(diags, DIAG_FATAL, tpl->file, 0, "out of memory");
		b.figures.failed = 1;
	}
	if (b.figures.failed) {
		node_free(doc);
		return NULL;
	}
	return doc;
}
