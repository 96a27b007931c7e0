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
 * write_file_atomic in steps, so that a batch of files is flushed to disk
 * with one sync rather than one each: atomic_write_temp writes data to a
 * temporary file beside path, not yet flushed, and gives mkstemp's six
 * letters in suffix; returns 0, or 1 when path is no regular file and was
 * written in place (as write_file_atomic does), or -1 with a reason in err
 * (nothing left behind).
 */
int atomic_write_temp(const char *path, const char *data, size_t len,
    char suffix[7], char *err, size_t errsize);

/* Flushes the n temporary files (paths[i], suffixes[i]) to disk: one sync
 * of each file system they are on. Returns 0, or -1 with err. */
int atomic_sync_temps(const char *const *paths, const char *const *suffixes,
    size_t n, char *err, size_t errsize);

/* Renames a flushed temporary file over path; on failure removes it and
 * returns -1 with err. */
int atomic_commit_temp(const char *path, const char *suffix, char *err,
    size_t errsize);

/* Removes a temporary file that is not to be committed. */
void atomic_drop_temp(const char *path, const char *suffix);

/*
 * Whether name (a file name, no folder) is one write_file_atomic gives
 * the temporary file of target: target, ".tmp.", then mkstemp's six
 * letters or digits. target NULL matches any target.
 */
int atomic_is_temp_name(const char *name, const char *target);

#endif
