/*
 * A period file whose name and fiscal-year/quarter attributes disagree.
 * Either may be wrong: a file copied for the next quarter keeps the name
 * it was given but often the attribute of the quarter it was copied
 * from, or one typed wrong. The other files' names tell which fits.
 */
#include "loader.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

int
period_name_ordinal(const char *name)
{
	char id[16], canonical[16];
	size_t len = strlen(name);
	int year, quarter;

	if (len < 4 || len - 4 >= sizeof(id) || strcmp(name + len - 4, ".xml"))
		return INT_MIN;
	memcpy(id, name, len - 4);
	id[len - 4] = '\0';
	if (period_id_parse(id, &year, &quarter) != 0)
		return INT_MIN;
	period_id_format(year, quarter, canonical, sizeof(canonical));
	return strcmp(id, canonical) == 0 ? fiscal_ordinal(year, quarter) :
	    INT_MIN;
}

/* How many files other than the one at ordinal self bear ordinal o. */
static int
files_named(const struct loader *ld, int o, int self)
{
	size_t i;
	int n = 0, seen_self = 0;

	for (i = 0; i < ld->nfile_ordinals; i++)
		if (ld->file_ordinals[i] == o) {
			if (o == self && !seen_self) {
				seen_self = 1;
				continue;
			}
			n++;
		}
	return n;
}

/* A neighbour of ordinal o among the other files' names, written into
 * name; 0 when there is none. */
static int
neighbour(const struct loader *ld, int o, int self, char *name,
    size_t size)
{
	int d, y, q;
	char id[16];

	for (d = -1; d <= 1; d += 2)
		if (o + d != self && files_named(ld, o + d, self) > 0) {
			fiscal_from_ordinal(o + d, &y, &q);
			period_id_format(y, q, id, sizeof(id));
			snprintf(name, size, "%s.xml %s it", id,
			    d < 0 ? "precedes" : "follows");
			return 1;
		}
	return 0;
}

void
report_misnamed(struct loader *ld, const struct period *p, const char *name)
{
	int named = period_name_ordinal(name), y, q;
	char named_id[16], attributes[64], why[64];
	int name_fits, attr_fits, attr_taken;

	if (named == INT_MIN) {
		loader_error(ld, p->file, p->line,
		    "the file for fiscal year %d quarter %d must be named %s.xml",
		    p->fiscal_year, p->quarter, p->id);
		return;
	}
	fiscal_from_ordinal(named, &y, &q);
	period_id_format(y, q, named_id, sizeof(named_id));
	if (y != p->fiscal_year && q != p->quarter)
		snprintf(attributes, sizeof(attributes),
		    "fiscal-year=\"%d\" quarter=\"%d\"", y, q);
	else if (y != p->fiscal_year)
		snprintf(attributes, sizeof(attributes), "fiscal-year=\"%d\"", y);
	else
		snprintf(attributes, sizeof(attributes), "quarter=\"%d\"", q);
	/* Another file already named for the attributes' quarter: renaming
	 * would collide, so the attribute is the mistake. */
	attr_taken = files_named(ld, p->ordinal, named) > 0;
	name_fits = neighbour(ld, named, named, why, sizeof(why));
	attr_fits = !attr_taken && neighbour(ld, p->ordinal, named, why,
	    sizeof(why)) && !name_fits;
	if (attr_fits) {
		/* The attributes continue the sequence; the name does not. */
		loader_error(ld, p->file, p->line, "the file says fiscal year %d "
		    "quarter %d (%s) but is named %s: rename it %s.xml (%s), or, "
		    "if the name is right, write %s", p->fiscal_year, p->quarter,
		    p->id, name, p->id, why, attributes);
		return;
	}
	if (attr_taken) {
		loader_error(ld, p->file, p->line, "the file says fiscal year %d "
		    "quarter %d (%s) but is named %s, and %s.xml is another file: "
		    "write %s", p->fiscal_year, p->quarter, p->id, name, p->id,
		    attributes);
		return;
	}
	if (!name_fits)
		snprintf(why, sizeof(why), "the name is more likely right");
	else
		neighbour(ld, named, named, why, sizeof(why));
	loader_error(ld, p->file, p->line, "the file says fiscal year %d "
	    "quarter %d (%s) but is named %s: write %s (%s), or, if %s is "
	    "the quarter, rename the file %s.xml", p->fiscal_year, p->quarter,
	    p->id, name, attributes, why, p->id, p->id);
}
