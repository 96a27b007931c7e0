/*
 * Fuzz target: one ICU message pattern, as a translator would send it
 * back. The input (escaped, so every byte reaches ICU) is the only unit
 * of a catalog documenting twelve arguments; the catalog is loaded, which
 * checks the pattern, and the message is formatted with arguments of the
 * kinds a release passes: amounts, changes, select keywords, period names.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "harness.h"

#include "../src/load/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\""
    " srcLang=\"en\">\n  <file id=\"kessan\">\n    <unit id=\"fuzzed\">\n"
    "      <notes><note category=\"args\">0 amount; 1 in US dollars;"
    " 2 change; 3 direction: increase | decrease | unchanged; 4 period;"
    " 5 change; 6 direction; 7 period; 8 amount; 9 sign: negative | other;"
    " 10 basis: cumulative | other; 11 count</note></notes>\n"
    "      <segment>\n        <source>";
static const char tail[] =
    "</source>\n      </segment>\n    </unit>\n  </file>\n</xliff>\n";

static const char *const arg_sets[][12] = {
	{ "¥9,999 million", "$90.1 million", "12.3%", "increase",
	  "the first quarter of fiscal 2003", "1.2%", "decrease",
	  "the fourth quarter of fiscal 2003", "(¥123 million)", "negative",
	  "cumulative", "3" },
	{ "△1,234", "$0.0 million", "－", "unchanged", "1Q03", "n/m", "other",
	  "4Q03", "0", "other", "other", "0" },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fuzz_paths *p = fuzz_setup();
	struct buffer xliff = { NULL, 0, 0, 0 };
	struct diag_list diags;
	struct catalog *catalog;
	size_t i;

	buffer_puts(&xliff, head);
	fuzz_xml_escape(&xliff, data, size);
	buffer_puts(&xliff, tail);
	if (xliff.failed)
		return 0;
	fuzz_write("scratch/en.xlf", (const uint8_t *)xliff.data, xliff.len);
	buffer_free(&xliff);
	memset(&diags, 0, sizeof(diags));
	catalog = catalog_load(p->scratch, LANG_EN, &diags);
	fuzz_expect_explained(catalog == NULL, &diags);
	for (i = 0; catalog != NULL && i < sizeof(arg_sets) /
	    sizeof(arg_sets[0]); i++) {
		char err[256] = "";
		char *text = catalog_format(catalog, "fuzzed", arg_sets[i], 12,
		    err, sizeof(err));

		if (text != NULL)
			fuzz_expect_utf8(text, strlen(text));
		else if (err[0] == '\0')
			abort();  /* a failure must say why */
		free(text);
	}
	catalog_free(catalog);
	diag_list_free(&diags);
	return 0;
}
