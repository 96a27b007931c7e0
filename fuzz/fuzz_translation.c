/*
 * Fuzz target: a translator's file handed to kessan catalog import (PO,
 * XLIFF 1.2 or XLIFF 2.0). The input is read and checked against kessan's
 * catalogs; when import accepts it, the ja.xlf it would write must load
 * (every target a pattern ICU compiles, the file still valid XLIFF): a
 * catalog import made unloadable aborts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#include "../src/load/catalog.h"
#include "../src/translate/translate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog *en, *ja;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fuzz_paths *p = fuzz_setup();
	struct buffer out = { NULL, 0, 0, 0 };
	struct xunit *units = NULL;
	struct diag_list diags;
	struct catalog *written;
	size_t nunits = 0, changed = 0;
	char path[4200];
	int errors;

	memset(&diags, 0, sizeof(diags));
	if (en == NULL && ((en = catalog_load(p->locales, LANG_EN,
	    &diags)) == NULL || (ja = catalog_load(p->locales, LANG_JA,
	    &diags)) == NULL))
		abort();   /* kessan's own catalogs must load */
	fuzz_write("scratch/translated", data, size);
	snprintf(path, sizeof(path), "%s/translated", p->scratch);
	if (translate_read(path, &units, &nunits, &diags) != 0) {
		fuzz_expect_explained(1, &diags);
		goto out;
	}
	errors = translate_import(path, units, nunits, en, ja, &out, &changed,
	    &diags);
	fuzz_expect_explained(errors != 0, &diags);
	if (errors == 0 && changed > 0) {
		fuzz_write("scratch/ja.xlf", (const uint8_t *)out.data, out.len);
		diag_list_free(&diags);
		if ((written = catalog_load(p->scratch, LANG_JA, &diags)) == NULL)
			abort();   /* import wrote a catalog kessan cannot load */
		catalog_free(written);
	}
out:
	fuzz_restore("scratch/translated");
	fuzz_restore("scratch/ja.xlf");
	xunits_free(units, nunits);
	buffer_free(&out);
	diag_list_free(&diags);
	return 0;
}
