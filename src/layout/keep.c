#include "keep.h"

double
heading_size(int level)
{
	return level == 1 ? 14 : level == 2 ? 11 : 10;
}

double
heading_before(double size)
{
	return size * 0.9;
}

double
heading_after(double size)
{
	return size * 0.35;
}

double
heading_keep(const struct node *n, double leading, double follow)
{
	const struct node *k;
	double keep = follow;

	for (k = n->next; k != NULL && k->kind == NODE_HEADING; k = k->next) {
		double size = heading_size(k->u.heading.level);

		keep += heading_before(size) + size * leading + heading_after(size);
	}
	return keep;
}
