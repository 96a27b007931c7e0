/*
 * A chart's geometry and palette, for every backend that draws it: where
 * a category and a value fall between two edges, and how each series and
 * grid line is told apart in black and white. The backends choose only
 * the edges and their own units.
 */
#include "doc.h"

#include <stdlib.h>

void
chart_free(struct chart *c)
{
	size_t i;

	if (c == NULL)
		return;
	/* A chart half built when memory ran out has counts set before
	 * their arrays. */
	for (i = 0; c->categories != NULL && i < c->ncategories; i++)
		free(c->categories[i]);
	free(c->categories);
	for (i = 0; c->series != NULL && i < c->nseries; i++) {
		free(c->series[i].label);
		free(c->series[i].values);
		free(c->series[i].present);
	}
	free(c->series);
	for (i = 0; c->tick_labels != NULL && i < c->nticks; i++)
		free(c->tick_labels[i]);
	free(c->tick_labels);
	free(c->ticks);
	free(c);
}

/* Gray levels (0 black, 1 white) and dash kinds that still tell four
 * series apart on a black-and-white printer. */
static const struct chart_style series_styles[] = {
	{ 0.0, CHART_DASH_SOLID },
	{ 0.45, CHART_DASH_DASHED },
	{ 0.25, CHART_DASH_DOTTED },
	{ 0.6, CHART_DASH_DASH_DOT },
};

const struct chart_style *
chart_series_style(size_t series)
{
	return &series_styles[series % (sizeof(series_styles) /
	    sizeof(series_styles[0]))];
}

double
chart_grid_gray(size_t tick)
{
	return tick == 0 ? 0.0 : 0.8;
}

double
chart_x(const struct chart *ch, size_t category, double left, double right)
{
	return left + ((double)category + 0.5) * (right - left) /
	    (double)ch->ncategories;
}

double
chart_y(const struct chart *ch, double value, double bottom, double top)
{
	double span = ch->high - ch->low > 0 ? ch->high - ch->low : 1;

	return bottom + (value - ch->low) / span * (top - bottom);
}
