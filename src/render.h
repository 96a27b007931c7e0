/*
 * One release, end to end: load catalogs and templates, build the document
 * for a period, language and template, hand it to a backend; and a diff
 * report to a backend. The only place that chooses among backends: one
 * table of the output formats, which the commands' format lists come from.
 */
#ifndef KESSAN_RENDER_H
#define KESSAN_RENDER_H

#include "backend/backend.h"
#include "doc/build.h"
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

/* The same with templates already loaded (NULL: those of templates_dir),
 * which the env borrows: they must outlive it. */
struct render_env *render_env_new_with(const struct book *book,
    struct template_set *templates, const char *templates_dir,
    const char *locales_dir, const char *fonts_file,
    struct diag_list *diags);

/* Loads the fonts now (a build does it before forking its workers).
 * Returns 0, or -1 after diagnostics. */
int render_env_load_fonts(struct render_env *env, struct diag_list *diags);

/*
 * Calls fn for every file besides the book that a render in `format`
 * under `layout` (NULL: none) reads: each template file, each catalog,
 * and for PDF the fonts file and every face. `label` is stable across
 * machines ("templates/release.xml", "layouts/2005/templates/tables.xml",
 * "locales/ja.xlf", "fonts/fonts.xml", "font:/usr/share/…"). Returns 0,
 * or -1 when the layout does not load (diagnostics).
 */
int render_env_each_input(struct render_env *env, const char *layout,
    enum output_format format,
    void (*fn)(void *arg, const char *label, const char *path), void *arg,
    struct diag_list *diags);

/* Loads the layout of every release of the book now (a build does it
 * before forking its workers). Returns 0, or -1 after diagnostics. */
int render_env_use_layouts(struct render_env *env, struct diag_list *diags);

struct render_request {
	const struct book *book;
	struct render_env *env;    /* NULL: loaded for this render only */
	const char *period;        /* "2004-q1" */
	enum render_lang lang;
	enum output_format format;
	const char *template_id;   /* NULL: the language's default */
	const char *templates_dir; /* NULL: kessan's own */
	struct template_set *templates; /* loaded by render_book_load, or NULL */
	const char *locales_dir;   /* NULL: kessan's own */
	const char *fonts_file;    /* NULL: kessan's fonts/fonts.xml */
	enum paper paper;
	struct build_deps *deps;   /* when not NULL: the quarters read */
};

/* Renders into out with the backend of req->format (one that does
 * OUTPUT_RELEASE). Returns 0, or -1 after fatal diagnostics. The
 * directories and fonts file are used only when req->env is NULL. */
int render_release(const struct render_request *req, struct buffer *out,
    struct diag_list *diags);

/*
 * Builds the document a render of req would print (format and paper
 * aside), for the diff. req->env must be set and must outlive the tree,
 * which names its template files. Returns the tree (free with node_free)
 * or NULL after fatal diagnostics.
 */
struct node *render_document(const struct render_request *req,
    struct diag_list *diags);

/* The templates quarter `period` renders with (borrowed from env), or
 * NULL after diagnostics. */
const struct template_set *render_env_templates(struct render_env *env,
    const char *period, struct diag_list *diags);

/* Where quarter `period` finds its templates and its catalogs (one per
 * language) in env, loaded if need be: a diff swaps one of them for a
 * what-if render and puts it back. Returns 0, or -1 after diagnostics. */
struct catalog;
int render_env_parts(struct render_env *env, const char *period,
    struct template_set ***templates, struct catalog ***catalogs,
    struct diag_list *diags);

/* The language's words after which a sentence never ends (sentences.h). */
const char *render_env_no_break_after(const struct render_env *env,
    enum lang lang);

/* What an output format is for (output_format_does). */
enum output_use {
	OUTPUT_RELEASE = 0x1,    /* renders a release (kessan render) */
	OUTPUT_DIFF = 0x2,       /* renders a diff report (kessan diff) */
	OUTPUT_BUILT = 0x4,      /* one of kessan build's outputs */
	OUTPUT_FONTS = 0x8       /* draws with the fonts, which it reads */
};

/* The format's --format name ("txt"); NULL for no format. */
const char *output_format_name(enum output_format format);

/* Whether the format has every use in `uses` (OUTPUT_*). */
int output_format_does(enum output_format format, unsigned uses);

/* The format called `name` that has every use in `uses`, or FORMAT_MAX. */
enum output_format output_format_find(const char *name, unsigned uses);

/*
 * Writes a diff report in `format` (one that does OUTPUT_DIFF) into out.
 * Returns 0, or -1 after a fatal diagnostic.
 */
int render_diff(const struct diff_report *report, enum output_format format,
    struct buffer *out, struct diag_list *diags);

/*
 * Loads the book in dir as the render of quarter `period` needs it: the
 * templates of templates_dir say how far back (and ahead) the release
 * reads, and no period file beyond that is opened (load.h,
 * book_load_release; period_file: a draft read in place of its quarter's
 * file, whose quarter it is). *templates is set to the templates so
 * loaded (or NULL), for req->templates or render_env_new_with; the caller
 * frees them after the env. Returns the book, or NULL after fatal
 * diagnostics.
 */
struct book *render_book_load(const char *dir, const char *period,
    const char *period_file, const char *templates_dir,
    struct template_set **templates, struct diag_list *diags);

/* File name of a render in a folder: "release-en.pdf", "release-ja+en.txt". */
void render_file_name(const struct render_request *req, char *buf,
    size_t size);

#endif
