/*
 * What html.c's release pages and html_diff.c's diff page share: the page
 * being built, its element helpers and the release blocks' writer.
 * Private to backend/.
 */
#ifndef KESSAN_HTML_PAGE_H
#define KESSAN_HTML_PAGE_H

#include <libxml/tree.h>

#include "../doc/doc.h"
#include "../util/buffer.h"

/* Where each footnote marker points, and each note's back-link. */
struct note_target {
	const struct node *ref;       /* a NODE_NOTE_REF */
	const struct node *note;      /* the NODE_FOOTNOTE it names */
	char id[32];                  /* the marker's own id */
	int settled;                  /* a block of its style has passed */
};

struct html {
	xmlDocPtr doc;
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

static inline xmlNodePtr
element(struct html *h, xmlNodePtr parent, const char *name)
{
	xmlNodePtr e = xmlNewChild(parent, NULL, BAD_CAST name, NULL);

	if (e == NULL)
		h->failed = 1;
	return e;
}

static inline void
attr(struct html *h, xmlNodePtr e, const char *name, const char *value)
{
	if (e != NULL && xmlNewProp(e, BAD_CAST name, BAD_CAST value) == NULL)
		h->failed = 1;
}

static inline void
text(struct html *h, xmlNodePtr parent, const char *s)
{
	xmlNodePtr t;

	if (parent == NULL)
		return;
	if ((t = xmlNewText(BAD_CAST s)) == NULL ||
	    xmlAddChild(parent, t) == NULL)
		h->failed = 1;
}

/* A page: html_page_new, then html_page_open (its head with the title,
 * author and styles; returns <main>), the content, html_page_save and
 * html_page_free in every case. */
int html_page_new(struct html *h);
xmlNodePtr html_page_open(struct html *h, enum lang lang, const char *title,
    const char *author, const char *extra_style);
int html_page_save(struct html *h, struct buffer *out);
void html_page_free(struct html *h);

/* Resolves each footnote marker of doc to its note (before writing). */
void html_collect_notes(struct html *h, const struct node *n,
    size_t *pending);
/* Writes n's child blocks into parent. */
void html_children(struct html *h, xmlNodePtr parent, const struct node *n);

#endif
