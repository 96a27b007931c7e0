#include "number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>

struct number_formatter {
	UNumberFormatter *formatter;
	UFormattedNumber *result;
};

struct number_formatter *
number_formatter_open(const char *locale)
{
	static const UChar skeleton[] = {
		/* "precision-unlimited": keep every digit of the exact input */
		'p', 'r', 'e', 'c', 'i', 's', 'i', 'o', 'n', '-', 'u', 'n', 'l',
		'i', 'm', 'i', 't', 'e', 'd', 0
	};
	struct number_formatter *f = calloc(1, sizeof(*f));
	UErrorCode status = U_ZERO_ERROR;

	if (f == NULL)
		return NULL;
	f->formatter = unumf_openForSkeletonAndLocale(skeleton, -1, locale,
	    &status);
	if (U_SUCCESS(status))
		f->result = unumf_openResult(&status);
	if (U_FAILURE(status)) {
		number_formatter_close(f);
		return NULL;
	}
	return f;
}

void
number_formatter_close(struct number_formatter *f)
{
	if (f == NULL)
		return;
	if (f->result != NULL)
		unumf_closeResult(f->result);
	if (f->formatter != NULL)
		unumf_close(f->formatter);
	free(f);
}

int
number_format_decimal(struct number_formatter *f, const char *decimal,
    char *out, size_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar buf[128];
	int32_t len;

	unumf_formatDecimal(f->formatter, decimal, -1, f->result, &status);
	len = unumf_resultToString(f->result, buf, (int32_t)(sizeof(buf) /
	    sizeof(buf[0])), &status);
	if (U_FAILURE(status))
		return -1;
	u_strToUTF8(out, (int32_t)size, NULL, buf, len, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		return -1;
	return 0;
}

int
number_format_rat(struct number_formatter *f, struct rat value, char *out,
    size_t size)
{
	char decimal[64];

	if (rat_to_exact_decimal(value, decimal, sizeof(decimal)) != RAT_OK)
		return -1;
	return number_format_decimal(f, decimal, out, size);
}

int
number_format_places(struct number_formatter *f, struct rat value,
    int places, char *out, size_t size)
{
	char decimal[64];

	if (rat_to_decimal(value, places, ROUND_HALF_UP, decimal,
	    sizeof(decimal)) != RAT_OK)
		return -1;
	if (f == NULL || number_format_decimal(f, decimal, out, size) != 0)
		snprintf(out, size, "%s", decimal);
	return 0;
}
