/* SHA-256 as FIPS 180-4 specifies it. */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

static const uint32_t k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

static uint32_t
rotr(uint32_t x, unsigned n)
{
	return x >> n | x << (32 - n);
}

static void
compress_block(struct sha256 *h, const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, hh;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = (rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ w[i - 2] >> 10) +
		    w[i - 7] + (rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^
		    w[i - 15] >> 3) + w[i - 16];
	a = h->state[0];
	b = h->state[1];
	c = h->state[2];
	d = h->state[3];
	e = h->state[4];
	f = h->state[5];
	g = h->state[6];
	hh = h->state[7];
	for (i = 0; i < 64; i++) {
		uint32_t t1, t2;

		t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
		    ((e & f) ^ (~e & g)) + k[i] + w[i];
		t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		hh = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	h->state[0] += a;
	h->state[1] += b;
	h->state[2] += c;
	h->state[3] += d;
	h->state[4] += e;
	h->state[5] += f;
	h->state[6] += g;
	h->state[7] += hh;
}

void
sha256_init(struct sha256 *h)
{
	static const uint32_t initial[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f,
		0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memcpy(h->state, initial, sizeof(initial));
	h->length = 0;
	h->used = 0;
}

void
sha256_update(struct sha256 *h, const void *data, size_t len)
{
	const unsigned char *p = data;

	h->length += len;
	while (len > 0) {
		size_t take = 64 - h->used < len ? 64 - h->used : len;
		memcpy(h->block + h->used, p, take);
		h->used += take;
		p += take;
		len -= take;
		if (h->used == 64) {
			compress_block(h, h->block);
			h->used = 0;
		}
	}
}

void
sha256_final_hex(struct sha256 *h, char hex[65])
{
	uint64_t bits = h->length * 8;
	unsigned char pad = 0x80, zero = 0, len[8];
	int i;

	sha256_update(h, &pad, 1);
	while (h->used != 56)
		sha256_update(h, &zero, 1);
	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(h, len, 8);
	for (i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", h->state[i]);
}

int
sha256_file(const char *path, char hex[65])
{
	unsigned char buf[65536];
	struct sha256 h;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return -1;
	sha256_init(&h);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sha256_update(&h, buf, n);
	if (ferror(f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	sha256_final_hex(&h, hex);
	return 0;
}
