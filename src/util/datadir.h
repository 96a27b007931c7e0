/* Where kessan's own data (schemas, templates, locales, fonts) lives. */
#ifndef KESSAN_DATADIR_H
#define KESSAN_DATADIR_H

#include <stddef.h>

/*
 * Writes the path of a data file ("schemas/period.rng") into buf. The data
 * directory is $KESSAN_DATADIR if set; else the executable's own directory
 * when it holds the data (an uninstalled build tree); else the configured
 * install location. Returns 0, or -1 if the path does not fit.
 */
int datadir_path(const char *relative, char *buf, size_t size);

#endif
