/*
 * Fuzz target for a whole input file: the input replaces FUZZ_FILE (a path
 * in the copy made by harness.c: "book/company.xml", "templates/tables.xml",
 * "locales/en.xlf", …), and the book is loaded, checked and rendered as
 * English text. One program is built from this file per input file.
 */
#include "config.h"

#include "harness.h"

#ifndef FUZZ_FILE
#error "FUZZ_FILE must name the file the input replaces"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	fuzz_write(FUZZ_FILE, data, size);
	fuzz_book_pipeline(1u << FORMAT_TEXT);
	fuzz_restore(FUZZ_FILE);
	return 0;
}
