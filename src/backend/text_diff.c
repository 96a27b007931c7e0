/* The text backend of `kessan diff`: one line a change. */
#include "backend.h"

#include <stdio.h>
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

/* "en  #2  WHERE: ": the language, the group (when grouped), where. */
static void
put_head(struct buffer *out, const struct diff *d, const struct change *c)
{
	buffer_puts(out, c->lang == LANG_JA ? "ja  " : "en  ");
	if (d->ncauses > 0) {
		char group[32];

		snprintf(group, sizeof(group), "#%zu  ", c->cause + 1);
		buffer_puts(out, group);
	}
	put_flat(out, c->where, strlen(c->where));
	buffer_puts(out, ": ");
}

/* The groups: "#1  fact  2004-q1 is.exp.ga: 620651 → 630651  (38)". */
static void
put_causes(struct buffer *out, const struct diff *d)
{
	size_t i;
	char line[64];

	if (d->ncauses == 0)
		return;
	buffer_puts(out, "\nCauses\n");
	for (i = 0; i < d->ncauses; i++) {
		const struct change_cause *g = &d->causes[i];

		snprintf(line, sizeof(line), "#%zu  ", i + 1);
		buffer_puts(out, line);
		buffer_puts(out, cause_kind_names[g->kind]);
		buffer_puts(out, "  ");
		put_flat(out, g->name, strlen(g->name));
		if (g->old_value[0] != '\0' || g->new_value[0] != '\0') {
			buffer_puts(out, ": ");
			put_flat(out, g->old_value, strlen(g->old_value));
			buffer_puts(out, " \xE2\x86\x92 ");
			put_flat(out, g->new_value, strlen(g->new_value));
		}
		snprintf(line, sizeof(line), "  (%zu)\n", g->nchanges);
		buffer_puts(out, line);
	}
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
	size_t i, g, start, len;
	int first = 1;

	/* Group by group, in document order within one. */
	for (g = 0; g < (d->ncauses > 0 ? d->ncauses : 1); g++)
	for (i = 0; i < d->nchanges; i++) {
		const struct change *c = &d->changes[i];

		if (!wanted(c) || (d->ncauses > 0 && c->cause != g))
			continue;
		if (first) {
			buffer_puts(out, "\n");
			buffer_puts(out, title);
			buffer_puts(out, "\n");
			first = 0;
		}
		put_head(out, d, c);
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
		if (c->footing_only) {
			buffer_puts(out, "  [footing");
			if (c->footing_total != NULL) {
				buffer_puts(out, ": ");
				put_flat(out, c->footing_total, strlen(c->footing_total));
			}
			buffer_puts(out, "]");
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
	put_causes(out, d);
	put_section(out, d, "Changed figures", is_figure);
	put_section(out, d, "Changed text", is_text);
	put_section(out, d, "Added and removed", is_block);
	return out->failed ? -1 : 0;
}
