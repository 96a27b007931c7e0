/*
 * The page writer: HTML written in document order, byte for byte as
 * libxml2 2.9.14 saved the same tree with XML_SAVE_AS_HTML (HTMLtree.c's
 * htmlNodeDumpFormatOutput without formatting, entities.c's escaping,
 * uri.c's xmlURIEscapeStr). Building that tree and walking it again cost
 * as much as the rest of an HTML render; tests/test_html_page.c holds
 * this writer to libxml2's serializer on generated trees.
 */
#include "html_page.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

/* An element: open until content goes to an ancestor, or the page ends. */
struct hel {
	struct hel *parent;
	const htmlElemDesc *info;   /* libxml2's description, NULL if none */
	size_t start;               /* where its start tag begins in out */
	char name[16];
	unsigned char open;
	unsigned char pending;      /* its start tag's ">" is not written */
	unsigned char children;     /* something was put in it */
	unsigned char has_id;
	unsigned char raw;          /* <style>, <script>: text unescaped */
	unsigned char mute;         /* inside a void element: never written */
};

#define CHUNK_ELEMENTS 256
struct hel_chunk {
	struct hel_chunk *next;
	size_t used;
	struct hel items[CHUNK_ELEMENTS];
};

static struct hel *
new_record(struct html *h)
{
	struct hel_chunk *c = h->chunks;

	if (c == NULL || c->used == CHUNK_ELEMENTS) {
		if ((c = malloc(sizeof(*c))) == NULL)
			return NULL;
		c->next = h->chunks;
		c->used = 0;
		h->chunks = c;
	}
	return memset(&c->items[c->used++], 0, sizeof(struct hel));
}

/* htmlTagLookup searches its table with strcasecmp: once a name a page. */
static const htmlElemDesc *
kind_of(struct html *h, const char *name, size_t len)
{
	const htmlElemDesc *info;
	size_t i;

	for (i = 0; i < h->nkinds; i++)
		if (h->kinds[i].name[0] == name[0] &&
		    strcmp(h->kinds[i].name, name) == 0)
			return h->kinds[i].info;
	info = htmlTagLookup((const xmlChar *)name);
	if (h->nkinds < sizeof(h->kinds) / sizeof(h->kinds[0]) &&
	    len < sizeof(h->kinds[0].name)) {
		memcpy(h->kinds[h->nkinds].name, name, len + 1);
		h->kinds[h->nkinds++].info = info;
	}
	return info;
}

/* ---- escaping, as entities.c's xmlEncodeEntitiesInternal for HTML ---- */

/* The run of bytes from s that need nothing: printable ASCII but <>&, tab,
 * newline, carriage return and every byte of a multibyte character. */
static size_t
plain_span(const unsigned char *s)
{
	const unsigned char *p = s;

	for (;; p++) {
		unsigned char c = *p;

		if (c == '<' || c == '>' || c == '&')
			break;
		if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			continue;
		break;
	}
	return (size_t)(p - s);
}

/* Writes s escaped. In an attribute, "&{...}" and "<!--...-->" stay as
 * they are (HTML 4's script macros and server-side includes). Control
 * characters other than tab and line ends are dropped, as libxml2 did. */
static void
escape(struct buffer *b, const char *str, int in_attr)
{
	const unsigned char *s = (const unsigned char *)str;
	const char *end;

	while (*s != '\0') {
		size_t n = plain_span(s);

		buffer_write(b, (const char *)s, n);
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '<':
			if (in_attr && s[1] == '!' && s[2] == '-' && s[3] == '-' &&
			    (end = strstr((const char *)s, "-->")) != NULL) {
				buffer_write(b, (const char *)s,
				    (size_t)(end + 3 - (const char *)s));
				s = (const unsigned char *)end + 3;
				continue;
			}
			buffer_write(b, "&lt;", 4);
			break;
		case '>':
			buffer_write(b, "&gt;", 4);
			break;
		case '&':
			if (in_attr && s[1] == '{' &&
			    (end = strchr((const char *)s, '}')) != NULL) {
				buffer_write(b, (const char *)s,
				    (size_t)(end + 1 - (const char *)s));
				s = (const unsigned char *)end + 1;
				continue;
			}
			buffer_write(b, "&amp;", 5);
			break;
		default:
			break;    /* a control character: dropped */
		}
		s++;
	}
}

/* uri.c's xmlURIEscapeStr with the list htmlAttrDumpOutput gives it:
 * %XX for every byte but letters, digits, -_.!~*'() and @/:=?;#%&,+<>. */
static void
uri_escape(struct buffer *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char keep[] = "-_.!~*'()@/:=?;#%&,+<>";
	const char *run = s;
	char esc[3];

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr(keep, c) != NULL)
			continue;
		buffer_write(b, run, (size_t)(s - run));
		esc[0] = '%';
		esc[1] = hex[c >> 4];
		esc[2] = hex[c & 15];
		buffer_write(b, esc, 3);
		run = s + 1;
	}
	buffer_write(b, run, (size_t)(s - run));
}

/* buf.c's xmlBufWriteQuotedString: double quotes, single quotes around a
 * value holding only ", and &quot; in a value holding both. */
static void
quoted(struct buffer *b, const char *v, size_t len)
{
	const char *dq = memchr(v, '"', len);
	size_t i, run = 0;

	if (dq == NULL || memchr(v, '\'', len) == NULL) {
		const char *q = dq == NULL ? "\"" : "'";

		buffer_write(b, q, 1);
		buffer_write(b, v, len);
		buffer_write(b, q, 1);
		return;
	}
	buffer_write(b, "\"", 1);
	for (i = 0; i < len; i++)
		if (v[i] == '"') {
			buffer_write(b, v + run, i - run);
			buffer_write(b, "&quot;", 6);
			run = i + 1;
		}
	buffer_write(b, v + run, len - run);
	buffer_write(b, "\"", 1);
}

/* ---- the open elements ---- */

/* Whether what goes in e is never written: e is void, or inside one. */
static int
holds_nothing(const struct hel *e)
{
	return e->mute || (e->info != NULL && e->info->empty);
}

/* Writes the ">" that ends e's start tag, once something goes in e. */
static void
flush(struct html *h, struct hel *e)
{
	if (e->pending && !e->mute)
		buffer_write(h->out, ">", 1);
	e->pending = 0;
}

/* Ends the start tag of an element that holds nothing, and the element:
 * one whose end tag may be left out is written without it, but <html>
 * and <body>. */
static void
end_childless(struct html *h, const struct hel *e)
{
	if (e->info != NULL && e->info->saveEndTag != 0 &&
	    strcmp(e->name, "html") != 0 && strcmp(e->name, "body") != 0) {
		buffer_write(h->out, ">", 1);
		return;
	}
	buffer_write(h->out, "></", 3);
	buffer_puts(h->out, e->name);
	buffer_write(h->out, ">", 1);
}

static void
close_top(struct html *h)
{
	struct hel *e = h->top;

	h->top = e->parent;
	e->open = 0;
	if (e->mute)
		return;
	if (e->info != NULL && e->info->empty) {
		flush(h, e);    /* void: no end tag, content never written */
		return;
	}
	if (!e->children) {
		end_childless(h, e);
		return;
	}
	buffer_write(h->out, "</", 2);
	buffer_puts(h->out, e->name);
	buffer_write(h->out, ">", 1);
}

/* Makes parent the innermost open element (NULL: the document), closing
 * those inside it; something is about to go in it. Content cannot go
 * back into an element already closed. */
static int
reach(struct html *h, struct hel *parent)
{
	if (parent != NULL && !parent->open) {
		h->failed = 1;
		return -1;
	}
	while (h->top != parent)
		close_top(h);
	if (parent != NULL) {
		parent->children = 1;
		flush(h, parent);
	}
	return 0;
}

static struct hel *
open_element(struct html *h, struct hel *parent, const char *name)
{
	struct hel *e;
	size_t len = strlen(name);

	if (h->failed || len >= sizeof(e->name) || reach(h, parent) != 0 ||
	    (e = new_record(h)) == NULL) {
		h->failed = 1;
		return NULL;
	}
	memcpy(e->name, name, len + 1);
	e->parent = parent;
	e->info = kind_of(h, name, len);
	e->open = e->pending = 1;
	e->raw = strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0;
	e->mute = parent != NULL && holds_nothing(parent);
	e->start = h->out->len;
	if (!e->mute) {
		buffer_write(h->out, "<", 1);
		buffer_write(h->out, name, len);
	}
	h->top = e;
	return e;
}

struct hel *
element(struct html *h, struct hel *parent, const char *name)
{
	/* Only the page's <html> stands at the document's level. */
	if (parent == NULL) {
		h->failed = 1;
		return NULL;
	}
	return open_element(h, parent, name);
}

/* htmlIsBooleanAttr, remembered a page: kessan's attributes are few. */
static int
is_boolean(struct html *h, const char *name)
{
	size_t i, len = strlen(name);
	int yes;

	for (i = 0; i < h->nattrs; i++)
		if (h->attrs[i].name[0] == name[0] &&
		    strcmp(h->attrs[i].name, name) == 0)
			return h->attrs[i].boolean;
	yes = htmlIsBooleanAttr((const xmlChar *)name) != 0;
	if (h->nattrs < sizeof(h->attrs) / sizeof(h->attrs[0]) &&
	    len < sizeof(h->attrs[0].name)) {
		memcpy(h->attrs[h->nattrs].name, name, len + 1);
		h->attrs[h->nattrs++].boolean = yes;
	}
	return yes;
}

/* Writes ` name=value` as htmlAttrDumpOutput did: the value escaped, a
 * link's also without leading blanks and %-escaped, then quoted. */
static void
write_attr(struct html *h, const struct hel *e, const char *name,
    const char *value)
{
	struct buffer *v = &h->value;
	const char *s;

	buffer_write(h->out, " ", 1);
	buffer_puts(h->out, name);
	if (is_boolean(h, name))
		return;
	buffer_write(h->out, "=", 1);
	v->len = 0;
	escape(v, value, 1);
	buffer_write(v, "", 0);    /* a string even when empty */
	if (v->failed) {
		h->failed = 1;
		return;
	}
	s = v->data;
	if (strcasecmp(name, "href") == 0 || strcasecmp(name, "action") == 0 ||
	    strcasecmp(name, "src") == 0 ||
	    (strcasecmp(name, "name") == 0 && strcasecmp(e->name, "a") == 0)) {
		struct buffer *u = &h->link;

		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		u->len = 0;
		uri_escape(u, s);
		buffer_write(u, "", 0);
		if (u->failed) {
			h->failed = 1;
			return;
		}
		s = u->data;
	}
	quoted(h->out, s, strlen(s));
}

void
attr(struct html *h, struct hel *e, const char *name, const char *value)
{
	if (e == NULL)
		return;
	if (e != h->top || !e->pending) {
		h->failed = 1;    /* its start tag is already written */
		return;
	}
	if (strcmp(name, "id") == 0)
		e->has_id = 1;
	if (!e->mute)
		write_attr(h, e, name, value);
}

void
text(struct html *h, struct hel *parent, const char *s)
{
	if (parent == NULL || reach(h, parent) != 0 || holds_nothing(parent) ||
	    s == NULL)
		return;
	if (parent->raw)
		buffer_puts(h->out, s);
	else
		escape(h->out, s, 0);
}

int
html_has_id(const struct hel *e)
{
	return e != NULL && e->has_id;
}

void
html_anchor_before(struct html *h, struct hel *e, const char *id)
{
	struct buffer *tag = &h->swap;
	struct hel a;
	size_t len;

	if (e == NULL)
		return;
	if (e != h->top || !e->pending) {
		h->failed = 1;
		return;
	}
	if (e->mute)
		return;
	/* The anchor is written after e's start tag, then the two change
	 * places. */
	memset(&a, 0, sizeof(a));
	memcpy(a.name, "a", 2);
	a.info = kind_of(h, a.name, 1);
	len = h->out->len - e->start;
	tag->len = 0;
	buffer_write(tag, h->out->data + e->start, len);
	buffer_write(h->out, "<a", 2);
	write_attr(h, &a, "id", id);
	end_childless(h, &a);
	if (tag->failed || h->out->failed) {
		h->failed = 1;
		return;
	}
	memmove(h->out->data + e->start, h->out->data + e->start + len,
	    h->out->len - e->start - len);
	memcpy(h->out->data + h->out->len - len, tag->data, len);
	e->start = h->out->len - len;
}

/* ---- the page ---- */

int
html_page_new(struct html *h, struct buffer *out)
{
	memset(h, 0, sizeof(*h));
	h->out = out;
	h->start = out->len;
	/* A release's page is 50 to 130 KB: grown by doubling, it would be
	 * copied a dozen times. */
	buffer_reserve(out, 128 * 1024);
	buffer_puts(out, "<!DOCTYPE html>\n");
	h->body = out->len;
	return out->failed ? -1 : 0;
}

struct hel *
html_page_root(struct html *h, const char *name)
{
	if (h->top != NULL || h->out->len != h->body) {
		h->failed = 1;
		return NULL;
	}
	return open_element(h, NULL, name);
}

int
html_page_end(struct html *h)
{
	if (!h->failed) {
		while (h->top != NULL)
			close_top(h);
		buffer_write(h->out, "\n", 1);
		if (!h->out->failed)
			return 0;
	}
	/* No part of a page is left in out. */
	if (!h->out->failed && h->out->data != NULL) {
		h->out->len = h->start;
		h->out->data[h->start] = '\0';
	}
	return -1;
}

void
html_page_free(struct html *h)
{
	struct hel_chunk *c, *next;

	for (c = h->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	buffer_free(&h->value);
	buffer_free(&h->link);
	buffer_free(&h->swap);
	free(h->targets);
	free(h->blocks);
}
