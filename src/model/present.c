#include "present.h"

#include <stdlib.h>
#include <string.h>

#include "fiscal.h"

const char *const value_format_names[VALUE_FORMAT_MAX] = {
	"amount-text", "usd-text", "amount", "change", "direction", "sign",
	"percent", "count", "per-share", "rate", "bandwidth", "movement",
	"contrast"
};

const char *const period_style_names[PERIOD_STYLE_MAX] = {
	"quarter", "fiscal-quarter", "fiscal-quarter-months", "quarter-end",
	"three-months-ended", "fiscal-year", "fiscal-year-end", "ordinal-quarter",
	"ordinal-number"
};

int
period_offset_parse(const char *text, int *offset)
{
	char *end;
	long n;

	if (strcmp(text, "current") == 0)
		*offset = 0;
	else if (strcmp(text, "py") == 0)
		*offset = OFFSET_PRIOR_YEAR;
	else if (strcmp(text, "pq") == 0)
		*offset = OFFSET_PRIOR_QUARTER;
	else if (strcmp(text, "nq") == 0)
		*offset = 1;
	else if (strncmp(text, "q-", 2) == 0) {
		n = strtol(text + 2, &end, 10);
		if (*end != '\0' || n < 1 || n > 400)
			return -1;
		*offset = -(int)n;
	} else
		return -1;
	return 0;
}

int
name_index(const char *name, const char *const *names, int count)
{
	int i;

	if (name == NULL)
		return -1;
	for (i = 0; i < count; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}
