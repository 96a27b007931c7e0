#ifndef KESSAN_LANG_H
#define KESSAN_LANG_H

/*
 * The languages a release is written in. Every stage that keeps text per
 * language indexes by these; this header is all it needs to include.
 */
enum lang {
	LANG_EN,
	LANG_JA,
	LANG_MAX
};

/* The BCP 47 code of lang ("en", "ja"), or "?" out of range. Static. */
const char *lang_code(enum lang lang);

/* The language whose code is code, or -1 for NULL or another code. */
int lang_parse(const char *code);

#endif
