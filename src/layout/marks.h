/*
 * A diff's marks through layout, for the redline PDF: each text run
 * remembers whether the diff deleted or inserted it and the node it came
 * from; a pass after layout colours the marked runs, strikes or
 * underlines them and puts a change bar in the margin of their lines.
 * A release has no marks, and none of this changes its layout.
 */
#ifndef KESSAN_MARKS_H
#define KESSAN_MARKS_H

#include <stddef.h>

#include <unicode/utypes.h>

#include "layout.h"

/* The colours of the redline: struck deleted text, underlined new text. */
#define MARK_DELETED_RGB 0xC62828
#define MARK_INSERTED_RGB 0x1565C0

/* The mark n's text shows: its own, or the nearest marked block's. */
enum change_mark marks_of(const struct node *n);

/* A new op of kind on page pg, zeroed but for its kind; NULL when out of
 * memory. Private to layout/. */
struct lay_op *page_op(struct lay_page *pg, enum op_kind kind);

/* Whether inserted text n, marked now, must be set apart by a space
 * from the n units shaped before it (u, mark): deleted text ending
 * right where it starts. Private to layout/. */
int marks_need_space(const unsigned char *mark, const UChar *u, int32_t n,
    enum change_mark now, const struct node *text);

/*
 * Draws the marks of every page of lay: marked runs in colour, deleted
 * ones struck and inserted ones underlined, and with bars, a bar in the
 * left margin of every line that holds one. Returns 0, or -1 when out of
 * memory (lay is then still whole, to be freed).
 */
int layout_draw_marks(struct layout *lay, int bars);

/* A change bar by the line of text operation op of pg (a change drawn
 * without marked text: a chart's data). 0, or -1 when out of memory. */
int layout_bar(struct lay_page *pg, size_t op);

/* Moves src's pages after dst's (src is freed). 0, or -1 when out of
 * memory (src is freed all the same, dst unchanged). */
int layout_append(struct layout *dst, struct layout *src);

#endif
