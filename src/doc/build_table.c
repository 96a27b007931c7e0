/*
 * Tables: header rows, one row per template row, one cell per column,
 * each figure as the footing of its table shows it.
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../format/footing.h"
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

/*
 * The figure footing decided for a cell, as a value table_cell formats:
 * in base units (yen) when `scaled`, else in display units; with the
 * row's printed sign.
 */
static int
footed_value(const struct tpl_table *t, const struct tpl_row *row,
    const struct footing_cell *fc, int scaled, struct rat *value)
{
	struct rat v;

	if (rat_scale10(rat_int(row->reversed ? -fc->units : fc->units),
	    -fc->decimals, &v) != RAT_OK ||
	    (scaled && row->format == ROW_AMOUNT &&
	    rat_scale10(v, t->scale, &v) != RAT_OK))
		return -1;
	*value = v;
	return 0;
}

/* The change the release states for this cell, or NULL. */
static const struct stated_change *
stated_change(struct builder *b, const struct tpl_row *row,
    const struct tpl_column *c)
{
	const struct period *p = b->in->period;
	size_t k;

	for (k = 0; k < p->nstated; k++)
		if (footing_stated_applies(&p->stated[k], row, c, p->ordinal))
			return &p->stated[k];
	return NULL;
}

/* One figure cell of a table row; fc is what footing decided, or NULL. */
static void
table_cell(struct builder *b, const struct tpl_table *t,
    const struct tpl_row *row, const struct tpl_column *c,
    const struct footing_cell *fc, char *out, size_t size)
{
	struct value_ref ref = { .value = NULL, .format = VALUE_AMOUNT,
	    .decimals = tpl_row_decimals(row), .scale = t->scale };
	struct rat value, base, total;
	const struct stated_change *stated;
	enum eval_status st;
	int absent, base_absent;
	int percent = t->percent_all || row->mark;

	out[0] = '\0';
	b->shown.set = 0;
	switch (row->format) {
	case ROW_COUNT:
		ref.format = VALUE_COUNT;
		break;
	case ROW_PER_SHARE:
		ref.format = VALUE_PER_SHARE;
		break;
	case ROW_PERCENT:
		ref.format = VALUE_PERCENT;
		break;
	case ROW_BANDWIDTH:
		ref.format = VALUE_BANDWIDTH;
		break;
	default:
		break;
	}
	if ((c->kind == COLUMN_CHANGE && row->no_changes) ||
	    (c->kind == COLUMN_SHARE && row->no_shares) ||
	    (c->kind == COLUMN_USD && row->no_usd))
		return;
	st = builder_evaluate(b, row->value, c->period, row->line, &value, &absent);
	if (st == EVAL_MISSING || (st != EVAL_OK && st != EVAL_NOT_MEANINGFUL &&
	    st != EVAL_DIV_ZERO))
		return;
	if (row->reversed)
		value = rat_neg(value);
	if (fc != NULL && !fc->governed)
		fc = NULL;
	switch (c->kind) {
	case COLUMN_VALUE:
		if (absent) {
			snprintf(out, size, "%s", t->absent_dash ? "-" : "");
			return;
		}
		if (fc != NULL && footed_value(t, row, fc, 1, &value) != 0)
			return;
		if (ref.format == VALUE_PERCENT && !percent) {
			format_number(builder_formatter(b), value, ref.decimals, NUMBER_PLAIN,
			    FORMAT_RATIO, out, size);
			builder_remember(b, value, ref.decimals, FORMAT_RATIO);
			return;
		}
		builder_format_value(b, value, st, &ref, row->line, out, size);
		return;
	case COLUMN_USD:
		if (absent) {
			snprintf(out, size, "%s", t->absent_dash ? "-" : "");
			return;
		}
		if (fc != NULL) {
			if (footed_value(t, row, fc, 1, &value) == 0)
				builder_format_value(b, value, EVAL_OK, &ref, row->line, out,
				    size);
			return;
		}
		if (!b->in->period->has_release || rat_div(value,
		    b->in->period->convenience_rate, &value) != RAT_OK) {
			builder_error(b, b->file, row->line, "no convenience rate for %s",
			    b->in->period->id);
			return;
		}
		builder_format_value(b, value, EVAL_OK, &ref, row->line, out, size);
		return;
	case COLUMN_SHARE:
		if (absent)
			return;
		if (fc != NULL) {
			if (footed_value(t, row, fc, 0, &value) != 0)
				return;
		} else if (builder_evaluate(b, t->share_of, c->period, row->line, &total,
		    NULL) != EVAL_OK || rat_div(value, total, &value) != RAT_OK ||
		    rat_mul(value, rat_int(100), &value) != RAT_OK) {
			builder_error(b, b->file, row->line, "cannot compute a share of the "
			    "table's total");
			return;
		}
		format_number(builder_formatter(b), value, 1, percent ? NUMBER_PERCENT :
		    NUMBER_PLAIN, FORMAT_RATIO, out, size);
		builder_remember(b, value, 1, FORMAT_RATIO);
		return;
	case COLUMN_CHANGE:
		st = builder_evaluate(b, row->value, c->base, row->line, &base,
		    &base_absent);
		if (st == EVAL_MISSING || (absent && base_absent))
			return;
		if (row->reversed)
			base = rat_neg(base);
		if (absent && !base_absent) {
			enum vanished_policy vanished = b->in->book->company.vanished;
			if (vanished == VANISHED_BLANK)
				return;
			if (vanished == VANISHED_NOT_MEANINGFUL) {
				builder_not_meaningful(b, row->line, out, size);
				return;
			}
			if (vanished == VANISHED_ZERO) {
				format_number(builder_formatter(b), rat_int(0), 1, percent ?
				    NUMBER_PERCENT : NUMBER_PLAIN, FORMAT_RATIO, out, size);
				builder_remember(b, rat_int(0), 1, FORMAT_RATIO);
				return;
			}
		}
		if ((stated = stated_change(b, row, c)) != NULL) {
			format_number(builder_formatter(b), stated->shown, 1, percent ?
			    NUMBER_PERCENT : NUMBER_PLAIN, FORMAT_RATIO, out, size);
			builder_remember(b, stated->shown, 1, FORMAT_RATIO);
			return;
		}
		{
			struct rat diff, change;
			enum nm_policy policy = b->in->book->company.not_meaningful;
			int meaningful = !rat_is_zero(base) &&
			    !(policy == NM_NOT_MEANINGFUL && (rat_sign(base) < 0 ||
			    rat_sign(value) * rat_sign(base) < 0));
			if (!meaningful) {
				builder_not_meaningful(b, row->line, out, size);
				return;
			}
			if (rat_sub(value, base, &diff) != RAT_OK ||
			    rat_div(diff, base, &change) != RAT_OK ||
			    rat_mul(change, rat_int(100), &change) != RAT_OK) {
				builder_error(b, b->file, row->line, "a change overflows");
				return;
			}
			format_number(builder_formatter(b), change, 1, percent ? NUMBER_PERCENT :
			    NUMBER_PLAIN, FORMAT_RATIO, out, size);
			builder_remember(b, change, 1, FORMAT_RATIO);
		}
		return;
	}
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
	struct table_footing footing;
	char text[TEXT_SIZE], id[64];
	char *s;
	size_t r, c, k;

	b->file = t->file;
	if ((table = node_add(parent, NODE_TABLE, b->lang)) == NULL ||
	    (table->id = strdup(t->id)) == NULL) {
		builder_error(b, tfile, line, "out of memory");
		return;
	}
	/* A table that does not foot as recorded still renders (a draft
	 * may be mid-edit); kessan check is what reports it. */
	(void)footing_compute(t, b->in->book, b->in->period, DIAG_NOTE,
	    &footing, NULL);
	if (footing.out_of_memory) {
		builder_error(b, tfile, line, "out of memory");
		footing_free(&footing);
		return;
	}
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
			if ((number = builder_note_number(b, note)) > 0 && label != NULL)
				builder_add_note_ref(b, label, number);
		}
		for (c = 0; c < t->ncolumns; c++) {
			column_id(&t->columns[c], id, sizeof(id));
			text[0] = '\0';
			if (tr->value != NULL)
				table_cell(b, t, tr, &t->columns[c],
				    footing_at(&footing, r, c), text, sizeof(text));
			cell_text(b, row, text, CELL_FIGURE, 1, id);
		}
	}
	if (b->notes_per_table)
		builder_flush_notes(b, parent);
	footing_free(&footing);
	b->file = tfile;
}
