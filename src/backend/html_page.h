/*
 * What html.c's release pages and html_diff.c's diff page share: the page
 * being written, its element helpers and the release blocks' writer.
 * Private to backend/.
 *
 * A page is written as it is built, in document order: an element's
 * attributes follow its creation, and content goes to the element last
 * opened or to one of its ancestors, which closes those below it. The
 * bytes are those libxml2 2.9's HTML serializer wrote for the same tree
 * (html_page.c says which of its rules apply), without building the tree.
 */
#ifndef KESSAN_HTML_PAGE_H
#define KESSAN_HTML_PAGE_H

#include "../doc/doc.h"
#include "../util/buffer.h"

/* An element of the page; NULL where creating one failed. */
struct hel;
struct hel_chunk;

/* Where each footnote marker points, and each note's back-link. */
struct note_target {
	const struct node *ref;       /* a NODE_NOTE_REF */
	const struct node *note;      /* the NODE_FOOTNOTE it names */
	char id[32];                  /* the marker's own id */
	int settled;                  /* a block of its style has passed */
};

/* libxml2's description of an element name, looked up once a page. */
struct hel_kind {
	char name[16];
	const void *info;             /* its htmlElemDesc, or NULL */
};

struct html {
	struct buffer *out;           /* the page so far, the caller's */
	size_t start;                 /* where the page begins in out */
	size_t body;                  /* where its root element goes */
	struct buffer value, link;    /* an attribute value being escaped */
	struct buffer swap;           /* a start tag an anchor goes before */
	struct hel *top;              /* the innermost element still open */
	struct hel_chunk *chunks;     /* every element's record */
	struct hel_kind kinds[48];
	size_t nkinds;
	struct {
		char name[16];
		int boolean;              /* written without a value */
	} attrs[32];
	size_t nattrs;
	struct note_target *targets;
	size_t ntargets;
	/* footnotes blocks seen, to give note ids unique in the document */
	const struct node **blocks;
	size_t nblocks;
	/* inside a part of a compilation: its language prefixes ids, which
	 * both parts would otherwise share */
	const char *prefix;
	int failed;
};

static inline const char *
lang_tag(enum lang l)
{
	return lang_code(l);
}

/* A new element `name`, the last child of parent so far. */
struct hel *element(struct html *h, struct hel *parent, const char *name);
/* An attribute of e, which must be the element last created. */
void attr(struct html *h, struct hel *e, const char *name, const char *value);
/* Text s at the end of parent (escaped, but in <style> and <script>). */
void text(struct html *h, struct hel *parent, const char *s);
/* Whether e has an id attribute. */
int html_has_id(const struct hel *e);
/* An empty <a id="id"> just before e, the element last created. */
void html_anchor_before(struct html *h, struct hel *e, const char *id);

/* A page written into out: html_page_new, then html_page_open (its head
 * with the title, author and styles; returns <main>), the content,
 * html_page_end, and html_page_free in every case. */
int html_page_new(struct html *h, struct buffer *out);
/* The page's root element (html_page_open's <html>). */
struct hel *html_page_root(struct html *h, const char *name);
struct hel *html_page_open(struct html *h, enum lang lang, const char *title,
    const char *author, const char *extra_style);
/* Closes what is open: 0, or -1 when any step failed, and then out is
 * as it was before the page. */
int html_page_end(struct html *h);
void html_page_free(struct html *h);

/* Resolves each footnote marker of doc to its note (before writing). */
void html_collect_notes(struct html *h, const struct node *n,
    size_t *pending);
/* Writes n's child blocks into parent. */
void html_children(struct html *h, struct hel *parent, const struct node *n);

#endif
