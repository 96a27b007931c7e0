#include "page_refs.h"

#include <stdlib.h>
#include <string.h>

static int
append(struct part_page **list, size_t *n, const char *part, int page)
{
	struct part_page *grown = realloc(*list, (*n + 1) * sizeof(**list));

	if (grown == NULL)
		return -1;
	grown[*n].part = part;
	grown[*n].page = page;
	*list = grown;
	(*n)++;
	return 0;
}

int
page_refs_start(struct page_refs *r, const char *part, int page)
{
	return append(&r->starts, &r->nstarts, part, page);
}

int
page_refs_print(struct page_refs *r, const char *part, int page)
{
	return append(&r->printed, &r->nprinted, part, page);
}

static int
start_of(const struct page_refs *r, const char *part)
{
	size_t i;

	for (i = 0; r != NULL && i < r->nstarts; i++)
		if (strcmp(r->starts[i].part, part) == 0)
			return r->starts[i].page;
	return 0;
}

int
page_refs_page(const struct page_refs *r, const char *part)
{
	return start_of(r->known, part);
}

int
page_refs_settled(const struct page_refs *r, const char **missing)
{
	size_t i;
	int settled = 1;

	for (i = 0; i < r->nprinted; i++) {
		int page = start_of(r, r->printed[i].part);

		if (page == 0) {
			*missing = r->printed[i].part;
			return -1;
		}
		if (page != r->printed[i].page)
			settled = 0;
	}
	return settled;
}

void
page_refs_free(struct page_refs *r)
{
	free(r->starts);
	free(r->printed);
	r->starts = r->printed = NULL;
	r->nstarts = r->nprinted = 0;
}
