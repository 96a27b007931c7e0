/*
 * The runs of a block the diff marks: text runs with a change mark, and
 * the block's footnote references, taken out before its runs are rebuilt
 * and put back where their markers stand in its new text, so a changed
 * paragraph keeps its links to its notes.
 */
#ifndef KESSAN_DIFF_REFS_H
#define KESSAN_DIFF_REFS_H

#include <stddef.h>

#include "../doc/doc.h"

struct note_refs {
	struct node **nodes;  /* unlinked; NULL once put back */
	size_t *at;           /* where each marker stands in the plain text */
	size_t *len;          /* its length */
	size_t n, next;
};

/* Appends s[0..len) to parent as a text run marked `mark` (nothing when
 * len is 0). 0, or -1 out of memory. */
int marked_run_add(struct node *parent, const char *s, size_t len,
    enum change_mark mark);

/* Takes block n's references out of it (zeroing r first), with their
 * places in node_plain_text(n). 0, or -1 out of memory (r holds those
 * taken). */
int note_refs_take(struct node *n, struct note_refs *r);

/* Appends nt[from, from + len), a run of the block's new plain text, to
 * parent: text, and the references whose markers lie whole inside it as
 * references again, all marked `mark`. Runs must come in text order.
 * 0, or -1 out of memory. */
int note_refs_put(struct note_refs *r, struct node *parent, const char *nt,
    size_t from, size_t len, enum change_mark mark);

/* Frees the references not put back. */
void note_refs_free(struct note_refs *r);

#endif
