#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "doc/build.h"

const char *const output_format_names[FORMAT_MAX] = { "txt", "tree" };

/* The templates a language renders when none is named. */
static const char *const default_templates[] = {
	"release", "summary", "bilingual"
};

static int
dump_tree(const struct node *doc, struct buffer *out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f == NULL)
		return -1;
	node_dump(doc, f);
	if (fclose(f) != 0) {
		free(buf);
		return -1;
	}
	buffer_write(out, buf, len);
	free(buf);
	return out->failed ? -1 : 0;
}

int
render_release(const struct render_request *req, struct buffer *out,
    struct diag_list *diags)
{
	struct build_input in;
	struct text_options text;
	char *words[LANG_MAX] = { NULL };
	struct node *doc = NULL;
	const char *tpl = req->template_id != NULL ? req->template_id :
	    default_templates[req->lang];
	enum lang lang = req->lang == RENDER_EN ? LANG_EN : LANG_JA;
	int l, rc = -1;

	memset(&in, 0, sizeof(in));
	memset(&text, 0, sizeof(text));
	in.book = req->book;
	if ((in.period = book_period_by_id(req->book, req->period)) == NULL) {
		diag_add(diags, DIAG_FATAL, req->book->dir, 0,
		    "no period %s in this book", req->period);
		return -1;
	}
	if (!in.period->has_release) {
		diag_add(diags, DIAG_FATAL, in.period->file, in.period->line,
		    "period %s has no <release>: it is a comparative quarter",
		    in.period->id);
		return -1;
	}
	for (l = 0; l < LANG_MAX; l++) {
		in.catalogs[l] = catalog_load(req->locales_dir, (enum lang)l, diags);
		in.formatters[l] = formatter_open((enum lang)l, &req->book->company);
		if (in.formatters[l] == NULL)
			diag_add(diags, DIAG_FATAL, NULL, 0,
			    "ICU cannot format for %s", lang_code((enum lang)l));
		if (in.catalogs[l] == NULL || in.formatters[l] == NULL)
			goto out;
	}
	if ((in.templates = templates_load(req->templates_dir, req->book,
	    diags)) == NULL)
		goto out;
	if ((doc = document_build(&in, tpl, lang, diags)) == NULL)
		goto out;
	switch (req->format) {
	case FORMAT_TEXT:
		for (l = 0; l < LANG_MAX; l++) {
			char err[256];
			words[l] = catalog_format(in.catalogs[l], "text.no-break-after",
			    NULL, 0, err, sizeof(err));
			text.no_break_after[l] = words[l];
		}
		rc = text_render(doc, &text, out);
		break;
	case FORMAT_TREE:
		rc = dump_tree(doc, out);
		break;
	default:
		break;
	}
	if (rc != 0)
		diag_add(diags, DIAG_FATAL, NULL, 0, "cannot render: out of memory");
out:
	node_free(doc);
	templates_free((struct template_set *)in.templates);
	for (l = 0; l < LANG_MAX; l++) {
		catalog_free(in.catalogs[l]);
		formatter_close(in.formatters[l]);
		free(words[l]);
	}
	return rc;
}
