#include "refs.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"

int
marked_run_add(struct node *parent, const char *s, size_t len,
    enum change_mark mark)
{
	char *text;
	struct node *t = NULL;

	if (len == 0)
		return 0;
	if ((text = strndup(s, len)) != NULL &&
	    (t = node_add_text(parent, text, parent->lang)) != NULL)
		t->change = mark;
	free(text);
	return t != NULL ? 0 : -1;
}

static int
take(struct node *n, size_t *offset, struct note_refs *r)
{
	struct node *k, *next;
	char marker[64];

	for (k = n->first; k != NULL; k = next) {
		next = k->next;
		if (k->kind == NODE_TEXT)
			*offset += strlen(k->u.text.text);
		else if (k->kind == NODE_NOTE_REF) {
			struct node **nodes;
			size_t *at, *len;

			if ((nodes = array_grow(r->nodes, r->n, sizeof(*nodes))) != NULL)
				r->nodes = nodes;
			if ((at = array_grow(r->at, r->n, sizeof(*at))) != NULL)
				r->at = at;
			if ((len = array_grow(r->len, r->n, sizeof(*len))) != NULL)
				r->len = len;
			if (nodes == NULL || at == NULL || len == NULL)
				return -1;
			node_note_marker(k, marker, sizeof(marker));
			node_unlink(k);
			r->nodes[r->n] = k;
			r->at[r->n] = *offset;
			r->len[r->n++] = strlen(marker);
			*offset += strlen(marker);
		} else if (take(k, offset, r) != 0)
			return -1;
	}
	return 0;
}

int
note_refs_take(struct node *n, struct note_refs *r)
{
	size_t offset = 0;

	memset(r, 0, sizeof(*r));
	return take(n, &offset, r);
}

int
note_refs_put(struct note_refs *r, struct node *parent, const char *nt,
    size_t from, size_t len, enum change_mark mark)
{
	size_t end = from + len;

	while (r->next < r->n && r->at[r->next] < from)
		r->next++;
	while (r->next < r->n && r->at[r->next] + r->len[r->next] <= end) {
		struct node *ref = r->nodes[r->next];

		if (marked_run_add(parent, nt + from, r->at[r->next] - from,
		    mark) != 0)
			return -1;
		node_insert_before(parent, ref, NULL);
		ref->change = mark;
		r->nodes[r->next] = NULL;
		from = r->at[r->next] + r->len[r->next];
		r->next++;
	}
	return marked_run_add(parent, nt + from, end - from, mark);
}

void
note_refs_free(struct note_refs *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		node_free(r->nodes[i]);
	free(r->nodes);
	free(r->at);
	free(r->len);
	memset(r, 0, sizeof(*r));
}
