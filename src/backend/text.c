/* The text backend: the canonical reading of a release. */
#include "backend.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

void
output_write(struct output *out, const char *data, size_t len)
{
	if (out->failed)
		return;
	if (out->len + len + 1 > out->cap) {
		size_t cap = (out->cap + len + 1) * 2;
		char *grown = realloc(out->data, cap);
		if (grown == NULL) {
			out->failed = 1;
			return;
		}
		out->data = grown;
		out->cap = cap;
	}
	memcpy(out->data + out->len, data, len);
	out->len += len;
	out->data[out->len] = '\0';
}

void
output_puts(struct output *out, const char *s)
{
	output_write(out, s, strlen(s));
}

void
output_free(struct output *out)
{
	free(out->data);
	memset(out, 0, sizeof(*out));
}

/* Trims spaces at both ends and writes s as one line (if not empty). */
static void
put_line(struct output *out, const char *prefix, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\n'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	output_puts(out, prefix);
	output_write(out, s, len);
	output_puts(out, "\n");
}

/*
 * Writes text one sentence a line, split by ICU's sentence breaker for the
 * language ("ss=standard" keeps "Inc." and "Mr." inside their sentence).
 * The first line gets `first`, the rest `rest` as a prefix.
 */
static int
put_sentences(struct output *out, const char *text, enum lang lang,
    const char *first, const char *rest)
{
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi;
	UChar *u = NULL;
	int32_t n = 0, start, end;
	char *s = NULL;
	int lines = 0, rc = -1;

	u_strFromUTF8(NULL, 0, &n, text, -1, &status);
	status = U_ZERO_ERROR;
	if ((u = malloc(((size_t)n + 1) * sizeof(UChar))) == NULL ||
	    (s = malloc((size_t)n * 3 + 1)) == NULL)
		goto out;
	u_strFromUTF8(u, n + 1, NULL, text, -1, &status);
	bi = ubrk_open(UBRK_SENTENCE, lang == LANG_JA ? "ja" : "en@ss=standard",
	    u, n, &status);
	if (U_FAILURE(status))
		goto out;
	start = ubrk_first(bi);
	for (end = ubrk_next(bi); end != UBRK_DONE; start = end,
	    end = ubrk_next(bi)) {
		int32_t len = 0;
		u_strToUTF8(s, n * 3 + 1, &len, u + start, end - start, &status);
		if (U_FAILURE(status))
			break;
		put_line(out, lines == 0 ? first : rest, s, (size_t)len);
		lines++;
	}
	ubrk_close(bi);
	rc = U_FAILURE(status) ? -1 : 0;
out:
	free(u);
	free(s);
	return rc;
}

static int render_children(const struct node *n, struct output *out);

static int
render_inline_block(const struct node *n, struct output *out,
    const char *first, const char *rest)
{
	char *text = node_plain_text(n, NOTE_SUPERSCRIPT);
	int rc;

	if (text == NULL)
		return -1;
	rc = put_sentences(out, text, n->lang, first, rest);
	free(text);
	return rc;
}

static int
render_row(const struct node *row, struct output *out)
{
	const struct node *cell;
	char *text;
	int i;

	for (cell = row->first; cell != NULL; cell = cell->next) {
		if (cell != row->first)
			output_puts(out, "\t");
		if ((text = node_plain_text(cell, NOTE_SUPERSCRIPT)) == NULL)
			return -1;
		output_puts(out, text);
		free(text);
		/* A spanning header cell keeps the grid: empty cells follow. */
		for (i = 1; i < cell->u.cell.span; i++)
			output_puts(out, "\t");
	}
	output_puts(out, "\n");
	return 0;
}

static int
render_node(const struct node *n, struct output *out)
{
	const struct node *c;
	char marker[32], prefix[40];
	char *text;
	int rc = 0;

	switch (n->kind) {
	case NODE_DOCUMENT:
	case NODE_SECTION:
	case NODE_PART:
		return render_children(n, out);
	case NODE_HEADING:
		if ((text = node_plain_text(n, NOTE_SUPERSCRIPT)) == NULL)
			return -1;
		output_puts(out, "\n");
		put_line(out, "", text, strlen(text));
		free(text);
		return 0;
	case NODE_PARAGRAPH:
		output_puts(out, "\n");
		return render_inline_block(n, out, "", "");
	case NODE_LIST:
		output_puts(out, "\n");
		for (c = n->first; c != NULL && rc == 0; c = c->next)
			rc = render_inline_block(c, out, "- ", "  ");
		return rc;
	case NODE_TABLE:
		output_puts(out, "\n");
		for (c = n->first; c != NULL && rc == 0; c = c->next) {
			if (c->kind == NODE_CAPTION) {
				if ((text = node_plain_text(c, NOTE_SUPERSCRIPT)) == NULL)
					return -1;
				put_line(out, "", text, strlen(text));
				free(text);
			} else if (c->kind == NODE_ROW)
				rc = render_row(c, out);
		}
		return rc;
	case NODE_FOOTNOTES:
		output_puts(out, "\n");
		for (c = n->first; c != NULL && rc == 0; c = c->next) {
			note_marker(c->u.note.number, c->u.note.style, marker,
			    sizeof(marker));
			snprintf(prefix, sizeof(prefix), "%s ", marker);
			rc = render_inline_block(c, out, prefix, "  ");
		}
		return rc;
	case NODE_PAGE_BREAK:
		return 0;
	default:
		return render_children(n, out);
	}
}

static int
render_children(const struct node *n, struct output *out)
{
	const struct node *c;

	for (c = n->first; c != NULL; c = c->next)
		if (render_node(c, out) != 0)
			return -1;
	return 0;
}

int
text_render(const struct node *doc, struct output *out)
{
	if (render_node(doc, out) != 0 || out->failed)
		return -1;
	return 0;
}
