/* The text backend: the canonical reading of a release. */
#include "backend.h"

#include <stdlib.h>
#include <string.h>

#include "../doc/sentences.h"

/* Trims spaces at both ends and writes s as one line (if not empty). */
static void
put_line(struct buffer *out, const char *prefix, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\n'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	buffer_puts(out, prefix);
	buffer_write(out, s, len);
	buffer_puts(out, "\n");
}

/* What one rendering writes to and is told about. */
struct text_ctx {
	struct buffer *out;
	const struct text_options *options;
	struct sentence_breakers *breakers;
};

/*
 * Writes text one sentence a line (see sentences.h). The first line gets
 * `first`, the rest `rest` as a prefix.
 */
static int
put_sentences(const struct text_ctx *t, const char *text, enum lang lang,
    const char *first, const char *rest)
{
	struct span *spans;
	size_t count, i;

	if (sentences_split_with(t->breakers, text, lang, t->options != NULL ?
	    t->options->no_break_after[lang] : NULL, &spans, &count) != 0)
		return -1;
	for (i = 0; i < count; i++)
		put_line(t->out, i == 0 ? first : rest, text + spans[i].start,
		    spans[i].len);
	free(spans);
	return 0;
}

static int render_children(const struct node *n, const struct text_ctx *t);

static int
render_inline_block(const struct node *n, const struct text_ctx *t,
    const char *first, const char *rest)
{
	char *text = node_plain_text(n, NOTE_SUPERSCRIPT);
	int rc;

	if (text == NULL)
		return -1;
	rc = put_sentences(t, text, n->lang, first, rest);
	free(text);
	return rc;
}

static int
render_row(const struct node *row, struct buffer *out)
{
	const struct node *cell;
	int i;

	for (cell = row->first; cell != NULL; cell = cell->next) {
		char *text;

		if (cell != row->first)
			buffer_puts(out, "\t");
		if ((text = node_plain_text(cell, NOTE_SUPERSCRIPT)) == NULL)
			return -1;
		buffer_puts(out, text);
		free(text);
		/* A spanning header cell keeps the grid: empty cells follow. */
		for (i = 1; i < cell->u.cell.span; i++)
			buffer_puts(out, "\t");
	}
	buffer_puts(out, "\n");
	return 0;
}

static int
render_node(const struct node *n, const struct text_ctx *t)
{
	struct buffer *out = t->out;
	const struct node *c;
	char marker[64], prefix[80];
	int rc = 0;

	switch (n->kind) {
	case NODE_DOCUMENT:
	case NODE_SECTION:
	case NODE_PART:
		return render_children(n, t);
	case NODE_HEADING: {
		char *text = node_plain_text(n, NOTE_SUPERSCRIPT);

		if (text == NULL)
			return -1;
		buffer_puts(out, "\n");
		put_line(out, "", text, strlen(text));
		free(text);
		return 0;
	}
	case NODE_PARAGRAPH:
		buffer_puts(out, "\n");
		return render_inline_block(n, t, "", "");
	case NODE_LIST:
		buffer_puts(out, "\n");
		for (c = n->first; c != NULL && rc == 0; c = c->next)
			rc = render_inline_block(c, t, "- ", "  ");
		return rc;
	case NODE_TABLE:
		buffer_puts(out, "\n");
		for (c = n->first; c != NULL && rc == 0; c = c->next) {
			if (c->kind == NODE_CAPTION) {
				char *text = node_plain_text(c, NOTE_SUPERSCRIPT);

				if (text == NULL)
					return -1;
				put_line(out, "", text, strlen(text));
				free(text);
			} else if (c->kind == NODE_ROW)
				rc = render_row(c, out);
		}
		return rc;
	case NODE_FOOTNOTES:
		buffer_puts(out, "\n");
		for (c = n->first; c != NULL && rc == 0; c = c->next) {
			node_note_marker(c, marker, sizeof(marker));
			snprintf(prefix, sizeof(prefix), "%s ", marker);
			rc = render_inline_block(c, t, prefix, "  ");
		}
		return rc;
	case NODE_CHART:
		/* The chart's caption; its figures are in its table. */
		for (c = n->first; c != NULL && rc == 0; c = c->next)
			if (c->kind == NODE_CAPTION) {
				buffer_puts(out, "\n");
				rc = render_inline_block(c, t, "", "");
			}
		return rc;
	case NODE_PAGE_BREAK:
		return 0;
	default:
		return render_children(n, t);
	}
}

static int
render_children(const struct node *n, const struct text_ctx *t)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		if (render_node(c, t) != 0)
			return -1;
	return 0;
}

int
text_render(const struct node *doc, const struct text_options *options,
    struct buffer *out)
{
	struct sentence_breakers breakers = { { NULL } };
	struct text_ctx t = { out, options, &breakers };
	int rc = render_node(doc, &t);

	sentence_breakers_close(&breakers);
	return rc != 0 || out->failed ? -1 : 0;
}
