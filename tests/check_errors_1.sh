#!/bin/sh
# Half 1 of tests/check_errors.sh's cases, so that make check runs the
# two halves side by side.
KESSAN_ERROR_SHARD=1/2 exec sh "${TESTS_SRCDIR:-$(dirname "$0")}/check_errors.sh"
