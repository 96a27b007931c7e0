/* The text backend of `kessan diff`: one line a change. */
#include "backend.h"

#include <stdlib.h>
#include <string.h>

/* Writes s[0..len) on the current line: newlines and tabs as spaces. */
static void
put_flat(struct buffer *out, const char *s, size_t len)
{
	size_t i, from = 0;

	for (i = 0; i < len; i++)
		if (s[i] == '\n' || s[i] == '\t') {
			buffer_write(out, s + from, i - from);
			buffer_puts(out, " ");
			from = i + 1;
		}
	buffer_write(out, s + from, len - from);
}

/* Trims spaces off both ends of s[*start .. *start + *len). */
static void
trim(const char *s, size_t *start, size_t *len)
{
	while (*len > 0 && (s[*start] == ' ' || s[*start] == '\n'))
		(*start)++, (*len)--;
	while (*len > 0 && (s[*start + *len - 1] == ' ' ||
	    s[*start + *len - 1] == '\n'))
		(*len)--;
}

static void
put_head(struct buffer *out, const struct change *c)
{
	buffer_puts(out, c->lang == LANG_JA ? "ja  " : "en  ");
	put_flat(out, c->where, strlen(c->where));
	buffer_puts(out, ": ");
}

/* The changed sentences with the words marked, trimmed as one line. */
static void
put_marked(struct buffer *out, const struct change *c)
{
	struct buffer line = { NULL, 0, 0, 0 };
	size_t i, start = 0, len;

	buffer_puts(&line, "");
	for (i = 0; i < c->nops; i++) {
		const struct word_op *op = &c->ops[i];

		if (!op->changed) {
			buffer_write(&line, c->new_text + op->new.start, op->new.len);
			continue;
		}
		if (op->old.len > 0) {
			buffer_puts(&line, "[-");
			buffer_write(&line, c->old_text + op->old.start, op->old.len);
			buffer_puts(&line, "-]");
		}
		if (op->new.len > 0) {
			buffer_puts(&line, "{+");
			buffer_write(&line, c->new_text + op->new.start, op->new.len);
			buffer_puts(&line, "+}");
		}
	}
	if (line.failed) {
		out->failed = 1;
		return;
	}
	len = line.len;
	trim(line.data, &start, &len);
	put_flat(out, line.data + start, len);
	buffer_free(&line);
}

static void
put_section(struct buffer *out, const struct diff *d, const char *title,
    int (*wanted)(const struct change *))
{
	size_t i, start, len;
	int first = 1;

	for (i = 0; i < d->nchanges; i++) {
		const struct change *c = &d->changes[i];

		if (!wanted(c))
			continue;
		if (first) {
			buffer_puts(out, "\n");
			buffer_puts(out, title);
			buffer_puts(out, "\n");
			first = 0;
		}
		put_head(out, c);
		switch (c->kind) {
		case CHANGE_FIGURE:
			put_flat(out, c->old_text, strlen(c->old_text));
			buffer_puts(out, " \xE2\x86\x92 ");   /* → */
			put_flat(out, c->new_text, strlen(c->new_text));
			break;
		case CHANGE_CHART:
			buffer_puts(out, "the chart's data changed");
			break;
		case CHANGE_TEXT:
			if (c->ops != NULL)
				put_marked(out, c);
			else {   /* a label or header cell, whole */
				buffer_puts(out, "[-");
				put_flat(out, c->old_text, strlen(c->old_text));
				buffer_puts(out, "-]{+");
				put_flat(out, c->new_text, strlen(c->new_text));
				buffer_puts(out, "+}");
			}
			break;
		case CHANGE_ADDED:
		case CHANGE_REMOVED: {
			const char *t = c->kind == CHANGE_ADDED ? c->new_text :
			    c->old_text;

			start = 0;
			len = strlen(t);
			trim(t, &start, &len);
			buffer_puts(out, c->kind == CHANGE_ADDED ? "{+" : "[-");
			put_flat(out, t + start, len);
			buffer_puts(out, c->kind == CHANGE_ADDED ? "+}" : "-]");
			break;
		}
		}
		buffer_puts(out, "\n");
	}
}

static int
is_figure(const struct change *c)
{
	return c->kind == CHANGE_FIGURE || c->kind == CHANGE_CHART;
}

static int
is_text(const struct change *c)
{
	return c->kind == CHANGE_TEXT;
}

static int
is_block(const struct change *c)
{
	return c->kind == CHANGE_ADDED || c->kind == CHANGE_REMOVED;
}

int
text_diff_render(const struct diff_report *r, struct buffer *out)
{
	const struct diff *d = r->diff;

	buffer_puts(out, "kessan diff ");
	buffer_puts(out, r->period);
	buffer_puts(out, ": ");
	buffer_puts(out, r->old_label);
	buffer_puts(out, " \xE2\x86\x92 ");
	buffer_puts(out, r->new_label);
	buffer_puts(out, "\n");
	if (d->nchanges == 0) {
		buffer_puts(out, "no differences\n");
		return out->failed ? -1 : 0;
	}
	put_section(out, d, "Changed figures", is_figure);
	put_section(out, d, "Changed text", is_text);
	put_section(out, d, "Added and removed", is_block);
	return out->failed ? -1 : 0;
}
