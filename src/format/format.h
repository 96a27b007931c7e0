/*
 * Everything a reader sees as a number or a date goes through here, and
 * from here through ICU. Values arrive exact (struct rat), are rounded once
 * under the company's policy, and are handed to ICU as decimal strings.
 */
#ifndef KESSAN_FORMAT_H
#define KESSAN_FORMAT_H

#include <stddef.h>

#include "../model/book.h"

struct formatter;

/*
 * Opens a formatter for one language under the company's rounding and
 * negative-number policies. Returns NULL only when out of memory (the
 * locale's data is looked up later, per number style). Free with
 * formatter_close.
 */
struct formatter *formatter_open(enum lang lang, const struct company *company);
void formatter_close(struct formatter *f);

enum number_style {
	NUMBER_PLAIN,    /* 1,234.5 */
	NUMBER_PERCENT,  /* 1,234.5% */
	NUMBER_YEAR,     /* 2004: no grouping, for years and ids */
	NUMBER_TWO_DIGITS, /* 04: the last two digits, as in "1Q04" */
	NUMBER_STYLE_MAX
};

/* format_number flags */
#define FORMAT_MAGNITUDE 0x01  /* drop the sign: "a decrease of 4.0%" */
#define FORMAT_RATIO     0x02  /* a per cent or ratio: the company's rounding
                                  of per cents, not of amounts */

/*
 * Formats value rounded to `decimals` (0..6) under the company's rounding
 * of amounts (or of per cents, with FORMAT_RATIO). Negatives follow the
 * language's policy: "(1,234)", "△1,234", "▲1,234" or "-1,234"; a negative
 * that rounds to zero shows as "△0" in the triangle styles and as plain
 * zero otherwise. Returns 0, or -1 on overflow or an ICU failure.
 */
int format_number(struct formatter *f, struct rat value, int decimals,
    enum number_style style, unsigned flags, char *out, size_t size);

/* value rounded as format_number would show it (flags as above), exact:
 * the figure a reader sees, for checking the text against. */
int format_rounded(struct formatter *f, struct rat value, int decimals,
    unsigned flags, struct rat *out);

/* The sign of value once rounded to `decimals` (flags as above). */
int format_rounded_sign(struct formatter *f, struct rat value, int decimals,
    unsigned flags);

enum date_style {
	DATE_LONG,   /* August 10, 2004 / 2004年8月10日 */
	DATE_SHORT   /* Aug 10, 2004 / 2004年8月10日 */
};

int format_date(struct formatter *f, const struct date *date,
    enum date_style style, char *out, size_t size);

#endif
