/* Release, dateline and convenience-rate dates (see dates.h). */
#include "dates.h"

#include <stdio.h>
#include <string.h>

static void
date_text(struct date d, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
}

static int
check_period_dates(const struct period *p, const struct company *company,
    struct diag_list *diags)
{
	struct date start, end;
	char a[16], b[16], c[16];
	long release = date_days(p->release_date);
	size_t i;
	int n = 0;

	fiscal_quarter_start(&company->fiscal, p->fiscal_year, p->quarter,
	    &start);
	fiscal_quarter_end(&company->fiscal, p->fiscal_year, p->quarter, &end);
	date_text(end, b, sizeof(b));
	if (release <= date_days(end)) {
		date_text(p->release_date, a, sizeof(a));
		diag_add(diags, DIAG_WARNING, p->file, p->release_line,
		    "the release of %s is dated %s, before its quarter ends on "
		    "%s: expected a date after %s (check the date, or the "
		    "period's fiscal-year and quarter)", p->id, a, b, b);
		n++;
	}
	for (i = 0; i < p->ndatelines; i++) {
		const struct dateline *d = &p->datelines[i];
		long gap = date_days(d->date) - release;

		if (gap >= -DATELINE_MAX_DAYS && gap <= DATELINE_MAX_DAYS)
			continue;
		date_text(d->date, a, sizeof(a));
		date_text(p->release_date, c, sizeof(c));
		diag_add(diags, DIAG_WARNING, p->file, d->line,
		    "the %s dateline of %s is dated %s, %ld days %s the release "
		    "date %s: expected %s, give or take %d days (time zones)",
		    d->city[LANG_EN] != NULL ? d->city[LANG_EN] : "", p->id, a,
		    gap < 0 ? -gap : gap, gap < 0 ? "before" : "after", c, c,
		    DATELINE_MAX_DAYS);
		n++;
	}
	if (p->convenience_line > 0 &&
	    (date_days(p->convenience_date) < date_days(start) ||
	    date_days(p->convenience_date) > date_days(end))) {
		date_text(p->convenience_date, a, sizeof(a));
		date_text(start, c, sizeof(c));
		diag_add(diags, DIAG_WARNING, p->file, p->convenience_line,
		    "the convenience rate of %s is dated %s, outside its quarter "
		    "(%s to %s): the rate is normally that of the quarter's last "
		    "day, %s", p->id, a, c, b, b);
		n++;
	}
	return n;
}

int
check_dates(const struct book *book, const char *only,
    struct diag_list *diags)
{
	size_t k;
	int n = 0;

	for (k = 0; k < book->nperiods; k++) {
		const struct period *p = book->periods[k];
		const struct company *company = period_company(book, p);

		if (!p->has_release || company == NULL ||
		    (only != NULL && strcmp(p->id, only) != 0))
			continue;
		n += check_period_dates(p, company, diags);
	}
	return n;
}
