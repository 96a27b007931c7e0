/* A template's <table>: its columns and their header groups, its rows,
 * and the sums that foot them, into struct tpl_table. */
#include "template.h"

#include <stdlib.h>
#include <string.h>

#include "../model/expr.h"
#include "template_parse.h"
#include "xml.h"

/* Group nesting of table columns. */
#define MAX_GROUP_DEPTH 4
#define MAX_COLUMNS 32

static const char *const row_format_names[ROW_FORMAT_MAX] = {
	"amount", "count", "percent", "per-share", "bandwidth"
};
static const char *const column_kind_names[] = {
	"value", "change", "share", "usd"
};

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
	h->style = tl_enum(n, "header-period", period_style_names,
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
				tl_error(tl, xml_line(n), "column groups nested deeper "
				    "than %d", MAX_GROUP_DEPTH);
				return;
			}
			g = t->ngroups++;
			parse_header(tl, n, tl_period(tl, n, "period", period),
			    &t->groups[g]);
			path[depth] = g;
			collect_columns(tl, n->children, t->groups[g].period, path,
			    depth + 1, t);
			continue;
		}
		if (!xml_is(n, "column"))
			continue;
		if (t->nleaves >= MAX_COLUMNS) {
			tl_error(tl, xml_line(n), "more than %d columns", MAX_COLUMNS);
			return;
		}
		leaf = t->nleaves++;
		t->columns[leaf].kind = (enum column_kind)tl_enum(n, "kind",
		    column_kind_names, 4, COLUMN_VALUE);
		t->columns[leaf].period = tl_period(tl, n, "period", period);
		t->columns[leaf].base = tl_period(tl, n, "base", 1);
		t->columns[leaf].line = xml_line(n);
		if (t->columns[leaf].kind == COLUMN_CHANGE &&
		    t->columns[leaf].base == 1)
			tl_error(tl, xml_line(n), "a change column needs base=\"py\", "
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
		tl_error(tl, table->line, "out of memory");
		return;
	}
	table->nheader_rows = rows;
	for (r = 0; r < rows; r++) {
		struct tpl_header *cells = calloc((size_t)t->nleaves + 1,
		    sizeof(*cells));
		size_t n = 0;
		int last = -1;   /* the group whose cell was emitted last */

		if (cells == NULL) {
			tl_error(tl, table->line, "out of memory");
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
		row->value = tl_parse_expr(tl, v, row->line);
		free(v);
	} else
		row->heading = 1;
	row->format = (enum row_format)tl_enum(n, "format", row_format_names,
	    ROW_FORMAT_MAX, ROW_AMOUNT);
	row->decimals = tl_int(n, "decimals", -1);
	row->indent = tl_int(n, "indent", 0);
	row->total = tl_bool(n, "total");
	row->mark = tl_bool(n, "mark");
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
			tl_error(tl, row->line, "out of memory");
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
		if ((notes = tl_append(tl, row->notes, row->nnotes, sizeof(*notes),
		    xml_line(c))) == NULL)
			return;
		row->notes = notes;
		tl_parse_message(tl, c, &notes[row->nnotes++]);
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
		tl_error(tl, row->line, "a heading row has no figures to sum");
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
			tl_error(tl, row->line, "sum: no row '%.*s' in table %s",
			    (int)len, p, table->id);
			return;
		}
		part.row = (size_t)index;
		if (table->rows[part.row].value == NULL &&
		    !table->rows[part.row].heading)
			return;   /* its expression was reported */
		if (part.row == r || table->rows[part.row].heading) {
			tl_error(tl, row->line, "sum: row '%.*s' cannot be a part of "
			    "%s", (int)len, p, part.row == r ? "itself" :
			    "a sum (a heading has no figures)");
			return;
		}
		if (tpl_row_decimals(&table->rows[part.row]) !=
		    tpl_row_decimals(row)) {
			tl_error(tl, row->line, "sum: row '%.*s' shows a different "
			    "number of decimals", (int)len, p);
			return;
		}
		if (row->nsum == TPL_MAX_SUM_PARTS) {
			tl_error(tl, row->line, "sum: more than %d parts",
			    TPL_MAX_SUM_PARTS);
			return;
		}
		for (k = 0; k < row->nsum; k++)
			if (row->sum[k].row == part.row) {
				tl_error(tl, row->line, "sum: row '%.*s' is listed twice",
				    (int)len, p);
				return;
			}
		if ((parts = tl_append(tl, row->sum, row->nsum, sizeof(*parts),
		    row->line)) == NULL)
			return;
		row->sum = parts;
		parts[row->nsum++] = part;
		p += len;
	}
	if (row->nsum == 0)
		tl_error(tl, row->line, "sum: no parts");
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
		tl_error(tl, table->line, "out of memory");
		return;
	}
	for (r = 0; r < table->nrows; r++)
		if (sum_circular(table, r, state)) {
			tl_error(tl, table->rows[r].line, "sum: the sums of row %s "
			    "come back to it", table->rows[r].id);
			break;
		}
	free(state);
}

void
tl_parse_table(struct tloader *tl, xmlNodePtr n, struct tpl_table *table)
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
	table->scale = tl_unit_scale(n);
	table->percent_all = tl_enum(n, "percent-sign",
	    (const char *const[]){ "marked", "all" }, 2, 1);
	table->absent_dash = tl_enum(n, "absent",
	    (const char *const[]){ "blank", "dash" }, 2, 0);
	if ((v = xml_get(n, "share-of")) != NULL) {
		table->share_of = tl_parse_expr(tl, v, table->line);
		free(v);
	}
	if (t == NULL) {
		tl_error(tl, table->line, "out of memory");
		return;
	}
	for (c = xml_element(n->children); c != NULL; c = xml_element(c->next)) {
		if (xml_is(c, "columns")) {
			trend = tl_int(c, "trend", 0);
			for (i = 0; i < trend && i < MAX_COLUMNS; i++) {
				t->columns[i].period = i - (trend - 1);
				t->columns[i].line = xml_line(c);
				t->leaf_headers[i].style = tl_enum(c, "header-period",
				    period_style_names, PERIOD_STYLE_MAX, 0);
				t->leaf_headers[i].period = t->columns[i].period;
				t->nleaves++;
			}
			collect_columns(tl, c->children, 0, path, 0, t);
		} else if (xml_is(c, "row")) {
			if (table->nrows == TPL_MAX_ROWS) {
				tl_error(tl, xml_line(c), "table %s has more than %d rows",
				    table->id, TPL_MAX_ROWS);
				break;
			}
			if ((rows = tl_append(tl, table->rows, table->nrows,
			    sizeof(*rows), xml_line(c))) == NULL)
				break;
			table->rows = rows;
			parse_row(tl, c, &rows[table->nrows++]);
		}
	}
	check_sums(tl, table, n);
	for (i = 0; i < t->nleaves; i++)
		if (t->columns[i].kind == COLUMN_SHARE && table->share_of == NULL)
			tl_error(tl, t->columns[i].line, "a share column needs the "
			    "table's share-of expression");
	if ((table->columns = calloc((size_t)t->nleaves + 1,
	    sizeof(*table->columns))) == NULL)
		tl_error(tl, table->line, "out of memory");
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

void
tl_free_table(struct tpl_table *t)
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
			tl_free_message(&r->notes[j]);
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
