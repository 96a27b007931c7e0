/*
 * Tables: column widths from their content, right-aligned figures whose
 * digits line up under a hanging parenthesis, rules above totals, header
 * rows repeated on every page a table crosses, type that shrinks (or a
 * page that turns) before a table is too wide.
 */
#include "lctx.h"

#include <stdlib.h>
#include <string.h>


/* Type sizes and spacing, in points. */
#define TABLE_SIZE 8.0
#define TABLE_MIN_SIZE 6.0
#define CELL_PAD 6.0
#define INDENT_STEP 9.0
/* Rows a table's first page must hold with its header, or it starts on
 * the next page (a third of the table when that is more). */
#define TABLE_FIRST_ROWS 6

/* Column headers wider than this wrap; a table too wide with them wraps
 * them tighter before its type shrinks to the minimum or the page turns. */
static const double header_caps[] = { 56.0, 30.0 };

struct tcell {
	const struct node *node;
	struct shaped text;
	int span;
	int column;          /* first column it covers */
	unsigned flags;
	/* A label's or header's lines, broken once by plan_rows at
	 * break_width in break_lang: a header drawn again on every page the
	 * table crosses reuses them. */
	struct line *lines;
	size_t nlines;
	double break_width;
	enum lang break_lang;
};

struct trow {
	const struct node *node;
	struct tcell *cells;
	size_t ncells;
	double height;
};

struct table_plan {
	struct trow *rows;
	size_t nrows;
	size_t header_rows;
	size_t ncols;
	double size;
	double *col_x;       /* left edge of each column; col_x[ncols] = right */
	double paren;        /* width of ")": figures hang it past the edge */
	double header_cap;   /* headers wider than this wrap */
};

static void
plan_free(struct table_plan *p)
{
	size_t r, k;

	for (r = 0; r < p->nrows; r++) {
		for (k = 0; k < p->rows[r].ncells; k++) {
			shaped_free(&p->rows[r].cells[k].text);
			free(p->rows[r].cells[k].lines);
		}
		free(p->rows[r].cells);
	}
	free(p->rows);
	free(p->col_x);
	memset(p, 0, sizeof(*p));
}

static enum font_role
cell_role(const struct trow *row, const struct tcell *cell)
{
	int total = (row->node->u.row.flags & ROW_TOTAL) != 0;

	if (cell->flags & CELL_FIGURE)
		return total ? FONT_FIGURE_STRONG : FONT_FIGURE;
	return total ? FONT_STRONG : FONT_LABEL;
}

static void
shape_table(struct lctx *c, const struct node *table, struct table_plan *p,
    double size)
{
	const struct node *row, *cell;
	struct trow *rows, *r;

	p->size = size;
	p->ncols = table->u.table.columns;
	size_t n = 0;

	/* The rows and each row's cells allocated once, at their count. */
	for (row = table->first; row != NULL; row = row->next)
		n += row->kind == NODE_ROW;
	if (n > 0 && (p->rows = calloc(n, sizeof(*rows))) == NULL) {
		lfail(c, "out of memory");
		return;
	}
	rows = p->rows;
	for (row = table->first; row != NULL && !c->failed; row = row->next) {
		int column = 0;
		struct tcell *cells;
		if (row->kind != NODE_ROW)
			continue;
		/* Counted at once, so that a failure below still frees it. */
		r = &rows[p->nrows++];
		r->node = row;
		if (row->u.row.flags & ROW_HEADER)
			p->header_rows++;
		for (n = 0, cell = row->first; cell != NULL; cell = cell->next)
			n++;
		if (n > 0 && (r->cells = calloc(n, sizeof(*cells))) == NULL) {
			lfail(c, "out of memory");
			return;
		}
		cells = r->cells;
		for (cell = row->first; cell != NULL && !c->failed;
		    cell = cell->next) {
			cells[r->ncells].node = cell;
			cells[r->ncells].span = cell->u.cell.span > 0 ?
			    cell->u.cell.span : 1;
			cells[r->ncells].column = column;
			cells[r->ncells].flags = cell->u.cell.flags;
			cells[r->ncells].lines = NULL;
			cells[r->ncells].nlines = 0;
			cells[r->ncells].break_width = -1;
			column += cells[r->ncells].span;
			c->where = cell;
			shape_inline(c, &cells[r->ncells].text, cell,
			    cell_role(r, &cells[r->ncells]), size);
			r->ncells++;
		}
	}
}

/* The table set at another size: its units stay, their widths scale. */
static void
resize_table(struct lctx *c, struct table_plan *p, double size)
{
	size_t r, k;

	p->size = size;
	for (r = 0; r < p->nrows; r++)
		for (k = 0; k < p->rows[r].ncells; k++)
			shaped_resize(c, &p->rows[r].cells[k].text, size);
}

/* The widest unbreakable word of a cell: its minimum width. */
static double
min_word(const struct shaped *s)
{
	double best = 0, w = 0;
	int32_t i;

	for (i = 0; i < s->n; i++) {
		if (s->u[i] == ' ' || s->u[i] >= 0x3000) {
			if (w > best)
				best = w;
			w = s->u[i] >= 0x3000 ? s->adv[i] : 0;
		} else
			w += s->adv[i];
	}
	return w > best ? w : best;
}

/* The widest run between spaces (Japanese runs count as one word). */
static double
longest_spaced_word(const struct shaped *s)
{
	double best = 0, w = 0;
	int32_t i;

	for (i = 0; i < s->n; i++) {
		if (s->u[i] == ' ' || s->u[i] == 0x3000) {
			w = 0;
			continue;
		}
		w += s->adv[i];
		if (w > best)
			best = w;
	}
	return best;
}

/*
 * Column widths from content: each figure column as wide as its widest
 * figure (plus room for a hanging parenthesis) or the widest word of its
 * header; the label column takes the rest. Returns 0, or -1 when the label
 * column would be too narrow at this size.
 */
static int
plan_columns(struct lctx *c, struct table_plan *p)
{
	double *need = calloc(p->ncols + 1, sizeof(double));
	double total = 0, label_min = 0, width = c->right - c->left;
	size_t r, k, col;
	struct shaped paren = { 0 };

	if (need == NULL || (p->col_x = calloc(p->ncols + 1, sizeof(double))) ==
	    NULL) {
		free(need);
		lfail(c, "out of memory");
		return -1;
	}
	shape(c, &paren, ")", FONT_FIGURE, p->size, 0);
	p->paren = paren.n > 0 ? paren.adv[0] : 0;
	shaped_free(&paren);
	for (r = 0; r < p->nrows; r++)
		for (k = 0; k < p->rows[r].ncells; k++) {
			const struct tcell *cell = &p->rows[r].cells[k];
			double w;
			col = (size_t)cell->column;
			if (col == 0) {
				w = min_word(&cell->text) +
				    INDENT_STEP * p->rows[r].node->u.row.indent;
				if (w > label_min)
					label_min = w;
				continue;
			}
			if (cell->span != 1 || col >= p->ncols)
				continue;
			if (cell->flags & CELL_FIGURE)
				w = width_of(&cell->text, 0, cell->text.n) + p->paren;
			else {
				/* A short header stays on one line ("Mar 31, 2004",
				 * "前年同期比"); a longer one wraps between words, a
				 * Japanese run counting as one word up to the cap. */
				w = width_of(&cell->text, 0, cell->text.n);
				if (w > p->header_cap) {
					w = longest_spaced_word(&cell->text);
					/* Never narrower than a dictionary word: the
					 * header would break inside it. */
					if (w > p->header_cap) {
						double word = widest_word(c, &cell->text);
						w = word > p->header_cap ? word :
						    p->header_cap;
					}
				}
			}
			if (w > need[col])
				need[col] = w;
		}
	for (col = 1; col < p->ncols; col++)
		total += need[col] + CELL_PAD;
	/* The label column gets the rest, and at least its longest word and
	 * a quarter of the width. */
	if (width - total < label_min || width - total < width * 0.25) {
		free(need);
		return -1;
	}
	p->col_x[0] = c->left;
	p->col_x[1] = c->right - total;
	for (col = 1; col < p->ncols; col++)
		p->col_x[col + 1] = p->col_x[col] + need[col] + CELL_PAD;
	free(need);
	return 0;
}

/* Line-breaks every label and header cell for its column width. */
static void
plan_rows(struct lctx *c, struct table_plan *p)
{
	double lh = leading(c, p->size);
	size_t r, k;

	for (r = 0; r < p->nrows; r++) {
		struct trow *row = &p->rows[r];
		double h = lh;
		for (k = 0; k < row->ncells; k++) {
			struct tcell *cell = &row->cells[k];
			double w;
			size_t n;
			if (cell->flags & CELL_FIGURE)
				continue;
			w = p->col_x[cell->column + cell->span > (int)p->ncols ?
			    p->ncols : (size_t)(cell->column + cell->span)] -
			    p->col_x[cell->column] - CELL_PAD / 2 -
			    (cell->column == 0 ? INDENT_STEP * row->node->u.row.indent :
			    0);
			/* Labels and headers break between words only. */
			n = break_lines(c, &cell->text, w, w, 1, &cell->lines);
			cell->nlines = n;
			cell->break_width = w;
			cell->break_lang = c->lang;
			if (n * lh > h)
				h = n * lh;
		}
		row->height = h + 2;
	}
}

/* The notes a row's cells refer to and no page holds yet. */
static void
row_wants(struct lctx *c, struct foot_want *w, const struct trow *row)
{
	size_t k;

	for (k = 0; k < row->ncells; k++)
		foot_want_add(c, w, &row->cells[k].text, 0,
		    row->cells[k].text.n);
}

static void
draw_row(struct lctx *c, const struct table_plan *p, const struct trow *row)
{
	double lh = leading(c, p->size), top = c->y;
	int header = (row->node->u.row.flags & ROW_HEADER) != 0;
	size_t k, i;

	if (row->node->u.row.flags & ROW_TOTAL)
		add_line(c, p->col_x[1], top, p->col_x[p->ncols], top, 0.5);
	{
		/* Its notes go to this page's foot: the caller made room. */
		struct foot_want w = { 0 };
		row_wants(c, &w, row);
		foot_want_place(c, &w);
		foot_want_free(&w);
	}
	for (k = 0; k < row->ncells; k++) {
		const struct tcell *cell = &row->cells[k];
		size_t last = (size_t)(cell->column + cell->span);
		double x0 = p->col_x[cell->column], x1;
		if (last > p->ncols)
			last = p->ncols;
		x1 = p->col_x[last];
		if (cell->text.n == 0)
			continue;
		if (cell->column == 0 && !header) {
			/* The label's lines (a figure there has none). */
			double indent = INDENT_STEP * row->node->u.row.indent;
			for (i = 0; i < cell->nlines; i++)
				draw_units(c, &cell->text, cell->lines[i].a,
				    cell->lines[i].b, x0 + indent,
				    top - p->size - i * lh);
			continue;
		}
		if (header) {
			/* Header cells wrap and center over their columns: at
			 * plan_rows' width, its lines (an indented first
			 * column's are broken again, wider). */
			struct line *lines = NULL;
			const struct line *use = cell->lines;
			double w = x1 - x0 - CELL_PAD / 2;
			size_t n = cell->nlines;
			if ((cell->flags & CELL_FIGURE) || cell->break_width != w ||
			    cell->break_lang != c->lang) {
				n = break_lines(c, &cell->text, w, w, 1, &lines);
				use = lines;
			}
			for (i = 0; i < n; i++)
				draw_units(c, &cell->text, use[i].a, use[i].b,
				    x0 + CELL_PAD / 2 + (w - use[i].width) / 2,
				    top - p->size - i * lh);
			free(lines);
			continue;
		}
		{
			/* Figures align on their digits: a closing parenthesis
			 * hangs past the column's edge. */
			double w = width_of(&cell->text, 0, cell->text.n);
			int hangs = cell->text.u[cell->text.n - 1] == ')';
			double right = x1 - p->paren + (hangs ? p->paren : 0);
			draw_units(c, &cell->text, 0, cell->text.n, right - w,
			    top - p->size);
		}
	}
	c->y -= row->height;
	if (header && row == &p->rows[p->header_rows - 1])
		add_line(c, p->col_x[0], c->y + 1, p->col_x[p->ncols], c->y + 1,
		    0.5);
}

static void
draw_headers(struct lctx *c, const struct table_plan *p)
{
	size_t r;

	add_line(c, p->col_x[0], c->y, p->col_x[p->ncols], c->y, 0.8);
	c->y -= 2;
	for (r = 0; r < p->header_rows; r++)
		draw_row(c, p, &p->rows[r]);
}

void
layout_table(struct lctx *c, const struct node *n)
{
	struct table_plan p = { 0 };
	const struct node *k;
	double size, need;
	size_t r, cap = 0;
	size_t first_rows;
	int was_landscape = c->landscape;
	struct foot_want w = { 0 };

	/* The largest size at which the columns fit with wide headers, then
	 * with tighter ones; failing both, turn the page. */
	for (size = TABLE_SIZE; ; size -= 0.5) {
		if (p.rows == NULL)
			shape_table(c, n, &p, size);
		else
			resize_table(c, &p, size);
		p.header_cap = header_caps[cap];
		if (c->failed) {
			plan_free(&p);
			return;
		}
		if (plan_columns(c, &p) == 0)
			break;
		free(p.col_x);
		p.col_x = NULL;
		if (size - 0.5 >= TABLE_MIN_SIZE)
			continue;
		size = TABLE_SIZE + 0.5;
		if (++cap < sizeof(header_caps) / sizeof(header_caps[0]))
			continue;
		if (c->landscape) {
			c->where = n;
			lfail(c, "table %s does not fit even on a landscape page",
			    n->id != NULL ? n->id : "");
			plan_free(&p);
			return;
		}
		c->landscape = 1;
		cap = 0;
		new_page(c);
	}
	plan_rows(c, &p);
	/*
	 * A table starts where its first page holds a fair part of it: its
	 * caption and header with six rows, or a third of its rows when that
	 * is more (all of a short one); else on the next page, not as four
	 * rows at a page's foot.
	 */
	need = 0;
	first_rows = (p.nrows - p.header_rows + 2) / 3;
	if (first_rows < TABLE_FIRST_ROWS)
		first_rows = TABLE_FIRST_ROWS;
	for (k = n->first; k != NULL && k->kind == NODE_CAPTION; k = k->next)
		need += leading(c, 9);
	for (r = 0; r < p.nrows && r < p.header_rows + first_rows; r++) {
		need += p.rows[r].height;
		row_wants(c, &w, &p.rows[r]);
	}
	c->y -= 8;
	ensure(c, need + 4 + foot_want_height(c, &w));
	foot_want_free(&w);
	for (k = n->first; k != NULL && k->kind == NODE_CAPTION; k = k->next)
		text_block(c, k, k == n->first ? FONT_STRONG : FONT_BODY, 9,
		    ALIGN_LEFT, 0, 1, 0);
	c->y -= 2;
	draw_headers(c, &p);
	for (r = p.header_rows; r < p.nrows && !c->failed; r++) {
		double h = p.rows[r].height;
		/* The last two rows go over together with a note that follows,
		 * rather than leave it alone on a page. */
		if (r + 2 == p.nrows && r > p.header_rows)
			h += p.rows[r + 1].height + foot_keep_after(c, n);
		/* A row goes over with the notes it brings to the foot. */
		row_wants(c, &w, &p.rows[r]);
		h += foot_want_height(c, &w);
		foot_want_free(&w);
		if (c->y - h < bottom(c)) {
			/* Continue on a new page under the same header. */
			new_page(c);
			draw_headers(c, &p);
		}
		draw_row(c, &p, &p.rows[r]);
	}
	add_line(c, p.col_x[0], c->y, p.col_x[p.ncols], c->y, 0.8);
	c->y -= 6;
	plan_free(&p);
	if (c->landscape != was_landscape) {
		c->landscape = was_landscape;
		new_page(c);
	}
}
