/*
 * Importing translations into locales/ja.xlf: every unit is checked
 * against its English first, and only when all pass is the catalog's text
 * edited, unit by unit, so that what did not change stays byte for byte.
 */
#include "translate.h"

#include <stdlib.h>
#include <string.h>

#include "../util/readfile.h"
#include "../load/xml.h"
#include "pattern.h"

/* One replacement of the catalog's bytes [start, end). */
struct edit {
	size_t start, end;
	char *text;
};

struct edits {
	struct edit *items;
	size_t n;
	int failed;
};

static void
add_edit(struct edits *e, size_t start, size_t end, struct buffer *text)
{
	struct edit *items;

	if (text->failed || e->failed ||
	    (items = array_grow(e->items, e->n, sizeof(*items))) == NULL) {
		e->failed = 1;
		buffer_free(text);
		return;
	}
	e->items = items;
	items[e->n].start = start;
	items[e->n].end = end;
	items[e->n++].text = text->data != NULL ? text->data : NULL;
	if (text->data == NULL)
		e->failed = 1;
	text->data = NULL;
	buffer_free(text);
}

static int
compare_edits(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void
put_text(struct buffer *out, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '&')
			buffer_puts(out, "&amp;");
		else if (*s == '<')
			buffer_puts(out, "&lt;");
		else if (*s == '>')
			buffer_puts(out, "&gt;");
		else
			buffer_write(out, s, 1);
}

/* The first occurrence of needle in [from, to), or NULL. */
static const char *
find(const char *from, const char *to, const char *needle)
{
	size_t len = strlen(needle);

	for (; from != NULL && (size_t)(to - from) >= len; from++)
		if (memcmp(from, needle, len) == 0)
			return from;
	return NULL;
}

/* Edits for one unit's new source, target and state. 0, or -1 when the
 * catalog's text does not have the layout kessan writes. */
static int
edit_unit(struct edits *e, const char *text, size_t size, const char *key,
    const char *source, const char *target, const char *state)
{
	const char *end = text + size, *unit, *unit_end, *seg, *seg_end;
	const char *s0, *s1, *t0, *t1, *indent;
	struct buffer b = { NULL, 0, 0, 0 }, open = { NULL, 0, 0, 0 };

	buffer_printf(&open, "<unit id=\"%s\"", key);
	if (open.failed)
		return -1;
	for (unit = find(text, end, open.data); unit != NULL;
	    unit = find(unit + 1, end, open.data))
		if (unit[open.len] == '>' || unit[open.len] == ' ')
			break;
	buffer_free(&open);
	if (unit == NULL || (unit_end = find(unit, end, "</unit>")) == NULL ||
	    (seg = find(unit, unit_end, "<segment")) == NULL ||
	    (seg_end = find(seg, unit_end, ">")) == NULL ||
	    (s0 = find(seg_end, unit_end, "<source>")) == NULL ||
	    (s1 = find(s0, unit_end, "</source>")) == NULL)
		return -1;
	t0 = find(s1, unit_end, "<target>");
	t1 = t0 != NULL ? find(t0, unit_end, "</target>") : NULL;
	if (t0 != NULL && t1 == NULL)
		return -1;
	buffer_printf(&b, "<segment state=\"%s\">", state);
	add_edit(e, (size_t)(seg - text), (size_t)(seg_end + 1 - text), &b);
	put_text(&b, source);
	buffer_puts(&b, "");
	add_edit(e, (size_t)(s0 + 8 - text), (size_t)(s1 - text), &b);
	if (t0 != NULL) {
		put_text(&b, target);
		buffer_puts(&b, "");
		add_edit(e, (size_t)(t0 + 8 - text), (size_t)(t1 - text), &b);
		return 0;
	}
	/* a new target, indented as its source */
	for (indent = s0; indent > text && (indent[-1] == ' ' ||
	    indent[-1] == '\t'); indent--)
		;
	buffer_puts(&b, "\n");
	buffer_write(&b, indent, (size_t)(s0 - indent));
	buffer_puts(&b, "<target>");
	put_text(&b, target);
	buffer_puts(&b, "</target>");
	add_edit(e, (size_t)(s1 + 9 - text), (size_t)(s1 + 9 - text), &b);
	return 0;
}

/* "{1} {4}" for the bits of set. */
static const char *
arg_names(unsigned set, char *out, size_t size)
{
	size_t len = 0;
	int n;

	out[0] = '\0';
	for (n = 0; n < PATTERN_MAX_ARGS; n++)
		if (set & (1u << n)) {
			snprintf(out + len, size - len, "%s{%d}", len ? " " : "", n);
			len = strlen(out);
		}
	return out;
}

/* The first byte of s that XML 1.0 cannot hold (a control character but
 * tab, line feed and carriage return), or NULL. */
static const char *
not_xml(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			return s;
	return NULL;
}

/* Whether unit u keeps what its English needs. The number of errors. */
static int
check_unit(const char *path, const struct xunit *u, const struct message *en,
    const struct message *ja, struct diag_list *diags)
{
	struct pattern_shape want, got;
	unsigned lacks, extra, args;
	char list[128], err[256];
	int n, errors = 0;

	memset(&want, 0, sizeof(want));
	memset(&got, 0, sizeof(got));
	if (not_xml(u->target) != NULL) {
		diag_add(diags, DIAG_ERROR, path, u->line, "%s: the translation "
		    "holds the control character 0x%02x, which an XLIFF file "
		    "cannot: remove it", u->key, (unsigned char)*not_xml(u->target));
		return 1;
	}
	if (pattern_shape(en->pattern, &want) != 0)
		return 0;   /* the English is catalog_load's to report */
	if (pattern_shape(u->target, &got) != 0 ||
	    catalog_check_pattern(u->target, LANG_JA, &args, err,
	    sizeof(err)) != 0) {
		if (pattern_shape(u->target, &got) != 0)
			snprintf(err, sizeof(err), "unbalanced braces or an "
			    "unnumbered argument");
		diag_add(diags, DIAG_ERROR, path, u->line, "%s: the translation "
		    "is not a pattern ICU reads (%s): fix it in your tool and "
		    "export it again", u->key, err);
		return 1;
	}
	lacks = want.args & ~got.args & ~(ja != NULL ? ja->omits : 0);
	/* a translation may use any argument the notes document */
	extra = got.args & ~want.args;
	if (en->documented > 0 && en->documented < 32)
		extra &= ~((1u << en->documented) - 1);
	if (lacks != 0) {
		diag_add(diags, DIAG_ERROR, path, u->line, "%s: the translation "
		    "drops %s of the English \"%s\": put each placeholder back "
		    "(a unit that leaves one out on purpose says so in its omits "
		    "note in locales/ja.xlf)", u->key,
		    arg_names(lacks, list, sizeof(list)), en->pattern);
		errors++;
	}
	if (extra != 0) {
		diag_add(diags, DIAG_ERROR, path, u->line, "%s: the translation "
		    "uses %s, which the args note does not document: no value "
		    "would fill it", u->key, arg_names(extra, list, sizeof(list)));
		errors++;
	}
	for (n = 0; n < PATTERN_MAX_ARGS; n++) {
		if (!(want.selects & (1u << n)) || !(got.args & (1u << n)))
			continue;
		if (!(got.selects & (1u << n)) ||
		    strcmp(want.keywords[n], got.keywords[n]) != 0) {
			diag_add(diags, DIAG_ERROR, path, u->line, "%s: the "
			    "translation's {%d, select, …} has the keywords \"%s\", "
			    "the English's \"%s\": keep the English keywords and "
			    "translate only the text in their braces", u->key, n,
			    got.keywords[n], want.keywords[n]);
			errors++;
		}
	}
	return errors;
}

/* ja's message as imported unit u would leave it: 1 if it changes. */
static int
changes(const struct xunit *u, const struct message *en,
    const struct message *ja)
{
	const char *state = ja->state != NULL ? ja->state : "translated";

	/* a file that says no state (PO) leaves a reviewed unit reviewed */
	return strcmp(ja->pattern, u->target) != 0 || ja->source == NULL ||
	    strcmp(ja->source, en->pattern) != 0 ||
	    (u->state != NULL && strcmp(state, u->state) != 0);
}

/* The catalog's text with the edits made; -1 when two overlap (a key
 * the imported file has twice). */
static int
assemble(struct buffer *out, const char *text, size_t size,
    struct edits *e)
{
	size_t i, at = 0;

	if (e->n > 0)
		qsort(e->items, e->n, sizeof(*e->items), compare_edits);
	for (i = 1; i < e->n; i++)
		if (e->items[i].start < e->items[i - 1].end ||
		    (e->items[i].start == e->items[i - 1].start &&
		    e->items[i].end == e->items[i - 1].end))
			return -1;
	for (i = 0; i < e->n; i++) {
		buffer_write(out, text + at, e->items[i].start - at);
		buffer_puts(out, e->items[i].text);
		at = e->items[i].end;
	}
	buffer_write(out, text + at, size - at);
	return 0;
}

int
translate_import(const char *path, const struct xunit *units, size_t nunits,
    const struct catalog *en, const struct catalog *ja, struct buffer *out,
    size_t *changed, struct diag_list *diags)
{
	struct edits e = { NULL, 0, 0 };
	unsigned char *text = NULL;
	size_t i, size;
	char err[256];
	int errors = 0;

	*changed = 0;
	for (i = 0; i < nunits; i++) {
		const struct xunit *u = &units[i];
		const struct message *m = catalog_find(en, u->key), *t;

		if (u->skip)
			continue;
		t = catalog_find(ja, u->key);
		if (m == NULL) {
			diag_add(diags, DIAG_ERROR, path, u->line, "%s: no message of "
			    "that key in %s: export the catalog again and translate "
			    "the new file", u->key, en->file);
			errors++;
		} else if (t == NULL) {
			diag_add(diags, DIAG_ERROR, path, u->line, "%s: %s has no "
			    "unit of that key: add one (with the English's notes) and "
			    "import again", u->key, ja->file);
			errors++;
		} else
			errors += check_unit(path, u, m, t, diags);
	}
	if (errors > 0)
		return errors;
	if (read_regular_file(ja->file, XML_MAX_FILE_SIZE, &text, &size, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, ja->file, 0, "%s", err);
		return 1;
	}
	for (i = 0; i < nunits; i++) {
		const struct xunit *u = &units[i];
		const struct message *m = catalog_find(en, u->key),
		    *t = catalog_find(ja, u->key);

		if (u->skip || !changes(u, m, t))
			continue;
		if (edit_unit(&e, (const char *)text, size, u->key, m->pattern,
		    u->target, u->state != NULL ? u->state : "translated") != 0) {
			diag_add(diags, DIAG_ERROR, ja->file, t->line, "%s: the unit "
			    "is not laid out as kessan reads it (<unit id=\"…\">, "
			    "<segment>, <source>, <target> each whole): edit it by "
			    "hand", u->key);
			errors++;
		}
		(*changed)++;
	}
	if (errors == 0 && !e.failed && assemble(out, (const char *)text, size,
	    &e) != 0) {
		diag_add(diags, DIAG_ERROR, path, 0, "a key has two units: keep "
		    "one of each");
		errors++;
	}
	if (e.failed || out->failed) {
		diag_add(diags, DIAG_FATAL, ja->file, 0, "out of memory");
		errors++;
	}
	for (i = 0; i < e.n; i++)
		free(e.items[i].text);
	free(e.items);
	free(text);
	return errors;
}
