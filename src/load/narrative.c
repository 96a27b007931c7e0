#include "narrative.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "../model/expr.h"
#include "../util/buffer.h"
#include "xml.h"

struct nloader {
	const struct book *book;
	const char *file;
	struct diag_list *diags;
	int failed;
	struct narrative *out;
};

static void
nerror(struct nloader *nl, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void
nerror(struct nloader *nl, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xml_loader_error(nl->diags, nl->file, line, fmt, ap);
	va_end(ap);
	nl->failed = 1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Folds source line breaks and indentation: a run of white space becomes
 * one space, or nothing where it breaks a line between two characters that
 * are not ASCII (Japanese is written without spaces).
 */
static char *
fold_space(const char *text)
{
	size_t len = strlen(text), i = 0, o = 0;
	char *out = malloc(len + 1);

	if (out == NULL)
		return NULL;
	while (i < len) {
		if (!is_space(text[i])) {
			out[o++] = text[i++];
			continue;
		}
		{
			size_t start = i;
			int newline = 0;
			while (i < len && is_space(text[i]))
				newline |= text[i++] == '\n';
			if (newline && start > 0 && i < len &&
			    ((unsigned char)text[start - 1] >= 0x80 ||
			    (unsigned char)text[i] >= 0x80))
				continue;
			out[o++] = ' ';
		}
	}
	out[o] = '\0';
	return out;
}

static struct run *
add_run(struct nloader *nl, struct run *parent, enum run_kind kind, int line)
{
	struct run *list = array_grow(parent->children, parent->nchildren,
	    sizeof(*list));

	if (list == NULL) {
		nerror(nl, line, "%s", "out of memory");
		return NULL;
	}
	parent->children = list;
	list[parent->nchildren].kind = kind;
	list[parent->nchildren].line = line;
	return &list[parent->nchildren++];
}

/*
 * Refuses invisible format characters (general category Cf: the bidi
 * embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the
 * marks U+200E/U+200F and U+061C, zero-width spaces and joiners, soft
 * hyphens, U+FEFF). They draw nothing yet can reverse a figure or hide a
 * word in the PDF and HTML, and a financial release has no use for them:
 * refusing rather than warning keeps a reversed figure from being
 * published. Names the first one of a text node, on its own line
 * (`line` is the one the text node ends on).
 */
static void
refuse_format_chars(struct nloader *nl, const char *text, int line)
{
	int32_t i = 0, len = (int32_t)strnlen(text, INT32_MAX);
	UChar32 c;

	while (i < len) {
		int32_t at = i;
		U8_NEXT(text, i, len, c);
		if (c < 0 || u_charType(c) != U_FORMAT_CHAR)
			continue;
		/* libxml2 gives a text node the line where it ends. */
		for (; at < len; at++)
			if (text[at] == '\n')
				line--;
		nerror(nl, line, "invisible format character U+%04X in the text: "
		    "it can reorder or hide what a reader sees (remove it)",
		    (unsigned)c);
		return;
	}
}

static void
load_inline(struct nloader *nl, xmlNodePtr first, struct run *parent)
{
	xmlNodePtr n;
	struct run *r;
	char *v, err[256];
	int column;

	for (n = first; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if ((r = add_run(nl, parent, RUN_TEXT, xml_line(n))) == NULL)
				return;
			refuse_format_chars(nl, (const char *)n->content, r->line);
			if ((r->text = fold_space((const char *)n->content)) == NULL)
				nerror(nl, r->line, "%s", "out of memory");
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xml_is(n, "em")) {
			if ((r = add_run(nl, parent, RUN_EMPHASIS, xml_line(n))) != NULL)
				load_inline(nl, n->children, r);
		} else if (xml_is(n, "fn")) {
			if ((r = add_run(nl, parent, RUN_NOTE, xml_line(n))) != NULL)
				r->text = xml_get(n, "ref");
		} else if (xml_is(n, "page-ref") || xml_is(n, "if-part")) {
			int page_ref = xml_is(n, "page-ref");
			if ((r = add_run(nl, parent, page_ref ? RUN_PAGE_REF :
			    RUN_IF_PART, xml_line(n))) == NULL)
				return;
			if ((r->text = xml_get(n, "part")) == NULL)
				nerror(nl, r->line, "%s", "out of memory");
			else if (!page_ref)
				load_inline(nl, n->children, r);
		} else if (xml_is(n, "fact")) {
			if ((r = add_run(nl, parent, RUN_FACT, xml_line(n))) == NULL)
				return;
			v = xml_get(n, "value");
			r->value.value = v != NULL ? expr_parse(v, nl->book, err,
			    sizeof(err), &column) : NULL;
			if (r->value.value == NULL) {
				diag_add(nl->diags, DIAG_FATAL, nl->file, r->line,
				    "%s (column %d of \"%s\")", v != NULL ? err :
				    "fact without value", column, v != NULL ? v : "");
				nl->failed = 1;
			}
			free(v);
			v = xml_get(n, "format");
			r->value.format = (enum value_format)name_index(v,
			    value_format_names, VALUE_FORMAT_MAX);
			free(v);
			v = xml_get(n, "decimals");
			r->value.decimals = v != NULL ? atoi(v) : -1;
			free(v);
			v = xml_get(n, "unit");
			r->value.scale = v == NULL || strcmp(v, "millions") == 0 ?
			    SCALE_MILLIONS : strcmp(v, "thousands") == 0 ?
			    SCALE_THOUSANDS : SCALE_UNITS;
			free(v);
		} else if (xml_is(n, "period")) {
			if ((r = add_run(nl, parent, RUN_PERIOD, xml_line(n))) == NULL)
				return;
			v = xml_get(n, "ref");
			if (v == NULL || period_offset_parse(v, &r->period.offset))
				nerror(nl, r->line, "bad period reference '%s'",
				    v != NULL ? v : "");
			free(v);
			v = xml_get(n, "style");
			r->period.style = (enum period_style)name_index(v,
			    period_style_names, PERIOD_STYLE_MAX);
			free(v);
		}
	}
}

static struct narrative_block *
add_block(struct nloader *nl, struct slot *s, int is_list, int line)
{
	struct narrative_block *list = array_grow(s->blocks, s->nblocks,
	    sizeof(*list));

	if (list == NULL) {
		nerror(nl, line, "%s", "out of memory");
		return NULL;
	}
	s->blocks = list;
	list[s->nblocks].is_list = is_list;
	list[s->nblocks].heading_level = 0;
	list[s->nblocks].line = line;
	return &list[s->nblocks++];
}

static struct run *
add_item(struct nloader *nl, struct narrative_block *b, int line)
{
	struct run *list = array_grow(b->items, b->nitems, sizeof(*list));

	if (list == NULL) {
		nerror(nl, line, "%s", "out of memory");
		return NULL;
	}
	b->items = list;
	list[b->nitems].kind = RUN_SPAN;
	list[b->nitems].line = line;
	return &list[b->nitems++];
}

/* Whether an element holds nothing but white space and comments (as
 * kessan new leaves a slot). */
static int
is_empty(xmlNodePtr n)
{
	xmlNodePtr c;
	const xmlChar *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_COMMENT_NODE)
			continue;
		if (c->type != XML_TEXT_NODE)
			return 0;
		for (t = c->content; t != NULL && *t != '\0'; t++)
			if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
				return 0;
	}
	return 1;
}

static void
load_slot(struct nloader *nl, xmlNodePtr n, struct slot *s)
{
	xmlNodePtr c, li;
	struct narrative_block *b;
	struct run *item;

	s->id = xml_get(n, "id");
	s->line = xml_line(n);
	if (s->id == NULL) {  /* the schema requires it: memory ran out */
		nerror(nl, s->line, "%s", "out of memory");
		return;
	}
	if (is_empty(n)) {
		if (unwritten_add(&nl->out->unwritten, &nl->out->nunwritten,
		    s->line, "slot '%s' has no text yet: write it (or, for an "
		    "optional slot, leave the slot out)", s->id) != 0)
			nerror(nl, s->line, "%s", "out of memory");
		return;
	}
	if (xml_element(n->children) == NULL ||
	    (!xml_is(xml_element(n->children), "p") &&
	    !xml_is(xml_element(n->children), "h") &&
	    !xml_is(xml_element(n->children), "ul"))) {
		/* Inline text, to be joined into a template's sentence. */
		s->is_inline = 1;
		if ((b = add_block(nl, s, 0, s->line)) != NULL &&
		    (item = add_item(nl, b, s->line)) != NULL)
			load_inline(nl, n->children, item);
		return;
	}
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if ((b = add_block(nl, s, xml_is(c, "ul"), xml_line(c))) == NULL)
			return;
		if (xml_is(c, "h")) {
			char *level = xml_get(c, "level");

			/* The schema allows 2 and 3 only. */
			b->heading_level = level != NULL ? atoi(level) : 0;
			free(level);
			if (b->heading_level < 2 || b->heading_level > 3)
				nerror(nl, b->line, "%s", "a heading's level must be "
				    "2 or 3");
		}
		if (!b->is_list) {
			if ((item = add_item(nl, b, b->line)) != NULL)
				load_inline(nl, c->children, item);
			continue;
		}
		for (li = xml_element(c->children); li != NULL;
		    li = xml_element(li->next))
			if ((item = add_item(nl, b, xml_line(li))) != NULL)
				load_inline(nl, li->children, item);
	}
}

/* Every footnote reference must name a footnote of the same narrative. */
static void
check_notes(struct nloader *nl, const struct narrative *out,
    const struct run *run)
{
	size_t i;

	if (run->kind == RUN_NOTE) {
		int found = 0;

		for (i = 0; i < out->nnotes; i++)
			found |= out->notes[i].id != NULL && run->text != NULL &&
			    strcmp(out->notes[i].id, run->text) == 0;
		if (!found)
			nerror(nl, run->line, "no footnote '%s' in this narrative",
			    run->text != NULL ? run->text : "");
	}
	for (i = 0; i < run->nchildren; i++)
		check_notes(nl, out, &run->children[i]);
}

int
narrative_load(const struct book *book, const char *file, xmlNodePtr node,
    struct narrative *out, struct diag_list *diags)
{
	struct nloader nl = { book, file, diags, 0, out };
	xmlNodePtr c;
	size_t i, j, k;

	if (out->present) {
		nerror(&nl, xml_line(node), "%s",
		    "a second narrative in the same language");
		return -1;
	}
	out->present = 1;
	out->line = xml_line(node);
	for (c = xml_element(node->children); c != NULL; c = xml_element(c->next)) {
		if (xml_is(c, "slot")) {
			struct slot *list = array_grow(out->slots, out->nslots,
			    sizeof(*list));
			if (list == NULL) {
				nerror(&nl, xml_line(c), "%s", "out of memory");
				break;
			}
			out->slots = list;
			load_slot(&nl, c, &list[out->nslots++]);
		} else if (xml_is(c, "footnote")) {
			struct authored_note *list = array_grow(out->notes, out->nnotes,
			    sizeof(*list));
			if (list == NULL) {
				nerror(&nl, xml_line(c), "%s", "out of memory");
				break;
			}
			out->notes = list;
			if ((list[out->nnotes].id = xml_get(c, "id")) == NULL) {
				nerror(&nl, xml_line(c), "%s", "out of memory");
				break;
			}
			list[out->nnotes].line = xml_line(c);
			if (is_empty(c) && unwritten_add(&out->unwritten,
			    &out->nunwritten, xml_line(c), "footnote '%s' has no "
			    "text yet: write it, or leave it out with its markers",
			    list[out->nnotes].id) != 0)
				nerror(&nl, xml_line(c), "%s", "out of memory");
			list[out->nnotes].content.kind = RUN_SPAN;
			list[out->nnotes].content.line = xml_line(c);
			load_inline(&nl, c->children, &list[out->nnotes++].content);
		}
	}
	for (i = 0; i < out->nslots; i++) {
		for (j = 0; j < i && out->slots[i].id != NULL; j++)
			if (out->slots[j].id != NULL &&
			    strcmp(out->slots[i].id, out->slots[j].id) == 0)
				nerror(&nl, out->slots[i].line, "slot '%s' appears twice",
				    out->slots[i].id);
		for (j = 0; j < out->slots[i].nblocks; j++)
			for (k = 0; k < out->slots[i].blocks[j].nitems; k++)
				check_notes(&nl, out, &out->slots[i].blocks[j].items[k]);
	}
	for (i = 0; i < out->nnotes; i++)
		check_notes(&nl, out, &out->notes[i].content);
	return nl.failed ? -1 : 0;
}
