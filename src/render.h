/*
 * One release, end to end: load catalogs and templates, build the document
 * for a period, language and template, hand it to a backend. The only place
 * that chooses among backends.
 */
#ifndef KESSAN_RENDER_H
#define KESSAN_RENDER_H

#include "backend/backend.h"
#include "model/book.h"
#include "util/diag.h"

enum output_format {
	FORMAT_TEXT,
	FORMAT_TREE,     /* the document tree, for debugging */
	FORMAT_PDF,
	FORMAT_HTML,
	FORMAT_MAX
};

enum paper {
	PAPER_A4,
	PAPER_LETTER
};

/* A language choice: one language, or the bilingual compilation. */
enum render_lang {
	RENDER_EN,
	RENDER_JA,
	RENDER_JA_EN
};

/* What the renders of one book share (catalogs, formatters, templates,
 * fonts): make one to render many releases of a book. */
struct render_env;

struct render_env *render_env_new(const struct book *book,
    const char *templates_dir, const char *locales_dir,
    const char *fonts_file, struct diag_list *diags);
void render_env_free(struct render_env *env);

struct render_request {
	const struct book *book;
	struct render_env *env;    /* NULL: loaded for this render only */
	const char *period;        /* "2004-q1" */
	enum render_lang lang;
	enum output_format format;
	const char *template_id;   /* NULL: the language's default */
	const char *templates_dir; /* NULL: kessan's own */
	const char *locales_dir;   /* NULL: kessan's own */
	const char *fonts_file;    /* NULL: kessan's fonts/fonts.xml */
	enum paper paper;
};

/* Renders into out. Returns 0, or -1 after fatal diagnostics. The
 * directories and fonts file are used only when req->env is NULL. */
int render_release(const struct render_request *req, struct buffer *out,
    struct diag_list *diags);

extern const char *const output_format_names[FORMAT_MAX];

/* File name of a render in a folder: "release-en.pdf", "release-ja+en.txt". */
void render_file_name(const struct render_request *req, char *buf,
    size_t size);

#endif
