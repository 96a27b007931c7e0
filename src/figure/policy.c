/*
 * The company's rounding policy, read here and nowhere else: amounts in
 * their display unit under <rounding>, per cents and ratios under its
 * percent attribute. Everything that rounds a figure asks this file.
 */
#include "figure.h"

/* The release's era decides (company.xml <era>): a release reprints its
 * comparatives under its own convention. */
static enum round_mode
mode_for(const struct book *book, const struct period *release,
    unsigned flags)
{
	const struct company *c = period_company(book, release);

	return flags & FIGURE_RATIO ? c->percent_rounding : c->rounding;
}

struct eval_ctx
figure_eval_context(const struct book *book, int at, int viewpoint)
{
	struct eval_ctx ctx = { .book = book, .at = at, .viewpoint = viewpoint,
	    .cumulative = book->company.cumulative,
	    .rounding = mode_for(book, book_period(book, viewpoint), 0) };

	return ctx;
}

int
figure_round_units(const struct book *book, const struct period *release,
    struct rat value, int decimals, unsigned flags, int64_t *units)
{
	return rat_round(value, decimals, mode_for(book, release, flags),
	    units) == RAT_OK ? 0 : -1;
}

int
figure_round(const struct book *book, const struct period *release,
    struct rat value, int decimals, unsigned flags, struct rat *printed)
{
	int64_t units;

	if (figure_round_units(book, release, value, decimals, flags,
	    &units) != 0 ||
	    rat_scale10(rat_int(units), -decimals, printed) != RAT_OK)
		return -1;
	return 0;
}

int
figure_print(const struct book *book, const struct period *release,
    struct figure *f, struct rat value)
{
	f->exact = value;
	if (figure_round_units(book, release, value, f->decimals, f->flags,
	    &f->units) != 0 ||
	    rat_scale10(rat_int(f->units), -f->decimals, &f->printed) != RAT_OK)
		return -1;
	f->state = FIGURE_VALUE;
	f->sign = (f->units > 0) - (f->units < 0);
	f->negative = rat_sign(value) < 0;
	return 0;
}
