/*
 * Spreadsheets: a quarter's facts exported to XLSX or CSV for the people
 * who keep figures in spreadsheets, and read back into the period file.
 *
 * The layout (doc/book-format.md, Spreadsheets): one worksheet per group
 * of accounts.xml, named by the group's id; row 1 the headings; then one
 * row per fact, columns fact id, English label, Japanese label, unit,
 * scale, the prior-year quarter, the prior quarter, and the quarter
 * itself. CSV is one table with the group in a first column.
 */
#ifndef KESSAN_SHEET_H
#define KESSAN_SHEET_H

#include "../util/diag.h"

enum sheet_format {
	SHEET_XLSX,
	SHEET_CSV,
	SHEET_FORMAT_MAX
};

/* The format a file name's extension names (.xlsx, .csv), or
 * SHEET_FORMAT_MAX. */
enum sheet_format sheet_format_of(const char *path);

/*
 * Writes the facts of quarter `period` (an id such as "2004-q2") of the
 * book in dir to output, atomically, as XLSX or CSV by its extension.
 * The quarter's column is empty when the book has no file for it. The
 * Japanese labels come from the templates and catalog in templates_dir
 * and locales_dir (NULL: kessan's).
 * Returns 0, or -1 after diagnostics.
 */
int sheet_export(const char *dir, const char *period,
    const char *templates_dir, const char *locales_dir, const char *output,
    struct diag_list *diags);

/*
 * Reads input (XLSX or CSV) into the book in dir: the values of the
 * quarter whose id heads the last column (`period`, when not NULL, must
 * be that id) replace the values of periods/ID.xml in place, facts the
 * file lacks are added to their group, and everything else stays byte
 * for byte; a quarter with no file gets one. The result is loaded as
 * `kessan check` loads a book before it replaces the file. On any error
 * nothing is written. *changed counts the facts written. Returns 0, or
 * -1 after diagnostics.
 */
int sheet_import(const char *dir, const char *period, const char *input,
    size_t *changed, struct diag_list *diags);

#endif
