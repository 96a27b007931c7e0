/*
 * Fuzz target: a spreadsheet given to `kessan sheet import`. The bytes
 * are read as an XLSX workbook (libzip, libxml2) and as a CSV file; every
 * cell read is then parsed as a number both ways and its reference
 * written back. A refusal must come with a diagnostic.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/sheet/cell.h"
#include "../src/sheet/grid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
read_as(const char *suffix, const uint8_t *data, size_t size)
{
	char path[64], ref[16], number[64];
	struct diag_list diags;
	struct grid grid;
	FILE *f;
	size_t p, c;
	int fd, rc;

	snprintf(path, sizeof(path), "/tmp/kessan-fuzz-XXXXXX%s", suffix);
	if ((fd = mkstemps(path, (int)strlen(suffix))) < 0)
		abort();
	if ((f = fdopen(fd, "wb")) == NULL)
		abort();
	if (fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	memset(&diags, 0, sizeof(diags));
	rc = strcmp(suffix, ".xlsx") == 0 ? grid_read_xlsx(path, &grid, &diags) :
	    grid_read_csv(path, &grid, &diags);
	unlink(path);
	if (rc != 0) {
		if (diags.len == 0)
			abort();   /* a refusal must say why */
		diag_list_free(&diags);
		return;
	}
	for (p = 0; p < grid.npages; p++)
		for (c = 0; c < grid.pages[p].ncells; c++) {
			const struct grid_cell *cell = &grid.pages[p].cells[c];

			if (cell_ref_format(cell->col, cell->row, ref,
			    sizeof(ref)) != 0)
				abort();   /* every cell read is in range */
			if (cell->text != NULL) {
				(void)cell_number(cell->text, 1, number, sizeof(number));
				(void)cell_number(cell->text, 0, number, sizeof(number));
			}
		}
	grid_free(&grid);
	diag_list_free(&diags);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_as(".xlsx", data, size);
	read_as(".csv", data, size);
	return 0;
}
