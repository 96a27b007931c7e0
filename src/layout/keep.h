/*
 * What a heading keeps with it at a page foot. Private to layout/.
 */
#ifndef KESSAN_KEEP_H
#define KESSAN_KEEP_H

#include "../doc/doc.h"

/* The type size of a heading of level (1-3; deeper is 3's). */
double heading_size(int level);

/* The space above and below a heading's line at size. */
double heading_before(double size);
double heading_after(double size);

/*
 * The height heading n keeps with it on its page: `follow` (the lines of
 * body text every heading keeps), and before that each heading that
 * follows it directly, as one line at `leading` times its size, so that
 * a run of headings (a section's, then a subsection's from the template
 * or the narrative) moves to the next page together instead of leaving
 * the first at the foot.
 */
double heading_keep(const struct node *n, double leading, double follow);

#endif
