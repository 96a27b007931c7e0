/*
 * The small parsers of spreadsheet import: A1 cell references, the text
 * of a number cell, and the closest fact id to a misspelt one.
 */
#ifndef KESSAN_SHEET_CELL_H
#define KESSAN_SHEET_CELL_H

#include <stddef.h>

/* A spreadsheet number of more than 15 significant digits is taken as
 * its 15-digit rounding when their doubles are at most this many units
 * in the last place apart: arithmetic's rounding noise, not a figure. */
#define CELL_MAX_ULPS 4

/* Excel's limits: columns A to XFD, rows 1 to 1048576. */
#define CELL_MAX_COLUMNS 16384u
#define CELL_MAX_ROWS 1048576u

/*
 * Parses an A1 reference ("H12", "xfd1048576" is refused: upper case
 * only) into a 0-based column and 1-based row. With `rest` NULL the
 * whole text must be the reference; otherwise *rest points after it.
 * Returns 0, or -1 when it is none or out of Excel's range.
 */
int cell_ref_parse(const char *text, unsigned *col, unsigned *row,
    const char **rest);

/* Writes column col's letters and row ("H12") into buf. 0, or -1 when it
 * does not fit or is out of range. */
int cell_ref_format(unsigned col, unsigned row, char *buf, size_t size);

enum number_status {
	NUMBER_OK,
	NUMBER_EMPTY,       /* blank: no value */
	NUMBER_GROUPED,     /* "1,234": a number written with grouping */
	NUMBER_TEXT,        /* not a number at all */
	NUMBER_INEXACT,     /* a float artefact that does not round-trip to
	                       15 significant digits */
	NUMBER_TOO_LONG     /* more digits than buf holds */
};

/*
 * The plain decimal ("-100489", "18.72") a cell's text stands for, into
 * out. `binary` says the text is an XLSX number cell's <v>, the
 * shortest text of an IEEE double: its exponent ("1.5E-3") is expanded,
 * and with more than 15 significant digits it is taken as the 15-digit
 * decimal that reads back as the same double (0.30000000000000004 is
 * 0.3) or refused. Other text is taken exactly as written, without
 * exponent. Grouping ("1,234", "-12,345.6") is told apart from other
 * text so that the diagnostic can say what to type.
 */
enum number_status cell_number(const char *text, int binary, char *out,
    size_t size);

/* The candidate closest to word by edit distance, when it is close
 * enough to be a likely typo (at most 2 edits, fewer than a third of the
 * word); else NULL. */
const char *cell_closest(const char *word, const char *const *candidates,
    size_t n);

#endif
