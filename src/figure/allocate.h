/*
 * Figures that foot: rounding a sum's components so that, as printed,
 * they add up exactly to the printed total (largest-remainder
 * allocation). The total is rounded on its own from full precision;
 * each component is shown at most one display unit off its own rounding.
 */
#ifndef KESSAN_ALLOCATE_H
#define KESSAN_ALLOCATE_H

#include <stddef.h>
#include <stdint.h>

#include "../util/rational.h"

enum allocate_status {
	ALLOCATE_OK = 0,
	ALLOCATE_OVERFLOW,    /* a figure does not fit */
	ALLOCATE_NO_MEMORY,
	ALLOCATE_NO_FOOTING   /* the parts are more than a unit each away from
	                         the total: they are not its components */
};

/*
 * Rounds parts[0..n) to `decimals` places so that they add up to total
 * rounded on its own under mode; writes them to out[] as counts of
 * 10^-decimals units, and the total to *total_out. Each part starts from
 * its floor; the units still missing go to the parts with the largest
 * remainders. Ties go to the part largest in magnitude, then to the
 * earlier one, so the result never depends on anything but the figures.
 * With nested subtotals, allocate the outer sum first and pass a
 * subtotal's allocated figure as the total of its own parts (see
 * allocate_to_units).
 */
enum allocate_status allocate(const struct rat *parts, size_t n,
    struct rat total, int decimals, enum round_mode mode, int64_t *out,
    int64_t *total_out);

/* The same with the total already fixed in units (a subtotal allocated
 * one level up). */
enum allocate_status allocate_to_units(const struct rat *parts, size_t n,
    int64_t total_units, int decimals, int64_t *out);

#endif
