/*
 * Charts: a table's rows as series over its value columns, with ticks at
 * a 1/2/5 step formatted from exact values.
 */
#include "builder.h"

#include <stdlib.h>
#include <string.h>



/* A plot position: geometry only, never shown as a number. */
static double
position(struct rat v)
{
	return (double)v.num / (double)v.den;
}

/*
 * The tick step for about five ticks over span: 1, 2 or 5 times a power
 * of ten, as mantissa and exponent so ticks stay exact for formatting.
 */
static void
tick_step(double span, int *mantissa, int *exponent)
{
	static const int steps[] = { 1, 2, 5 };
	int e, i;

	for (e = -3; e <= 15; e++)
		for (i = 0; i < 3; i++) {
			double step = steps[i];
			int k;
			for (k = 0; k < (e < 0 ? -e : e); k++)
				step = e < 0 ? step / 10 : step * 10;
			if (span / step <= 6) {
				*mantissa = steps[i];
				*exponent = e;
				return;
			}
		}
	*mantissa = 1;
	*exponent = 15;
}

static char *
strdup_or_fail(struct builder *b, const char *s, int line)
{
	char *copy = strdup(s);

	if (copy == NULL)
		builder_error(b, b->file, line, "out of memory");
	return copy;
}

/* A line chart of a table's rows over its value columns. */
void
builder_add_chart(struct builder *b, struct node *parent, const struct tpl_block *tb)
{
	const struct tpl_table *t = templates_table(b->in->templates, tb->name);
	const struct tpl_header *headers = t->headers[t->nheader_rows - 1];
	struct chart *c = calloc(1, sizeof(*c));
	struct node *n = NULL, *caption;
	char text[TEXT_SIZE], *s;
	double low = 0, high = 0;
	int mantissa, exponent, percent = 0, first, last, k;
	size_t col, r, i;

	if (c == NULL || (c->categories = calloc(t->ncolumns + 1,
	    sizeof(char *))) == NULL || (c->series = calloc(t->nrows + 1,
	    sizeof(*c->series))) == NULL)
		goto oom;
	for (col = 0; col < t->ncolumns; col++) {
		if (t->columns[col].kind != COLUMN_VALUE)
			continue;
		builder_header_cell_text(b, &headers[col], tb->line, text, sizeof(text));
		if ((c->categories[c->ncategories++] = strdup_or_fail(b, text,
		    tb->line)) == NULL)
			goto fail;
	}
	for (r = 0; r < t->nrows; r++) {
		const struct tpl_row *row = &t->rows[r];
		struct chart_series *se;
		if (row->value == NULL)
			continue;
		se = &c->series[c->nseries++];
		if ((se->label = builder_message(b, t->file, row->line, row->label, NULL,
		    0)) == NULL)
			goto fail;
		if ((se->values = calloc(c->ncategories + 1, sizeof(double))) ==
		    NULL || (se->present = calloc(c->ncategories + 1, 1)) == NULL)
			goto oom;
		percent |= row->format == ROW_PERCENT;
		for (col = 0, i = 0; col < t->ncolumns; col++) {
			struct rat v;
			int absent;
			if (t->columns[col].kind != COLUMN_VALUE)
				continue;
			if (figure_evaluate(builder_figures(b), row->value,
			    t->columns[col].period, row->line, &v, &absent, NULL) ==
			    EVAL_OK && !absent) {
				se->values[i] = position(v);
				se->present[i] = 1;
				if (se->values[i] < low)
					low = se->values[i];
				if (se->values[i] > high)
					high = se->values[i];
			}
			i++;
		}
	}
	if (b->figures.failed)
		goto fail;
	/* Ticks at a round step from a multiple below the lowest value to one
	 * above the highest; each label formatted from its exact value. */
	tick_step(high - low > 0 ? high - low : 1, &mantissa, &exponent);
	{
		double step = mantissa;
		for (k = 0; k < (exponent < 0 ? -exponent : exponent); k++)
			step = exponent < 0 ? step / 10 : step * 10;
		first = (int)(low / step) - (low < 0 && low / step != (int)(low / step));
		last = (int)(high / step) + (high / step != (int)(high / step));
		if (last <= first)
			last = first + 1;
		c->low = first * step;
		c->high = last * step;
		c->nticks = (size_t)(last - first + 1);
		if ((c->ticks = calloc(c->nticks, sizeof(double))) == NULL ||
		    (c->tick_labels = calloc(c->nticks, sizeof(char *))) == NULL)
			goto oom;
		for (k = first; k <= last; k++) {
			/* The tick's exact value: k * mantissa * 10^exponent. */
			int64_t units = (int64_t)k * mantissa;
			int e;
			i = (size_t)(k - first);
			c->ticks[i] = k * step;
			for (e = 0; e < exponent; e++)
				if (__builtin_mul_overflow(units, 10, &units))
					goto tick;
			if (format_units(builder_formatter(b), units, exponent < 0 ?
			    -exponent : 0, percent ? NUMBER_PERCENT : NUMBER_PLAIN, 0,
			    text, sizeof(text)) != 0)
				goto tick;
			if (
			    (c->tick_labels[i] = strdup_or_fail(b, text, tb->line)) ==
			    NULL)
				goto fail;
		}
	}
	if ((n = node_add(parent, NODE_CHART, b->lang)) == NULL ||
	    (n->id = strdup(t->id)) == NULL)
		goto oom;
	n->u.chart = c;
	n->file = b->file;
	n->line = tb->line;
	if ((s = builder_template_message(b, &tb->message)) != NULL) {
		if ((caption = node_add(n, NODE_CAPTION, b->lang)) != NULL)
			node_add_text(caption, s, b->lang);
		free(s);
	}
	return;
tick:
	builder_error(b, b->file, tb->line, "cannot format a tick of chart %s "
	    "(too large?)", t->id);
	goto fail;
oom:
	builder_error(b, b->file, tb->line, "out of memory");
fail:
	chart_free(c);
}
