/*
 * Message catalogs: locales/<lang>.xlf (XLIFF 2), one per language. Each
 * unit is an ICU MessageFormat pattern with numbered arguments; a
 * translator's notes document them.
 */
#ifndef KESSAN_CATALOG_H
#define KESSAN_CATALOG_H

/* Deepest brace nesting a message may use (select inside plural inside …). */
#define CATALOG_MAX_NESTING 16

#include <stddef.h>

#include "../model/book.h"
#include "../util/diag.h"

struct message {
	char *key;
	char *pattern;      /* UTF-8 ICU MessageFormat */
	int nargs;          /* highest argument number used + 1 */
	int documented;     /* arguments its "args" note lists for translators */
	int line;
	int used;           /* set by whoever formats it; for unused warnings */
	unsigned args;      /* bit N: the pattern uses argument {N} */
	unsigned omits;     /* bit N: its "omits" note leaves {N} out on purpose */
	const char *file;   /* the catalog's file, or its layout's */
	char *source;       /* a translation's <source>: the English it was
	                       translated from (NULL in the English catalog) */
	char *state;        /* its segment's state attribute, or NULL */
	char *notes;        /* its notes, "category: text" a line each, or NULL */
};

struct catalog {
	enum lang lang;
	char *file;
	char *layout_file;         /* BOOK/layouts/NAME/locales/<lang>.xlf */
	struct message *messages;  /* sorted by key */
	size_t nmessages;
	void *compiled;            /* per-message UMessageFormat cache */
	char **texts;              /* per message without arguments, its text
	                              once formatted: the same every time */
};

/*
 * Loads locales/<lang>.xlf from kessan's data directory (or from `dir` when
 * not NULL). Patterns are checked: balanced braces, numbered arguments only,
 * accepted by ICU. Returns the catalog or NULL after fatal diagnostics.
 */
struct catalog *catalog_load(const char *dir, enum lang lang,
    struct diag_list *diags);

/* The same with a layout's catalog (overlay_dir/<lang>.xlf, when there is
 * one) over it: its units add messages or replace them by key. */
struct catalog *catalog_load_layout(const char *dir, const char *overlay_dir,
    enum lang lang, struct diag_list *diags);
void catalog_free(struct catalog *catalog);

/* Drops message m's compiled pattern after its pattern was changed in
 * place (a diff's what-if render swaps one message's text). */
void catalog_forget(struct catalog *c, const struct message *m);

/*
 * Checks one pattern as catalog_load checks each unit's (numbered
 * arguments, balanced braces, accepted by ICU in lang): 0 with bit N of
 * *args set for each argument {N}, or -1 with a reason in err.
 */
int catalog_check_pattern(const char *pattern, enum lang lang,
    unsigned *args, char *err, size_t errsize);

/* The message with this key, or NULL. */
struct message *catalog_find(const struct catalog *catalog, const char *key);

/*
 * Formats message `key` with nargs UTF-8 string arguments into a malloc'd
 * UTF-8 string (the caller frees it). Returns NULL and writes a reason to
 * err if the key is missing, an argument count is short, ICU fails, or the
 * result still holds an unformatted placeholder.
 */
char *catalog_format(struct catalog *catalog, const char *key,
    const char *const *args, int nargs, char *err, size_t errsize);

#endif
