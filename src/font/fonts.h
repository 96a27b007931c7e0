/*
 * The configured faces and the roles they serve (fonts/fonts.xml). Font
 * files are parsed once per process and shared by every document.
 */
#ifndef KESSAN_FONTS_H
#define KESSAN_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include "../util/lang.h"
#include "../util/diag.h"
#include "ttf.h"

enum font_role {
	FONT_BODY,
	FONT_STRONG,
	FONT_LABEL,
	FONT_FIGURE,
	FONT_FIGURE_STRONG,   /* figures of total rows */
	FONT_ROLE_MAX
};

#define FONTS_MAX_FACES 8
#define FONTS_MAX_CHAIN 4

struct font_set {
	char *file;                                 /* fonts.xml */
	size_t nfaces;
	char *ids[FONTS_MAX_FACES];
	const struct ttf *faces[FONTS_MAX_FACES];   /* owned by the cache */
	/* per language and role: face indexes in order of preference */
	int chain[LANG_MAX][FONT_ROLE_MAX][FONTS_MAX_CHAIN];
	int nchain[LANG_MAX][FONT_ROLE_MAX];
};

/*
 * Loads the font configuration (path NULL: kessan's fonts/fonts.xml) and
 * parses every face, reusing faces parsed earlier in this process. Returns
 * NULL after diagnostics.
 */
struct font_set *fonts_load(const char *path, struct diag_list *diags);
void fonts_free(struct font_set *set);

/* The face that draws code point c in this role, or -1 if none has it. */
int fonts_face_for(const struct font_set *set, enum lang lang,
    enum font_role role, uint32_t c);

/* Frees every face parsed in this process (at exit). */
void fonts_cache_clear(void);

#endif
