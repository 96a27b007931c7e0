/* What export writes, shared by its XLSX and CSV writers and by import,
 * which reads the same columns back. */
#ifndef KESSAN_SHEET_ROWS_H
#define KESSAN_SHEET_ROWS_H

#include <stddef.h>

#include "../model/book.h"

/* fact, label (en), label (ja), unit, scale; then the value columns:
 * prior-year quarter, prior quarter, the quarter itself. */
#define SHEET_NFIXED 5
#define SHEET_NVALUES 3
#define SHEET_VALUE_COLUMN (SHEET_NFIXED + SHEET_NVALUES - 1)

extern const char *const sheet_headings[SHEET_NFIXED];

struct sheet_rows {
	size_t n;                       /* book.nfacts */
	char **label_ja;                /* per fact; NULL: none */
	char (*values)[SHEET_NVALUES][48];  /* per fact; "": not recorded */
	char headings[SHEET_NVALUES][16];   /* "2003-q1", "2003-q4", "2004-q1" */
};

/* The rows for the release of quarter `ordinal`. 0, or -1 out of
 * memory. */
int sheet_rows_build(const struct book *book, int ordinal,
    const char *templates_dir, const char *locales_dir,
    struct sheet_rows *rows);
void sheet_rows_free(struct sheet_rows *rows);

#endif
