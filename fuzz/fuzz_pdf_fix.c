/*
 * Fuzz target: pdf_fix, which rewrites libharu's PDF object by object.
 * Its input is libharu's output, not the user's, but a libharu upgrade or
 * a bug upstream must end in a refusal, never a bad read; the seeds are
 * PDFs kessan rendered (fuzz/prepare.sh).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <libdeflate.h>

#include "../src/backend/pdf_fix.h"
#include "../src/util/buffer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buffer out = { NULL, 0, 0, 0 };
	struct libdeflate_compressor *z = libdeflate_alloc_compressor(1);
	char err[256];
	int i;

	if (z == NULL)
		return 0;
	/* The second pass deflates the streams it finds unfiltered, as
	 * pdf_render has pdf_fix do with libharu's page contents. */
	for (i = 0; i < 2; i++) {
		err[0] = '\0';
		if (pdf_fix_fonts(data, size, i == 0 ? "en" : "ja", NULL,
		    i == 0 ? NULL : z, &out, err, sizeof(err)) != 0 &&
		    err[0] == '\0')
			abort();   /* a refusal must say why */
		buffer_free(&out);
	}
	libdeflate_free_compressor(z);
	return 0;
}
