/* The template files (templates/NAME.xml) into struct template_set. */
#include "template.h"

#include <dirent.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "../model/expr.h"
#include "../util/buffer.h"
#include "../util/datadir.h"
#include "template_parse.h"
#include "xml.h"

static const char *const kind_names[] = {
	"section", "heading", "p", "list", "item", "message", "narrative",
	"table", "footnotes", "page-break", "include", "chart", "fn", "note"
};
static const char *const role_names[TPL_ROLE_MAX] = {
	"body", "title", "subtitle", "dateline", "letterhead", "note"
};
static const char *const unit_names[] = { "units", "thousands", "millions" };
static const int unit_scales[] = { SCALE_UNITS, SCALE_THOUSANDS,
    SCALE_MILLIONS };

void
tl_error(struct tloader *tl, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xml_loader_error(tl->diags, tl->file, line, fmt, ap);
	va_end(ap);
	tl->failed = 1;
}

void *
tl_append(struct tloader *tl, void *items, size_t count, size_t size, int line)
{
	void *grown = array_grow(items, count, size);

	if (grown == NULL)
		tl_error(tl, line, "out of memory");
	return grown;
}

struct expr *
tl_parse_expr(struct tloader *tl, const char *text, int line)
{
	char err[256];
	int column;
	struct expr *e;

	if (text == NULL)
		return NULL;
	if ((e = expr_parse(text, tl->book, err, sizeof(err), &column)) == NULL)
		tl_error(tl, line, "%s (column %d of \"%s\")", err, column, text);
	return e;
}

int
tl_int(xmlNodePtr n, const char *name, int dflt)
{
	char *v = xml_get(n, name);
	int value = v != NULL ? atoi(v) : dflt;

	free(v);
	return value;
}

int
tl_bool(xmlNodePtr n, const char *name)
{
	char *v = xml_get(n, name);
	int value = v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);

	free(v);
	return value;
}

int
tl_enum(xmlNodePtr n, const char *name, const char *const *names, int count,
    int dflt)
{
	char *v = xml_get(n, name);
	int value = v != NULL ? name_index(v, names, count) : dflt;

	free(v);
	return value < 0 ? dflt : value;
}

int
tl_period(struct tloader *tl, xmlNodePtr n, const char *name, int dflt)
{
	char *v = xml_get(n, name);
	int offset = dflt;

	if (v != NULL && period_offset_parse(v, &offset) != 0)
		tl_error(tl, xml_line(n), "bad period '%s'", v);
	free(v);
	return offset;
}

int
tl_unit_scale(xmlNodePtr n)
{
	return unit_scales[tl_enum(n, "unit", unit_names, 3, 2)];
}

static void
free_args(struct tpl_arg *args, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		expr_free(args[i].value.value);
		expr_free(args[i].value.base);
		expr_free(args[i].value.base2);
		free(args[i].name);
	}
	free(args);
}

void
tl_free_message(struct tpl_message *m)
{
	free(m->key);
	free_args(m->args, m->nargs);
}

/*
 * base and base2: what a movement or contrast argument compares its value
 * to. A movement needs base, a contrast both; no other format takes them.
 */
static void
parse_bases(struct tloader *tl, xmlNodePtr n, struct tpl_arg *a)
{
	char *v;
	int has = 0, has2 = 0, want = a->value.format == VALUE_MOVEMENT ? 1 :
	    a->value.format == VALUE_CONTRAST ? 2 : 0;

	if ((v = xml_get(n, "base")) != NULL) {
		has = 1;
		a->value.base = tl_parse_expr(tl, v, a->line);
		free(v);
	}
	if ((v = xml_get(n, "base2")) != NULL) {
		has2 = 1;
		a->value.base2 = tl_parse_expr(tl, v, a->line);
		free(v);
	}
	if (has + has2 != want || (want == 1 && !has))
		tl_error(tl, a->line, "format '%s' takes %s",
		    value_format_names[a->value.format], want == 0 ?
		    "no base" : want == 1 ? "a base and no base2" :
		    "a base and a base2");
}

static void
parse_arg(struct tloader *tl, xmlNodePtr n, struct tpl_arg *a)
{
	char *v;

	a->line = xml_line(n);
	if ((v = xml_get(n, "value")) != NULL) {
		a->source = ARG_VALUE;
		a->value.value = tl_parse_expr(tl, v, a->line);
		a->value.format = (enum value_format)tl_enum(n, "format",
		    value_format_names, VALUE_FORMAT_MAX, VALUE_AMOUNT);
		a->value.decimals = tl_int(n, "decimals", -1);
		a->value.scale = tl_unit_scale(n);
		free(v);
		parse_bases(tl, n, a);
	} else if ((v = xml_get(n, "period")) != NULL) {
		a->source = ARG_PERIOD;
		if (period_offset_parse(v, &a->period.offset) != 0)
			tl_error(tl, a->line, "bad period '%s'", v);
		a->period.style = (enum period_style)tl_enum(n, "style",
		    period_style_names, PERIOD_STYLE_MAX, PERIOD_QUARTER);
		free(v);
	} else if ((a->name = xml_get(n, "date")) != NULL)
		a->source = ARG_DATE;
	else if ((a->name = xml_get(n, "company")) != NULL)
		a->source = ARG_COMPANY;
	else if ((a->name = xml_get(n, "slot")) != NULL) {
		char *optional = xml_get(n, "optional");

		a->source = ARG_SLOT;
		a->index = optional != NULL && strcmp(optional, "true") == 0;
		free(optional);
	}
	else if ((a->name = xml_get(n, "label")) != NULL)
		a->source = ARG_LABEL;
	else if ((a->name = xml_get(n, "word")) != NULL)
		a->source = ARG_WORD;
	else {
		a->source = ARG_CITY;
		a->index = tl_int(n, "city", 1);
	}
}

void
tl_parse_message(struct tloader *tl, xmlNodePtr n, struct tpl_message *m)
{
	xmlNodePtr c;
	struct tpl_arg *args;

	m->key = xml_get(n, "key");
	m->line = xml_line(n);
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (!xml_is(c, "arg"))
			continue;
		if ((args = tl_append(tl, m->args, m->nargs, sizeof(*args),
		    xml_line(c))) == NULL)
			return;
		m->args = args;
		parse_arg(tl, c, &args[m->nargs++]);
	}
}

static void free_blocks(struct tpl_block *blocks, size_t n);

static void
parse_blocks(struct tloader *tl, xmlNodePtr first, struct tpl_block **out,
    size_t *count)
{
	xmlNodePtr n;
	struct tpl_block *b, *list;

	for (n = xml_element(first); n != NULL; n = xml_element(n->next)) {
		int k = name_index((const char *)n->name, kind_names, TPL_KIND_MAX);
		if (k < 0)
			continue;
		if ((list = tl_append(tl, *out, *count, sizeof(*list),
		    xml_line(n))) == NULL)
			return;
		*out = list;
		b = &list[(*count)++];
		b->kind = (enum tpl_kind)k;
		b->line = xml_line(n);
		switch (b->kind) {
		case TPL_SECTION:
			b->name = xml_get(n, "id");
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_HEADING:
			b->level = tl_int(n, "level", 1);
			tl_parse_message(tl, n, &b->message);
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_FN:
			b->name = xml_get(n, "ref");
			break;
		case TPL_NOTE:
		case TPL_MESSAGE:
			tl_parse_message(tl, n, &b->message);
			break;
		case TPL_PARAGRAPH:
			b->role = (enum tpl_role)tl_enum(n, "role", role_names,
			    TPL_ROLE_MAX, TPL_ROLE_BODY);
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_LIST:
		case TPL_ITEM:
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_NARRATIVE:
			b->name = xml_get(n, "slot");
			b->optional = tl_bool(n, "optional");
			break;
		case TPL_TABLE:
			b->name = xml_get(n, "ref");
			break;
		case TPL_CHART:
			b->name = xml_get(n, "table");
			b->message.key = xml_get(n, "caption");
			b->message.line = b->line;
			break;
		case TPL_INCLUDE:
			b->name = xml_get(n, "template");
			b->lang = (enum lang)tl_enum(n, "lang",
			    (const char *const[]){ "en", "ja" }, LANG_MAX, LANG_EN);
			break;
		default:
			break;
		}
	}
}

static void
free_blocks(struct tpl_block *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(blocks[i].name);
		tl_free_message(&blocks[i].message);
		free_blocks(blocks[i].children, blocks[i].nchildren);
	}
	free(blocks);
}

/* ---- files ---- */

static void
load_file(struct tloader *tl, struct template_set *set, const char *path)
{
	xmlDocPtr doc = xml_load(path, SCHEMA_TEMPLATE, tl->diags);
	xmlNodePtr root, n;
	struct tpl_template *tpl;
	struct tpl_table *tables;
	char *v;

	if (doc == NULL) {
		tl->failed = 1;
		return;
	}
	tl->file = path;
	root = xmlDocGetRootElement(doc);
	if (xml_is(root, "template")) {
		if ((tpl = tl_append(tl, set->templates, set->ntemplates,
		    sizeof(*tpl), xml_line(root))) != NULL) {
			set->templates = tpl;
			tpl = &tpl[set->ntemplates++];
			tpl->id = xml_get(root, "id");
			tpl->file = strdup(path);
			v = xml_get(root, "footnotes");
			tpl->notes_per_table = v != NULL && strcmp(v, "table") == 0;
			tpl->notes_table_local = v != NULL &&
			    strcmp(v, "table-local") == 0;
			free(v);
			parse_blocks(tl, root->children, &tpl->blocks, &tpl->nblocks);
		}
	} else {
		for (n = xml_element(root->children); n != NULL;
		    n = xml_element(n->next)) {
			if ((tables = tl_append(tl, set->tables, set->ntables,
			    sizeof(*tables), xml_line(n))) == NULL)
				break;
			set->tables = tables;
			tables[set->ntables].file = strdup(path);
			tl_parse_table(tl, n, &tables[set->ntables++]);
		}
	}
	xmlFreeDoc(doc);
}

static int
is_xml(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	return e->d_name[0] != '.' && len > 4 &&
	    strcmp(e->d_name + len - 4, ".xml") == 0;
}

/* Cross-references: table refs, includes, duplicate ids. */
static void
check_references(struct tloader *tl, const struct template_set *set,
    const struct tpl_block *blocks, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct tpl_block *b = &blocks[i];
		if ((b->kind == TPL_TABLE || b->kind == TPL_CHART) &&
		    templates_table(set, b->name) == NULL)
			tl_error(tl, b->line, "no table '%s' in the templates", b->name);
		if (b->kind == TPL_INCLUDE && templates_find(set, b->name) == NULL)
			tl_error(tl, b->line, "no template '%s'", b->name);
		check_references(tl, set, b->children, b->nchildren);
	}
}

/*
 * Include cycles, found depth first: state[t] is 0 before template t is
 * walked, 1 while it is on the stack of includes being walked, 2 after.
 * An include of a template on the stack closes a cycle, named with the
 * chain of templates that leads back to it.
 */
struct include_walk {
	struct tloader *tl;
	const struct template_set *set;
	unsigned char *state;
	size_t *stack;
	size_t depth;
};

static void walk_template(struct include_walk *w, size_t t);

static void
walk_includes(struct include_walk *w, const struct tpl_block *blocks,
    size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct tpl_block *b = &blocks[i];
		const struct tpl_template *inc;
		if (b->kind == TPL_INCLUDE &&
		    (inc = templates_find(w->set, b->name)) != NULL) {
			size_t u = (size_t)(inc - w->set->templates);
			if (w->state[u] == 0)
				walk_template(w, u);
			else if (w->state[u] == 1) {
				struct buffer chain = { NULL, 0, 0, 0 };
				for (k = 0; k < w->depth && w->stack[k] != u; k++)
					;
				for (; k < w->depth; k++) {
					buffer_puts(&chain,
					    w->set->templates[w->stack[k]].id);
					buffer_puts(&chain, " -> ");
				}
				buffer_puts(&chain, inc->id);
				w->tl->file = w->set->templates[w->stack[w->depth - 1]].file;
				if (chain.failed)
					tl_error(w->tl, b->line, "out of memory");
				else
					tl_error(w->tl, b->line, "template '%s' includes "
					    "itself: %s", inc->id, chain.data);
				buffer_free(&chain);
			}
		}
		walk_includes(w, b->children, b->nchildren);
	}
}

static void
walk_template(struct include_walk *w, size_t t)
{
	w->state[t] = 1;
	w->stack[w->depth++] = t;
	walk_includes(w, w->set->templates[t].blocks,
	    w->set->templates[t].nblocks);
	w->depth--;
	w->state[t] = 2;
}

/* Refuses include cycles, which would expand without end. */
static void
check_include_cycles(struct tloader *tl, const struct template_set *set)
{
	struct include_walk w = { tl, set, NULL, NULL, 0 };

	if (set->ntemplates == 0)
		return;
	if ((w.state = calloc(set->ntemplates, 1)) == NULL ||
	    (w.stack = calloc(set->ntemplates, sizeof(*w.stack))) == NULL) {
		diag_add(tl->diags, DIAG_FATAL, set->dir, 0, "out of memory");
		tl->failed = 1;
	} else {
		size_t t;
		for (t = 0; t < set->ntemplates; t++)
			if (w.state[t] == 0)
				walk_template(&w, t);
	}
	free(w.state);
	free(w.stack);
}

int
book_layout_path(const struct book *book, const char *layout,
    const char *sub, char *out, size_t size)
{
	int n = snprintf(out, size, "%s/layouts/%s%s%s", book->dir, layout,
	    sub != NULL ? "/" : "", sub != NULL ? sub : "");

	return n < 0 || (size_t)n >= size ? -1 : 0;
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The files of the base folder, each from the layout when it has one of
 * that name, then the layout's own: in name order within each. */
static int
load_files(struct tloader *tl, struct template_set *set)
{
	struct dirent **names = NULL, **over = NULL;
	char file[4096];
	int count, nover = 0, i, k, shadowed;

	if ((count = scandir(set->dir, &names, is_xml, alphasort)) < 0) {
		diag_add(tl->diags, DIAG_FATAL, set->dir, 0,
		    "cannot read the templates folder");
		return -1;
	}
	if (set->layout_dir != NULL && (nover = scandir(set->layout_dir, &over,
	    is_xml, alphasort)) < 0) {
		diag_add(tl->diags, DIAG_FATAL, set->layout_dir, 0, "cannot read "
		    "the layout's templates folder: the layout %s needs one",
		    set->layout);
		nover = 0;
		tl->failed = 1;
	}
	for (i = 0; i < count; i++) {
		snprintf(file, sizeof(file), "%s/%s", set->layout_dir != NULL ?
		    set->layout_dir : "", names[i]->d_name);
		if (set->layout_dir == NULL || !is_file(file))
			snprintf(file, sizeof(file), "%s/%s", set->dir,
			    names[i]->d_name);
		load_file(tl, set, file);
	}
	for (k = 0; k < nover; k++) {
		for (i = 0, shadowed = 0; i < count && !shadowed; i++)
			shadowed = strcmp(names[i]->d_name, over[k]->d_name) == 0;
		if (!shadowed) {
			snprintf(file, sizeof(file), "%s/%s", set->layout_dir,
			    over[k]->d_name);
			load_file(tl, set, file);
		}
	}
	for (i = 0; i < count; i++)
		free(names[i]);
	for (k = 0; k < nover; k++)
		free(over[k]);
	free(names);
	free(over);
	return 0;
}

struct template_set *
templates_load(const char *dir, const struct book *book,
    struct diag_list *diags)
{
	return templates_load_layout(dir, book, NULL, diags);
}

struct template_set *
templates_load_layout(const char *dir, const struct book *book,
    const char *layout, struct diag_list *diags)
{
	struct tloader tl = { book, diags, NULL, 0 };
	struct template_set *set = calloc(1, sizeof(*set));
	char path[4096];
	size_t j, k;

	if (set == NULL) {
		diag_add(diags, DIAG_FATAL, dir, 0, "out of memory");
		goto fail;
	}
	if (dir == NULL && datadir_path("templates", path, sizeof(path)) == 0)
		dir = path;
	if (dir == NULL || (set->dir = strdup(dir)) == NULL) {
		diag_add(diags, DIAG_FATAL, "templates", 0, "out of memory");
		goto fail;
	}
	if (layout != NULL && (book_layout_path(book, layout, "templates", path,
	    sizeof(path)) != 0 || (set->layout = strdup(layout)) == NULL ||
	    (set->layout_dir = strdup(path)) == NULL)) {
		diag_add(diags, DIAG_FATAL, "templates", 0, "out of memory");
		goto fail;
	}
	xml_take_out_of_memory();
	if (load_files(&tl, set) != 0)
		goto fail;
	/* A value lost to memory would read as absent from here on. */
	if (xml_report_lost_values(diags, set->dir))
		goto fail;
	for (j = 0; j < set->ntables; j++)
		for (k = 0; k < j; k++)
			if (strcmp(set->tables[j].id, set->tables[k].id) == 0) {
				tl.file = set->tables[j].file;
				tl_error(&tl, set->tables[j].line, "table '%s' is also "
				    "defined in %s:%d", set->tables[j].id,
				    set->tables[k].file, set->tables[k].line);
			}
	/* A file that did not load leaves its tables unknown: naming every
	 * use of them would only repeat its error. */
	for (j = 0; j < set->ntemplates && !tl.failed; j++) {
		tl.file = set->templates[j].file;
		check_references(&tl, set, set->templates[j].blocks,
		    set->templates[j].nblocks);
	}
	if (!tl.failed)
		check_include_cycles(&tl, set);
	if (tl.failed)
		goto fail;
	return set;
fail:
	templates_free(set);
	return NULL;
}

void
templates_free(struct template_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->ntemplates; i++) {
		free(set->templates[i].id);
		free(set->templates[i].file);
		free_blocks(set->templates[i].blocks, set->templates[i].nblocks);
	}
	free(set->templates);
	for (i = 0; i < set->ntables; i++)
		tl_free_table(&set->tables[i]);
	free(set->tables);
	free(set->dir);
	free(set->layout);
	free(set->layout_dir);
	free(set);
}

const struct tpl_template *
templates_find(const struct template_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->ntemplates; i++)
		if (id != NULL && strcmp(set->templates[i].id, id) == 0)
			return &set->templates[i];
	return NULL;
}

const struct tpl_table *
templates_table(const struct template_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->ntables; i++)
		if (id != NULL && strcmp(set->tables[i].id, id) == 0)
			return &set->tables[i];
	return NULL;
}
