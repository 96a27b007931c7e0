/*
 * The causes of `kessan diff` that are no part of the book's data: a
 * catalog message (one key of one language) and a template file, each
 * of the layout the release renders with on either side.
 */
#ifndef KESSAN_CAUSES_LAYOUT_H
#define KESSAN_CAUSES_LAYOUT_H

#include "causes_find.h"
#include "render.h"

/*
 * Appends to f a "message" cause per catalog key whose pattern differs
 * between the catalogs quarter `period` renders with in old and new (per
 * language, "ja:table.capex.caption"), and a "template" cause per
 * template file whose bytes differ, named by its path in the book
 * ("layouts/v2/templates/tables.xml"). A message both sides have is tried
 * alone (its pattern swapped in the old catalog); a template file is
 * tried alone when it is the only one that differs and both books list
 * the same facts (the new side's set then is the old set with that file
 * changed); any other is found by elimination (TRY_NONE). Sets f->failed
 * when out of memory; a layout that does not load adds nothing.
 */
void causes_find_layout(struct finder *f, struct render_env *old,
    struct render_env *new, const char *period);

/* Applies a TRY_MESSAGE or TRY_TEMPLATE cause to the old side; undone by
 * causes_layout_undo. Returns 0, or -1 when it cannot be tried. */
int causes_layout_apply(struct try *t);
void causes_layout_undo(struct try *t);

#endif
