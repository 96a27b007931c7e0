#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "backend/html.h"
#include "backend/pdf.h"
#include "doc/build.h"
#include "layout/layout.h"

static const char *const lang_names[] = { "en", "ja", "ja+en" };

struct page_labels {
	struct catalog **catalogs;
	struct formatter **formatters;
};

/* "Page 3 of 12" / "3 / 12ページ": numbers through ICU, words from the
 * catalog. */
static char *
page_label(void *arg, int page, int pages, enum lang lang, char *err,
    size_t errsize)
{
	struct page_labels *pl = arg;
	char a[2][32];
	const char *args[2] = { a[0], a[1] };

	if (format_units(pl->formatters[lang], page, 0, NUMBER_PLAIN, 0,
	    a[0], sizeof(a[0])) != 0 || format_units(pl->formatters[lang],
	    pages, 0, NUMBER_PLAIN, 0, a[1], sizeof(a[1])) != 0) {
		snprintf(err, errsize, "ICU cannot format the page number");
		return NULL;
	}
	return catalog_format(pl->catalogs[lang], "page.label", args, 2, err,
	    errsize);
}

/* "9ページ" / "page 9": a page reference as a PDF prints it. */
static char *
page_ref(void *arg, int page, enum lang lang, char *err, size_t errsize)
{
	struct page_labels *pl = arg;
	char number[32];
	const char *args[1] = { number };

	if (format_units(pl->formatters[lang], page, 0, NUMBER_PLAIN, 0,
	    number, sizeof(number)) != 0) {
		snprintf(err, errsize, "ICU cannot format the page number");
		return NULL;
	}
	return catalog_format(pl->catalogs[lang], "page.ref", args, 1, err,
	    errsize);
}

/* The first paragraph of a role, as plain text in *text (malloc'd; NULL
 * when there is none). Returns 0, or -1 when out of memory: a title lost
 * to memory must not pass for a document without one. */
static int
first_text(const struct node *n, enum para_role role, char **text)
{
	const struct node *k;

	*text = NULL;
	if (n->kind == NODE_PARAGRAPH && n->u.paragraph.role == role)
		return (*text = node_plain_text(n, NOTE_SUPERSCRIPT)) != NULL ?
		    0 : -1;
	for (k = n->first; k != NULL; k = k->next)
		if (first_text(k, role, text) != 0 || *text != NULL)
			return *text != NULL ? 0 : -1;
	return 0;
}

/* SOURCE_DATE_EPOCH when set (reproducible builds), else the release
 * date at midnight UTC: never the wall clock. */
static long long
creation_epoch(const struct period *p)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long long y = p->release_date.year, m = p->release_date.month;
	long long d = p->release_date.day, era, yoe, doy, doe;

	if (env != NULL && *env != '\0')
		return strtoll(env, NULL, 10);
	/* Days from the civil date (proleptic Gregorian). */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 86400;
}

/* What the renders of one book share: loaded once, reused. */
struct render_env {
	const struct book *book;
	struct catalog *catalogs[LANG_MAX];
	struct formatter *formatters[LANG_MAX];
	struct template_set *templates;
	int borrowed;                /* the templates are the caller's */
	struct font_set *fonts;      /* loaded with the first PDF */
	const char *fonts_file;
	char *no_break_after[LANG_MAX];
};

static int
render_pdf(const struct render_request *req, const struct render_env *env,
    const struct period *period, const struct node *doc, struct buffer *out,
    struct diag_list *diags)
{
	const struct company *co = &req->book->company;
	struct page_labels labels = { (struct catalog **)env->catalogs,
	    (struct formatter **)env->formatters };
	struct layout_options lo;
	struct layout *lay = NULL;
	struct pdf_meta meta;
	char err[256], *title = NULL, *subject = NULL;
	int l, rc = -1;

	memset(&lo, 0, sizeof(lo));
	lo.page_width = req->paper == PAPER_LETTER ? 612 : 595.28;
	lo.page_height = req->paper == PAPER_LETTER ? 792 : 841.89;
	lo.fonts = env->fonts;
	for (l = 0; l < LANG_MAX; l++) {
		lo.header[l] = co->name[l];
		lo.footer_left[l] = co->url[l] != NULL ? co->url[l] : co->url[LANG_EN];
	}
	lo.page_label = page_label;
	lo.page_ref = page_ref;
	lo.arg = &labels;
	if ((lay = layout_document(doc, &lo, diags)) == NULL)
		goto out;
	if (first_text(doc, ROLE_TITLE, &title) != 0 ||
	    first_text(doc, ROLE_SUBTITLE, &subject) != 0) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		goto out;
	}
	memset(&meta, 0, sizeof(meta));
	meta.title = title;
	meta.subject = subject;
	meta.author = co->name[doc->lang];
	meta.lang = lang_code(doc->lang);
	meta.epoch = creation_epoch(period);
	if (pdf_render(lay, env->fonts, &meta, out, err, sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, period->file, period->line,
		    "cannot write the PDF: %s", err);
		goto out;
	}
	rc = 0;
out:
	free(title);
	free(subject);
	layout_free(lay);
	return rc;
}

/* The templates a language renders when none is named. */
static const char *const default_templates[] = {
	"release", "summary", "bilingual"
};

struct render_env *
render_env_new_with(const struct book *book, struct template_set *templates,
    const char *templates_dir, const char *locales_dir,
    const char *fonts_file, struct diag_list *diags)
{
	struct render_env *env = calloc(1, sizeof(*env));
	char err[256];
	int l;

	if (env == NULL) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return NULL;
	}
	env->book = book;
	env->fonts_file = fonts_file;
	for (l = 0; l < LANG_MAX; l++) {
		env->catalogs[l] = catalog_load(locales_dir, (enum lang)l, diags);
		env->formatters[l] = formatter_open((enum lang)l, &book->company);
		/* Opening a formatter fails only for want of memory. */
		if (env->formatters[l] == NULL)
			diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		if (env->catalogs[l] == NULL || env->formatters[l] == NULL)
			goto fail;
		/* Without it sentences would break after "U.S.": not optional. */
		if ((env->no_break_after[l] = catalog_format(env->catalogs[l],
		    "text.no-break-after", NULL, 0, err, sizeof(err))) == NULL) {
			diag_add(diags, DIAG_FATAL, env->catalogs[l]->file, 0,
			    "%s", err);
			goto fail;
		}
	}
	env->borrowed = templates != NULL;
	if ((env->templates = templates != NULL ? templates :
	    templates_load(templates_dir, book, diags)) == NULL)
		goto fail;
	return env;
fail:
	render_env_free(env);
	return NULL;
}

struct render_env *
render_env_new(const struct book *book, const char *templates_dir,
    const char *locales_dir, const char *fonts_file, struct diag_list *diags)
{
	return render_env_new_with(book, NULL, templates_dir, locales_dir,
	    fonts_file, diags);
}

void
render_env_free(struct render_env *env)
{
	int l;

	if (env == NULL)
		return;
	for (l = 0; l < LANG_MAX; l++) {
		catalog_free(env->catalogs[l]);
		formatter_close(env->formatters[l]);
		free(env->no_break_after[l]);
	}
	if (!env->borrowed)
		templates_free(env->templates);
	fonts_free(env->fonts);
	free(env);
}

int
render_env_load_fonts(struct render_env *env, struct diag_list *diags)
{
	if (env->fonts == NULL &&
	    (env->fonts = fonts_load(env->fonts_file, diags)) == NULL)
		return -1;
	return 0;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

void
render_env_each_input(const struct render_env *env, enum output_format format,
    void (*fn)(void *arg, const char *label, const char *path), void *arg)
{
	const struct template_set *t = env->templates;
	char label[4096];
	size_t i, k;
	int l, seen;

	for (i = 0; i < t->ntemplates + t->ntables; i++) {
		const char *file = i < t->ntemplates ? t->templates[i].file :
		    t->tables[i - t->ntemplates].file;
		/* Several tables share a file: name each file once. */
		for (k = 0, seen = 0; k < i; k++)
			seen |= strcmp(file, k < t->ntemplates ? t->templates[k].file :
			    t->tables[k - t->ntemplates].file) == 0;
		if (seen)
			continue;
		snprintf(label, sizeof(label), "templates/%s", base_name(file));
		fn(arg, label, file);
	}
	for (l = 0; l < LANG_MAX; l++) {
		snprintf(label, sizeof(label), "locales/%s",
		    base_name(env->catalogs[l]->file));
		fn(arg, label, env->catalogs[l]->file);
	}
	if (!output_format_does(format, OUTPUT_FONTS) || env->fonts == NULL)
		return;
	fn(arg, "fonts/fonts.xml", env->fonts->file);
	for (i = 0; i < env->fonts->nfaces; i++) {
		snprintf(label, sizeof(label), "font:%s",
		    ttf_path(env->fonts->faces[i]));
		fn(arg, label, ttf_path(env->fonts->faces[i]));
	}
}

struct node *
render_document(const struct render_request *req, struct diag_list *diags)
{
	struct render_env *env = req->env;
	struct build_input in;
	const char *tpl = req->template_id != NULL ? req->template_id :
	    default_templates[req->lang];
	enum lang lang = req->lang == RENDER_EN ? LANG_EN : LANG_JA;
	int l;

	memset(&in, 0, sizeof(in));
	in.book = req->book;
	if ((in.period = book_period_by_id(req->book, req->period)) == NULL) {
		diag_add(diags, DIAG_FATAL, req->book->dir, 0,
		    "no period %s in this book", req->period);
		return NULL;
	}
	if (!in.period->has_release) {
		diag_add(diags, DIAG_FATAL, in.period->file, in.period->line,
		    "period %s has no <release>: it is a comparative quarter",
		    in.period->id);
		return NULL;
	}
	in.templates = env->templates;
	in.deps = req->deps;
	for (l = 0; l < LANG_MAX; l++) {
		in.catalogs[l] = env->catalogs[l];
		in.formatters[l] = env->formatters[l];
	}
	return document_build(&in, tpl, lang, diags);
}

const char *
render_env_no_break_after(const struct render_env *env, enum lang lang)
{
	return env->no_break_after[lang];
}

/* ---- the backends: one table, one call ---- */

/* What a backend renders: a release's document, with the request and the
 * environment it was built in, or a diff report. */
struct backend_input {
	const struct render_request *req;
	struct render_env *env;
	const struct node *doc;             /* NULL for a diff */
	const struct diff_report *report;   /* NULL for a release */
};

/* A backend returns 0, NO_MEMORY (the dispatcher says so), or REPORTED
 * after diagnostics of its own. */
enum {
	NO_MEMORY = -1,
	REPORTED = -2
};

static int
text_backend(const struct backend_input *in, struct buffer *out,
    struct diag_list *diags)
{
	struct text_options text;
	int l;

	(void)diags;
	if (in->report != NULL)
		return text_diff_render(in->report, out);
	memset(&text, 0, sizeof(text));
	for (l = 0; l < LANG_MAX; l++)
		text.no_break_after[l] = in->env->no_break_after[l];
	return text_render(in->doc, &text, out);
}

static int
tree_backend(const struct backend_input *in, struct buffer *out,
    struct diag_list *diags)
{
	(void)diags;
	return node_dump(in->doc, out);
}

static int
html_backend(const struct backend_input *in, struct buffer *out,
    struct diag_list *diags)
{
	struct html_meta meta = { NULL, NULL };
	char *title;
	int rc;

	(void)diags;
	if (in->report != NULL)
		return html_diff_render(in->report, out);
	meta.author = in->req->book->company.name[in->req->lang == RENDER_EN ?
	    LANG_EN : LANG_JA];
	if (first_text(in->doc, ROLE_TITLE, &title) != 0)
		return NO_MEMORY;
	meta.title = title;
	rc = html_render(in->doc, &meta, out);
	free(title);
	return rc;
}

static int
pdf_backend(const struct backend_input *in, struct buffer *out,
    struct diag_list *diags)
{
	if (render_env_load_fonts(in->env, diags) != 0 ||
	    render_pdf(in->req, in->env, book_period_by_id(in->req->book,
	    in->req->period), in->doc, out, diags) != 0)
		return REPORTED;
	return 0;
}

/* Every output format, in the order kessan build makes them. */
static const struct output_backend {
	const char *name;        /* as --format names it */
	const char *extension;   /* of its files */
	unsigned uses;           /* OUTPUT_* */
	int (*render)(const struct backend_input *in, struct buffer *out,
	    struct diag_list *diags);
} backends[FORMAT_MAX] = {
	[FORMAT_TEXT] = { "txt", "txt",
	    OUTPUT_RELEASE | OUTPUT_DIFF | OUTPUT_BUILT, text_backend },
	[FORMAT_TREE] = { "tree", "tree", OUTPUT_RELEASE, tree_backend },
	[FORMAT_PDF] = { "pdf", "pdf",
	    OUTPUT_RELEASE | OUTPUT_BUILT | OUTPUT_FONTS, pdf_backend },
	[FORMAT_HTML] = { "html", "html",
	    OUTPUT_RELEASE | OUTPUT_DIFF | OUTPUT_BUILT, html_backend }
};

const char *
output_format_name(enum output_format format)
{
	return format < FORMAT_MAX ? backends[format].name : NULL;
}

int
output_format_does(enum output_format format, unsigned uses)
{
	return format < FORMAT_MAX && (backends[format].uses & uses) == uses;
}

enum output_format
output_format_find(const char *name, unsigned uses)
{
	int f;

	for (f = 0; f < FORMAT_MAX; f++)
		if (strcmp(name, backends[f].name) == 0 &&
		    output_format_does((enum output_format)f, uses))
			return (enum output_format)f;
	return FORMAT_MAX;
}

void
render_file_name(const struct render_request *req, char *buf, size_t size)
{
	snprintf(buf, size, "release-%s.%s", lang_names[req->lang],
	    backends[req->format].extension);
}

/* The only call of a backend. Returns 0, or -1 after diagnostics; a
 * backend out of memory is reported as `what`. */
static int
dispatch(const struct backend_input *in, enum output_format format,
    unsigned use, struct buffer *out, struct diag_list *diags,
    const char *what)
{
	int rc;

	if (!output_format_does(format, use)) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "%s cannot render this",
		    output_format_name(format) != NULL ?
		    output_format_name(format) : "an unknown format");
		return -1;
	}
	if ((rc = backends[format].render(in, out, diags)) == 0)
		return 0;
	if (rc != REPORTED)
		diag_add(diags, DIAG_FATAL, NULL, 0, "%s", what);
	return -1;
}

int
render_diff(const struct diff_report *report, enum output_format format,
    struct buffer *out, struct diag_list *diags)
{
	struct backend_input in = { NULL, NULL, NULL, report };

	return dispatch(&in, format, OUTPUT_DIFF, out, diags,
	    "cannot write the diff: out of memory");
}

int
render_release(const struct render_request *req, struct buffer *out,
    struct diag_list *diags)
{
	struct render_request own_req = *req;
	struct render_env *own = NULL;
	struct backend_input in = { &own_req, req->env, NULL, NULL };
	struct node *doc = NULL;
	int rc = -1;

	if (in.env == NULL && (in.env = own = render_env_new_with(req->book,
	    req->templates, req->templates_dir, req->locales_dir,
	    req->fonts_file, diags)) == NULL)
		return -1;
	own_req.env = in.env;
	if ((doc = render_document(&own_req, diags)) == NULL)
		goto out;
	in.doc = doc;
	rc = dispatch(&in, req->format, OUTPUT_RELEASE, out, diags,
	    "cannot render: out of memory");
out:
	node_free(doc);
	render_env_free(own);
	return rc;
}
