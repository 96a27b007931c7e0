/*
 * Cell references, number text and "did you mean": the parts of reading
 * a spreadsheet that need no file.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"

int
cell_ref_parse(const char *text, unsigned *col, unsigned *row,
    const char **rest)
{
	const char *p = text;
	unsigned long c = 0, r = 0;
	int letters = 0, digits = 0;

	while (*p >= 'A' && *p <= 'Z' && letters < 4) {
		c = c * 26 + (unsigned long)(*p - 'A' + 1);
		p++;
		letters++;
	}
	if (letters == 0 || letters > 3 || c > CELL_MAX_COLUMNS || *p == '0')
		return -1;
	while (*p >= '0' && *p <= '9' && digits < 8) {
		r = r * 10 + (unsigned long)(*p - '0');
		p++;
		digits++;
	}
	if (digits == 0 || r == 0 || r > CELL_MAX_ROWS)
		return -1;
	if (rest == NULL && *p != '\0')
		return -1;
	if (rest != NULL)
		*rest = p;
	*col = (unsigned)(c - 1);
	*row = (unsigned)r;
	return 0;
}

int
cell_ref_format(unsigned col, unsigned row, char *buf, size_t size)
{
	char letters[4];
	int n = 0, i, len;
	unsigned c = col + 1;

	if (col >= CELL_MAX_COLUMNS || row == 0 || row > CELL_MAX_ROWS)
		return -1;
	while (c > 0) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	if ((size_t)n + 8 > size)
		return -1;
	for (i = 0; i < n; i++)
		buf[i] = letters[n - 1 - i];
	len = n;
	buf[len] = '\0';
	snprintf(buf + len, size - (size_t)len, "%u", row);
	return 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "1,234", "-12,345.67": thousands written with commas. */
static int
is_grouped(const char *p, const char *end)
{
	int lead = 0, groups = 0;

	if (p < end && *p == '-')
		p++;
	while (p < end && is_digit(*p) && lead < 4) {
		p++;
		lead++;
	}
	if (lead == 0 || lead > 3)
		return 0;
	while (p + 4 <= end && p[0] == ',' && is_digit(p[1]) && is_digit(p[2]) &&
	    is_digit(p[3])) {
		p += 4;
		groups++;
	}
	if (groups == 0)
		return 0;
	if (p < end && *p == '.') {
		if (++p == end)
			return 0;
		while (p < end && is_digit(*p))
			p++;
	}
	return p == end;
}

/* Writes sign, digits (no leading zeros; "" for zero) and the number of
 * them after the point (negative: zeros to append) as a plain decimal. */
static enum number_status
write_plain(int negative, const char *digits, long frac, char *out,
    size_t size)
{
	size_t len = strlen(digits), need, at = 0, i;

	if (len == 0) {
		if (size < 2)
			return NUMBER_TOO_LONG;
		strcpy(out, "0");
		return NUMBER_OK;
	}
	need = len + 4 + (size_t)(frac < 0 ? -frac :
	    (frac > (long)len ? frac - (long)len : 0));
	if (need > size)
		return NUMBER_TOO_LONG;
	if (negative)
		out[at++] = '-';
	if (frac <= 0) {
		memcpy(out + at, digits, len);
		at += len;
		for (i = 0; i < (size_t)-frac; i++)
			out[at++] = '0';
	} else if ((long)len > frac) {
		memcpy(out + at, digits, len - (size_t)frac);
		at += len - (size_t)frac;
		out[at++] = '.';
		memcpy(out + at, digits + len - (size_t)frac, (size_t)frac);
		at += (size_t)frac;
	} else {
		out[at++] = '0';
		out[at++] = '.';
		for (i = 0; i < (size_t)(frac - (long)len); i++)
			out[at++] = '0';
		memcpy(out + at, digits, len);
		at += len;
	}
	out[at] = '\0';
	return NUMBER_OK;
}

/* How far apart, in units in the last place, the doubles nearest two
 * decimals of the same sign are; compared as the integers their bits
 * are (consecutive doubles of one sign have consecutive bit patterns),
 * so nothing is computed in floating point. */
static uint64_t
ulps_apart(const char *a, const char *b)
{
	double x = strtod(a, NULL), y = strtod(b, NULL);
	uint64_t i, j;

	memcpy(&i, &x, sizeof(i));
	memcpy(&j, &y, sizeof(j));
	if ((i >> 63) != (j >> 63) || (i << 1 >> 53) == 0x7ff)
		return UINT64_MAX;
	return i > j ? i - j : j - i;
}

/* Longest digit string kept while reading a number: beyond this it is
 * no figure kessan records. */
#define CELL_MAX_DIGITS 40

enum number_status
cell_number(const char *text, int binary, char *out, size_t size)
{
	const char *p = text, *end = text + strlen(text);
	char digits[CELL_MAX_DIGITS + 2];
	size_t n = 0;
	long frac = 0, exponent = 0;
	int negative = 0, any = 0, point = 0;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		end--;
	if (p == end)
		return NUMBER_EMPTY;
	if (is_grouped(p, end))
		return NUMBER_GROUPED;
	if (*p == '-') {
		negative = 1;
		p++;
	}
	if (p == end || !is_digit(*p))
		return NUMBER_TEXT;
	for (; p < end; p++) {
		if (*p == '.' && !point) {
			point = 1;
			if (p + 1 == end || !is_digit(p[1]))
				return NUMBER_TEXT;
			continue;
		}
		if (!is_digit(*p))
			break;
		any = 1;
		if (n == 0 && *p == '0') {   /* a leading zero */
			if (point)
				frac++;
			continue;
		}
		if (n >= CELL_MAX_DIGITS)
			return NUMBER_TOO_LONG;
		digits[n++] = *p;
		if (point)
			frac++;
	}
	if (p < end && binary && (*p == 'E' || *p == 'e')) {
		int eneg = 0, edigits = 0;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		while (p < end && is_digit(*p) && edigits < 4) {
			exponent = exponent * 10 + (*p++ - '0');
			edigits++;
		}
		if (edigits == 0)
			return NUMBER_TEXT;
		if (exponent > 30)
			return NUMBER_TOO_LONG;
		if (eneg)
			exponent = -exponent;
	}
	if (p != end || !any)
		return NUMBER_TEXT;
	digits[n] = '\0';
	frac -= exponent;
	if (!binary)
		return write_plain(negative, digits, frac, out, size);
	/* A double's value: trailing zeros after the point say nothing. */
	while (n > 0 && digits[n - 1] == '0' && frac > 0) {
		digits[--n] = '\0';
		frac--;
	}
	if (n > 15) {
		char rounded[CELL_MAX_DIGITS + 2], again[CELL_MAX_DIGITS + 48];
		char original[CELL_MAX_DIGITS + 48];
		enum number_status st;
		size_t i;
		int carry = digits[15] >= '5';
		long frac0 = frac;

		memcpy(rounded + 1, digits, 15);
		rounded[0] = '0';
		for (i = 15; carry && i > 0; i--) {
			if (rounded[i] == '9')
				rounded[i] = '0';
			else {
				rounded[i]++;
				carry = 0;
			}
		}
		if (carry)
			rounded[0] = '1';
		rounded[16] = '\0';
		frac -= (long)(n - 15);
		/* rounded[0] is '1' only after a carry: drop its zero. */
		memmove(rounded, rounded + (rounded[0] == '0'), 17);
		n = strlen(rounded);
		while (n > 0 && rounded[n - 1] == '0') {
			rounded[--n] = '\0';
			frac--;
		}
		/* The spreadsheet stored a double: the 15-digit decimal is what
		 * was meant when its double is the cell's up to arithmetic's
		 * rounding noise (0.1 + 0.2 is 0.3 and one unit in the last
		 * place). */
		if ((st = write_plain(negative, rounded, frac, again,
		    sizeof(again))) != NUMBER_OK)
			return st;
		if (write_plain(negative, digits, frac0, original,
		    sizeof(original)) != NUMBER_OK ||
		    ulps_apart(again, original) > CELL_MAX_ULPS)
			return NUMBER_INEXACT;
		if (strlen(again) >= size)
			return NUMBER_TOO_LONG;
		strcpy(out, again);
		return NUMBER_OK;
	}
	return write_plain(negative, digits, frac, out, size);
}

/* Levenshtein distance, capped: anything above `limit` is limit + 1. */
static size_t
distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[64];

	if (la >= 63 || lb >= 63)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], cost = a[i - 1] != b[j - 1];
			size_t v = diag + cost;

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}

const char *
cell_closest(const char *word, const char *const *candidates, size_t n)
{
	size_t limit = strlen(word) / 3, i, best = (size_t)-1;
	const char *found = NULL;

	if (limit > 2)
		limit = 2;
	if (limit == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t d = distance(word, candidates[i], limit);

		if (d <= limit && d < best) {
			best = d;
			found = candidates[i];
		}
	}
	return found;
}
