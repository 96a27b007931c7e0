/*
 * Diagnostics: the library collects them, main prints them.
 *
 * Each entry is printed as "file:line: level: message" (or "file: level:"
 * when there is no line). Exit status follows the worst level seen.
 */
#ifndef KESSAN_DIAG_H
#define KESSAN_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>   /* for the files that include only this */

#include "buffer.h"

/* Ordered by severity; DIAG_LEVEL_MAX sizes the name table. */
enum diag_level {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR,      /* a check failed: the release must not go out */
	DIAG_FATAL,      /* bad input or usage: nothing could be checked */
	DIAG_LEVEL_MAX
};

struct diag {
	enum diag_level level;
	char *file;      /* owned; may be NULL */
	int line;        /* 0 when unknown */
	char *message;   /* owned */
};

struct diag_list {
	struct diag *items;
	size_t len;
	size_t cap;
	int seen[DIAG_LEVEL_MAX];
};

/*
 * Appends a diagnostic. file may be NULL. Returns 0, or -1 when memory ran
 * out (the list then stays as it was, and the failure is counted as fatal).
 */
int diag_add(struct diag_list *list, enum diag_level level, const char *file,
    int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
int diag_addv(struct diag_list *list, enum diag_level level, const char *file,
    int line, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 0)))
#endif
    ;

/* The worst level recorded, or -1 when the list is empty. */
int diag_worst(const struct diag_list *list);

/* Appends every entry to out in order, one "file:line: level: message"
 * line each; main prints them. Returns 0, or -1 when out of memory. */
int diag_format(const struct diag_list *list, struct buffer *out);

/* Removes every entry of this level (kessan check --quiet drops the
 * notes), keeping the order of the rest. */
void diag_drop_level(struct diag_list *list, enum diag_level level);

/* Frees the entries; the list can be reused. NULL is a no-op. */
void diag_list_free(struct diag_list *list);

const char *diag_level_name(enum diag_level level);

#endif
