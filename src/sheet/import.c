/*
 * kessan sheet import: the quarter's column of a workbook or CSV back
 * into its period file. Every cell is checked first; a single error and
 * nothing is written. The patched file is loaded with the book, as
 * `kessan check` loads it, before it replaces the old one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "../load/load.h"
#include "../util/atomic.h"
#include "../util/readfile.h"
#include "cell.h"
#include "grid.h"
#include "patch.h"
#include "sheet.h"
#include "sheet_rows.h"

/* Largest period file patched. */
#define PERIOD_LIMIT ((size_t)16 << 20)

struct reader {
	const char *path;
	const struct book *book;
	int csv;
	unsigned fact_col, value_col;
	char **values;           /* per fact, malloc'd */
	char **seen;             /* per fact: where its row was, malloc'd */
	const char **ids;        /* the fact ids, for "did you mean" */
	char period[16];         /* the quarter's heading */
	struct diag_list *diags;
	int errors;
};

/* "FILE:SHEET!H12" (CSV: "FILE:H12") into buf. */
static void
where(const struct reader *r, const struct grid_page *page, unsigned col,
    unsigned row, char *buf, size_t size)
{
	char ref[16];

	if (cell_ref_format(col, row, ref, sizeof(ref)) != 0)
		snprintf(ref, sizeof(ref), "?");
	if (page->name != NULL)
		snprintf(buf, size, "%s:%s!%s", r->path, page->name, ref);
	else
		snprintf(buf, size, "%s:%s", r->path, ref);
}

static void
cell_error(struct reader *r, const struct grid_page *page, unsigned col,
    unsigned row, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void
cell_error(struct reader *r, const struct grid_page *page, unsigned col,
    unsigned row, const char *fmt, ...)
{
	char at[4200];
	va_list ap;

	where(r, page, col, row, at, sizeof(at));
	va_start(ap, fmt);
	diag_addv(r->diags, DIAG_ERROR, at, 0, fmt, ap);
	va_end(ap);
	r->errors++;
}

static int
compare_cells(const void *a, const void *b)
{
	const struct grid_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* The cell at col, row of a page sorted by compare_cells, or NULL. */
static const struct grid_cell *
cell_at(const struct grid_page *page, unsigned col, unsigned row)
{
	struct grid_cell key;

	if (page->ncells == 0)
		return NULL;
	memset(&key, 0, sizeof(key));
	key.col = col;
	key.row = row;
	return bsearch(&key, page->cells, page->ncells, sizeof(key),
	    compare_cells);
}

/* text without its commas and white space, into out. */
static void
ungrouped(const char *text, char *out, size_t size)
{
	size_t n = 0;

	for (; *text != '\0' && n + 1 < size; text++)
		if (*text != ',' && *text != ' ' && *text != '\t')
			out[n++] = *text;
	out[n] = '\0';
}

/* The value cell of fact f: its text as a plain decimal into r->values. */
static void
read_value(struct reader *r, const struct grid_page *page,
    const struct grid_cell *c, size_t f)
{
	const char *id = r->book->facts[f].id;
	char text[64];
	struct rat v;
	enum rat_status st;

	switch (c->kind) {
	case CELL_FORMULA_ONLY:
		cell_error(r, page, c->col, c->row, "%s: the formula =%s has no "
		    "cached value (recalculate and save the workbook in a "
		    "spreadsheet program, or type the figure)", id, c->formula);
		return;
	case CELL_ERROR:
		cell_error(r, page, c->col, c->row, "%s: the cell holds the error "
		    "%s (correct its formula, or type the figure)", id, c->text);
		return;
	case CELL_BOOLEAN:
		cell_error(r, page, c->col, c->row, "%s: a true/false value where a "
		    "number belongs (type the figure)", id);
		return;
	case CELL_NUMBER:
	case CELL_STRING:
		break;
	}
	switch (cell_number(c->text, c->kind == CELL_NUMBER, text,
	    sizeof(text))) {
	case NUMBER_EMPTY:
		return;
	case NUMBER_GROUPED:
		ungrouped(c->text, text, sizeof(text));
		cell_error(r, page, c->col, c->row, "%s: \"%s\" is a number written "
		    "with grouping, as text (type %s, with no separators)", id,
		    c->text, text);
		return;
	case NUMBER_TEXT:
		cell_error(r, page, c->col, c->row, "%s: \"%.40s\" is text where a "
		    "number belongs (type the figure in its unit of record, or "
		    "clear the cell to leave the fact as it is)", id, c->text);
		return;
	case NUMBER_INEXACT:
		cell_error(r, page, c->col, c->row, "%s: %s has more than 15 "
		    "significant digits and is no exact decimal (type the figure "
		    "as text, or round it in the cell)", id, c->text);
		return;
	case NUMBER_TOO_LONG:
		cell_error(r, page, c->col, c->row, "%s: %.40s has too many digits "
		    "(kessan records at most %d)", id, c->text, RAT_MAX_DIGITS);
		return;
	case NUMBER_OK:
		break;
	}
	st = rat_parse(text, &v, NULL);
	if (st == RAT_OK)
		st = rat_scale10(v, r->book->facts[f].scale, &v);
	if (st != RAT_OK) {
		cell_error(r, page, c->col, c->row, "%s: %s has more than %d "
		    "digits in base units", id, text, RAT_MAX_DIGITS);
		return;
	}
	if ((r->values[f] = strdup(text)) == NULL)
		cell_error(r, page, c->col, c->row, "out of memory");
}

static void
read_row(struct reader *r, const struct grid_page *page, unsigned row,
    const struct grid_cell *fact)
{
	const struct grid_cell *value = cell_at(page, r->value_col, row);
	const struct grid_cell *group = r->csv ? cell_at(page, 0, row) : NULL;
	const char *group_id = r->csv ? (group != NULL ? group->text : "") :
	    page->name;
	char at[4200];
	long f;

	if (fact->kind != CELL_STRING || (f = book_fact_index(r->book,
	    fact->text)) < 0) {
		const char *close = fact->kind == CELL_STRING ? cell_closest(fact->text,
		    r->ids, r->book->nfacts) : NULL;
		if (close != NULL)
			cell_error(r, page, fact->col, row, "unknown fact %.64s (did "
			    "you mean %s?)", fact->text, close);
		else
			cell_error(r, page, fact->col, row, "unknown fact %.64s (not "
			    "declared in accounts.xml: declare it there first, or "
			    "correct the id)", fact->text != NULL ? fact->text : "");
		return;
	}
	if (strcmp(r->book->groups[r->book->facts[f].group].id, group_id) != 0) {
		cell_error(r, page, r->csv ? 0 : fact->col, row, "%s belongs to "
		    "group %s, not %s (move the row%s)", fact->text,
		    r->book->groups[r->book->facts[f].group].id, group_id,
		    r->csv ? ", or correct its group" : " to that sheet");
		return;
	}
	if (r->seen[f] != NULL) {
		cell_error(r, page, fact->col, row, "fact %s appears twice (first "
		    "at %s; keep one row)", fact->text, r->seen[f]);
		return;
	}
	where(r, page, fact->col, row, at, sizeof(at));
	/* Only SHEET!CELL: the file was said once. */
	if ((r->seen[f] = strdup(at + strlen(r->path) + 1)) == NULL) {
		cell_error(r, page, fact->col, row, "out of memory");
		return;
	}
	if (value != NULL)
		read_value(r, page, value, (size_t)f);
}

static void
read_page(struct reader *r, const struct grid_page *page)
{
	const struct grid_cell *head = cell_at(page, r->value_col, 1);
	size_t i;

	if (page->name != NULL) {
		size_t g;
		int known = 0;

		for (g = 0; g < r->book->ngroups; g++)
			known |= strcmp(r->book->groups[g].id, page->name) == 0;
		if (!known) {
			cell_error(r, page, 0, 1, "sheet %s is no group of "
			    "accounts.xml (name each sheet after its group)",
			    page->name);
			return;
		}
	}
	for (i = 0; i < page->nmerges; i++) {
		const struct grid_merge *m = &page->merges[i];
		char to[16];

		if (cell_ref_format(m->col2, m->row2, to, sizeof(to)) != 0)
			snprintf(to, sizeof(to), "?");
		cell_error(r, page, m->col1, m->row1, "merged cells (to %s): "
		    "unmerge them, one fact per row of single cells", to);
	}
	if (head == NULL || head->kind != CELL_STRING) {
		cell_error(r, page, r->value_col, 1, "no quarter heads this column "
		    "(export the sheet with kessan sheet export, and keep its "
		    "first row)");
		return;
	}
	if (r->period[0] == '\0')
		snprintf(r->period, sizeof(r->period), "%.15s", head->text);
	else if (strcmp(r->period, head->text) != 0) {
		cell_error(r, page, r->value_col, 1, "this column is %s, but the "
		    "workbook's is %s (one quarter per import)", head->text,
		    r->period);
		return;
	}
	for (i = 0; i < page->ncells; i++) {
		const struct grid_cell *c = &page->cells[i];

		if (c->row >= 2 && c->col == r->fact_col && c->text != NULL &&
		    c->text[0] != '\0')
			read_row(r, page, c->row, c);
		else if (c->row >= 2 && c->col == r->value_col &&
		    cell_at(page, r->fact_col, c->row) == NULL)
			cell_error(r, page, c->col, c->row, "a value on a row with "
			    "no fact id (give the fact's id in column %c)",
			    'A' + (int)r->fact_col);
	}
}

/* The candidate is written to a scratch file and loaded with the book
 * in its quarter's place; diagnostics name the period file. */
/* Whether the period file as it was already gave this message. */
static int
said_before(const struct diag_list *before, const char *message)
{
	size_t i;

	/* Memory that ran out is never an old message. */
	if (strcmp(message, "out of memory") == 0)
		return 0;
	for (i = 0; i < before->len; i++)
		if (strcmp(before->items[i].message, message) == 0)
			return 1;
	return 0;
}

static int
validate(const char *dir, const char *target, const struct buffer *text,
    struct diag_list *diags)
{
	const char *tmpdir = getenv("TMPDIR");
	char scratch[4096], err[256];
	struct diag_list found, before;
	struct book *book;
	size_t i, added = 0;
	int fd, loaded;

	memset(&found, 0, sizeof(found));
	memset(&before, 0, sizeof(before));
	snprintf(scratch, sizeof(scratch), "%s/kessan-import.XXXXXX",
	    tmpdir != NULL && *tmpdir != '\0' ? tmpdir : "/tmp");
	if ((fd = mkstemp(scratch)) < 0) {
		diag_add(diags, DIAG_FATAL, target, 0, "cannot make a scratch file");
		return -1;
	}
	close(fd);
	if (write_file_atomic(scratch, text->data, text->len, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, scratch, 0, "cannot write: %s", err);
		unlink(scratch);
		return -1;
	}
	book = book_load_draft(dir, scratch, &found);
	unlink(scratch);
	/*
	 * What the file said before the import is not the import's doing: a
	 * quarter kessan new wrote still has slots to write, and its figures
	 * may come in first. Only what the import would add stops it.
	 */
	if (access(target, F_OK) == 0) {
		struct book *old = book_load_draft(dir, target, &before);
		book_free(old);
	}
	for (i = 0; i < found.len; i++) {
		if (said_before(&before, found.items[i].message))
			continue;
		added++;
		diag_add(diags, found.items[i].level, found.items[i].file != NULL &&
		    strcmp(found.items[i].file, scratch) == 0 ? target :
		    found.items[i].file, found.items[i].line, "%s (in the file "
		    "the import would write; nothing was written)",
		    found.items[i].message);
	}
	diag_list_free(&before);
	loaded = book != NULL;
	book_free(book);
	/* A book that did not load says why, unless it said so before. */
	if (added > 0 || (!loaded && found.len == 0)) {
		diag_list_free(&found);
		return -1;
	}
	diag_list_free(&found);
	return 0;
}

/* The period file, patched or made, into out. */
static int
compose(const struct reader *r, const char *target, struct buffer *out,
    size_t *changed, struct diag_list *diags)
{
	unsigned char *old;
	size_t len;
	char err[256];
	struct stat st;
	int fy, q, rc;

	if (period_id_parse(r->period, &fy, &q) != 0)
		return -1;
	if (stat(target, &st) != 0)
		return period_create(r->book, fy, q, r->values, out, changed);
	if (read_regular_file(target, PERIOD_LIMIT, &old, &len, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, target, 0, "cannot read: %s", err);
		return -1;
	}
	rc = period_patch((const char *)old, len, r->book, r->values, out,
	    changed, err, sizeof(err));
	if (rc != 0)
		diag_add(diags, DIAG_FATAL, target, 0, "%s", err);
	free(old);
	return rc;
}

/*
 * A total the period file leaves out is derived from its identity, and
 * the export shows it: shown back unchanged it stays out of the file (a
 * figure changed in the sheet is written, and check compares it).
 */
static void
keep_derived(struct reader *r, int fy, int q)
{
	const struct period *p = book_period(r->book, fiscal_ordinal(fy, q));
	struct rat value;
	size_t f;

	for (f = 0; p != NULL && f < r->book->nfacts; f++)
		if (r->values[f] != NULL && p->slots[f].derived != NULL &&
		    rat_parse(r->values[f], &value, NULL) == RAT_OK &&
		    rat_scale10(value, r->book->facts[f].scale, &value) ==
		    RAT_OK && rat_cmp(value, p->slots[f].value) == 0) {
			free(r->values[f]);
			r->values[f] = NULL;
		}
}

static int
import_grid(struct reader *r, struct grid *grid, const char *dir,
    const char *period, size_t *changed)
{
	struct buffer text = { NULL, 0, 0, 0 };
	char target[4096];
	size_t p;
	int rc = -1, fy, q;

	for (p = 0; p < grid->npages; p++) {
		if (grid->pages[p].ncells > 0)
			qsort(grid->pages[p].cells, grid->pages[p].ncells,
			    sizeof(*grid->pages[p].cells), compare_cells);
		read_page(r, &grid->pages[p]);
	}
	if (r->errors > 0)
		return -1;
	if (period_id_parse(r->period, &fy, &q) == 0) {
		char canon[16];

		period_id_format(fy, q, canon, sizeof(canon));
		if (strcmp(canon, r->period) != 0)
			fy = -1;
	} else
		fy = -1;
	if (fy < 0) {
		char first[16];

		if (cell_ref_format(r->value_col, 1, first, sizeof(first)) != 0)
			first[0] = '\0';
		diag_add(r->diags, DIAG_ERROR, r->path, 0, "%s heads the quarter's "
		    "column (%s) but is no quarter such as 2004-q1", r->period,
		    first);
		return -1;
	}
	if (period != NULL && strcmp(period, r->period) != 0) {
		diag_add(r->diags, DIAG_ERROR, r->path, 0, "the sheet holds %s, not "
		    "--period %s", r->period, period);
		return -1;
	}
	keep_derived(r, fy, q);
	snprintf(target, sizeof(target), "%s/periods/%s.xml", dir, r->period);
	if (compose(r, target, &text, changed, r->diags) != 0 || text.failed) {
		if (text.failed)
			diag_add(r->diags, DIAG_FATAL, target, 0, "out of memory");
	} else if (*changed == 0)
		rc = 0;        /* nothing to write: the file stays as it is */
	else if (validate(dir, target, &text, r->diags) == 0) {
		char err[256];

		if (write_file_atomic(target, text.data, text.len, err,
		    sizeof(err)) != 0)
			diag_add(r->diags, DIAG_FATAL, target, 0, "cannot write: %s",
			    err);
		else
			rc = 0;
	}
	buffer_free(&text);
	return rc;
}

int
sheet_import(const char *dir, const char *period, const char *input,
    size_t *changed, struct diag_list *diags)
{
	enum sheet_format format = sheet_format_of(input);
	struct reader r;
	struct grid grid;
	struct book *book;
	size_t f;
	int rc = -1;

	*changed = 0;
	if (format == SHEET_FORMAT_MAX) {
		diag_add(diags, DIAG_FATAL, input, 0, "not a spreadsheet name: "
		    "it must end in .xlsx or .csv");
		return -1;
	}
	if ((book = book_load(dir, diags)) == NULL)
		return -1;
	if ((format == SHEET_XLSX ? grid_read_xlsx(input, &grid, diags) :
	    grid_read_csv(input, &grid, diags)) != 0) {
		book_free(book);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.path = input;
	r.book = book;
	r.csv = format == SHEET_CSV;
	r.fact_col = r.csv ? 1 : 0;
	r.value_col = r.fact_col + SHEET_VALUE_COLUMN;
	r.diags = diags;
	r.values = calloc(book->nfacts + 1, sizeof(*r.values));
	r.seen = calloc(book->nfacts + 1, sizeof(*r.seen));
	r.ids = calloc(book->nfacts + 1, sizeof(*r.ids));
	if (r.values == NULL || r.seen == NULL || r.ids == NULL)
		diag_add(diags, DIAG_FATAL, input, 0, "out of memory");
	else {
		for (f = 0; f < book->nfacts; f++)
			r.ids[f] = book->facts[f].id;
		rc = import_grid(&r, &grid, dir, period, changed);
	}
	for (f = 0; f < book->nfacts; f++) {
		if (r.values != NULL)
			free(r.values[f]);
		if (r.seen != NULL)
			free(r.seen[f]);
	}
	free(r.values);
	free(r.seen);
	free(r.ids);
	grid_free(&grid);
	book_free(book);
	return rc;
}
