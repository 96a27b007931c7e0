/*
 * Fuzz target: a TrueType font file (fonts.xml names any path, so fonts
 * are input). The font is opened, its cmap and metrics are queried for a
 * range of characters, and a subset of them is written; the subset must
 * open again and draw each of those characters with the same advance.
 */
#include "config.h"

#include <stdlib.h>

#include "../src/font/ttf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Latin, punctuation, kana, a few kanji, and a code point past the BMP. */
static const uint32_t sample[] = {
	0x20, 0x24, 0x25, 0x28, 0x29, 0x2C, 0x2E, 0x30, 0x31, 0x39, 0x41, 0x51,
	0x61, 0x7A, 0xA5, 0xE9, 0x2014, 0x2019, 0x25B3, 0x3001, 0x3002, 0x3042,
	0x30A2, 0x4E07, 0x5186, 0x767E, 0x6C7A, 0x7B97, 0xFF08, 0xFFE5, 0x1F600
};
#define NSAMPLE (sizeof(sample) / sizeof(sample[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ttf *font, *sub;
	unsigned char *bytes;
	char err[256];
	size_t i, subsize;

	if ((font = ttf_open_memory("fuzzed.ttf", data, size, err,
	    sizeof(err))) == NULL) {
		if (err[0] == '\0')
			abort();   /* a refusal must say why */
		return 0;
	}
	for (i = 0; i < NSAMPLE; i++)
		(void)ttf_advance(font, ttf_glyph(font, sample[i]));
	if ((bytes = ttf_subset(font, sample, NSAMPLE, &subsize)) == NULL) {
		ttf_close(font);
		return 0;
	}
	if ((sub = ttf_open_memory("subset.ttf", bytes, subsize, err,
	    sizeof(err))) == NULL)
		abort();   /* our own output must be a font we accept */
	for (i = 0; i < NSAMPLE; i++) {
		unsigned g = ttf_glyph(font, sample[i]);
		/* The subset's cmap is format 4: BMP only. */
		if (g == 0 || sample[i] > 0xFFFE)
			continue;
		if (ttf_glyph(sub, sample[i]) == 0 ||
		    ttf_advance(sub, ttf_glyph(sub, sample[i])) !=
		    ttf_advance(font, g))
			abort();
	}
	if (ttf_units_per_em(sub) != ttf_units_per_em(font))
		abort();
	ttf_close(sub);
	free(bytes);
	ttf_close(font);
	return 0;
}
