/*
 * Everything a reader sees as a number or a date goes through here, and
 * from here through ICU. Figures arrive decided by the figure stage:
 * rounded, footed and signed. This file only writes them in a language's
 * digits and negative style; it never rounds and never evaluates.
 */
#ifndef KESSAN_FORMAT_H
#define KESSAN_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "../figure/figure.h"

struct formatter;

/*
 * Opens a formatter for one language under the company's negative-number
 * policy. Returns NULL only when out of memory (the locale's data is
 * looked up later, per number style). Free with formatter_close.
 */
struct formatter *formatter_open(enum lang lang, const struct company *company);
/* Switches to another era's negative-number policy (company.xml <era>). */
void formatter_use_company(struct formatter *f, const struct company *company);
void formatter_close(struct formatter *f);

enum number_style {
	NUMBER_PLAIN,    /* 1,234.5 */
	NUMBER_PERCENT,  /* 1,234.5% */
	NUMBER_YEAR,     /* 2004: no grouping, for years and ids */
	NUMBER_TWO_DIGITS, /* 04: the last two digits, as in "1Q04" */
	NUMBER_STYLE_MAX
};

/* format_units flags */
#define FORMAT_MAGNITUDE 0x01  /* drop the sign: "a decrease of 4.0%" */
#define FORMAT_NEGATIVE  0x02  /* a negative shown as zero: "△0" */

/*
 * Formats units * 10^-places (places 0..6) exactly, with `places` digits
 * after the point. Negatives follow the language's policy: "(1,234)",
 * "△1,234", "▲1,234" or "-1,234"; a zero with FORMAT_NEGATIVE shows as
 * "△0" in the triangle styles and as plain zero otherwise. Returns 0, or
 * -1 on an ICU failure or when out is too small.
 */
int format_units(struct formatter *f, int64_t units, int places,
    enum number_style style, unsigned flags, char *out, size_t size);

/* A figure as printed: its units and decimals, per-cent sign and
 * magnitude as its flags say. Same returns. */
int format_figure(struct formatter *f, const struct figure *fig, char *out,
    size_t size);

enum date_style {
	DATE_LONG,   /* August 10, 2004 / 2004年8月10日 */
	DATE_SHORT   /* Aug 10, 2004 / 2004年8月10日 */
};

int format_date(struct formatter *f, const struct date *date,
    enum date_style style, char *out, size_t size);

#endif
