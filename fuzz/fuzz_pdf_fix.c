/*
 * Fuzz target: pdf_fix, which rewrites libharu's PDF object by object.
 * Its input is libharu's output, not the user's, but a libharu upgrade or
 * a bug upstream must end in a refusal, never a bad read; the seeds are
 * PDFs kessan rendered (fuzz/prepare.sh).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "../src/backend/pdf_fix.h"
#include "../src/util/buffer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buffer out = { NULL, 0, 0, 0 };
	char err[256];
	int i;

	for (i = 0; i < 2; i++) {
		err[0] = '\0';
		if (pdf_fix(data, size, i == 0 ? "en" : "ja", &out, err,
		    sizeof(err)) != 0 && err[0] == '\0')
			abort();   /* a refusal must say why */
		buffer_free(&out);
	}
	return 0;
}
