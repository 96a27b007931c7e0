/*
 * Exporting the Japanese catalog for translators' tools: PO (plain ICU
 * text), XLIFF 1.2 and XLIFF 2.0 (simple arguments {N} as inline codes the
 * tools protect; select arguments stay text).
 */
#include "translate.h"

#include <stdlib.h>
#include <string.h>

#include "pattern.h"

int
translate_format_parse(const char *name, enum xformat *format)
{
	if (strcmp(name, "po") == 0)
		*format = XFORMAT_PO;
	else if (strcmp(name, "xliff12") == 0)
		*format = XFORMAT_XLIFF12;
	else if (strcmp(name, "xliff2") == 0)
		*format = XFORMAT_XLIFF2;
	else
		return -1;
	return 0;
}

/* Where the templates use a key. */
struct ref {
	const char *key;
	const char *file;
	int line;
};

struct refs {
	struct ref *items;
	size_t n;
	int failed;
};

static void
add_ref(void *arg, const char *key, const char *file, int line,
    unsigned langs)
{
	struct refs *r = arg;
	struct ref *items;
	size_t i;

	(void)langs;
	for (i = 0; i < r->n; i++)
		if (r->items[i].line == line && strcmp(r->items[i].key, key) == 0 &&
		    strcmp(r->items[i].file, file) == 0)
			return;
	if ((items = array_grow(r->items, r->n, sizeof(*items))) == NULL) {
		r->failed = 1;
		return;
	}
	r->items = items;
	items[r->n].key = key;
	items[r->n].file = file;
	items[r->n++].line = line;
}

/* A template's path as its book or kessan's tree names it. */
static const char *
short_path(const char *file)
{
	const char *at = NULL, *p;

	for (p = strstr(file, "templates/"); p != NULL;
	    p = strstr(p + 1, "templates/"))
		if (p == file || p[-1] == '/')
			at = p;
	return at != NULL ? at : file;
}

static void
put_escaped(struct buffer *out, const char *s, size_t len, int attribute)
{
	size_t i, from = 0;

	for (i = 0; i < len; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" :
		    s[i] == '>' ? "&gt;" : attribute && s[i] == '"' ? "&quot;" :
		    attribute && s[i] == '\n' ? "&#10;" : NULL;

		if (e == NULL)
			continue;
		buffer_write(out, s + from, i - from);
		buffer_puts(out, e);
		from = i + 1;
	}
	buffer_write(out, s + from, len - from);
}

struct inline_ctx {
	struct buffer *out;
	enum xformat format;
	int seen[PATTERN_MAX_ARGS];
};

static void
put_piece(void *arg, const char *start, size_t len, int n)
{
	struct inline_ctx *ic = arg;
	char id[32];

	if (n < 0) {
		put_escaped(ic->out, start, len, 0);
		return;
	}
	/* ids are unique within a text: a repeated {0} is 0_2 */
	if (ic->seen[n]++ == 0)
		snprintf(id, sizeof(id), "%d", n);
	else
		snprintf(id, sizeof(id), "%d_%d", n, ic->seen[n]);
	if (ic->format == XFORMAT_XLIFF2)
		buffer_printf(ic->out, "<ph id=\"%s\" equiv=\"{%d}\" "
		    "disp=\"{%d}\"/>", id, n, n);
	else
		buffer_printf(ic->out, "<x id=\"%s\" equiv-text=\"{%d}\"/>", id, n);
}

static void
put_inline(struct buffer *out, const char *pattern, enum xformat format)
{
	struct inline_ctx ic;

	memset(&ic, 0, sizeof(ic));
	ic.out = out;
	ic.format = format;
	pattern_pieces(pattern, put_piece, &ic);
}

/* A PO string: "…" with C escapes, a line per source line. */
static void
put_po_string(struct buffer *out, const char *keyword, const char *s)
{
	const char *p;

	buffer_printf(out, "%s \"", keyword);
	if (strchr(s, '\n') != NULL)
		buffer_puts(out, "\"\n\"");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			buffer_printf(out, "\\%c", *p);
		else if (*p == '\n')
			buffer_puts(out, p[1] != '\0' ? "\\n\"\n\"" : "\\n");
		else if (*p == '\t')
			buffer_puts(out, "\\t");
		else if (*p == '\r')
			buffer_puts(out, "\\r");
		else
			buffer_write(out, p, 1);
	}
	buffer_puts(out, "\"\n");
}

/* Calls each line of notes (NULL: none) as "category: text". */
static void
put_po_notes(struct buffer *out, const char *notes)
{
	const char *p = notes;

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, "\n");

		buffer_puts(out, "#. ");
		buffer_write(out, p, len);
		buffer_puts(out, "\n");
		p += len + (p[len] == '\n');
	}
}

/* One category: text line of notes as an XLIFF note. */
static void
put_xliff_notes(struct buffer *out, const char *notes, enum xformat format)
{
	const char *p = notes;

	while (p != NULL && *p != '\0') {
		size_t len = strcspn(p, "\n"), clen = strcspn(p, ":\n");
		const char *text = p;
		size_t tlen = len;

		buffer_puts(out, "        <note");
		if (clen < len && p[clen + 1] == ' ') {
			buffer_puts(out, format == XFORMAT_XLIFF2 ? " category=\"" :
			    " from=\"");
			put_escaped(out, p, clen, 1);
			buffer_puts(out, "\"");
			text = p + clen + 2;
			tlen = len - clen - 2;
		}
		buffer_puts(out, ">");
		put_escaped(out, text, tlen, 0);
		buffer_puts(out, "</note>\n");
		p += len + (p[len] == '\n');
	}
}

/* Where a stale translation came from, or NULL when it is current. */
static const char *
stale_source(const struct message *en, const struct message *ja)
{
	if (en == NULL || ja == NULL || ja->source == NULL ||
	    strcmp(ja->source, en->pattern) == 0)
		return NULL;
	return ja->source;
}

/* The XLIFF 2.0 state of ja's unit. */
static const char *
state_of(const struct message *en, const struct message *ja)
{
	if (ja == NULL || stale_source(en, ja) != NULL)
		return "initial";
	return ja->state != NULL ? ja->state : "translated";
}

static const char *
state12(const char *state2, const struct message *ja)
{
	if (ja == NULL)
		return "new";
	if (strcmp(state2, "initial") == 0)
		return "needs-review-translation";
	if (strcmp(state2, "reviewed") == 0)
		return "signed-off";
	return state2;   /* translated, final */
}

static void
put_unit(struct buffer *out, const char *key, const struct message *en,
    const struct message *ja, const struct refs *refs, enum xformat format)
{
	const char *source = en != NULL ? en->pattern : ja->source != NULL ?
	    ja->source : "";
	const char *notes = ja != NULL && ja->notes != NULL ? ja->notes :
	    en != NULL ? en->notes : NULL;
	const char *state = state_of(en, ja);
	size_t i;

	if (format == XFORMAT_PO) {
		buffer_puts(out, "\n");
		put_po_notes(out, notes);
		for (i = 0; i < refs->n; i++)
			if (strcmp(refs->items[i].key, key) == 0)
				buffer_printf(out, "#: %s:%d\n",
				    short_path(refs->items[i].file), refs->items[i].line);
		if (stale_source(en, ja) != NULL) {
			buffer_puts(out, "#, fuzzy\n");
			put_po_string(out, "#| msgid", ja->source);
		}
		put_po_string(out, "msgctxt", key);
		put_po_string(out, "msgid", source);
		put_po_string(out, "msgstr", ja != NULL ? ja->pattern : "");
		return;
	}
	if (format == XFORMAT_XLIFF2) {
		buffer_puts(out, "    <unit id=\"");
		put_escaped(out, key, strlen(key), 1);
		buffer_puts(out, "\">\n      <notes>\n");
		put_xliff_notes(out, notes, format);
		for (i = 0; i < refs->n; i++)
			if (strcmp(refs->items[i].key, key) == 0)
				buffer_printf(out, "        <note category=\"location\">"
				    "%s:%d</note>\n", short_path(refs->items[i].file),
				    refs->items[i].line);
		buffer_printf(out, "        <note category=\"key\">%s</note>\n"
		    "      </notes>\n      <segment state=\"%s\">\n"
		    "        <source>", key, state);
		put_inline(out, source, format);
		buffer_puts(out, "</source>\n");
		if (ja != NULL) {
			buffer_puts(out, "        <target>");
			put_inline(out, ja->pattern, format);
			buffer_puts(out, "</target>\n");
		}
		buffer_puts(out, "      </segment>\n    </unit>\n");
		return;
	}
	buffer_puts(out, "      <trans-unit id=\"");
	put_escaped(out, key, strlen(key), 1);
	buffer_puts(out, "\" resname=\"");
	put_escaped(out, key, strlen(key), 1);
	/* a current translation is approved: tools take the rest as fuzzy */
	buffer_printf(out, "\"%s>\n        <source>", ja != NULL &&
	    strcmp(state, "initial") != 0 ? " approved=\"yes\"" : "");
	put_inline(out, source, format);
	buffer_puts(out, "</source>\n");
	if (ja != NULL) {
		buffer_printf(out, "        <target state=\"%s\">",
		    state12(state, ja));
		put_inline(out, ja->pattern, format);
		buffer_puts(out, "</target>\n");
	}
	put_xliff_notes(out, notes, format);
	for (i = 0; i < refs->n; i++)
		if (strcmp(refs->items[i].key, key) == 0)
			buffer_printf(out, "        <context-group name=\"use%zu\" "
			    "purpose=\"location\"><context context-type=\"sourcefile\">"
			    "%s</context><context context-type=\"linenumber\">%d"
			    "</context></context-group>\n", i,
			    short_path(refs->items[i].file), refs->items[i].line);
	buffer_puts(out, "      </trans-unit>\n");
}

int
translate_export(const struct catalog *en, const struct catalog *ja,
    const struct template_set *templates, enum xformat format,
    struct buffer *out, struct diag_list *diags)
{
	struct refs refs = { NULL, 0, 0 };
	size_t i;

	if (templates != NULL && templates_each_key(templates, add_ref,
	    &refs) != 0)
		refs.failed = 1;
	if (format == XFORMAT_PO)
		buffer_puts(out, "# kessan's Japanese catalog: msgctxt is the "
		    "message key, msgid the English,\n# msgstr the Japanese (ICU "
		    "MessageFormat: keep every {N} argument and select\n# keyword; "
		    "see doc/templates.md \"Translators\").\nmsgid \"\"\n"
		    "msgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		    "\"Language: ja\\n\"\n\"X-Generator: kessan\\n\"\n");
	else if (format == XFORMAT_XLIFF2)
		buffer_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
		    "version=\"2.0\" srcLang=\"en\" trgLang=\"ja\">\n"
		    "  <file id=\"kessan\">\n");
	else
		buffer_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" "
		    "version=\"1.2\">\n  <file original=\"locales/ja.xlf\" "
		    "source-language=\"en\" target-language=\"ja\" "
		    "datatype=\"plaintext\">\n    <body>\n");
	for (i = 0; i < en->nmessages; i++)
		put_unit(out, en->messages[i].key, &en->messages[i],
		    catalog_find(ja, en->messages[i].key), &refs, format);
	for (i = 0; i < ja->nmessages; i++)
		if (catalog_find(en, ja->messages[i].key) == NULL)
			put_unit(out, ja->messages[i].key, NULL, &ja->messages[i],
			    &refs, format);
	if (format == XFORMAT_XLIFF2)
		buffer_puts(out, "  </file>\n</xliff>\n");
	else if (format == XFORMAT_XLIFF12)
		buffer_puts(out, "    </body>\n  </file>\n</xliff>\n");
	free(refs.items);
	if (refs.failed || out->failed) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}
