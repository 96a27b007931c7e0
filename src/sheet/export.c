/*
 * kessan sheet export: a quarter's facts, with the two quarters a
 * release compares them with, as an XLSX workbook (one sheet per group)
 * or one CSV table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../load/catalog.h"
#include "../load/load.h"
#include "../load/template.h"
#include "../model/expr.h"
#include "../util/atomic.h"
#include "../util/readfile.h"
#include "sheet.h"
#include "sheet_libs.h"
#include "sheet_rows.h"

/* Quarter offsets of the value columns, oldest first. */
static const int offsets[SHEET_NVALUES] = { -4, -1, 0 };

const char *const sheet_headings[SHEET_NFIXED] = {
	"fact", "label (en)", "label (ja)", "unit", "scale"
};

enum sheet_format
sheet_format_of(const char *path)
{
	size_t n = strlen(path);

	if (n > 5 && strcmp(path + n - 5, ".xlsx") == 0)
		return SHEET_XLSX;
	if (n > 4 && strcmp(path + n - 4, ".csv") == 0)
		return SHEET_CSV;
	return SHEET_FORMAT_MAX;
}

/* The Japanese label of each fact: the ja catalog's text of the first
 * template row (in file order) whose value is that fact alone. A book
 * whose templates or catalog do not load gets no Japanese labels. */
static void
japanese_labels(const struct book *book, const char *templates_dir,
    const char *locales_dir, struct sheet_rows *rows)
{
	struct diag_list scratch;
	struct template_set *set;
	struct catalog *ja;
	size_t t, r;

	memset(&scratch, 0, sizeof(scratch));
	set = templates_load(templates_dir, book, &scratch);
	ja = set != NULL ? catalog_load(locales_dir, LANG_JA, &scratch) : NULL;
	for (t = 0; ja != NULL && t < set->ntables; t++)
		for (r = 0; r < set->tables[t].nrows; r++) {
			const struct tpl_row *row = &set->tables[t].rows[r];
			const struct message *m;
			size_t f;

			if (row->value == NULL || row->value->kind != EXPR_FACT ||
			    row->value->u.ref.offset != 0 || row->label == NULL)
				continue;
			f = row->value->u.ref.fact;
			if (f >= rows->n || rows->label_ja[f] != NULL)
				continue;
			m = catalog_find(ja, row->label);
			/* Only plain text: a pattern with arguments or quoting
			 * is no label to copy. */
			if (m != NULL && strpbrk(m->pattern, "{}'") == NULL)
				rows->label_ja[f] = strdup(m->pattern);
		}
	catalog_free(ja);
	templates_free(set);
	diag_list_free(&scratch);
}

/* The value of fact f in the quarter `offset` from `at`, as the release
 * of `at` sees it (restatements applied), in its unit of record with the
 * decimals it was written with; "" when not recorded. */
static void
value_text(const struct book *book, int at, int offset, size_t f, char *buf,
    size_t size)
{
	struct lookup l;
	struct rat v;

	buf[0] = '\0';
	if (book_lookup(book, at, offset, f, at, &l) != LOOKUP_OK || l.absent)
		return;
	if (rat_scale10(l.value, -book->facts[f].scale, &v) != RAT_OK ||
	    rat_to_decimal(v, l.decimals, ROUND_HALF_UP, buf, size) != RAT_OK)
		buf[0] = '\0';
}

void
sheet_rows_free(struct sheet_rows *rows)
{
	size_t i;

	for (i = 0; rows->label_ja != NULL && i < rows->n; i++)
		free(rows->label_ja[i]);
	free(rows->label_ja);
	free(rows->values);
	memset(rows, 0, sizeof(*rows));
}

int
sheet_rows_build(const struct book *book, int ordinal,
    const char *templates_dir, const char *locales_dir,
    struct sheet_rows *rows)
{
	size_t f, k;
	int fy, q;

	memset(rows, 0, sizeof(*rows));
	rows->n = book->nfacts;
	rows->label_ja = calloc(book->nfacts + 1, sizeof(*rows->label_ja));
	rows->values = calloc(book->nfacts + 1, sizeof(*rows->values));
	if (rows->label_ja == NULL || rows->values == NULL) {
		sheet_rows_free(rows);
		return -1;
	}
	for (k = 0; k < SHEET_NVALUES; k++) {
		fiscal_from_ordinal(ordinal + offsets[k], &fy, &q);
		snprintf(rows->headings[k], sizeof(rows->headings[k]), "%d-q%d",
		    fy, q);
	}
	for (f = 0; f < book->nfacts; f++)
		for (k = 0; k < SHEET_NVALUES; k++)
			value_text(book, ordinal, offsets[k], f,
			    rows->values[f][k], sizeof(rows->values[f][k]));
	japanese_labels(book, templates_dir, locales_dir, rows);
	return 0;
}

/* One CSV field, quoted when it must be (RFC 4180). */
static void
csv_field(struct buffer *out, const char *text, int last)
{
	if (strpbrk(text, ",\"\r\n") == NULL)
		buffer_puts(out, text);
	else {
		const char *p;

		buffer_puts(out, "\"");
		for (p = text; *p != '\0'; p++)
			if (*p == '"')
				buffer_puts(out, "\"\"");
			else
				buffer_write(out, p, 1);
		buffer_puts(out, "\"");
	}
	buffer_puts(out, last ? "\r\n" : ",");
}

static void
write_csv(const struct book *book, const struct sheet_rows *rows,
    struct buffer *out)
{
	char scale[16];
	size_t g, f, k;

	csv_field(out, "group", 0);
	for (k = 0; k < SHEET_NFIXED; k++)
		csv_field(out, sheet_headings[k], 0);
	for (k = 0; k < SHEET_NVALUES; k++)
		csv_field(out, rows->headings[k], k + 1 == SHEET_NVALUES);
	for (g = 0; g < book->ngroups; g++)
		for (f = 0; f < book->nfacts; f++) {
			const struct fact_decl *d = &book->facts[f];

			if (d->group != g)
				continue;
			snprintf(scale, sizeof(scale), "%d", d->scale);
			csv_field(out, book->groups[g].id, 0);
			csv_field(out, d->id, 0);
			csv_field(out, d->label != NULL ? d->label : "", 0);
			csv_field(out, rows->label_ja[f] != NULL ?
			    rows->label_ja[f] : "", 0);
			csv_field(out, unit_name(d->unit), 0);
			csv_field(out, scale, 0);
			for (k = 0; k < SHEET_NVALUES; k++)
				csv_field(out, rows->values[f][k],
				    k + 1 == SHEET_NVALUES);
		}
}

/* Significant digits of a plain decimal. */
static size_t
significant(const char *text)
{
	size_t n = 0, zeros = 0;
	int started = 0;

	for (; *text != '\0'; text++) {
		if (*text < '0' || *text > '9')
			continue;
		if (*text == '0' && !started)
			continue;
		started = 1;
		if (*text == '0')
			zeros++;
		else {
			n += zeros + 1;
			zeros = 0;
		}
	}
	return n;
}

/* A figure as a number cell when a double holds it exactly enough to
 * read back (15 significant digits), else as text. */
static lxw_error
write_value(const struct sheet_xlsxwriter *x, lxw_worksheet *ws, lxw_row_t r,
    lxw_col_t c, const char *text)
{
	if (text[0] == '\0')
		return LXW_NO_ERROR;
	if (significant(text) <= 15)
		return x->worksheet_write_number(ws, r, c, strtod(text, NULL),
		    NULL);
	return x->worksheet_write_string(ws, r, c, text, NULL);
}

/* The creation time written into docProps/core.xml: SOURCE_DATE_EPOCH,
 * else 1980-01-01 (a zip's first day), never the clock. */
static time_t
creation_time(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s != NULL && *s != '\0') {
		char *end;
		long long t;

		t = strtoll(s, &end, 10);
		if (*end == '\0' && t > 0)
			return (time_t)t;
	}
	return (time_t)315532800;
}

static int
write_xlsx(const struct sheet_xlsxwriter *x, const struct book *book,
    const struct sheet_rows *rows, const char *path)
{
	lxw_workbook *wb = x->workbook_new(path);
	lxw_doc_properties props;
	lxw_error err = LXW_NO_ERROR;
	size_t g, f, k;

	if (wb == NULL)
		return -1;
	memset(&props, 0, sizeof(props));
	props.created = creation_time();
	props.author = (char *)"kessan";
	x->workbook_set_properties(wb, &props);
	for (g = 0; g < book->ngroups && err == LXW_NO_ERROR; g++) {
		lxw_worksheet *ws = x->workbook_add_worksheet(wb,
		    book->groups[g].id);
		lxw_row_t r = 1;

		if (ws == NULL) {
			err = LXW_ERROR_MEMORY_MALLOC_FAILED;
			break;
		}
		x->worksheet_freeze_panes(ws, 1, 0);
		x->worksheet_set_column(ws, 0, 0, 30, NULL);
		x->worksheet_set_column(ws, 1, 2, 40, NULL);
		x->worksheet_set_column(ws, 5, 7, 14, NULL);
		for (k = 0; k < SHEET_NFIXED; k++)
			err |= x->worksheet_write_string(ws, 0, (lxw_col_t)k,
			    sheet_headings[k], NULL);
		for (k = 0; k < SHEET_NVALUES; k++)
			err |= x->worksheet_write_string(ws, 0,
			    (lxw_col_t)(SHEET_NFIXED + k), rows->headings[k], NULL);
		for (f = 0; f < book->nfacts; f++) {
			const struct fact_decl *d = &book->facts[f];

			if (d->group != g)
				continue;
			err |= x->worksheet_write_string(ws, r, 0, d->id, NULL);
			if (d->label != NULL)
				err |= x->worksheet_write_string(ws, r, 1,
				    d->label, NULL);
			if (rows->label_ja[f] != NULL)
				err |= x->worksheet_write_string(ws, r, 2,
				    rows->label_ja[f], NULL);
			err |= x->worksheet_write_string(ws, r, 3,
			    unit_name(d->unit), NULL);
			err |= x->worksheet_write_number(ws, r, 4, d->scale,
			    NULL);
			for (k = 0; k < SHEET_NVALUES; k++)
				err |= write_value(x, ws, r,
				    (lxw_col_t)(SHEET_NFIXED + k), rows->values[f][k]);
			r++;
		}
	}
	if (x->workbook_close(wb) != LXW_NO_ERROR)
		err = LXW_ERROR_CREATING_XLSX_FILE;
	return err == LXW_NO_ERROR ? 0 : -1;
}

/* Writes the workbook to a scratch file (libxlsxwriter writes only to a
 * path), then its bytes to the output atomically. */
static int
export_xlsx(const struct book *book, const struct sheet_rows *rows,
    const char *output, struct diag_list *diags)
{
	const char *tmpdir = getenv("TMPDIR");
	const struct sheet_xlsxwriter *x;
	char scratch[4096], err[256];
	unsigned char *data = NULL;
	size_t size = 0;
	int fd, rc = -1;
	size_t g;

	/* Excel's limit, which libxlsxwriter enforces. */
	for (g = 0; g < book->ngroups; g++)
		if (strlen(book->groups[g].id) > 31) {
			diag_add(diags, DIAG_FATAL, output, 0, "group %s: a sheet's "
			    "name holds at most 31 characters (export to .csv)",
			    book->groups[g].id);
			return -1;
		}
	if ((x = sheet_xlsxwriter(diags)) == NULL)
		return -1;
	snprintf(scratch, sizeof(scratch), "%s/kessan-sheet.XXXXXX",
	    tmpdir != NULL && *tmpdir != '\0' ? tmpdir : "/tmp");
	if ((fd = mkstemp(scratch)) < 0) {
		diag_add(diags, DIAG_FATAL, output, 0, "cannot make a scratch file "
		    "in %s", tmpdir != NULL ? tmpdir : "/tmp");
		return -1;
	}
	close(fd);
	if (write_xlsx(x, book, rows, scratch) != 0)
		diag_add(diags, DIAG_FATAL, output, 0, "libxlsxwriter could not "
		    "write the workbook");
	else if (read_regular_file(scratch, (size_t)1 << 30, &data, &size, err,
	    sizeof(err)) != 0)
		diag_add(diags, DIAG_FATAL, output, 0, "cannot read the workbook "
		    "back: %s", err);
	else if (write_file_atomic(output, (const char *)data, size, err,
	    sizeof(err)) != 0)
		diag_add(diags, DIAG_FATAL, output, 0, "cannot write: %s", err);
	else
		rc = 0;
	free(data);
	unlink(scratch);
	return rc;
}

int
sheet_export(const char *dir, const char *period, const char *templates_dir,
    const char *locales_dir, const char *output, struct diag_list *diags)
{
	enum sheet_format format = sheet_format_of(output);
	struct sheet_rows rows;
	struct buffer csv = { NULL, 0, 0, 0 };
	struct book *book;
	int fy, q, rc = -1;

	if (format == SHEET_FORMAT_MAX) {
		diag_add(diags, DIAG_FATAL, output, 0, "not a spreadsheet name: "
		    "end it in .xlsx or .csv");
		return -1;
	}
	if (period_id_parse(period, &fy, &q) != 0) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "--period %s is not a quarter "
		    "(write it as 2004-q1)", period);
		return -1;
	}
	if ((book = book_load(dir, diags)) == NULL)
		return -1;
	if (sheet_rows_build(book, fiscal_ordinal(fy, q), templates_dir,
	    locales_dir, &rows) != 0) {
		diag_add(diags, DIAG_FATAL, output, 0, "out of memory");
		book_free(book);
		return -1;
	}
	if (format == SHEET_XLSX)
		rc = export_xlsx(book, &rows, output, diags);
	else {
		char err[256];

		write_csv(book, &rows, &csv);
		if (csv.failed)
			diag_add(diags, DIAG_FATAL, output, 0, "out of memory");
		else if (write_file_atomic(output, csv.data, csv.len, err,
		    sizeof(err)) != 0)
			diag_add(diags, DIAG_FATAL, output, 0, "cannot write: %s",
			    err);
		else
			rc = 0;
	}
	buffer_free(&csv);
	sheet_rows_free(&rows);
	book_free(book);
	return rc;
}
