#include "fiscal.h"

#include <stdio.h>
#include <string.h>

int
fiscal_ordinal(int fiscal_year, int quarter)
{
	return fiscal_year * 4 + (quarter - 1);
}

void
fiscal_from_ordinal(int ordinal, int *fiscal_year, int *quarter)
{
	*fiscal_year = ordinal / 4;
	*quarter = ordinal % 4 + 1;
}

/* Calendar year and month in which the fiscal year's first month falls. */
static void
year_start(const struct fiscal_policy *policy, int fiscal_year, int *year,
    int *month)
{
	*month = policy->end_month % 12 + 1;
	/*
	 * Named by its start, the year begins in the named year. Named by its
	 * end, it begins a year earlier, unless it is the calendar year.
	 */
	if (policy->named_by_start || policy->end_month == 12)
		*year = fiscal_year;
	else
		*year = fiscal_year - 1;
}

/* Adds n months to (year, month). */
static void
add_months(int *year, int *month, int n)
{
	int index = *year * 12 + (*month - 1) + n;

	*year = index / 12;
	*month = index % 12 + 1;
}

int
days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

void
fiscal_quarter_start(const struct fiscal_policy *policy, int fiscal_year,
    int quarter, struct date *out)
{
	year_start(policy, fiscal_year, &out->year, &out->month);
	add_months(&out->year, &out->month, 3 * (quarter - 1));
	out->day = 1;
}

void
fiscal_quarter_end(const struct fiscal_policy *policy, int fiscal_year,
    int quarter, struct date *out)
{
	fiscal_quarter_start(policy, fiscal_year, quarter, out);
	add_months(&out->year, &out->month, 2);
	out->day = days_in_month(out->year, out->month);
}

void
fiscal_year_end(const struct fiscal_policy *policy, int fiscal_year,
    struct date *out)
{
	fiscal_quarter_end(policy, fiscal_year, 4, out);
}

int
date_parse(const char *text, struct date *out)
{
	int y, m, d, n = 0;

	if (strlen(text) != 10 ||
	    sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

int
period_id_parse(const char *text, int *fiscal_year, int *quarter)
{
	int y, q, n = 0;

	if (sscanf(text, "%4d-q%1d%n", &y, &q, &n) != 2 || text[n] != '\0' ||
	    n != 7 || q < 1 || q > 4)
		return -1;
	*fiscal_year = y;
	*quarter = q;
	return 0;
}

void
period_id_format(int fiscal_year, int quarter, char *buf, unsigned size)
{
	snprintf(buf, size, "%04d-q%d", fiscal_year, quarter);
}

long
date_days(struct date d)
{
	/* Days from 1970-01-01 in the proleptic Gregorian calendar. */
	long y = d.year - (d.month <= 2), era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 +
	    d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long days)
{
	long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) /
	    153;
	struct date d;

	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}
