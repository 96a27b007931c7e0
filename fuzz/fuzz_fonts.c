/*
 * Fuzz target: the font configuration, fonts.xml (KESSAN_FONTS names any
 * file). The input is loaded as one, which parses each face it names;
 * faces are cached per process, as in a batch build.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "harness.h"

#include "../src/font/fonts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fuzz_paths *p = fuzz_setup();
	struct diag_list diags;
	struct font_set *set;
	char path[4200];

	fuzz_write("scratch/fonts.xml", data, size);
	snprintf(path, sizeof(path), "%s/fonts.xml", p->scratch);
	memset(&diags, 0, sizeof(diags));
	set = fonts_load(path, &diags);
	fuzz_expect_explained(set == NULL, &diags);
	fonts_free(set);
	diag_list_free(&diags);
	return 0;
}
