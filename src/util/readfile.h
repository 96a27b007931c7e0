/*
 * Reading a whole input file into memory, the one way every input is read:
 * only a regular file (a FIFO would block, a directory or device has no
 * meaningful size) and never more than a caller's limit, so a hostile path
 * can neither hang kessan nor exhaust memory.
 */
#ifndef KESSAN_READFILE_H
#define KESSAN_READFILE_H

#include <stddef.h>

/*
 * Reads the regular file at path, of at most `limit` bytes, into a
 * malloc'd buffer (*data, owned by the caller, NUL-terminated for
 * convenience; *size excludes the NUL). Returns 0, or -1 with *data NULL
 * and a reason in err ("not a regular file", "out of memory", …).
 */
int read_regular_file(const char *path, size_t limit, unsigned char **data,
    size_t *size, char *err, size_t errsize);

#endif
