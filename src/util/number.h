/*
 * Numbers for people, through ICU. Figures reach here as exact decimal
 * strings ("-8674907", "128.7") and are never turned into doubles.
 */
#ifndef KESSAN_NUMBER_H
#define KESSAN_NUMBER_H

#include <stddef.h>

#include "../util/rational.h"

struct number_formatter;

/*
 * Opens a formatter for an ICU locale ("en", "ja") that groups digits and
 * keeps every digit it is given. Returns NULL if ICU cannot (out of memory,
 * missing locale data).
 */
struct number_formatter *number_formatter_open(const char *locale);
void number_formatter_close(struct number_formatter *f);

/*
 * Formats a decimal string into out as UTF-8. Returns 0, or -1 if ICU
 * rejects it or out is too small.
 */
int number_format_decimal(struct number_formatter *f, const char *decimal,
    char *out, size_t size);

/* Formats an exact rational (to at most 12 decimals). Same returns. */
int number_format_rat(struct number_formatter *f, struct rat value,
    char *out, size_t size);

/*
 * Formats value rounded half up to `places` decimals, keeping them
 * ("114.0"). Without a formatter, or if ICU fails, writes the plain
 * decimal: for diagnostics, which must say something. Returns -1 only
 * when the value does not fit.
 */
int number_format_places(struct number_formatter *f, struct rat value,
    int places, char *out, size_t size);

#endif
