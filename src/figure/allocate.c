#include "allocate.h"

#include <stdlib.h>

/* A part's place in the queue for the units still to give. */
struct claim {
	size_t index;
	struct rat remainder;   /* exact units above the floor, in [0, 1) */
	struct rat magnitude;   /* |part| in units, for ties */
};

static int
by_claim(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;
	int c = rat_cmp(y->remainder, x->remainder);

	if (c == 0)
		c = rat_cmp(y->magnitude, x->magnitude);
	if (c == 0)
		c = (x->index > y->index) - (x->index < y->index);
	return c;
}

/* a + b into *out; -1 if it does not fit. */
static int
add_checked(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return -1;
	*out = a + b;
	return 0;
}

/* floor(a) as an integer, and a - floor(a). */
static enum rat_status
split_floor(struct rat a, int64_t *whole, struct rat *fraction)
{
	int64_t q = a.num / a.den;   /* toward zero; den > 0 */

	if (a.num % a.den != 0 && a.num < 0)
		q--;
	*whole = q;
	return rat_sub(a, rat_int(q), fraction);
}

enum allocate_status
allocate_to_units(const struct rat *parts, size_t n, int64_t total_units,
    int decimals, int64_t *out)
{
	struct claim *claims;
	int64_t floors = 0, residual;
	size_t i;
	enum allocate_status st = ALLOCATE_OK;

	if (n == 0)
		return total_units == 0 ? ALLOCATE_OK : ALLOCATE_NO_FOOTING;
	if ((claims = calloc(n, sizeof(*claims))) == NULL)
		return ALLOCATE_NO_MEMORY;
	for (i = 0; i < n; i++) {
		struct rat units;

		if (rat_scale10(parts[i], decimals, &units) != RAT_OK ||
		    split_floor(units, &out[i], &claims[i].remainder) != RAT_OK ||
		    add_checked(floors, out[i], &floors) != 0) {
			st = ALLOCATE_OVERFLOW;
			goto out;
		}
		claims[i].index = i;
		claims[i].magnitude = rat_abs(units);
	}
	/* Between the floors and the floors plus one each, or not a sum of
	 * these parts at all. */
	if (floors == INT64_MIN ||
	    add_checked(total_units, -floors, &residual) != 0) {
		st = ALLOCATE_OVERFLOW;
		goto out;
	}
	if (residual < 0 || (uint64_t)residual > n) {
		st = ALLOCATE_NO_FOOTING;
		goto out;
	}
	qsort(claims, n, sizeof(*claims), by_claim);
	for (i = 0; i < (size_t)residual; i++)
		out[claims[i].index]++;
out:
	free(claims);
	return st;
}

enum allocate_status
allocate(const struct rat *parts, size_t n, struct rat total, int decimals,
    enum round_mode mode, int64_t *out, int64_t *total_out)
{
	if (rat_round(total, decimals, mode, total_out) != RAT_OK)
		return ALLOCATE_OVERFLOW;
	return allocate_to_units(parts, n, *total_out, decimals, out);
}
