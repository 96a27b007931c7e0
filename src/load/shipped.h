/*
 * The digests of kessan's own data files (templates, catalogs, fonts.xml)
 * that their schemas accepted when kessan was built: shipped_hashes.c,
 * which src/load/shipped_hashes.sh writes.
 */
#ifndef KESSAN_SHIPPED_H
#define KESSAN_SHIPPED_H

struct shipped {
	const char *schema;   /* "schemas/template.rng" */
	const char *sha;      /* NULL ends the list */
};

extern const struct shipped shipped_valid[];

#endif
