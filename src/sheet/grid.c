/*
 * The cell grid import reads, and reading it from CSV (RFC 4180).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "../util/readfile.h"
#include "cell.h"
#include "grid.h"

/* Largest CSV file read. */
#define CSV_LIMIT ((size_t)64 << 20)

int
grid_add(struct grid_page *page, unsigned col, unsigned row,
    enum cell_kind kind, char *text, char *formula)
{
	struct grid_cell *grown;

	if (page->ncells >= GRID_MAX_CELLS || (grown = array_grow(page->cells,
	    page->ncells, sizeof(*grown))) == NULL)
		return -1;
	page->cells = grown;
	grown[page->ncells].col = col;
	grown[page->ncells].row = row;
	grown[page->ncells].kind = kind;
	grown[page->ncells].text = text;
	grown[page->ncells].formula = formula;
	page->ncells++;
	return 0;
}

void
grid_free(struct grid *g)
{
	size_t p, c;

	for (p = 0; p < g->npages; p++) {
		for (c = 0; c < g->pages[p].ncells; c++) {
			free(g->pages[p].cells[c].text);
			free(g->pages[p].cells[c].formula);
		}
		free(g->pages[p].cells);
		free(g->pages[p].merges);
		free(g->pages[p].name);
	}
	free(g->pages);
	memset(g, 0, sizeof(*g));
}

static int
csv_error(struct diag_list *diags, const char *path, unsigned col,
    unsigned row, const char *what)
{
	char ref[16], where[4096];

	if (cell_ref_format(col, row, ref, sizeof(ref)) != 0)
		snprintf(ref, sizeof(ref), "?");
	snprintf(where, sizeof(where), "%s:%s", path, ref);
	diag_add(diags, DIAG_FATAL, where, 0, "%s", what);
	return -1;
}

/* Splits data into fields: quoted ("a ""b"", c") or not; records end in
 * CRLF or LF. */
static int
parse_csv(const char *data, size_t len, struct grid_page *page,
    const char *path, struct diag_list *diags)
{
	const char *p = data, *end = data + len;
	unsigned col = 0, row = 1;
	struct buffer field = { NULL, 0, 0, 0 };

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		buffer_free(&field);
		buffer_puts(&field, "");
		if (*p == '"') {
			for (p++;; p++) {
				if (p >= end) {
					buffer_free(&field);
					return csv_error(diags, path, col, row, "a quoted "
					    "field is not closed (a \" is missing)");
				}
				if (*p == '"' && p + 1 < end && p[1] == '"')
					buffer_write(&field, p++, 1);
				else if (*p == '"')
					break;
				else
					buffer_write(&field, p, 1);
			}
			p++;
			if (p < end && *p != ',' && *p != '\n' && *p != '\r') {
				buffer_free(&field);
				return csv_error(diags, path, col, row, "text after a "
				    "quoted field's closing \" (quote the whole field)");
			}
		} else
			for (; p < end && *p != ',' && *p != '\n' && *p != '\r'; p++) {
				if (*p == '"') {
					buffer_free(&field);
					return csv_error(diags, path, col, row, "a \" inside "
					    "an unquoted field (quote the field and double "
					    "the \")");
				}
				buffer_write(&field, p, 1);
			}
		if (field.failed || col >= CELL_MAX_COLUMNS || row > CELL_MAX_ROWS) {
			buffer_free(&field);
			return csv_error(diags, path, col < CELL_MAX_COLUMNS ? col : 0,
			    row <= CELL_MAX_ROWS ? row : 1, "too many cells, or out "
			    "of memory");
		}
		if (field.len > 0) {
			if (grid_add(page, col, row, CELL_STRING, field.data,
			    NULL) != 0) {
				buffer_free(&field);
				return csv_error(diags, path, col, row, "too many cells, "
				    "or out of memory");
			}
			field.data = NULL;
		}
		if (p < end && *p == ',') {
			p++;
			col++;
			if (p == end)
				break;
			continue;
		}
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
		col = 0;
		row++;
	}
	buffer_free(&field);
	return 0;
}

int
grid_read_csv(const char *path, struct grid *out, struct diag_list *diags)
{
	unsigned char *data;
	size_t len;
	char err[256];
	int rc;

	memset(out, 0, sizeof(*out));
	if (read_regular_file(path, CSV_LIMIT, &data, &len, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, path, 0, "cannot read: %s", err);
		return -1;
	}
	if (len > 0 && (memchr(data, '\0', len) != NULL || !xmlCheckUTF8(data))) {
		diag_add(diags, DIAG_FATAL, path, 0, "not UTF-8 text (save the CSV "
		    "as UTF-8)");
		free(data);
		return -1;
	}
	if ((out->pages = calloc(1, sizeof(*out->pages))) == NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		free(data);
		return -1;
	}
	out->npages = 1;
	rc = parse_csv((const char *)data, len, &out->pages[0], path, diags);
	free(data);
	if (rc != 0)
		grid_free(out);
	return rc;
}
