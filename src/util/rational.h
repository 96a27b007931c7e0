/*
 * Exact rational numbers for figures.
 *
 * Facts are decimals at full precision; derived figures (ratios, per-cent
 * changes, convenience translations) are computed exactly as fractions and
 * rounded once, for display. No binary floating point touches a figure.
 */
#ifndef KESSAN_RATIONAL_H
#define KESSAN_RATIONAL_H

#include <stddef.h>
#include <stdint.h>

/* num/den in lowest terms, den > 0. */
struct rat {
	int64_t num;
	int64_t den;
};

enum rat_status {
	RAT_OK = 0,
	RAT_OVERFLOW,   /* the exact result does not fit in 64-bit terms */
	RAT_DIV_ZERO,
	RAT_SYNTAX      /* not a decimal number */
};

enum round_mode {
	ROUND_HALF_UP,   /* half away from zero: 1,205,649 -> 1,206 thousand */
	ROUND_TRUNCATE   /* toward zero: the common 百万円未満切捨て */
};

/* Longest decimal accepted: beyond this a figure is a typo or an attack. */
#define RAT_MAX_DIGITS 18

static inline struct rat
rat_int(int64_t n)
{
	struct rat r = { n, 1 };
	return r;
}

/*
 * Parses an optionally signed decimal ("-100489", "18.72") of at most
 * RAT_MAX_DIGITS digits. On success stores the value in *out and, if
 * decimals is not NULL, the number of digits written after the point.
 */
enum rat_status rat_parse(const char *text, struct rat *out, int *decimals);

enum rat_status rat_add(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_sub(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_mul(struct rat a, struct rat b, struct rat *out);
enum rat_status rat_div(struct rat a, struct rat b, struct rat *out);
/* a * 10^power, power may be negative. */
enum rat_status rat_scale10(struct rat a, int power, struct rat *out);

struct rat rat_neg(struct rat a);
struct rat rat_abs(struct rat a);
/* -1, 0 or 1 as a < b, a == b, a > b. */
int rat_cmp(struct rat a, struct rat b);
int rat_sign(struct rat a);
int rat_is_zero(struct rat a);

/*
 * Rounds a to `places` decimals (0..9) under mode and stores the result as
 * an integer count of 10^-places units: 128.74 at 1 place -> 1287.
 */
enum rat_status rat_round(struct rat a, int places, enum round_mode mode,
    int64_t *scaled);

/*
 * Writes a rounded to `places` decimals as a plain decimal string for ICU
 * ("-128.7", "8675"): no grouping, '.' as the point. Returns RAT_OVERFLOW
 * if the buffer is too small.
 */
enum rat_status rat_to_decimal(struct rat a, int places, enum round_mode mode,
    char *buf, size_t size);

/*
 * Writes a exactly if it is a finite decimal, else to 12 decimals rounded
 * half-up; trailing zeros after the point are dropped. For messages.
 */
enum rat_status rat_to_exact_decimal(struct rat a, char *buf, size_t size);

#endif
