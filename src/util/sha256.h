/* SHA-256 (FIPS 180-4), for build manifests and change detection. */
#ifndef KESSAN_SHA256_H
#define KESSAN_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t state[8];
	uint64_t length;          /* bytes hashed so far */
	unsigned char block[64];
	size_t used;              /* bytes waiting in block */
};

void sha256_init(struct sha256 *h);
void sha256_update(struct sha256 *h, const void *data, size_t len);
/* Writes the digest as 64 lowercase hex digits and a NUL into hex[65]. */
void sha256_final_hex(struct sha256 *h, char hex[65]);

/* The digest of a whole file into hex[65]; 0, or -1 if it cannot be read. */
int sha256_file(const char *path, char hex[65]);

#endif
