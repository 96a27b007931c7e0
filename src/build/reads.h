/*
 * Fine-grained dependencies: what an output read of quarters other than
 * its own, as the build's manifest records it and a rebuild checks it.
 *
 * A worker packs what its render read (figure.h's build_deps) into its
 * result: quarters read as a whole, and single fact lookups, each with the
 * release it was seen from. For each other quarter the manifest keeps the
 * lookups as tokens ("sales", "sales@2004-q3" from another viewpoint,
 * "!adjustments" for its release and display adjustments) with a digest of
 * what they found: value, decimals, whether absent, the file and line it
 * came from, and any restatement with its reasons. A rebuild repeats the
 * lookups in the book it loaded; an equal digest means the output read
 * nothing that changed there.
 */
#ifndef KESSAN_BUILD_READS_H
#define KESSAN_BUILD_READS_H

#include <stdint.h>

#include "../model/book.h"
#include "../util/buffer.h"

struct build_deps;

#define READS_MAX_WHOLE 64
#define READS_MAX_PACKED 400

/* What a worker reports an output read, small enough for its result. */
struct reads_packed {
	int nwhole;                  /* -1: too many, every quarter is */
	int whole[READS_MAX_WHOLE];  /* ordinals of quarters read whole */
	int nreads;
	uint32_t reads[READS_MAX_PACKED];   /* sorted, see reads.c */
};

/* Packs deps of an output of quarter `release`; a read that does not fit
 * makes its quarter one read whole. */
void reads_pack(const struct build_deps *deps, int release,
    struct reads_packed *out);

/* The quarters p reads lookups of (ascending, none read whole nor the
 * release's own): calls fn for each with its ordinal. */
int reads_each_quarter(const struct reads_packed *p, int release,
    int (*fn)(void *arg, int ordinal), void *arg);

/* Appends quarter `ordinal`'s tokens from p to b, space-separated. */
void reads_tokens(const struct book *book, const struct reads_packed *p,
    int release, int ordinal, struct buffer *b);

/*
 * The digest of what the tokens read of quarter `quarter` ("2006-q2"),
 * looked up afresh in book for the release of quarter `release`, into
 * sha. Returns 0, or -1 when the tokens name a fact or quarter the book
 * no longer declares (the output is then out of date).
 */
int reads_digest(const struct book *book, int release, const char *quarter,
    const char *tokens, char sha[65]);

/*
 * The distinct token lists of a build's outputs, held once: the nine
 * outputs of a release read the same of each quarter, and so do releases
 * a year apart. A set is numbered from 1; digests are cached by release,
 * quarter and set, as the outputs of a release share them.
 */
struct reads_sets {
	char **tokens;
	uint32_t *hash;
	size_t *number;              /* in the manifest being written, or 0 */
	size_t n, nnumber, numbered;
	struct reads_cached *cache;
	size_t ncache;
};

/* The set holding tokens, added if new; 0 when out of memory. */
size_t reads_sets_intern(struct reads_sets *s, const char *tokens);

const char *reads_sets_tokens(const struct reads_sets *s, size_t set);

/* reads_digest of set, cached. */
int reads_sets_digest(struct reads_sets *s, const struct book *book,
    int release, const char *quarter, size_t set, char sha[65]);

/* Numbers the sets of a manifest anew: each set's number in the file
 * being written, with its line "reads N TOKENS" appended to table when it
 * first appears. 0 when out of memory. */
void reads_sets_renumber(struct reads_sets *s);
size_t reads_sets_number(struct reads_sets *s, size_t set,
    struct buffer *table);

void reads_sets_free(struct reads_sets *s);

/* FNV-1a of a string: the sets' hash, and the build's shard of a path. */
uint32_t reads_hash(const char *s);

#endif
