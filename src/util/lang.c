#include "config.h"

#include <stddef.h>
#include <string.h>

#include "lang.h"

static const char *const lang_codes[LANG_MAX] = { "en", "ja" };

const char *
lang_code(enum lang lang)
{
	return (unsigned)lang < LANG_MAX ? lang_codes[lang] : "?";
}

int
lang_parse(const char *code)
{
	int l;

	for (l = 0; code != NULL && l < LANG_MAX; l++)
		if (strcmp(code, lang_codes[l]) == 0)
			return l;
	return -1;
}
