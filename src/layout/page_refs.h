/*
 * Page references of one layout: the page each part of a compilation
 * starts on, and the pages its references printed. A reference is set
 * before its part, so the layout runs again with the pages found until
 * every reference prints the page its part starts on. Private to layout/.
 */
#ifndef KESSAN_PAGE_REFS_H
#define KESSAN_PAGE_REFS_H

#include <stddef.h>

struct part_page {
	const char *part;   /* the document's, not owned */
	int page;           /* 1-based */
};

struct page_refs {
	struct part_page *starts;   /* this pass: where each part starts */
	size_t nstarts;
	struct part_page *printed;  /* this pass: what each reference printed */
	size_t nprinted;
	const struct page_refs *known;  /* the previous pass, or NULL */
};

/* Notes that part starts on page / that a reference printed page.
 * 0, or -1 when out of memory. */
int page_refs_start(struct page_refs *r, const char *part, int page);
int page_refs_print(struct page_refs *r, const char *part, int page);

/* The page part starts on as far as known (the previous pass), or 0. */
int page_refs_page(const struct page_refs *r, const char *part);

/* 1 when every reference printed the page its part starts on, 0 when not
 * yet; -1 when one names a part the document does not have (*missing). */
int page_refs_settled(const struct page_refs *r, const char **missing);

void page_refs_free(struct page_refs *r);

#endif
