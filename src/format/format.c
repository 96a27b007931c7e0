#include "format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>


#define MAX_DECIMALS 6
/* Numbers ICU formatted, remembered by their low bits: a release shows
 * most of its figures more than once (its tables and its text, this
 * quarter's as next quarter's comparatives). */
#define DIGITS_MEMO 512
#define DIGITS_MAX 40

struct digits_memo {
	uint64_t magnitude;
	signed char style;     /* -1: empty */
	signed char places;
	char digits[DIGITS_MAX];
};

/* Dates formatted, remembered by day and style: every period label
 * formats three, mostly the same few quarter ends in each release of a
 * batch, at some 11,000 instructions each through ICU. */
#define DATES_MEMO 64
#define DATE_TEXT 64

struct date_memo {
	int year, month, day;
	int style;             /* 0: empty; else the style + 1 */
	char text[DATE_TEXT];
};

struct formatter {
	enum lang lang;
	enum negative_style negatives;
	/* [style][decimals], opened on first use */
	UNumberFormatter *numbers[NUMBER_STYLE_MAX][MAX_DECIMALS + 1];
	UFormattedNumber *result;
	UDateFormat *dates[2];
	UCalendar *calendar;   /* Gregorian, UTC: a date's instant */
	/* Opened for the first date style, kept for the other: opening one
	 * loads the locale's patterns, the most of a date format's cost. */
	UDateTimePatternGenerator *patterns;
	struct digits_memo *memo;   /* DIGITS_MEMO of them, or NULL */
	struct date_memo *date_memo;   /* DATES_MEMO of them, or NULL */
};

struct formatter *
formatter_open(enum lang lang, const struct company *company)
{
	struct formatter *f = calloc(1, sizeof(*f));
	UErrorCode status = U_ZERO_ERROR;

	if (f == NULL)
		return NULL;
	f->lang = lang;
	f->negatives = company->negatives[lang];
	f->result = unumf_openResult(&status);
	if (U_FAILURE(status)) {
		formatter_close(f);
		return NULL;
	}
	return f;
}

void
formatter_use_company(struct formatter *f, const struct company *company)
{
	f->negatives = company->negatives[f->lang];
}

void
formatter_close(struct formatter *f)
{
	int s, d;

	if (f == NULL)
		return;
	for (s = 0; s < NUMBER_STYLE_MAX; s++)
		for (d = 0; d <= MAX_DECIMALS; d++)
			if (f->numbers[s][d] != NULL)
				unumf_close(f->numbers[s][d]);
	if (f->result != NULL)
		unumf_closeResult(f->result);
	for (s = 0; s < 2; s++)
		if (f->dates[s] != NULL)
			udat_close(f->dates[s]);
	if (f->calendar != NULL)
		ucal_close(f->calendar);
	if (f->patterns != NULL)
		udatpg_close(f->patterns);
	free(f->memo);
	free(f->date_memo);
	free(f);
}

static UNumberFormatter *
number_formatter(struct formatter *f, enum number_style style, int decimals)
{
	char skeleton[96];
	UChar u[96];
	UErrorCode status = U_ZERO_ERROR;
	int i, n;

	if (f->numbers[style][decimals] != NULL)
		return f->numbers[style][decimals];
	/*
	 * The value is already rounded exactly; ICU keeps its digits, with
	 * exactly `decimals` of them after the point. Signs are ours.
	 */
	static const char *const style_words[NUMBER_STYLE_MAX] = {
		"", " percent", " group-off", " integer-width/00 group-off"
	};
	char precision[MAX_DECIMALS + 2] = ".";

	for (i = 0; i < decimals; i++)
		precision[i + 1] = '0';
	precision[decimals + 1] = '\0';
	n = snprintf(skeleton, sizeof(skeleton), "%s sign-never%s",
	    decimals == 0 ? "precision-integer" : precision, style_words[style]);
	if (n < 0 || (size_t)n >= sizeof(skeleton))
		return NULL;
	u_uastrcpy(u, skeleton);
	f->numbers[style][decimals] = unumf_openForSkeletonAndLocale(u, -1,
	    lang_code(f->lang), &status);
	if (U_FAILURE(status))
		f->numbers[style][decimals] = NULL;
	return f->numbers[style][decimals];
}

static int
utf16_out(const UChar *u, int32_t n, char *out, size_t size)
{
	UErrorCode status = U_ZERO_ERROR;

	u_strToUTF8(out, (int32_t)size, NULL, u, n, &status);
	return U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ?
	    -1 : 0;
}

/* units * 10^-places as a plain decimal without its sign ("1287" at 1
 * place is "128.7"): digits only, for ICU. */
static int
units_decimal(int64_t units, int places, char *out, size_t size)
{
	uint64_t magnitude = units < 0 ? -(uint64_t)units : (uint64_t)units;
	char digits[32], *p = digits + sizeof(digits) - 1;
	int n;

	/* "%0*llu" of places + 1, without printf's cost */
	*p = '\0';
	do {
		*--p = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude != 0);
	while (digits + sizeof(digits) - 1 - p < places + 1)
		*--p = '0';
	n = (int)(digits + sizeof(digits) - 1 - p);
	memmove(digits, p, (size_t)n + 1);
	if ((size_t)n + 2 > size)
		return -1;
	if (places == 0) {
		memcpy(out, digits, (size_t)n + 1);
		return 0;
	}
	memcpy(out, digits, (size_t)(n - places));
	out[n - places] = '.';
	memcpy(out + n - places + 1, digits + n - places, (size_t)places + 1);
	return 0;
}

/* The memo's slot for a magnitude in a style at places. */
static struct digits_memo *
memo_slot(struct formatter *f, uint64_t magnitude, enum number_style style,
    int places)
{
	uint64_t h = (magnitude * 0x9E3779B97F4A7C15u) ^
	    ((uint64_t)style << 8 | (uint64_t)places);

	if (f->memo == NULL) {
		size_t i;
		/* Without memory for it, every number goes to ICU. */
		if ((f->memo = malloc(DIGITS_MEMO * sizeof(*f->memo))) == NULL)
			return NULL;
		for (i = 0; i < DIGITS_MEMO; i++)
			f->memo[i].style = -1;
	}
	return &f->memo[(h >> 32) % DIGITS_MEMO];
}

/* The magnitude of units * 10^-places in a style, as ICU writes it for
 * the formatter's language ("1,287.5"): digits only, no sign. */
static int
format_digits(struct formatter *f, int64_t units, int places,
    enum number_style style, char *digits, size_t size)
{
	UNumberFormatter *nf;
	UErrorCode status = U_ZERO_ERROR;
	char decimal[64];
	UChar u[128];
	int32_t n;
	uint64_t magnitude = units < 0 ? -(uint64_t)units : (uint64_t)units;
	struct digits_memo *m = memo_slot(f, magnitude, style, places);
	size_t len;

	if (m != NULL && m->style == (signed char)style &&
	    m->places == (signed char)places && m->magnitude == magnitude) {
		len = strlen(m->digits);
		if (len >= size)
			return -1;
		memcpy(digits, m->digits, len + 1);
		return 0;
	}
	if ((nf = number_formatter(f, style, places)) == NULL ||
	    units_decimal(units, places, decimal, sizeof(decimal)) != 0)
		return -1;
	unumf_formatDecimal(nf, decimal, -1, f->result, &status);
	n = unumf_resultToString(f->result, u, 128, &status);
	if (U_FAILURE(status) || utf16_out(u, n, digits, size) != 0)
		return -1;
	if (m != NULL && (len = strlen(digits)) < DIGITS_MAX) {
		m->magnitude = magnitude;
		m->style = (signed char)style;
		m->places = (signed char)places;
		memcpy(m->digits, digits, len + 1);
	}
	return 0;
}

/* snprintf(out, size, "%s%s%s", a, b, c) without printf's cost: 0, or
 * -1 when it does not fit (out then holding what does). */
static int
concat3(char *out, size_t size, const char *a, const char *b, const char *c)
{
	const char *parts[3];
	size_t i, at = 0;

	parts[0] = a;
	parts[1] = b;
	parts[2] = c;
	for (i = 0; i < 3; i++) {
		size_t len = strlen(parts[i]), room = at < size ? size - at : 0;
		if (room > 0)
			memcpy(out + at, parts[i], len < room ? len : room - 1);
		at += len;
	}
	if (size > 0)
		out[at < size ? at : size - 1] = '\0';
	return at >= size ? -1 : 0;
}

int
format_units(struct formatter *f, int64_t units, int places,
    enum number_style style, unsigned flags, char *out, size_t size)
{
	char digits[128];
	int negative = units < 0 || (flags & FORMAT_NEGATIVE), zero = units == 0;
	const char *open = "", *close = "";

	if (places < 0 || places > MAX_DECIMALS ||
	    format_digits(f, units, places, style, digits, sizeof(digits)) != 0)
		return -1;
	if (negative && !(flags & FORMAT_MAGNITUDE)) {
		switch (f->negatives) {
		case NEG_PARENTHESES:
			if (!zero) {
				open = "(";
				close = ")";
			}
			break;
		case NEG_MINUS:
			if (!zero)
				open = "-";
			break;
		case NEG_TRIANGLE:
			open = "\xe2\x96\xb3";   /* △, shown even on "△0" */
			break;
		case NEG_BLACK_TRIANGLE:
			open = "\xe2\x96\xb2";   /* ▲ */
			break;
		default:
			break;
		}
	}
	return concat3(out, size, open, digits, close);
}

int
format_figure(struct formatter *f, const struct figure *fig, char *out,
    size_t size)
{
	return format_units(f, fig->units, fig->decimals,
	    fig->flags & FIGURE_PERCENT ? NUMBER_PERCENT : NUMBER_PLAIN,
	    (fig->flags & FIGURE_MAGNITUDE ? FORMAT_MAGNITUDE : 0) |
	    (fig->negative ? FORMAT_NEGATIVE : 0), out, size);
}

static UDateFormat *
date_formatter(struct formatter *f, enum date_style style)
{
	static const char *const skeletons[2] = { "yMMMMd", "yMMMd" };
	UChar skeleton[16], pattern[64], zone[4];
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;

	if (f->dates[style] != NULL)
		return f->dates[style];
	if (f->patterns == NULL) {
		f->patterns = udatpg_open(lang_code(f->lang), &status);
		if (U_FAILURE(status)) {
			if (f->patterns != NULL)
				udatpg_close(f->patterns);
			f->patterns = NULL;
			return NULL;
		}
	}
	u_uastrcpy(skeleton, skeletons[style]);
	n = udatpg_getBestPattern(f->patterns, skeleton, -1, pattern, 64,
	    &status);
	if (U_FAILURE(status))
		return NULL;
	/* Dates are calendar days, not instants: format them in UTC. */
	u_uastrcpy(zone, "UTC");
	f->dates[style] = udat_open(UDAT_PATTERN, UDAT_PATTERN,
	    lang_code(f->lang), zone, -1, pattern, n, &status);
	if (U_FAILURE(status))
		f->dates[style] = NULL;
	return f->dates[style];
}

/* The memo's slot for a date in a style, or NULL without memory for
 * the memo (every date then goes to ICU). */
static struct date_memo *
date_slot(struct formatter *f, const struct date *date, enum date_style style)
{
	unsigned h = ((unsigned)date->year * 372u + (unsigned)date->month * 31u +
	    (unsigned)date->day) * 2u + (unsigned)style;

	if (f->date_memo == NULL &&
	    (f->date_memo = calloc(DATES_MEMO, sizeof(*f->date_memo))) == NULL)
		return NULL;
	return &f->date_memo[h % DATES_MEMO];
}

static int
icu_date(struct formatter *f, const struct date *date,
    enum date_style style, char *out, size_t size)
{
	UDateFormat *df = date_formatter(f, style);
	UErrorCode status = U_ZERO_ERROR;
	UChar zone[4], u[128];
	UCalendar *cal = f->calendar;
	UDate when;
	int32_t n;

	if (df == NULL)
		return -1;
	/* Opened once: ucal_clear below leaves nothing of the last date. */
	if (cal == NULL) {
		u_uastrcpy(zone, "UTC");
		cal = ucal_open(zone, -1, "en", UCAL_GREGORIAN, &status);
		if (U_FAILURE(status))
			return -1;
		f->calendar = cal;
	}
	ucal_clear(cal);
	ucal_setDate(cal, date->year, date->month - 1, date->day, &status);
	when = ucal_getMillis(cal, &status);
	n = udat_format(df, when, u, 128, NULL, &status);
	if (U_FAILURE(status))
		return -1;
	return utf16_out(u, n, out, size);
}

int
format_date(struct formatter *f, const struct date *date,
    enum date_style style, char *out, size_t size)
{
	struct date_memo *m = date_slot(f, date, style);
	size_t len;

	if (m != NULL && m->style == (int)style + 1 &&
	    m->year == date->year && m->month == date->month &&
	    m->day == date->day) {
		if ((len = strlen(m->text)) >= size)
			return -1;
		memcpy(out, m->text, len + 1);
		return 0;
	}
	if (icu_date(f, date, style, out, size) != 0)
		return -1;
	if (m != NULL && (len = strlen(out)) < DATE_TEXT) {
		m->year = date->year;
		m->month = date->month;
		m->day = date->day;
		m->style = (int)style + 1;
		memcpy(m->text, out, len + 1);
	}
	return 0;
}
