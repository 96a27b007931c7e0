/*
 * Changes grouped by cause. A cause is one input that differs between
 * two drafts (a fact of one period, a narrative slot, a footnote, a
 * policy…); what it explains is found by comparing the old draft with the
 * old draft changed by that input alone ("what if only this changed").
 * These functions match those comparisons against the real one: they
 * never look at the inputs, only at the printed changes.
 */
#ifndef KESSAN_DIFF_GROUP_H
#define KESSAN_DIFF_GROUP_H

#include "diff.h"

/*
 * Sets d->causes to causes[0..ncauses) (taking the array and its strings)
 * and each change's cause. alone[i] is the diff of the old draft against
 * the old draft with causes[i] alone applied; an alone[i] with failed set
 * is a cause that could not be tried on its own. A change goes to:
 *  1. the first cause, in order, whose own diff holds the same change
 *     (the same place and old text, the same new text): it explains it
 *     alone, whatever else also would;
 *  2. else a "combined" group, one per set of causes whose own diffs
 *     touch that place (each moves it, none alone to what it became; a
 *     sentence is touched by a change of words that holds it or lies in
 *     it);
 *  3. else, by elimination, the one cause not tried alone (alone[i]
 *     failed), or a "combined" group of the causes not tried when
 *     several;
 *  4. else one "other" group: no input explains it (never dropped).
 * Combined and other groups are appended after the causes. Returns 0, or
 * -1 out of memory (d->failed set; d's causes then are what was built).
 */
int diff_group(struct diff *d, struct change_cause *causes, size_t ncauses,
    const struct diff *alone);

/*
 * Marks the figures of d that footing alone moved: unfooted is the same
 * two drafts compared with every cell rounded on its own, and a figure
 * changed in d but not there kept its own rounding: only the allocation
 * that makes columns add up moved it. Returns how many were marked.
 */
size_t diff_mark_footing(struct diff *d, const struct diff *unfooted);

#endif
