/* Output files appear whole or not at all. */
#ifndef KESSAN_ATOMIC_H
#define KESSAN_ATOMIC_H

#include <stddef.h>

/*
 * Writes data to a temporary file beside path, flushes it to disk and
 * renames it over path, so a reader (or a crash) never sees half a file.
 * Returns 0, or -1 with a reason in err (the temporary file is removed).
 */
int write_file_atomic(const char *path, const char *data, size_t len,
    char *err, size_t errsize);

/*
 * Whether name (a file name, no folder) is one write_file_atomic gives
 * the temporary file of target: target, ".tmp.", then mkstemp's six
 * letters or digits. target NULL matches any target.
 */
int atomic_is_temp_name(const char *name, const char *target);

#endif
