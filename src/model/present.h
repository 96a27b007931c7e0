/*
 * How a template or an authored sentence asks for a figure or a label:
 * an expression with a format, a period with a style. The document stage
 * turns these into text; the model only carries them.
 */
#ifndef KESSAN_PRESENT_H
#define KESSAN_PRESENT_H

struct expr;

enum value_format {
	VALUE_AMOUNT_TEXT,  /* JPY 8,675 million / 8,675百万円 */
	VALUE_USD_TEXT,     /* $79.3 million */
	VALUE_AMOUNT,       /* 8,675 (table style, in the display unit) */
	VALUE_CHANGE,       /* 4.0%: a per-cent change without its sign */
	VALUE_DIRECTION,    /* increase | decrease | unchanged */
	VALUE_SIGN,         /* positive | negative | zero */
	VALUE_PERCENT,      /* (10.1%) */
	VALUE_COUNT,        /* 1,200 */
	VALUE_PER_SHARE,    /* 18.72 */
	VALUE_RATE,         /* 109.43 */
	VALUE_BANDWIDTH,    /* 95.6Gbps */
	VALUE_MOVEMENT,     /* value against base, as printed: increase, to_profit, … */
	VALUE_CONTRAST,     /* same | differ: value against base and against base2 */
	VALUE_FORMAT_MAX
};

enum period_style {
	PERIOD_QUARTER,               /* 1Q04 */
	PERIOD_FISCAL_QUARTER,        /* First Quarter FY2004 / 2004年度第1四半期 */
	PERIOD_FISCAL_QUARTER_MONTHS, /* 2004年度第1四半期(4-6月) */
	PERIOD_QUARTER_END,           /* Jun 30, 2004 / 2004年6月期 */
	PERIOD_THREE_MONTHS_ENDED,    /* three months ended June 30, 2004 */
	PERIOD_FISCAL_YEAR,           /* FY2004 / 2004年度 */
	PERIOD_FISCAL_YEAR_END,       /* March 31, 2005 */
	PERIOD_ORDINAL_QUARTER,       /* first / 第1 */
	PERIOD_ORDINAL_NUMBER,        /* 1st / 第1 */
	PERIOD_STYLE_MAX
};

/* Display scale of amounts: yen are divided by 10^scale. */
enum {
	SCALE_UNITS = 0,
	SCALE_THOUSANDS = 3,
	SCALE_MILLIONS = 6
};

struct value_ref {
	struct expr *value;        /* owned */
	enum value_format format;
	int decimals;              /* -1: the format's default */
	int scale;                 /* SCALE_*, for amounts */
	struct expr *base;         /* owned; movement and contrast: compared to */
	struct expr *base2;        /* owned; contrast: the second comparison */
};

struct period_ref {
	int offset;                /* 0, -1 (pq), -4 (py), -N */
	enum period_style style;
};

extern const char *const value_format_names[VALUE_FORMAT_MAX];
extern const char *const period_style_names[PERIOD_STYLE_MAX];

/* Parses "current", "py", "pq", "nq" (the next quarter, for outlooks) or
 * "q-N" into a quarter offset. Returns 0, or -1. */
int period_offset_parse(const char *text, int *offset);

/* Index of name in names[0..count), or -1. */
int name_index(const char *name, const char *const *names, int count);

#endif
