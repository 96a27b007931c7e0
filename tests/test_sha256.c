/* SHA-256 against the FIPS 180-4 example vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../src/util/sha256.h"

static void
assert_digest(const char *text, size_t repeat, const char *want)
{
	struct sha256 h;
	char hex[65];
	size_t i;

	sha256_init(&h);
	for (i = 0; i < repeat; i++)
		sha256_update(&h, text, strlen(text));
	sha256_final_hex(&h, hex);
	assert_string_equal(hex, want);
}

static void
test_vectors(void **state)
{
	(void)state;
	assert_digest("", 1,
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_digest("abc", 1,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* A million "a": many blocks, fed in pieces that straddle them. */
	assert_digest("aaaaaaaaaa", 100000,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* The same million in pieces of many blocks, some of them after a
 * partial block: whole blocks are hashed straight from the input. */
static void
test_long_pieces(void **state)
{
	static char a[1000 * 1000 + 1];   /* and a NUL */
	const size_t n = sizeof(a) - 1;
	struct sha256 h;
	char hex[65];
	size_t done, piece = 1;

	(void)state;
	memset(a, 'a', n);
	assert_digest(a, 1,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	sha256_init(&h);
	for (done = 0; done < n; done += piece, piece = piece * 3 + 1)
		sha256_update(&h, a + done, piece < n - done ? piece : n - done);
	sha256_final_hex(&h, hex);
	assert_string_equal(hex,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_long_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
