/*
 * A spreadsheet as import reads it: pages of cells with their A1
 * position, and the merged ranges. XLSX pages are its worksheets; a CSV
 * file is one page with no name.
 */
#ifndef KESSAN_SHEET_GRID_H
#define KESSAN_SHEET_GRID_H

#include <stddef.h>

#include "../util/diag.h"

enum cell_kind {
	CELL_NUMBER,        /* text: the <v> of a number cell, as stored */
	CELL_STRING,        /* text: a shared, inline or formula string; CSV */
	CELL_BOOLEAN,
	CELL_ERROR,         /* #DIV/0! and the like */
	CELL_FORMULA_ONLY   /* a formula with no cached value: formula */
};

struct grid_cell {
	unsigned col;       /* 0-based */
	unsigned row;       /* 1-based */
	enum cell_kind kind;
	char *text;
	char *formula;      /* the cell's formula, or NULL */
};

struct grid_merge {
	unsigned col1, row1, col2, row2;
};

struct grid_page {
	char *name;         /* the worksheet's name; NULL for CSV */
	struct grid_cell *cells;   /* in file order */
	size_t ncells;
	struct grid_merge *merges;
	size_t nmerges;
};

struct grid {
	struct grid_page *pages;
	size_t npages;
};

/* Most a spreadsheet may hold: pages, and cells on a page. */
#define GRID_MAX_PAGES 256
#define GRID_MAX_CELLS 1000000

/*
 * Reads the workbook at path. Every offset, size and index read from it
 * is checked: a damaged or hostile file is an error, never a crash.
 * Returns 0, or -1 after a fatal diagnostic naming path.
 */
int grid_read_xlsx(const char *path, struct grid *out,
    struct diag_list *diags);

/* Reads an RFC 4180 CSV file (UTF-8, an optional byte-order mark). */
int grid_read_csv(const char *path, struct grid *out,
    struct diag_list *diags);

/* Adds a cell to page; 0, or -1 out of memory or past GRID_MAX_CELLS. */
int grid_add(struct grid_page *page, unsigned col, unsigned row,
    enum cell_kind kind, char *text, char *formula);

void grid_free(struct grid *g);

#endif
