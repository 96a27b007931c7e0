/*
 * Fuzz target: narrative inline markup (em, fn, fact, period). The input
 * becomes, unescaped, the body of one English slot of the release quarter,
 * which is loaded, checked and rendered as text and as HTML (where markup
 * must come out escaped).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_setup();
	fuzz_write_spliced("book/periods/2004-q1.xml",
	    "<narrative lang=\"en\">", "<slot id=\"highlights.operating\">",
	    "</slot>", data, size, 0);
	fuzz_book_pipeline(1u << FORMAT_TEXT | 1u << FORMAT_HTML);
	fuzz_restore("book/periods/2004-q1.xml");
	return 0;
}
