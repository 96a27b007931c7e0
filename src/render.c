#include "render.h"
#include "render_pdf.h"

#include <stdlib.h>
#include <string.h>

#include "backend/html.h"
#include "backend/pdf.h"
#include "doc/build.h"
#include "layout/layout.h"

static const char *const lang_names[] = { "en", "ja", "ja+en" };

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

	if (env != NULL && *env != '\0')
		return strtoll(env, NULL, 10);
	return (long long)date_days(p->release_date) * 86400;
}

/* One layout's templates and catalogs: kessan's own (name NULL), or one
 * of the book's layouts over them (company.xml <layout>, <release
 * layout>). */
struct env_layout {
	char *name;
	struct template_set *templates;
	int borrowed;                /* the templates are the caller's */
	struct catalog *catalogs[LANG_MAX];
	char *no_break_after[LANG_MAX];
};

/* What the renders of one book share: loaded once, reused. */
struct render_env {
	const struct book *book;
	char *templates_dir;         /* NULL: kessan's own */
	char *locales_dir;
	struct formatter *formatters[LANG_MAX];
	struct env_layout *layouts;  /* loaded as releases need them */
	size_t nlayouts;
	struct font_set *fonts;      /* loaded with the first PDF */
	const char *fonts_file;
};

/* The layout options of a PDF of the book's company on paper, with page
 * labels in the layout's catalogs (labels: their argument). */
static void
pdf_options(const struct render_env *env, const struct env_layout *layout,
    const struct company *co, enum paper paper, struct page_labels *labels,
    struct layout_options *lo)
{
	int l;

	labels->catalogs = (struct catalog **)layout->catalogs;
	labels->formatters = (struct formatter **)env->formatters;
	memset(lo, 0, sizeof(*lo));
	lo->page_width = paper == PAPER_LETTER ? 612 : 595.28;
	lo->page_height = paper == PAPER_LETTER ? 792 : 841.89;
	lo->fonts = env->fonts;
	for (l = 0; l < LANG_MAX; l++) {
		lo->header[l] = co->name[l];
		lo->footer_left[l] = co->url[l] != NULL ? co->url[l] :
		    co->url[LANG_EN];
	}
	lo->page_label = page_label;
	lo->page_ref = page_ref;
	lo->arg = labels;
}

static int
render_pdf(const struct render_request *req, const struct render_env *env,
    const struct env_layout *layout, const struct period *period,
    const struct node *doc, struct buffer *out, struct diag_list *diags)
{
	const struct company *co = period_company(req->book, period);
	struct page_labels labels;
	struct layout_options lo;
	struct layout *lay = NULL;
	struct pdf_meta meta;
	char err[256], *title = NULL, *subject = NULL;
	int rc = -1;

	pdf_options(env, layout, co, req->paper, &labels, &lo);
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

static void
free_layout(struct env_layout *el)
{
	int l;

	for (l = 0; l < LANG_MAX; l++) {
		catalog_free(el->catalogs[l]);
		free(el->no_break_after[l]);
	}
	if (!el->borrowed)
		templates_free(el->templates);
	free(el->name);
}

/* The layout called name (NULL: kessan's templates), loaded the first
 * time a release asks for it; templates: already loaded, borrowed. */
static struct env_layout *
env_layout(struct render_env *env, const char *name,
    struct template_set *templates, struct diag_list *diags)
{
	struct env_layout *el, *grown;
	char over[4096], err[256];
	size_t i;
	int l;

	for (i = 0; i < env->nlayouts; i++)
		if (layout_same(env->layouts[i].name, name))
			return &env->layouts[i];
	if ((grown = realloc(env->layouts, (env->nlayouts + 1) *
	    sizeof(*grown))) == NULL) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return NULL;
	}
	env->layouts = grown;
	el = &grown[env->nlayouts];
	memset(el, 0, sizeof(*el));
	if ((name != NULL && ((el->name = strdup(name)) == NULL ||
	    book_layout_path(env->book, name, "locales", over,
	    sizeof(over)) != 0))) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		goto fail;
	}
	for (l = 0; l < LANG_MAX; l++) {
		if ((el->catalogs[l] = catalog_load_layout(env->locales_dir,
		    name != NULL ? over : NULL, (enum lang)l, diags)) == NULL)
			goto fail;
		/* Without it sentences would break after "U.S.": not optional. */
		if ((el->no_break_after[l] = catalog_format(el->catalogs[l],
		    "text.no-break-after", NULL, 0, err, sizeof(err))) == NULL) {
			diag_add(diags, DIAG_FATAL, el->catalogs[l]->file, 0,
			    "%s", err);
			goto fail;
		}
	}
	el->borrowed = templates != NULL;
	if ((el->templates = templates != NULL ? templates :
	    templates_load_layout(env->templates_dir, env->book, name,
	    diags)) == NULL)
		goto fail;
	env->nlayouts++;
	return el;
fail:
	free_layout(el);
	return NULL;
}

/* The layout period renders with, loaded if need be. */
static struct env_layout *
period_env_layout(struct render_env *env, const struct period *period,
    struct diag_list *diags)
{
	return env_layout(env, period != NULL ? period_layout(env->book, period) : NULL,
	    NULL, diags);
}

int
render_pdf_setup(struct render_env *env, const char *period_id,
    enum paper paper, struct render_pdf *setup, struct diag_list *diags)
{
	const struct env_layout *layout;

	memset(setup, 0, sizeof(*setup));
	if ((setup->period = book_period_by_id(env->book, period_id)) == NULL) {
		diag_add(diags, DIAG_FATAL, env->book->dir, 0,
		    "no period %s in this book", period_id);
		return -1;
	}
	if (render_env_load_fonts(env, diags) != 0 ||
	    (layout = period_env_layout(env, setup->period, diags)) == NULL)
		return -1;
	setup->company = period_company(env->book, setup->period);
	setup->fonts = env->fonts;
	setup->epoch = creation_epoch(setup->period);
	pdf_options(env, layout, setup->company, paper, &setup->labels,
	    &setup->options);
	return 0;
}

static int
copy_dir(char **dst, const char *src)
{
	return src != NULL && (*dst = strdup(src)) == NULL ? -1 : 0;
}

struct render_env *
render_env_new_with(const struct book *book, struct template_set *templates,
    const char *templates_dir, const char *locales_dir,
    const char *fonts_file, struct diag_list *diags)
{
	struct render_env *env = calloc(1, sizeof(*env));
	int l;

	if (env == NULL || copy_dir(&env->templates_dir, templates_dir) != 0 ||
	    copy_dir(&env->locales_dir, locales_dir) != 0) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		goto fail;
	}
	env->book = book;
	env->fonts_file = fonts_file;
	for (l = 0; l < LANG_MAX; l++)
		/* Opening a formatter fails only for want of memory. */
		if ((env->formatters[l] = formatter_open((enum lang)l,
		    &book->company)) == NULL) {
			diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
			goto fail;
		}
	/* The first layout is the one a lone render or a diff was loaded
	 * for; for a whole book, kessan's own. */
	if (env_layout(env, templates != NULL ? templates->layout : NULL,
	    templates, diags) == NULL)
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
	size_t i;
	int l;

	if (env == NULL)
		return;
	for (l = 0; l < LANG_MAX; l++)
		formatter_close(env->formatters[l]);
	for (i = 0; i < env->nlayouts; i++)
		free_layout(&env->layouts[i]);
	free(env->layouts);
	free(env->templates_dir);
	free(env->locales_dir);
	fonts_free(env->fonts);
	free(env);
}

int
render_env_use_layouts(struct render_env *env, struct diag_list *diags)
{
	size_t i;

	for (i = 0; i < env->book->nperiods; i++)
		if (env->book->periods[i]->has_release &&
		    period_env_layout(env, env->book->periods[i], diags) == NULL)
			return -1;
	return 0;
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

int
render_env_parts(struct render_env *env, const char *period,
    struct template_set ***templates, struct catalog ***catalogs,
    struct diag_list *diags)
{
	struct env_layout *el = period_env_layout(env,
	    book_period_by_id(env->book, period), diags);

	if (el == NULL)
		return -1;
	*templates = &el->templates;
	*catalogs = el->catalogs;
	return 0;
}

/* "templates/release.xml", or "layouts/NAME/templates/release.xml" for
 * a file of the layout's own. */
static void
input_label(const char *layout, const char *layout_dir, const char *kind,
    const char *file, char *label, size_t size)
{
	size_t n = layout_dir != NULL ? strlen(layout_dir) : 0;

	if (layout != NULL && n > 0 && strncmp(file, layout_dir, n) == 0 &&
	    file[n] == '/')
		snprintf(label, size, "layouts/%s/%s/%s", layout, kind,
		    base_name(file));
	else
		snprintf(label, size, "%s/%s", kind, base_name(file));
}

int
render_env_each_input(struct render_env *env, const char *layout,
    enum output_format format,
    void (*fn)(void *arg, const char *label, const char *path), void *arg,
    struct diag_list *diags)
{
	const struct env_layout *el = env_layout(env, layout, NULL, diags);
	const struct template_set *t;
	char label[4096];
	size_t i, k;
	int l, seen;

	if (el == NULL)
		return -1;
	t = el->templates;
	for (i = 0; i < t->ntemplates + t->ntables; i++) {
		const char *file = i < t->ntemplates ? t->templates[i].file :
		    t->tables[i - t->ntemplates].file;
		/* Several tables share a file: name each file once. */
		for (k = 0, seen = 0; k < i; k++)
			seen |= strcmp(file, k < t->ntemplates ? t->templates[k].file :
			    t->tables[k - t->ntemplates].file) == 0;
		if (seen)
			continue;
		input_label(t->layout, t->layout_dir, "templates", file, label,
		    sizeof(label));
		fn(arg, label, file);
	}
	for (l = 0; l < LANG_MAX; l++) {
		const struct catalog *c = el->catalogs[l];
		snprintf(label, sizeof(label), "locales/%s", base_name(c->file));
		fn(arg, label, c->file);
		if (c->layout_file != NULL) {
			snprintf(label, sizeof(label), "layouts/%s/locales/%s",
			    layout, base_name(c->layout_file));
			fn(arg, label, c->layout_file);
		}
	}
	if (!output_format_does(format, OUTPUT_FONTS) || env->fonts == NULL)
		return 0;
	fn(arg, "fonts/fonts.xml", env->fonts->file);
	for (i = 0; i < env->fonts->nfaces; i++) {
		snprintf(label, sizeof(label), "font:%s",
		    ttf_path(env->fonts->faces[i]));
		fn(arg, label, ttf_path(env->fonts->faces[i]));
	}
	return 0;
}

struct node *
render_document(const struct render_request *req, struct diag_list *diags)
{
	struct render_env *env = req->env;
	struct build_input in;
	const char *tpl = req->template_id != NULL ? req->template_id :
	    template_roots[req->lang].id;
	enum lang lang = req->lang == RENDER_EN ? LANG_EN : LANG_JA;
	const struct env_layout *layout;
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
	if ((req->lang != RENDER_JA && !period_publishes(req->book, in.period,
	    LANG_EN)) || (req->lang != RENDER_EN &&
	    !period_publishes(req->book, in.period, LANG_JA))) {
		diag_add(diags, DIAG_FATAL, req->book->company_file,
		    period_company(req->book, in.period)->origin.line,
		    "the release of %s is not published in %s (company.xml "
		    "<languages publish=\"…\">): add the language there, or "
		    "render another", in.period->id, req->lang == RENDER_JA_EN ?
		    "both languages" : req->lang == RENDER_EN ? "English" :
		    "Japanese");
		return NULL;
	}
	if ((layout = period_env_layout(env, in.period, diags)) == NULL)
		return NULL;
	in.templates = layout->templates;
	in.deps = req->deps;
	for (l = 0; l < LANG_MAX; l++) {
		in.catalogs[l] = layout->catalogs[l];
		in.formatters[l] = env->formatters[l];
		/* The negatives of the release's era. */
		formatter_use_company(env->formatters[l],
		    period_company(req->book, in.period));
	}
	return document_build(&in, tpl, lang, diags);
}

const char *
render_env_no_break_after(const struct render_env *env, enum lang lang)
{
	return env->layouts[0].no_break_after[lang];
}

/* ---- the backends: one table, one call ---- */

/* What a backend renders: a release's document, with the request and the
 * environment it was built in, or a diff report. */
struct backend_input {
	const struct render_request *req;
	struct render_env *env;
	const struct env_layout *layout;    /* the release's templates */
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
		text.no_break_after[l] = in->layout->no_break_after[l];
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
	meta.author = period_company(in->req->book, book_period_by_id(
	    in->req->book, in->req->period))->name[in->req->lang == RENDER_EN ?
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
	if (in->report != NULL)
		return redline_render(in->report, out, diags) != 0 ? REPORTED : 0;
	if (render_env_load_fonts(in->env, diags) != 0 ||
	    render_pdf(in->req, in->env, in->layout, book_period_by_id(
	    in->req->book, in->req->period), in->doc, out, diags) != 0)
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
	    OUTPUT_RELEASE | OUTPUT_DIFF | OUTPUT_BUILT | OUTPUT_FONTS,
	    pdf_backend },
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
	struct backend_input in = { NULL, NULL, NULL, NULL, report };

	return dispatch(&in, format, OUTPUT_DIFF, out, diags,
	    "cannot write the diff: out of memory");
}

int
render_release(const struct render_request *req, struct buffer *out,
    struct diag_list *diags)
{
	struct render_request own_req = *req;
	struct render_env *own = NULL;
	struct backend_input in = { &own_req, req->env, NULL, NULL, NULL };
	struct node *doc = NULL;
	int rc = -1;

	if (in.env == NULL && (in.env = own = render_env_new_with(req->book,
	    req->templates, req->templates_dir, req->locales_dir,
	    req->fonts_file, diags)) == NULL)
		return -1;
	own_req.env = in.env;
	if ((doc = render_document(&own_req, diags)) == NULL ||
	    (in.layout = period_env_layout(in.env, book_period_by_id(req->book,
	    req->period), diags)) == NULL)
		goto out;
	in.doc = doc;
	rc = dispatch(&in, req->format, OUTPUT_RELEASE, out, diags,
	    "cannot render: out of memory");
out:
	node_free(doc);
	render_env_free(own);
	return rc;
}

const struct template_set *
render_env_templates(struct render_env *env, const char *period,
    struct diag_list *diags)
{
	const struct env_layout *layout = period_env_layout(env,
	    book_period_by_id(env->book, period), diags);

	return layout != NULL ? layout->templates : NULL;
}
