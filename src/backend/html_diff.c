/*
 * kessan diff's HTML page: the causes and their changes, each linked to
 * its place in the marked drafts printed below them.
 */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diff/diff.h"
#include "html_page.h"

/* ---- the diff page ---- */

static const char diff_style[] =
    "del{background:#fbd3d3;color:#7a0000;}del+ins{margin-left:.25em;}"
    "ins{background:#cdeccd;color:#004d00;text-decoration:none;}"
    "tr.added,li.added,p.added{background:#eaf6ea;}"
    "tr.removed,li.removed,p.removed{background:#fbeaea;}"
    ".changes td,.changes th{border-bottom:1px solid #ddd;text-align:left;}"
    ".changes td.num{text-align:right;}"
    ".lang{font-family:monospace;color:#555;padding-right:.5em;}"
    ".cause h2 .kind{font-family:monospace;font-weight:normal;color:#555;}"
    ".footing{display:block;font-size:.8em;color:#555;}"
    ".marked-heading{margin-top:3em;border-top:2px solid #000;"
    "padding-top:.5em;}";

/* A link to where a change stands, its words in the change's language. */
static void
change_link(struct html *h, struct hel *parent, const struct change *c)
{
	struct hel *a = element(h, parent, "a");
	char href[64];

	snprintf(href, sizeof(href), "#%s", c->anchor != NULL ? c->anchor : "");
	attr(h, a, "href", href);
	text(h, a, c->where);
}

static void
put_lang(struct html *h, struct hel *parent, const struct change *c)
{
	struct hel *span = element(h, parent, "span");

	attr(h, span, "class", "lang");
	text(h, span, lang_tag(c->lang));
}

/* Text of s[0..len), in a new element `name` unless name is NULL. */
static void
text_span(struct html *h, struct hel *parent, const char *name,
    const char *s, size_t len)
{
	char *copy = strndup(s, len);

	if (copy == NULL) {
		h->failed = 1;
		return;
	}
	text(h, name != NULL ? element(h, parent, name) : parent, copy);
	free(copy);
}

static void
marked_words(struct html *h, struct hel *parent, const struct change *c)
{
	size_t i;

	for (i = 0; i < c->nops; i++) {
		const struct word_op *op = &c->ops[i];

		if (!op->changed) {
			text_span(h, parent, NULL, c->new_text + op->new.start,
			    op->new.len);
			continue;
		}
		if (op->old.len > 0)
			text_span(h, parent, "del", c->old_text + op->old.start,
			    op->old.len);
		if (op->new.len > 0)
			text_span(h, parent, "ins", c->new_text + op->new.start,
			    op->new.len);
	}
}

/* Whether c is listed under group (ALL_GROUPS: every change). */
#define ALL_GROUPS ((size_t)-1)

static int
in_group(const struct change *c, size_t group)
{
	return group == ALL_GROUPS || c->cause == group;
}

static void
figures_table(struct html *h, struct hel *parent, const struct diff *d,
    size_t group)
{
	struct hel *sec = NULL, *body = NULL, *tr, *td;
	size_t i;

	for (i = 0; i < d->nchanges; i++) {
		const struct change *c = &d->changes[i];

		if ((c->kind != CHANGE_FIGURE && c->kind != CHANGE_CHART) ||
		    !in_group(c, group))
			continue;
		if (sec == NULL) {
			struct hel *head;
			static const char *const cols[] = { "Language", "Where",
			    "Before", "After" };
			size_t k;

			sec = group == ALL_GROUPS ? element(h, parent, "section") :
			    parent;
			if (group == ALL_GROUPS)
				text(h, element(h, sec, "h2"), "Changed figures");
			body = element(h, sec, "table");
			attr(h, body, "class", "changes");
			head = element(h, element(h, body, "thead"), "tr");
			for (k = 0; k < 4; k++) {
				td = element(h, head, "th");
				attr(h, td, "scope", "col");
				text(h, td, cols[k]);
			}
			body = element(h, body, "tbody");
		}
		tr = element(h, body, "tr");
		put_lang(h, element(h, tr, "td"), c);
		td = element(h, tr, "th");
		attr(h, td, "scope", "row");
		attr(h, td, "lang", lang_tag(c->lang));
		change_link(h, td, c);
		if (c->kind == CHANGE_CHART) {
			td = element(h, tr, "td");
			attr(h, td, "colspan", "2");
			text(h, td, "the chart's data changed");
			continue;
		}
		td = element(h, tr, "td");
		attr(h, td, "class", "num");
		attr(h, td, "lang", lang_tag(c->lang));
		text(h, element(h, td, "del"), c->old_text);
		td = element(h, tr, "td");
		attr(h, td, "class", "num");
		attr(h, td, "lang", lang_tag(c->lang));
		text(h, element(h, td, "ins"), c->new_text);
		if (c->footing_only) {
			struct hel *note = element(h, td, "span");

			attr(h, note, "class", "footing");
			text(h, note, "footing");
			if (c->footing_total != NULL) {
				text(h, note, ": ");
				text(h, note, c->footing_total);
			}
		}
	}
}

static void
changes_list(struct html *h, struct hel *parent, const struct diff *d,
    int blocks, const char *title, size_t group)
{
	struct hel *ul = NULL, *li, *span;
	size_t i;

	for (i = 0; i < d->nchanges; i++) {
		const struct change *c = &d->changes[i];
		int is_block = c->kind == CHANGE_ADDED || c->kind == CHANGE_REMOVED;

		if ((blocks ? !is_block : c->kind != CHANGE_TEXT) ||
		    !in_group(c, group))
			continue;
		if (ul == NULL) {
			struct hel *sec = parent;

			if (group == ALL_GROUPS) {
				sec = element(h, parent, "section");
				text(h, element(h, sec, "h2"), title);
			}
			ul = element(h, sec, "ul");
			attr(h, ul, "class", "changes");
		}
		li = element(h, ul, "li");
		put_lang(h, li, c);
		span = element(h, li, "span");
		attr(h, span, "lang", lang_tag(c->lang));
		change_link(h, span, c);
		text(h, span, ": ");
		if (c->kind == CHANGE_ADDED)
			text(h, element(h, span, "ins"), c->new_text);
		else if (c->kind == CHANGE_REMOVED)
			text(h, element(h, span, "del"), c->old_text);
		else if (c->ops != NULL)
			marked_words(h, span, c);
		else {
			text(h, element(h, span, "del"), c->old_text);
			text(h, element(h, span, "ins"), c->new_text);
		}
	}
}

/* A section per cause: what changed, then every change it explains;
 * first a list of the causes, each linked to its section. */
static void
cause_groups(struct html *h, struct hel *parent, const struct diff *d)
{
	struct hel *nav = element(h, parent, "nav"), *ol;
	size_t g;
	char line[64];

	text(h, element(h, nav, "h2"), "Causes");
	ol = element(h, nav, "ul");
	for (g = 0; g < d->ncauses; g++) {
		struct hel *a;

		if (d->causes[g].nchanges == 0)
			continue;
		a = element(h, element(h, ol, "li"), "a");
		snprintf(line, sizeof(line), "#cause-%zu", g + 1);
		attr(h, a, "href", line);
		snprintf(line, sizeof(line), "#%zu %s: ", g + 1,
		    cause_kind_names[d->causes[g].kind]);
		text(h, a, line);
		text(h, a, d->causes[g].name);
		snprintf(line, sizeof(line), " (%zu)", d->causes[g].nchanges);
		text(h, a, line);
	}

	for (g = 0; g < d->ncauses; g++) {
		const struct change_cause *c = &d->causes[g];
		struct hel *sec, *head, *kind;

		if (c->nchanges == 0)
			continue;
		sec = element(h, parent, "section");
		attr(h, sec, "class", "cause");
		snprintf(line, sizeof(line), "cause-%zu", g + 1);
		attr(h, sec, "id", line);
		head = element(h, sec, "h2");
		snprintf(line, sizeof(line), "#%zu ", g + 1);
		text(h, head, line);
		kind = element(h, head, "span");
		attr(h, kind, "class", "kind");
		text(h, kind, cause_kind_names[c->kind]);
		text(h, head, " ");
		text(h, head, c->name);
		if (c->old_value[0] != '\0' || c->new_value[0] != '\0') {
			text(h, head, ": ");
			text(h, element(h, head, "del"), c->old_value);
			text(h, element(h, head, "ins"), c->new_value);
		}
		snprintf(line, sizeof(line), "%zu printed change%s", c->nchanges,
		    c->nchanges == 1 ? "" : "s");
		text(h, element(h, sec, "p"), line);
		figures_table(h, sec, d, g);
		changes_list(h, sec, d, 0, NULL, g);
		changes_list(h, sec, d, 1, NULL, g);
	}
}

int
html_diff_render(const struct diff_report *r, struct buffer *out)
{
	static const char *const names[LANG_MAX] = {
		"English release, marked", "Japanese release, marked"
	};
	struct html h;
	struct hel *main, *p;
	size_t pending = 0;
	char line[1024];
	int l, rc = -1;

	if (html_page_new(&h, out) != 0)
		return -1;
	for (l = 0; l < LANG_MAX; l++)
		if (r->docs[l] != NULL)
			html_collect_notes(&h, r->docs[l], &pending);
	snprintf(line, sizeof(line), "Changes: %s", r->title);
	if ((main = html_page_open(&h, LANG_EN, line, NULL, diff_style)) == NULL)
		goto out;
	text(&h, element(&h, main, "h1"), "Changes between two drafts");
	p = element(&h, main, "p");
	snprintf(line, sizeof(line), "%s: %s \xE2\x86\x92 %s", r->period,
	    r->old_label, r->new_label);
	text(&h, p, line);
	if (r->diff->nchanges == 0)
		text(&h, element(&h, main, "p"), "No differences.");
	if (r->diff->ncauses > 0)
		cause_groups(&h, main, r->diff);
	else {
		figures_table(&h, main, r->diff, ALL_GROUPS);
		changes_list(&h, main, r->diff, 0, "Changed text", ALL_GROUPS);
		changes_list(&h, main, r->diff, 1, "Added and removed", ALL_GROUPS);
	}
	for (l = 0; l < LANG_MAX; l++) {
		struct hel *article;

		if (r->docs[l] == NULL)
			continue;
		p = element(&h, main, "h2");
		attr(&h, p, "class", "marked-heading");
		text(&h, p, names[l]);
		article = element(&h, main, "article");
		attr(&h, article, "lang", lang_tag((enum lang)l));
		h.prefix = lang_tag((enum lang)l);
		html_children(&h, article, r->docs[l]);
		h.prefix = NULL;
	}
	rc = html_page_end(&h);
out:
	html_page_free(&h);
	return rc;
}
