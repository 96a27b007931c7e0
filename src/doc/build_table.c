/*
 * Tables: header rows, one row per template row, one cell per column,
 * each figure as the footing of its table shows it.
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../figure/footing.h"
#include "../model/expr.h"


static void
cell_text(struct builder *b, struct node *row, const char *text,
    unsigned flags, int span, const char *id)
{
	struct node *cell = node_add(row, NODE_CELL, b->lang), *t = NULL;

	if (cell == NULL || (text[0] != '\0' &&
	    (t = node_add_text(cell, text, b->lang)) == NULL) ||
	    (id != NULL && (cell->id = strdup(id)) == NULL)) {
		builder_error(b, b->file, row->line, "out of memory");
		return;
	}
	cell->u.cell.flags = flags;
	cell->u.cell.span = span;
	cell->computed = (flags & CELL_FIGURE) != 0;
	if (t != NULL && (flags & CELL_FIGURE))
		t->shown = b->shown;
}

#define KEPT_IDS 16

static void
column_id(const struct tpl_column *c, char *buf, size_t size)
{
	static const char *const kinds[] = { "value", "change", "share", "usd" };
	static const char *const offsets[] = { "current", "pq", "q-2", "q-3",
	    "py" };

	if (c->period <= 0 && c->period >= -4)
		snprintf(buf, size, "%s@%s", kinds[c->kind], offsets[-c->period]);
	else
		snprintf(buf, size, "%s@q%d", kinds[c->kind], c->period);
	if (c->kind == COLUMN_CHANGE && c->base <= 0 && c->base >= -4)
		snprintf(buf + strlen(buf), size - strlen(buf), "/%s",
		    offsets[-c->base]);
}

/* One figure cell of a table row, as the figure stage decided it. */
static void
table_cell(struct builder *b, const struct tpl_table *t,
    const struct tpl_row *row, const struct tpl_column *c,
    const struct figure *fig, char *out, size_t size)
{
	int unit = c->kind == COLUMN_VALUE || c->kind == COLUMN_USD;

	out[0] = '\0';
	b->shown.set = 0;
	if (fig == NULL)
		return;
	if (fig->state == FIGURE_ABSENT) {
		snprintf(out, size, "%s", t->absent_dash ? "-" : "");
		return;
	}
	(void)builder_print_figure(b, fig, unit && row->format == ROW_BANDWIDTH ?
	    "fmt.bandwidth" : NULL, row->line, out, size);
}

void
builder_header_cell_text(struct builder *b, const struct tpl_header *h, int line,
    char *out, size_t size)
{
	out[0] = '\0';
	if (h->key != NULL) {
		char *text = builder_message(b, b->file, line, h->key, NULL, 0);

		if (text != NULL) {
			snprintf(out, size, "%s", text);
			free(text);
		}
	} else if (h->style >= 0)
		builder_period_label(b, h->period, (enum period_style)h->style, line, out,
		    size);
}

void
builder_add_table(struct builder *b, struct node *parent, const struct tpl_table *t,
    int line)
{
	const char *tfile = b->file;
	struct node *table, *caption, *row;
	struct figure_grid figures;
	char text[TEXT_SIZE], id[64];
	/* the first columns' ids, written once rather than per row */
	char ids[KEPT_IDS][64];
	/* the document's notes, while a table-local table has its own */
	struct pending_note *doc_notes = b->notes;
	size_t doc_nnotes = b->nnotes, doc_unflushed = b->first_unflushed;
	int doc_count = b->note_count;
	enum note_style doc_style = b->note_style;
	char *s;
	size_t r, c, k;

	if ((table = node_add(parent, NODE_TABLE, b->lang)) == NULL ||
	    (table->id = strdup(t->id)) == NULL) {
		builder_error(b, tfile, line, "out of memory");
		return;
	}
	if (figure_table_open(builder_figures(b), t, line, &figures) != 0) {
		figure_grid_free(&figures);
		return;
	}
	if (b->notes_table_local) {
		/* The table's notes apart from the document's pending ones:
		 * numbered from (1), printed right under the table. */
		b->notes = NULL;
		b->nnotes = b->first_unflushed = 0;
		b->note_count = 0;
		b->note_style = NOTE_PARENTHESIZED;
	}
	b->file = t->file;
	table->file = t->file;
	table->line = t->line;
	table->u.table.columns = t->ncolumns + 1;
	table->u.table.header_rows = t->nheader_rows;
	if (b->notes_per_table)
		b->note_count = 0;
	if (t->caption != NULL &&
	    (s = builder_message(b, t->file, t->line, t->caption, NULL, 0)) != NULL) {
		if ((caption = node_add(table, NODE_CAPTION, b->lang)) != NULL)
			node_add_text(caption, s, b->lang);
		free(s);
	}
	if (t->unit_caption != NULL &&
	    (s = builder_message(b, t->file, t->line, t->unit_caption, NULL, 0)) != NULL) {
		if ((caption = node_add(table, NODE_CAPTION, b->lang)) != NULL)
			node_add_text(caption, s, b->lang);
		free(s);
	}
	for (r = 0; r < t->nheader_rows; r++) {
		if ((row = node_add(table, NODE_ROW, b->lang)) == NULL)
			break;
		row->u.row.flags = ROW_HEADER;
		cell_text(b, row, "", CELL_LABEL, 1, NULL);
		for (c = 0; c < t->nheaders[r]; c++) {
			const struct tpl_header *h = &t->headers[r][c];
			builder_header_cell_text(b, h, h->line ? h->line : t->line, text,
			    sizeof(text));
			cell_text(b, row, text, 0, h->span > 0 ? h->span : 1, NULL);
		}
	}
	for (c = 0; c < t->ncolumns && c < KEPT_IDS; c++)
		column_id(&t->columns[c], ids[c], sizeof(ids[c]));
	for (r = 0; r < t->nrows; r++) {
		const struct tpl_row *tr = &t->rows[r];
		struct node *label;
		if ((row = node_add(table, NODE_ROW, b->lang)) == NULL)
			break;
		if ((row->id = strdup(tr->id != NULL ? tr->id : tr->label)) ==
		    NULL) {
			node_lost(row);
			break;
		}
		row->line = tr->line;
		row->u.row.indent = tr->indent;
		row->u.row.flags = (tr->value == NULL ? ROW_HEADING : 0) |
		    (tr->total ? ROW_TOTAL : 0);
		if ((s = builder_message(b, t->file, tr->line, tr->label, NULL, 0)) == NULL)
			continue;
		cell_text(b, row, s, CELL_LABEL, 1, "label");
		free(s);
		label = row->last;
		for (k = 0; k < tr->nnotes; k++) {
			struct node *note = node_add(NULL, NODE_FOOTNOTE, b->lang);
			int number;
			if (note == NULL) {
				builder_error(b, t->file, tr->line, "out of memory");
				continue;
			}
			if ((s = builder_template_message(b, &tr->notes[k])) == NULL) {
				node_free(note);
				continue;
			}
			note->file = t->file;
			note->line = tr->notes[k].line;
			node_add_text(note, s, b->lang);
			free(s);
			if ((number = builder_note_number(b, note,
			    tr->notes[k].key)) > 0 && label != NULL)
				builder_add_note_ref(b, label, number);
		}
		(void)figure_table_row(builder_figures(b), &figures, r);
		for (c = 0; c < t->ncolumns; c++) {
			enum column_kind kind = t->columns[c].kind;
			const char *cid = id;
			if (c < KEPT_IDS)
				cid = ids[c];
			else
				column_id(&t->columns[c], id, sizeof(id));
			text[0] = '\0';
			builder_forget_restated(b);
			if (tr->value != NULL)
				table_cell(b, t, tr, &t->columns[c],
				    figure_at(&figures, r, c), text, sizeof(text));
			cell_text(b, row, text, CELL_FIGURE, 1, cid);
			/* A quarter's figure (in yen or dollars) that a later
			 * release restated carries the restatement's note; a
			 * change or share computed from it does not repeat it. */
			if ((kind == COLUMN_VALUE || kind == COLUMN_USD) &&
			    row->last != NULL)
				builder_take_restated(b, row->last);
			builder_forget_restated(b);
		}
	}
	if (b->notes_per_table || b->notes_table_local)
		builder_flush_notes(b, parent);
	if (b->notes_table_local) {
		for (k = 0; k < b->nnotes; k++) {
			free(b->notes[k].key);
			node_free(b->notes[k].note);
		}
		free(b->notes);
		b->notes = doc_notes;
		b->nnotes = doc_nnotes;
		b->first_unflushed = doc_unflushed;
		b->note_count = doc_count;
		b->note_style = doc_style;
	}
	figure_grid_free(&figures);
	b->file = tfile;
}
