/*
 * Fiscal periods under company policy.
 *
 * ICU's quarters are calendar quarters; these are fiscal ones. A quarter is
 * identified by (fiscal year label, quarter) and ordered by its ordinal, so
 * "prior quarter" is ordinal - 1 and "prior-year quarter" ordinal - 4.
 */
#ifndef KESSAN_FISCAL_H
#define KESSAN_FISCAL_H

struct fiscal_policy {
	int end_month;       /* 1..12: month in which the fiscal year ends */
	int named_by_start;  /* 1: FY named by the calendar year it starts in */
};

struct date {
	int year;
	int month;  /* 1..12 */
	int day;    /* 1..31 */
};

/* Quarter offsets used by lookups and expressions. */
enum {
	OFFSET_PRIOR_QUARTER = -1,
	OFFSET_PRIOR_YEAR = -4
};

int fiscal_ordinal(int fiscal_year, int quarter);
void fiscal_from_ordinal(int ordinal, int *fiscal_year, int *quarter);

/* First and last calendar day of a fiscal quarter. */
void fiscal_quarter_start(const struct fiscal_policy *policy, int fiscal_year,
    int quarter, struct date *out);
void fiscal_quarter_end(const struct fiscal_policy *policy, int fiscal_year,
    int quarter, struct date *out);

/* The day a fiscal year ends ("the fiscal year ending March 31, 2005"). */
void fiscal_year_end(const struct fiscal_policy *policy, int fiscal_year,
    struct date *out);

/* A date as days from 1970-01-01, and back (proleptic Gregorian). */
long date_days(struct date d);
struct date date_from_days(long days);

/* Days in a calendar month, leap years included. */
int days_in_month(int year, int month);

/*
 * Parses "YYYY-MM-DD" and checks the day exists. Returns 0 on success,
 * -1 otherwise.
 */
int date_parse(const char *text, struct date *out);

/*
 * Parses a period id "2004-q1". Returns 0 on success, -1 otherwise.
 * Formats one into buf (at least 8 bytes).
 */
int period_id_parse(const char *text, int *fiscal_year, int *quarter);
void period_id_format(int fiscal_year, int quarter, char *buf, unsigned size);

#endif
