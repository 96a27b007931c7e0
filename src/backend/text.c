/* The text backend: the canonical reading of a release. */
#include "backend.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

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
};

static int
is_marker_char(UChar c)
{
	return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 ||
	    (c >= 0x2070 && c <= 0x2079) || c == '*' || (c >= '0' && c <= '9');
}

/* Whether u[start..end) ends with one of the words in list. */
static int
ends_with_word(const UChar *u, int32_t start, int32_t end, const char *list)
{
	const char *w, *next;

	while (end > start && u[end - 1] == ' ')
		end--;
	for (w = list; w != NULL && *w != '\0'; w = next) {
		int32_t len, i;

		while (*w == ' ')
			w++;
		next = strchr(w, ' ');
		len = next != NULL ? (int32_t)(next - w) : (int32_t)strlen(w);
		if (len == 0 || len > end - start)
			continue;
		/* The words are ASCII; compare them unit by unit. */
		for (i = 0; i < len && u[end - len + i] == (UChar)w[i]; i++)
			;
		if (i == len && (end - len == start || u[end - len - 1] == ' '))
			return 1;
	}
	return 0;
}

/*
 * Whether the segment u[start..end) that ICU found after a sentence break
 * really continues the sentence before it (which began at `from`): a
 * footnote marker alone ("…2005.¹"); after a word listed as never ending a
 * sentence ("U.S."); or, in English, text no sentence starts with: "("
 * after "Inc.", or a lower-case letter.
 */
static int
continues_sentence(const struct text_ctx *t, const UChar *u, int32_t from,
    int32_t start, int32_t end, enum lang lang)
{
	int32_t i = start;
	int markers = 1;

	if (t->options != NULL &&
	    ends_with_word(u, from, start, t->options->no_break_after[lang]))
		return 1;
	while (i < end && (u[i] == ' ' || u[i] == 0x3000))
		i++;
	if (i == end)
		return 1;
	if (lang == LANG_EN && (u[i] == '(' || (u[i] >= 'a' && u[i] <= 'z')))
		return 1;
	for (; i < end; i++)
		if (!is_marker_char(u[i]) && u[i] != ' ')
			markers = 0;
	return markers;
}

/*
 * Writes text one sentence a line, split by ICU's sentence breaker for the
 * language ("ss=standard" keeps "Mr." and the like inside their sentence;
 * continues_sentence() catches what it misses). The first line gets
 * `first`, the rest `rest` as a prefix.
 */
static int
put_sentences(const struct text_ctx *t, const char *text, enum lang lang,
    const char *first, const char *rest)
{
	struct buffer *out = t->out;
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
		int32_t len = 0, next;
		/* Extend the sentence over segments that continue it. */
		while ((next = ubrk_following(bi, end)) != UBRK_DONE &&
		    continues_sentence(t, u, start, end, next, lang))
			end = next;
		ubrk_isBoundary(bi, end);   /* leave the iterator at end */
		/* A marker that opens the next segment belongs to this one. */
		while (end < n && u[end] != '*' && is_marker_char(u[end]) &&
		    !(u[end] >= '0' && u[end] <= '9'))
			end++;
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
	char marker[32], prefix[40];
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
			note_marker(c->u.note.number, c->u.note.style, marker,
			    sizeof(marker));
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
	struct text_ctx t = { out, options };

	return render_node(doc, &t) != 0 || out->failed ? -1 : 0;
}
