/* Edit distance and "did you mean" suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../src/util/suggest.h"

static void
test_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("", ""), 0);
	assert_int_equal(edit_distance("abc", ""), 3);
	assert_int_equal(edit_distance("", "abc"), 3);
	assert_int_equal(edit_distance("abc", "abc"), 0);
	assert_int_equal(edit_distance("kitten", "sitting"), 3);
	/* a transposition is one edit, not two */
	assert_int_equal(edit_distance("abcd", "acbd"), 1);
	assert_int_equal(edit_distance("is.rev.dedicatd", "is.rev.dedicated"),
	    1);
	assert_int_equal(edit_distance("ca", "abc"), 3);   /* OSA, not true DL */
	assert_int_equal(edit_distance("flaw", "lawn"), 2);
}

static void
test_close(void **state)
{
	(void)state;
	assert_false(suggest_close(0, 5));
	assert_true(suggest_close(1, 1));
	assert_true(suggest_close(2, 3));
	assert_false(suggest_close(3, 8));
	assert_true(suggest_close(3, 9));
	assert_true(suggest_close(5, 15));
	assert_false(suggest_close(6, 15));
}

static const char *const ids[] = {
	"is.rev.total", "is.rev.dedicated", "is.rev.dialup", NULL, "op.rev.ip"
};

static const char *
id_at(const void *ctx, size_t i)
{
	return ((const char *const *)ctx)[i];
}

static void
test_closest(void **state)
{
	size_t n = sizeof(ids) / sizeof(ids[0]);

	(void)state;
	assert_string_equal(suggest_closest("is.rev.dedicatd", id_at, ids, n),
	    "is.rev.dedicated");
	assert_string_equal(suggest_closest("op.rev.ipp", id_at, ids, n),
	    "op.rev.ip");
	assert_string_equal(suggest_closest("is.rev.totl", id_at, ids, n),
	    "is.rev.total");
	/* far from everything */
	assert_null(suggest_closest("bs.cash", id_at, ids, n));
	/* the word itself is never suggested */
	assert_null(suggest_closest("op.rev.ip", id_at, ids, 1));
	assert_null(suggest_closest(NULL, id_at, ids, n));
	assert_null(suggest_closest("x", id_at, ids, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_closest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
