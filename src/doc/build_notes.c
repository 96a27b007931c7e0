/*
 * Footnotes: numbered as the template says, shared by the same note
 * before the same footnotes block, flushed where the template puts them.
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"


enum note_style
builder_note_style(const struct tpl_template *tpl)
{
	return tpl->notes_per_table ? NOTE_ASTERISK : NOTE_SUPERSCRIPT;
}

/*
 * The catalog's words for note number's marker (key: beside what the
 * note is on, or before the note itself), malloc'd; NULL after an error.
 */
static char *
parenthesized(struct builder *b, const char *key, int number)
{
	char digits[32];
	const char *args[1] = { digits };

	if (format_units(builder_formatter(b), number, 0, NUMBER_YEAR, 0,
	    digits, sizeof(digits)) != 0) {
		builder_error(b, b->file, 0, "cannot format note number %d",
		    number);
		return NULL;
	}
	return builder_message(b, b->file, 0, key, args, 1);
}

/*
 * Registers a note and returns its number, or -1. The same note (its
 * identity: a catalog key, an authored footnote's id) saying the same
 * thing before the same footnotes block has one number; two notes that
 * happen to read alike have two. Takes content.
 */
int
builder_note_number(struct builder *b, struct node *content,
    const char *identity)
{
	struct pending_note *list;
	char *text = node_plain_text(content, b->note_style), *key = NULL;
	size_t i, n;

	if (text != NULL && (key = malloc(n = strlen(identity) +
	    strlen(text) + 2)) != NULL)
		snprintf(key, n, "%s\x1f%s", identity, text);
	free(text);
	if (key == NULL) {
		node_free(content);
		builder_error(b, b->file, 0, "out of memory");
		return -1;
	}
	for (i = b->first_unflushed; i < b->nnotes; i++)
		if (strcmp(b->notes[i].key, key) == 0) {
			node_free(content);
			free(key);
			return b->notes[i].number;
		}
	if ((list = array_grow(b->notes, b->nnotes, sizeof(*list))) == NULL) {
		node_free(content);
		free(key);
		builder_error(b, b->file, 0, "out of memory");
		return -1;
	}
	list[b->nnotes].key = key;
	b->notes = list;
	list[b->nnotes].number = ++b->note_count;
	list[b->nnotes].note = content;
	content->u.note.number = b->note_count;
	content->u.note.style = b->note_style;
	if (b->note_style == NOTE_PARENTHESIZED)
		content->marker = parenthesized(b, "note.label.parenthesized",
		    b->note_count);
	return list[b->nnotes++].number;
}

void
builder_add_note_ref(struct builder *b, struct node *parent, int number)
{
	struct node *ref = node_add(parent, NODE_NOTE_REF, b->lang);

	if (ref == NULL) {
		builder_error(b, b->file, 0, "out of memory");
		return;
	}
	ref->u.note.number = number;
	ref->u.note.style = b->note_style;
	if (b->note_style == NOTE_PARENTHESIZED)
		ref->marker = parenthesized(b, "note.marker.parenthesized", number);
}

void
builder_forget_restated(struct builder *b)
{
	b->nrestated = 0;
}

void
builder_take_restated(struct builder *b, struct node *parent)
{
	size_t k, n = b->nrestated;

	b->nrestated = 0;
	for (k = 0; k < n; k++) {
		const struct figure_source *s = &b->restated[k];
		const struct restatement *r = s->restated;
		const char *reason = r->reason[b->lang];
		const char *args[1];
		static const char *const names[LANG_MAX] = { "English",
		    "Japanese" };
		char identity[64], quarter[16], *text;
		struct node *note;
		int year, q, number;

		fiscal_from_ordinal(r->ordinal, &year, &q);
		period_id_format(year, q, quarter, sizeof(quarter));
		if (reason == NULL) {
			size_t i;
			/* Once a document, however many figures it footnotes. */
			for (i = 0; i < b->nunexplained; i++)
				if (b->unexplained[i] == r)
					break;
			if (i < b->nunexplained) {
				b->figures.failed = 1;
				continue;
			}
			if (b->nunexplained < FIGURE_MAX_SOURCES)
				b->unexplained[b->nunexplained++] = r;
			builder_error(b, s->file, s->line, "restate: no %s reason for "
			    "%s of %s, which the %s release of %s footnotes where it "
			    "prints the restated figure; add <reason lang=\"%s\">"
			    "...</reason> to the restate element (and the English "
			    "reason as <reason lang=\"en\">)", names[b->lang],
			    b->in->book->facts[r->fact].id, quarter,
			    names[b->lang], b->in->period->id, lang_code(b->lang));
			continue;
		}
		args[0] = reason;
		if ((text = builder_message(b, s->file, s->line, "note.restated",
		    args, 1)) == NULL)
			continue;
		if ((note = node_add(NULL, NODE_FOOTNOTE, b->lang)) == NULL ||
		    node_add_text(note, text, b->lang) == NULL) {
			node_free(note);
			free(text);
			builder_error(b, s->file, s->line, "out of memory");
			continue;
		}
		free(text);
		note->file = s->file;
		note->line = s->line;
		/* One restatement is one note, wherever its figures stand. */
		snprintf(identity, sizeof(identity), "restate:%p",
		    (const void *)r);
		if ((number = builder_note_number(b, note, identity)) > 0)
			builder_add_note_ref(b, parent, number);
	}
}

/* Moves the notes referenced since the last flush under a footnotes node. */
void
builder_flush_notes(struct builder *b, struct node *parent)
{
	struct node *list;
	size_t i;

	if (b->first_unflushed == b->nnotes)
		return;
	if ((list = node_add(parent, NODE_FOOTNOTES, b->lang)) == NULL) {
		builder_error(b, b->file, 0, "out of memory");
		return;
	}
	for (i = b->first_unflushed; i < b->nnotes; i++) {
		/* Appended, carrying any incomplete mark to the document. */
		node_insert_before(list, b->notes[i].note, NULL);
		b->notes[i].note = NULL;
	}
	b->first_unflushed = b->nnotes;
}
