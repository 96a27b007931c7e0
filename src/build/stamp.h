/*
 * The build's stamp: the size and modification time of every file a build
 * could have read (the book's whole tree, kessan's data folders, the
 * fonts, the kessan binary, the manifest), written after a build in which
 * every output was made. When a later build finds the same stamp, nothing
 * it would read has changed, and it can tell "all up to date" from the
 * manifest without loading the book: a no-change rebuild stats files and
 * parses nothing.
 *
 * A stamp is text: directive lines, each followed by the entries it found
 * (lines starting with a tab). Checking one makes the text again from its
 * directives and compares the two.
 */
#ifndef KESSAN_BUILD_STAMP_H
#define KESSAN_BUILD_STAMP_H

#include <sys/types.h>

#include "../util/buffer.h"

struct stamp {
	struct buffer text;
	dev_t skip_dev;        /* a folder not to walk (the output folder) */
	ino_t skip_ino;
	long long recent_ns;   /* files changed after this make it racy */
	int racy;              /* a file changed too recently to trust its
	                          time: the stamp must not be written */
	int failed;            /* a file or folder could not be read */
};

/* Starts a stamp whose first line is key; skip names a folder left out
 * of every walk (may not exist). A file changed after two seconds before
 * since_ns (CLOCK_REALTIME; the build's start, before it read anything)
 * makes the stamp racy: it may have changed after the build read it. */
void stamp_begin(struct stamp *s, const char *key, const char *skip,
    long long since_ns);

/* Every file below dir, at any depth (folders starting with a dot are
 * left out), or only those directly in it. */
void stamp_tree(struct stamp *s, const char *dir, int recursive);

/* One file; ours: one only this build writes, whose time is trusted. */
void stamp_file(struct stamp *s, const char *path, int ours);

/* Whether the stamp text `old` (as stamp_write wrote it) describes the
 * files as they are now: its first line must be key. */
int stamp_matches(const char *old, const char *key, const char *skip);

void stamp_free(struct stamp *s);

#endif
