/*
 * libxlsxwriter and libzip, loaded with dlopen() the first time a command
 * writes or reads a workbook. kessan is linked against neither: loading
 * them and what they pull in (libcrypto, libminizip, libbz2, liblzma) at
 * every start cost each command 4 ms of CPU and 1.8 MiB. Each function
 * is called through a table whose member types are the headers' own.
 */
#ifndef KESSAN_SHEET_LIBS_H
#define KESSAN_SHEET_LIBS_H

#include <xlsxwriter.h>
#include <zip.h>

#include "../util/diag.h"

/* The functions export.c calls. */
#define SHEET_XLSXWRITER_FUNCTIONS(X) \
	X(workbook_new) X(workbook_set_properties) X(workbook_add_worksheet) \
	X(workbook_close) X(worksheet_freeze_panes) X(worksheet_set_column) \
	X(worksheet_write_string) X(worksheet_write_number)

/* The functions grid_xlsx.c calls. */
#define SHEET_LIBZIP_FUNCTIONS(X) \
	X(zip_open) X(zip_discard) X(zip_stat_init) X(zip_stat) X(zip_fopen) \
	X(zip_fread) X(zip_fclose) X(zip_error_init_with_code) \
	X(zip_error_strerror) X(zip_error_fini)

#define SHEET_LIBS_MEMBER(name) __typeof__(&name) name;

struct sheet_xlsxwriter {
	SHEET_XLSXWRITER_FUNCTIONS(SHEET_LIBS_MEMBER)
};

struct sheet_libzip {
	SHEET_LIBZIP_FUNCTIONS(SHEET_LIBS_MEMBER)
};

/*
 * The library's functions, loaded on the first call and kept for the
 * life of the process; NULL, with a fatal diagnostic naming the library
 * and the package to install, when it does not load or lacks one of
 * them (a later call tries again). Not for use from two threads at once.
 */
const struct sheet_xlsxwriter *sheet_xlsxwriter(struct diag_list *diags);
const struct sheet_libzip *sheet_libzip(struct diag_list *diags);

#endif
