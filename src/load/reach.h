/*
 * How far from its own quarter a release can read: the quarters its
 * templates' tables, charts and messages and its authored narrative name,
 * widened for year-to-date sums. Rendering one quarter loads only these.
 */
#ifndef KESSAN_REACH_H
#define KESSAN_REACH_H

#include "../model/book.h"
#include "template.h"

/* Quarter offsets from the release, first <= 0 <= last. */
struct reach {
	int first;
	int last;
};

/*
 * Widens *r by every quarter the templates can read. `cumulative` is the
 * company's policy (flows summed year to date). Returns 0, or -1 when a
 * construct has no known bound: then every quarter must be loaded.
 */
int reach_templates(const struct template_set *set, int cumulative,
    struct reach *r);

/* The same for what a period file itself names: its narrative in every
 * language, its display adjustments and stated changes. */
int reach_period(const struct period *p, int cumulative, struct reach *r);

#endif
