#include "doc.h"

#include "../util/buffer.h"

#include <stdlib.h>
#include <string.h>

const char *const node_kind_names[NODE_KIND_MAX] = {
	"document", "part", "section", "heading", "paragraph", "list", "item",
	"table", "caption", "row", "cell", "footnotes", "footnote",
	"page-break", "text", "emphasis", "note-ref", "chart",
	"page-ref"
};

struct node *
node_add(struct node *parent, enum node_kind kind, enum lang lang)
{
	struct node *n = calloc(1, sizeof(*n));

	if (n == NULL) {
		node_lost(parent);
		return NULL;
	}
	n->kind = kind;
	n->lang = lang;
	if (parent != NULL) {
		n->parent = parent;
		if (parent->last != NULL)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
		n->file = parent->file;
		n->line = parent->line;
	}
	return n;
}

struct node *
node_add_text(struct node *parent, const char *text, enum lang lang)
{
	char *copy = strdup(text);
	struct node *n;

	/* Never a text node without its text: copy first. */
	if (copy == NULL) {
		node_lost(parent);
		return NULL;
	}
	if ((n = node_add(parent, NODE_TEXT, lang)) == NULL) {
		free(copy);
		return NULL;
	}
	n->u.text.text = copy;
	return n;
}

/* The root of node's tree (NULL for NULL): it holds the incomplete mark. */
static struct node *
root_of(const struct node *node)
{
	while (node != NULL && node->parent != NULL)
		node = node->parent;
	return (struct node *)node;
}

void
node_lost(struct node *node)
{
	if ((node = root_of(node)) != NULL)
		node->incomplete = 1;
}

int
node_incomplete(const struct node *node)
{
	return (node = root_of(node)) != NULL && node->incomplete;
}

void
node_free(struct node *node)
{
	if (node == NULL)
		return;
	node_clear(node);
	if (node->kind == NODE_TEXT)
		free(node->u.text.text);
	if (node->kind == NODE_DOCUMENT)
		free(node->u.document.title);
	if (node->kind == NODE_CHART)
		chart_free(node->u.chart);
	while (node->nfigures > 0)
		free(node->figures[--node->nfigures].text);
	free(node->figures);
	free(node->id);
	free(node->anchor);
	free(node->marker);
	free(node);
}

void
node_clear(struct node *node)
{
	struct node *c, *next;

	for (c = node->first; c != NULL; c = next) {
		next = c->next;
		node_free(c);
	}
	node->first = node->last = NULL;
}

void
node_unlink(struct node *node)
{
	struct node *parent = node->parent, *prev = NULL, *c;

	if (parent == NULL)
		return;
	for (c = parent->first; c != NULL && c != node; c = c->next)
		prev = c;
	if (c == NULL)
		return;
	if (prev != NULL)
		prev->next = node->next;
	else
		parent->first = node->next;
	if (parent->last == node)
		parent->last = prev;
	node->parent = NULL;
	node->next = NULL;
}

void
node_insert_before(struct node *parent, struct node *node,
    struct node *before)
{
	struct node *prev = NULL, *c;

	if (node->incomplete)
		node_lost(parent);
	node->parent = parent;
	if (before == NULL) {
		node->next = NULL;
		if (parent->last != NULL)
			parent->last->next = node;
		else
			parent->first = node;
		parent->last = node;
		return;
	}
	for (c = parent->first; c != NULL && c != before; c = c->next)
		prev = c;
	node->next = before;
	if (prev != NULL)
		prev->next = node;
	else
		parent->first = node;
}

void
note_marker(int number, enum note_style style, char *buf, size_t size)
{
	static const char *const superscripts[10] = {
		"\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3",
		"\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7",
		"\xe2\x81\xb8", "\xe2\x81\xb9"
	};
	char digits[16];
	size_t i, used = 0;

	if (style == NOTE_ASTERISK) {
		snprintf(buf, size, "*%d", number);
		return;
	}
	snprintf(digits, sizeof(digits), "%d", number);
	buf[0] = '\0';
	for (i = 0; digits[i] != '\0'; i++) {
		const char *s = superscripts[digits[i] - '0'];
		size_t len = strlen(s);
		if (used + len + 1 > size)
			break;
		memcpy(buf + used, s, len + 1);
		used += len;
	}
}

void
node_note_marker(const struct node *n, char *buf, size_t size)
{
	if (n->marker != NULL)
		snprintf(buf, size, "%s", n->marker);
	else
		note_marker(n->u.note.number, n->u.note.style, buf, size);
}

static void
collect_text(const struct node *n, enum note_style style, struct buffer *b)
{
	const struct node *c;

	if (n->kind == NODE_TEXT) {
		buffer_puts(b, n->u.text.text);
		return;
	}
	if (n->kind == NODE_NOTE_REF) {
		char marker[64];

		node_note_marker(n, marker, sizeof(marker));
		buffer_puts(b, marker);
		return;
	}
	(void)style;
	for (c = n->first; c != NULL; c = c->next)
		collect_text(c, style, b);
}

char *
node_plain_text(const struct node *node, enum note_style style)
{
	struct buffer b = { NULL, 0, 0, 0 };

	buffer_puts(&b, "");
	collect_text(node, style, &b);
	if (b.failed) {
		free(b.data);
		return NULL;
	}
	return b.data;
}

static void
dump(const struct node *n, int depth, struct buffer *out)
{
	const struct node *c;
	static const char marks[] = { ' ', '+', '-' };

	buffer_printf(out, "%c%*s%s", marks[n->change], depth * 2, "",
	    node_kind_names[n->kind]);
	if (n->id != NULL)
		buffer_printf(out, " #%s", n->id);
	buffer_printf(out, " [%s]", lang_code(n->lang));
	if (n->kind == NODE_TEXT)
		buffer_printf(out, " \"%s\"", n->u.text.text);
	if (n->kind == NODE_NOTE_REF || n->kind == NODE_FOOTNOTE)
		buffer_printf(out, " %d", n->u.note.number);
	if (n->computed)
		buffer_printf(out, " computed");
	if (n->file != NULL)
		buffer_printf(out, " (%s:%d)", n->file, n->line);
	buffer_puts(out, "\n");
	for (c = n->first; c != NULL; c = c->next)
		dump(c, depth + 1, out);
}

int
node_dump(const struct node *node, struct buffer *out)
{
	dump(node, 0, out);
	return out->failed ? -1 : 0;
}
