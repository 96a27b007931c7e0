/* SHA-256 as FIPS 180-4 specifies it. */
#include "sha256.h"

#include <stdio.h>
#include <string.h>

/* x86's SHA extensions hash about twenty times faster than the portable
 * code; kessan hashes every data file it ships at each run (src/load/
 * xml.c) and every input of a build. */
#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

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

#ifdef HAVE_SHA_NI
/* Whether the processor has the SHA extensions (and SSSE3 and SSE4.1,
 * which the code below also uses); asked once: cpuid is slow in a VM. */
static int
has_sha_ni(void)
{
	static int known = -1;
	unsigned a, b, c, d;

	if (known < 0)
		known = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) &&
		    (c & bit_SSE4_1) && __get_cpuid_count(7, 0, &a, &b, &c, &d) &&
		    (b & bit_SHA);
	return known;
}

/* The state is kept as the instructions want it: ABEF and CDGH. */
__attribute__((target("sha,ssse3,sse4.1")))
static void
compress_sha_ni(uint32_t state[8], const unsigned char *p, size_t blocks)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i s0, s1, t, m, abef, cdgh, w[4];
	int i;

	t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]),
	    0xB1);                                            /* CDAB */
	s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]),
	    0x1B);                                            /* EFGH */
	s0 = _mm_alignr_epi8(t, s1, 8);                       /* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xF0);                    /* CDGH */
	for (; blocks > 0; blocks--, p += 64) {
		abef = s0;
		cdgh = s1;
		for (i = 0; i < 4; i++)
			w[i] = _mm_shuffle_epi8(_mm_loadu_si128(
			    (const __m128i *)(p + 16 * i)), swap);
		/* four rounds at a time; w holds the next 16 words of the
		 * schedule, each group replaced by the one 16 words on */
		for (i = 0; i < 16; i++) {
			m = _mm_add_epi32(w[i & 3],
			    _mm_loadu_si128((const __m128i *)&k[4 * i]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, m);
			s0 = _mm_sha256rnds2_epu32(s0, s1,
			    _mm_shuffle_epi32(m, 0x0E));
			if (i < 12) {
				t = _mm_add_epi32(
				    _mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]),
				    _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
				w[i & 3] = _mm_sha256msg2_epu32(t, w[(i + 3) & 3]);
			}
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	t = _mm_shuffle_epi32(s0, 0x1B);                      /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);                     /* DCHG */
	_mm_storeu_si128((__m128i *)&state[0],
	    _mm_blend_epi16(t, s1, 0xF0));                    /* DCBA */
	_mm_storeu_si128((__m128i *)&state[4],
	    _mm_alignr_epi8(s1, t, 8));                       /* HGFE */
}
#endif

static void
compress(struct sha256 *h, const unsigned char *p, size_t blocks)
{
#ifdef HAVE_SHA_NI
	if (has_sha_ni()) {
		compress_sha_ni(h->state, p, blocks);
		return;
	}
#endif
	for (; blocks > 0; blocks--, p += 64)
		compress_block(h, p);
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
	if (h->used > 0) {
		size_t take = 64 - h->used < len ? 64 - h->used : len;
		memcpy(h->block + h->used, p, take);
		h->used += take;
		p += take;
		len -= take;
		if (h->used < 64)
			return;
		compress(h, h->block, 1);
		h->used = 0;
	}
	/* whole blocks straight from the input */
	if (len >= 64) {
		compress(h, p, len / 64);
		p += len / 64 * 64;
		len %= 64;
	}
	if (len > 0)
		memcpy(h->block, p, len);
	h->used = len;
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
