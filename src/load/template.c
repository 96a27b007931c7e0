/* The template files (templates/NAME.xml) into struct template_set. */
#include "template.h"

#include <dirent.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "../model/expr.h"
#include "../util/buffer.h"
#include "../util/datadir.h"
#include "xml.h"

/* Group nesting of table columns. */
#define MAX_GROUP_DEPTH 4
#define MAX_COLUMNS 32

struct tloader {
	const struct book *book;
	struct diag_list *diags;
	const char *file;
	int failed;
};

static const char *const kind_names[] = {
	"section", "heading", "p", "list", "item", "message", "narrative",
	"table", "footnotes", "page-break", "include", "chart", "fn", "note"
};
static const char *const role_names[TPL_ROLE_MAX] = {
	"body", "title", "subtitle", "dateline", "letterhead", "note"
};
static const char *const row_format_names[ROW_FORMAT_MAX] = {
	"amount", "count", "percent", "per-share", "bandwidth"
};
static const char *const column_kind_names[] = {
	"value", "change", "share", "usd"
};
static const char *const unit_names_[] = { "units", "thousands", "millions" };
static const int unit_scales[] = { SCALE_UNITS, SCALE_THOUSANDS, SCALE_MILLIONS };

static void
terror(struct tloader *tl, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void
terror(struct tloader *tl, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xml_loader_error(tl->diags, tl->file, line, fmt, ap);
	va_end(ap);
	tl->failed = 1;
}

static void *
append(struct tloader *tl, void *items, size_t count, size_t size, int line)
{
	void *grown = array_grow(items, count, size);

	if (grown == NULL)
		terror(tl, line, "out of memory");
	return grown;
}

static struct expr *
parse_expr(struct tloader *tl, const char *text, int line)
{
	char err[256];
	int column;
	struct expr *e;

	if (text == NULL)
		return NULL;
	if ((e = expr_parse(text, tl->book, err, sizeof(err), &column)) == NULL)
		terror(tl, line, "%s (column %d of \"%s\")", err, column, text);
	return e;
}

static int
get_int(xmlNodePtr n, const char *name, int dflt)
{
	char *v = xml_get(n, name);
	int value = v != NULL ? atoi(v) : dflt;

	free(v);
	return value;
}

static int
get_bool(xmlNodePtr n, const char *name)
{
	char *v = xml_get(n, name);
	int value = v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);

	free(v);
	return value;
}

static int
get_enum(xmlNodePtr n, const char *name, const char *const *names, int count,
    int dflt)
{
	char *v = xml_get(n, name);
	int value = v != NULL ? name_index(v, names, count) : dflt;

	free(v);
	return value < 0 ? dflt : value;
}

static int
get_period(struct tloader *tl, xmlNodePtr n, const char *name, int dflt)
{
	char *v = xml_get(n, name);
	int offset = dflt;

	if (v != NULL && period_offset_parse(v, &offset) != 0)
		terror(tl, xml_line(n), "bad period '%s'", v);
	free(v);
	return offset;
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

static void
free_message(struct tpl_message *m)
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
		a->value.base = parse_expr(tl, v, a->line);
		free(v);
	}
	if ((v = xml_get(n, "base2")) != NULL) {
		has2 = 1;
		a->value.base2 = parse_expr(tl, v, a->line);
		free(v);
	}
	if (has + has2 != want || (want == 1 && !has))
		terror(tl, a->line, "format '%s' takes %s",
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
		a->value.value = parse_expr(tl, v, a->line);
		a->value.format = (enum value_format)get_enum(n, "format",
		    value_format_names, VALUE_FORMAT_MAX, VALUE_AMOUNT);
		a->value.decimals = get_int(n, "decimals", -1);
		a->value.scale = unit_scales[get_enum(n, "unit", unit_names_, 3, 2)];
		free(v);
		parse_bases(tl, n, a);
	} else if ((v = xml_get(n, "period")) != NULL) {
		a->source = ARG_PERIOD;
		if (period_offset_parse(v, &a->period.offset) != 0)
			terror(tl, a->line, "bad period '%s'", v);
		a->period.style = (enum period_style)get_enum(n, "style",
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
		a->index = get_int(n, "city", 1);
	}
}

static void
parse_message(struct tloader *tl, xmlNodePtr n, struct tpl_message *m)
{
	xmlNodePtr c;
	struct tpl_arg *args;

	m->key = xml_get(n, "key");
	m->line = xml_line(n);
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (!xml_is(c, "arg"))
			continue;
		if ((args = append(tl, m->args, m->nargs, sizeof(*args),
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
		if ((list = append(tl, *out, *count, sizeof(*list),
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
			b->level = get_int(n, "level", 1);
			parse_message(tl, n, &b->message);
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_FN:
			b->name = xml_get(n, "ref");
			break;
		case TPL_NOTE:
		case TPL_MESSAGE:
			parse_message(tl, n, &b->message);
			break;
		case TPL_PARAGRAPH:
			b->role = (enum tpl_role)get_enum(n, "role", role_names,
			    TPL_ROLE_MAX, TPL_ROLE_BODY);
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_LIST:
		case TPL_ITEM:
			parse_blocks(tl, n->children, &b->children, &b->nchildren);
			break;
		case TPL_NARRATIVE:
			b->name = xml_get(n, "slot");
			b->optional = get_bool(n, "optional");
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
			b->lang = (enum lang)get_enum(n, "lang",
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
		free_message(&blocks[i].message);
		free_blocks(blocks[i].children, blocks[i].nchildren);
	}
	free(blocks);
}

/* ---- tables ---- */

struct column_tree {
	struct tpl_header groups[MAX_COLUMNS];   /* in document order */
	int ngroups;
	/* per leaf: its column, header, and enclosing groups outermost first */
	struct tpl_column columns[MAX_COLUMNS];
	struct tpl_header leaf_headers[MAX_COLUMNS];
	int paths[MAX_COLUMNS][MAX_GROUP_DEPTH];
	int depths[MAX_COLUMNS];
	int nleaves;
	int max_depth;
};

static void
parse_header(struct tloader *tl, xmlNodePtr n, int period,
    struct tpl_header *h)
{
	h->key = xml_get(n, "header");
	h->style = get_enum(n, "header-period", period_style_names,
	    PERIOD_STYLE_MAX, -1);
	h->period = period;
	h->line = xml_line(n);
	(void)tl;
}

static void
collect_columns(struct tloader *tl, xmlNodePtr first, int period,
    int *path, int depth, struct column_tree *t)
{
	xmlNodePtr n;
	int g, i, leaf;

	for (n = xml_element(first); n != NULL; n = xml_element(n->next)) {
		if (xml_is(n, "group")) {
			if (depth >= MAX_GROUP_DEPTH || t->ngroups >= MAX_COLUMNS) {
				terror(tl, xml_line(n), "column groups nested deeper "
				    "than %d", MAX_GROUP_DEPTH);
				return;
			}
			g = t->ngroups++;
			parse_header(tl, n, get_period(tl, n, "period", period),
			    &t->groups[g]);
			path[depth] = g;
			collect_columns(tl, n->children, t->groups[g].period, path,
			    depth + 1, t);
			continue;
		}
		if (!xml_is(n, "column"))
			continue;
		if (t->nleaves >= MAX_COLUMNS) {
			terror(tl, xml_line(n), "more than %d columns", MAX_COLUMNS);
			return;
		}
		leaf = t->nleaves++;
		t->columns[leaf].kind = (enum column_kind)get_enum(n, "kind",
		    column_kind_names, 4, COLUMN_VALUE);
		t->columns[leaf].period = get_period(tl, n, "period", period);
		t->columns[leaf].base = get_period(tl, n, "base", 1);
		t->columns[leaf].line = xml_line(n);
		if (t->columns[leaf].kind == COLUMN_CHANGE &&
		    t->columns[leaf].base == 1)
			terror(tl, xml_line(n), "a change column needs base=\"py\", "
			    "\"pq\" or \"q-N\"");
		parse_header(tl, n, t->columns[leaf].period, &t->leaf_headers[leaf]);
		for (i = 0; i < depth; i++) {
			t->paths[leaf][i] = path[i];
			t->groups[path[i]].span++;
		}
		t->depths[leaf] = depth;
		if (depth > t->max_depth)
			t->max_depth = depth;
	}
}

/* Header rows: one per group level, then the columns' own headers. */
static void
build_headers(struct tloader *tl, struct tpl_table *table,
    struct column_tree *t)
{
	size_t rows = (size_t)t->max_depth + 1, r;
	int leaf;

	table->headers = calloc(rows, sizeof(*table->headers));
	table->nheaders = calloc(rows, sizeof(*table->nheaders));
	if (table->headers == NULL || table->nheaders == NULL) {
		terror(tl, table->line, "out of memory");
		return;
	}
	table->nheader_rows = rows;
	for (r = 0; r < rows; r++) {
		struct tpl_header *cells = calloc((size_t)t->nleaves + 1,
		    sizeof(*cells));
		size_t n = 0;
		int last = -1;   /* the group whose cell was emitted last */

		if (cells == NULL) {
			terror(tl, table->line, "out of memory");
			return;
		}
		table->headers[r] = cells;
		for (leaf = 0; leaf < t->nleaves; leaf++) {
			if (r + 1 == rows) {
				cells[n] = t->leaf_headers[leaf];
				t->leaf_headers[leaf].key = NULL;  /* moved */
				cells[n++].span = 1;
			} else if ((int)r < t->depths[leaf]) {
				int g = t->paths[leaf][r];
				if (g == last)
					continue;
				cells[n] = t->groups[g];
				t->groups[g].key = NULL;           /* moved */
				n++;
				last = g;
			} else {
				cells[n].style = -1;
				cells[n++].span = 1;
				last = -1;
			}
		}
		table->nheaders[r] = n;
	}
}

static void
parse_row(struct tloader *tl, xmlNodePtr n, struct tpl_row *row)
{
	char *v;
	xmlNodePtr c;
	struct tpl_message *notes;

	row->line = xml_line(n);
	row->id = xml_get(n, "id");
	row->label = xml_get(n, "label");
	if ((v = xml_get(n, "value")) != NULL) {
		row->value = parse_expr(tl, v, row->line);
		free(v);
	} else
		row->heading = 1;
	row->format = (enum row_format)get_enum(n, "format", row_format_names,
	    ROW_FORMAT_MAX, ROW_AMOUNT);
	row->decimals = get_int(n, "decimals", -1);
	row->indent = get_int(n, "indent", 0);
	row->total = get_bool(n, "total");
	row->mark = get_bool(n, "mark");
	row->no_changes = (v = xml_get(n, "changes")) != NULL;
	free(v);
	row->no_shares = (v = xml_get(n, "shares")) != NULL;
	free(v);
	row->no_usd = (v = xml_get(n, "usd")) != NULL;
	free(v);
	row->reversed = (v = xml_get(n, "sign")) != NULL;
	free(v);
	if ((v = xml_get(n, "note")) != NULL) {
		if ((row->notes = calloc(1, sizeof(*row->notes))) == NULL) {
			terror(tl, row->line, "out of memory");
			free(v);
			return;
		}
		row->notes[0].key = v;
		row->notes[0].line = row->line;
		row->nnotes = 1;
	}
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (!xml_is(c, "note"))
			continue;
		if ((notes = append(tl, row->notes, row->nnotes, sizeof(*notes),
		    xml_line(c))) == NULL)
			return;
		row->notes = notes;
		parse_message(tl, c, &notes[row->nnotes++]);
	}
}

/* The row of table with this id, or -1. */
static long
row_index(const struct tpl_table *table, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < table->nrows; i++)
		if (table->rows[i].id != NULL && strlen(table->rows[i].id) == len &&
		    strncmp(table->rows[i].id, id, len) == 0)
			return (long)i;
	return -1;
}

/* Reads row r's sum="a b -c" into its parts. */
static void
parse_sum(struct tloader *tl, struct tpl_table *table, size_t r,
    const char *text)
{
	struct tpl_row *row = &table->rows[r];
	const char *p = text;

	if (row->heading) {
		terror(tl, row->line, "a heading row has no figures to sum");
		return;
	}
	if (row->value == NULL)
		return;   /* its expression was reported */
	while (*p != '\0') {
		struct tpl_part part = { 0, 0 }, *parts;
		size_t len, k;
		long index;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if ((part.subtract = *p == '-') != 0)
			p++;
		len = strcspn(p, " ");
		if ((index = row_index(table, p, len)) < 0) {
			terror(tl, row->line, "sum: no row '%.*s' in table %s",
			    (int)len, p, table->id);
			return;
		}
		part.row = (size_t)index;
		if (table->rows[part.row].value == NULL &&
		    !table->rows[part.row].heading)
			return;   /* its expression was reported */
		if (part.row == r || table->rows[part.row].heading) {
			terror(tl, row->line, "sum: row '%.*s' cannot be a part of "
			    "%s", (int)len, p, part.row == r ? "itself" :
			    "a sum (a heading has no figures)");
			return;
		}
		if (tpl_row_decimals(&table->rows[part.row]) !=
		    tpl_row_decimals(row)) {
			terror(tl, row->line, "sum: row '%.*s' shows a different "
			    "number of decimals", (int)len, p);
			return;
		}
		if (row->nsum == TPL_MAX_SUM_PARTS) {
			terror(tl, row->line, "sum: more than %d parts",
			    TPL_MAX_SUM_PARTS);
			return;
		}
		for (k = 0; k < row->nsum; k++)
			if (row->sum[k].row == part.row) {
				terror(tl, row->line, "sum: row '%.*s' is listed twice",
				    (int)len, p);
				return;
			}
		if ((parts = append(tl, row->sum, row->nsum, sizeof(*parts),
		    row->line)) == NULL)
			return;
		row->sum = parts;
		parts[row->nsum++] = part;
		p += len;
	}
	if (row->nsum == 0)
		terror(tl, row->line, "sum: no parts");
}

/* 0 while on the path, 1 done; a row met again on its own path closes a
 * circle of sums, which has no total to start from. */
static int
sum_circular(const struct tpl_table *table, size_t r, unsigned char *state)
{
	size_t k;

	if (state[r] == 2)
		return 0;
	if (state[r] == 1)
		return 1;
	state[r] = 1;
	for (k = 0; k < table->rows[r].nsum; k++)
		if (sum_circular(table, table->rows[r].sum[k].row, state))
			return 1;
	state[r] = 2;
	return 0;
}

static void
check_sums(struct tloader *tl, struct tpl_table *table, xmlNodePtr n)
{
	unsigned char *state;
	xmlNodePtr c;
	size_t r = 0;
	char *v;

	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (!xml_is(c, "row"))
			continue;
		if (r < table->nrows && (v = xml_get(c, "sum")) != NULL) {
			parse_sum(tl, table, r, v);
			free(v);
		}
		r++;
	}
	if ((state = calloc(table->nrows + 1, 1)) == NULL) {
		terror(tl, table->line, "out of memory");
		return;
	}
	for (r = 0; r < table->nrows; r++)
		if (sum_circular(table, r, state)) {
			terror(tl, table->rows[r].line, "sum: the sums of row %s "
			    "come back to it", table->rows[r].id);
			break;
		}
	free(state);
}

static void
parse_table(struct tloader *tl, xmlNodePtr n, struct tpl_table *table)
{
	struct column_tree *t = calloc(1, sizeof(*t));
	int path[MAX_GROUP_DEPTH], i, trend;
	xmlNodePtr c;
	char *v;
	struct tpl_row *rows;

	table->line = xml_line(n);
	table->id = xml_get(n, "id");
	table->caption = xml_get(n, "caption");
	table->kind = xml_get(n, "kind");
	table->unit_caption = xml_get(n, "unit-caption");
	table->scale = unit_scales[get_enum(n, "unit", unit_names_, 3, 2)];
	table->percent_all = get_enum(n, "percent-sign",
	    (const char *const[]){ "marked", "all" }, 2, 1);
	table->absent_dash = get_enum(n, "absent",
	    (const char *const[]){ "blank", "dash" }, 2, 0);
	if ((v = xml_get(n, "share-of")) != NULL) {
		table->share_of = parse_expr(tl, v, table->line);
		free(v);
	}
	if (t == NULL) {
		terror(tl, table->line, "out of memory");
		return;
	}
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (xml_is(c, "columns")) {
			trend = get_int(c, "trend", 0);
			for (i = 0; i < trend && i < MAX_COLUMNS; i++) {
				t->columns[i].period = i - (trend - 1);
				t->columns[i].line = xml_line(c);
				t->leaf_headers[i].style = get_enum(c, "header-period",
				    period_style_names, PERIOD_STYLE_MAX, 0);
				t->leaf_headers[i].period = t->columns[i].period;
				t->nleaves++;
			}
			collect_columns(tl, c->children, 0, path, 0, t);
		} else if (xml_is(c, "row")) {
			if (table->nrows == TPL_MAX_ROWS) {
				terror(tl, xml_line(c), "table %s has more than %d rows",
				    table->id, TPL_MAX_ROWS);
				break;
			}
			if ((rows = append(tl, table->rows, table->nrows,
			    sizeof(*rows), xml_line(c))) == NULL)
				break;
			table->rows = rows;
			parse_row(tl, c, &rows[table->nrows++]);
		}
	}
	check_sums(tl, table, n);
	for (i = 0; i < t->nleaves; i++)
		if (t->columns[i].kind == COLUMN_SHARE && table->share_of == NULL)
			terror(tl, t->columns[i].line, "a share column needs the "
			    "table's share-of expression");
	if ((table->columns = calloc((size_t)t->nleaves + 1,
	    sizeof(*table->columns))) == NULL)
		terror(tl, table->line, "out of memory");
	else {
		memcpy(table->columns, t->columns,
		    (size_t)t->nleaves * sizeof(*table->columns));
		table->ncolumns = (size_t)t->nleaves;
		build_headers(tl, table, t);
	}
	for (i = 0; i < t->ngroups; i++)
		free(t->groups[i].key);
	for (i = 0; i < t->nleaves; i++)
		free(t->leaf_headers[i].key);
	free(t);
}

static void
free_table(struct tpl_table *t)
{
	size_t i, j;

	free(t->id);
	free(t->caption);
	free(t->kind);
	free(t->unit_caption);
	free(t->file);
	expr_free(t->share_of);
	free(t->columns);
	for (i = 0; i < t->nheader_rows; i++) {
		if (t->headers[i] != NULL)
			for (j = 0; j < t->nheaders[i]; j++)
				free(t->headers[i][j].key);
		free(t->headers[i]);
	}
	free(t->headers);
	free(t->nheaders);
	for (i = 0; i < t->nrows; i++) {
		struct tpl_row *r = &t->rows[i];
		free(r->id);
		free(r->label);
		expr_free(r->value);
		free(r->sum);
		for (j = 0; j < r->nnotes; j++)
			free_message(&r->notes[j]);
		free(r->notes);
	}
	free(t->rows);
}

int
tpl_row_decimals(const struct tpl_row *row)
{
	if (row->decimals >= 0)
		return row->decimals;
	return row->format == ROW_PERCENT || row->format == ROW_BANDWIDTH ? 1 : 0;
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
		if ((tpl = append(tl, set->templates, set->ntemplates,
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
			if ((tables = append(tl, set->tables, set->ntables,
			    sizeof(*tables), xml_line(n))) == NULL)
				break;
			set->tables = tables;
			tables[set->ntables].file = strdup(path);
			parse_table(tl, n, &tables[set->ntables++]);
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
			terror(tl, b->line, "no table '%s' in the templates", b->name);
		if (b->kind == TPL_INCLUDE && templates_find(set, b->name) == NULL)
			terror(tl, b->line, "no template '%s'", b->name);
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
					terror(w->tl, b->line, "out of memory");
				else
					terror(w->tl, b->line, "template '%s' includes "
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
				terror(&tl, set->tables[j].line, "table '%s' is also "
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
		free_table(&set->tables[i]);
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
