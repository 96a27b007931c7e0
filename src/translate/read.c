/*
 * Reading a translator's file back: PO, XLIFF 1.2 or XLIFF 2.0, told apart
 * by content. Hostile input is bounded: the file's size (xml_load's limit),
 * PO escapes checked one by one, XML read without DTDs or the network.
 */
#include "translate.h"

#include <stdlib.h>
#include <string.h>

#include "../load/xml.h"
#include "../util/readfile.h"
#include "pattern.h"

struct reader {
	const char *path;
	struct xunit *units;
	size_t n;
	struct diag_list *diags;
	int failed;
};

void
xunits_free(struct xunit *units, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(units[i].key);
		free(units[i].target);
		free(units[i].state);
	}
	free(units);
}

/* Adds a unit, taking key and target (either may be NULL: no unit). */
static void
add_unit(struct reader *r, char *key, char *target, const char *state,
    int line, int skip)
{
	struct xunit *units;

	if (key == NULL) {
		diag_add(r->diags, DIAG_FATAL, r->path, line, "a unit without its "
		    "key (msgctxt, or the unit's id): export again and translate "
		    "that file");
		r->failed = 1;
		free(target);
		return;
	}
	if ((units = array_grow(r->units, r->n, sizeof(*units))) == NULL ||
	    (state != NULL && (units[r->n].state = strdup(state)) == NULL)) {
		if (units != NULL)
			r->units = units;
		diag_add(r->diags, DIAG_FATAL, r->path, line, "out of memory");
		r->failed = 1;
		free(key);
		free(target);
		return;
	}
	r->units = units;
	units[r->n].key = key;
	units[r->n].target = target;
	units[r->n].line = line;
	units[r->n].skip = skip || target == NULL || target[0] == '\0';
	r->n++;
}

/* An inline code's argument: "{N}" from its equiv text or its id. */
static void
put_code(struct buffer *out, xmlNodePtr code)
{
	static const char *const attrs[] = { "equiv-text", "equiv", "disp", "id" };
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		char *v = xml_get(code, attrs[i]);
		const char *p = v;
		int n = 0, digits = 0;

		if (v == NULL)
			continue;
		p += *p == '{';
		while (*p >= '0' && *p <= '9' && n < PATTERN_MAX_ARGS) {
			n = n * 10 + (*p++ - '0');
			digits++;
		}
		free(v);
		if (digits > 0 && n < PATTERN_MAX_ARGS) {
			buffer_printf(out, "{%d}", n);
			return;
		}
	}
}

/* A target's text, inline codes back to their arguments. */
static void
flatten(struct buffer *out, xmlNodePtr node, int depth)
{
	xmlNodePtr n;

	if (depth > 32)
		return;
	for (n = node->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				buffer_puts(out, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE &&
		    (xml_is(n, "ph") || xml_is(n, "x")))
			put_code(out, n);
		else if (n->type == XML_ELEMENT_NODE)
			flatten(out, n, depth + 1);
	}
}

/* The trimmed text of a target, or NULL out of memory. */
static char *
target_text(xmlNodePtr target)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t start, len;
	char *out;

	buffer_puts(&b, "");
	flatten(&b, target, 0);
	if (b.failed) {
		buffer_free(&b);
		return NULL;
	}
	start = strspn(b.data, " \t\r\n");
	len = strlen(b.data + start);
	while (len > 0 && strchr(" \t\r\n", b.data[start + len - 1]) != NULL)
		len--;
	memmove(b.data, b.data + start, len);
	b.data[len] = '\0';
	out = b.data;
	return out;
}

/* A translated unit or trans-unit. */
static void
read_xliff_unit(struct reader *r, xmlNodePtr unit, int v12)
{
	xmlNodePtr n, s, target = NULL;
	char *key = xml_get(unit, v12 ? "resname" : "id"), *state = NULL;
	const char *keep = NULL;   /* no state said: the unit's own stays */
	int skip = 0;

	if (key == NULL && v12)
		key = xml_get(unit, "id");
	for (n = xml_element(unit->children); n != NULL; n = xml_element(n->next)) {
		if (v12 && xml_is(n, "target"))
			target = n;
		if (!v12 && xml_is(n, "segment")) {
			free(state);
			state = xml_get(n, "state");
			for (s = xml_element(n->children); s != NULL;
			    s = xml_element(s->next))
				if (xml_is(s, "target"))
					target = s;
		}
	}
	if (v12 && target != NULL)
		state = xml_get(target, "state");
	if (state != NULL) {
		if (strcmp(state, "initial") == 0 || strcmp(state, "new") == 0 ||
		    strncmp(state, "needs-", 6) == 0)
			skip = 1;
		else if (strcmp(state, "reviewed") == 0 ||
		    strcmp(state, "signed-off") == 0)
			keep = "reviewed";
		else if (strcmp(state, "final") == 0)
			keep = "final";
		else if (strcmp(state, "translated") == 0)
			keep = "translated";
	}
	free(state);
	if (target == NULL) {
		add_unit(r, key, NULL, keep, xml_line(unit), 1);
		return;
	}
	add_unit(r, key, target_text(target), keep, xml_line(target), skip);
}

static void
read_xliff(struct reader *r, xmlNodePtr node, int v12, int depth)
{
	xmlNodePtr n;

	if (depth > 16)
		return;
	for (n = xml_element(node->children); n != NULL; n = xml_element(n->next))
		if (xml_is(n, v12 ? "trans-unit" : "unit"))
			read_xliff_unit(r, n, v12);
		else
			read_xliff(r, n, v12, depth + 1);
}

/* A PO entry being read. */
struct po_entry {
	struct buffer ctxt, id, str;
	struct buffer *field;      /* where a continuation line goes */
	int fuzzy, line, any;
};

static void
po_reset(struct po_entry *e)
{
	buffer_free(&e->ctxt);
	buffer_free(&e->id);
	buffer_free(&e->str);
	e->field = NULL;
	e->fuzzy = e->line = e->any = 0;
}

static void
po_finish(struct reader *r, struct po_entry *e)
{
	/* the header: no msgctxt, an empty msgid */
	if (e->any && (e->id.len > 0 || e->ctxt.data != NULL)) {
		char *key = e->ctxt.data != NULL ? strdup(e->ctxt.data) : NULL;
		char *str = e->str.len > 0 ? strdup(e->str.data) : NULL;

		if ((e->ctxt.data != NULL && key == NULL) ||
		    (e->str.len > 0 && str == NULL) || e->ctxt.failed ||
		    e->id.failed || e->str.failed) {
			diag_add(r->diags, DIAG_FATAL, r->path, e->line,
			    "out of memory");
			r->failed = 1;
			free(key);
			free(str);
		} else
			add_unit(r, key, str, NULL, e->line, e->fuzzy);
	}
	po_reset(e);
}

/* A quoted PO string at p, unescaped onto out. 0, or -1 with a reason. */
static int
po_string(const char *p, const char *end, struct buffer *out,
    const char **reason)
{
	p += strspn(p, " \t");
	if (p >= end || *p != '"') {
		*reason = "expected a quoted string";
		return -1;
	}
	for (p++; p < end && *p != '"'; p++) {
		char c = *p;

		if (c == '\\') {
			if (++p >= end) {
				*reason = "a backslash ends the line";
				return -1;
			}
			c = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' :
			    *p == '"' ? '"' : *p == '\\' ? '\\' : 0;
			if (c == 0) {
				*reason = "unknown escape (\\n, \\t, \\r, \\\" and \\\\ "
				    "only)";
				return -1;
			}
		}
		buffer_write(out, &c, 1);
	}
	if (p >= end) {
		*reason = "unterminated string";
		return -1;
	}
	p++;
	p += strspn(p, " \t\r");
	if (p < end) {
		*reason = "text after the closing quote";
		return -1;
	}
	buffer_puts(out, "");
	return 0;
}

static int
starts(const char *p, const char *end, const char *word)
{
	size_t len = strlen(word);

	return (size_t)(end - p) > len && strncmp(p, word, len) == 0 &&
	    (p[len] == ' ' || p[len] == '\t');
}

/* Whether word occurs in [p, end). */
static int
has_word(const char *p, const char *end, const char *word)
{
	size_t len = strlen(word);

	for (; (size_t)(end - p) >= len; p++)
		if (memcmp(p, word, len) == 0)
			return 1;
	return 0;
}

static void
read_po(struct reader *r, const char *text, size_t size)
{
	struct po_entry e;
	const char *p = text, *end = text + size, *eol, *reason;
	int line = 0;

	memset(&e, 0, sizeof(e));
	for (; p < end && !r->failed; p = eol + (eol < end)) {
		struct buffer *to = NULL;
		const char *value = p;

		line++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (eol == p || (eol - p == 1 && *p == '\r')) {
			po_finish(r, &e);
			continue;
		}
		if (*p == '#') {
			if (e.str.data != NULL)
				po_finish(r, &e);
			if (eol - p > 1 && p[1] == ',' && has_word(p, eol, "fuzzy"))
				e.fuzzy = 1;
			continue;
		}
		if (*p == '"' && e.field != NULL)
			to = e.field;
		else if (starts(p, eol, "msgctxt") || starts(p, eol, "msgid")) {
			if (e.str.data != NULL)
				po_finish(r, &e);
			to = *p == 'm' && p[3] == 'c' ? &e.ctxt : &e.id;
			value = p + (to == &e.ctxt ? 7 : 5);
		} else if (starts(p, eol, "msgstr") || starts(p, eol, "msgstr[0]")) {
			to = &e.str;
			value = p + (p[6] == '[' ? 9 : 6);
			e.line = line;
		} else if (starts(p, eol, "msgid_plural") ||
		    starts(p, eol, "msgstr[1]")) {
			diag_add(r->diags, DIAG_FATAL, r->path, line, "plural forms "
			    "are not used: kessan's plurals are ICU select arguments "
			    "in one msgstr");
			r->failed = 1;
			break;
		} else {
			diag_add(r->diags, DIAG_FATAL, r->path, line, "not a PO line "
			    "(msgctxt, msgid, msgstr, a \"string\" or a # comment)");
			r->failed = 1;
			break;
		}
		if (po_string(value, eol, to, &reason) != 0) {
			diag_add(r->diags, DIAG_FATAL, r->path, line, "%s", reason);
			r->failed = 1;
			break;
		}
		e.field = to;
		e.any = 1;
		if (e.line == 0)
			e.line = line;
	}
	if (!r->failed)
		po_finish(r, &e);
	po_reset(&e);
}

int
translate_read(const char *path, struct xunit **units, size_t *nunits,
    struct diag_list *diags)
{
	struct reader r = { path, NULL, 0, diags, 0 };
	unsigned char *data;
	const char *p;
	size_t size;
	char err[256];

	*units = NULL;
	*nunits = 0;
	if (read_regular_file(path, XML_MAX_FILE_SIZE, &data, &size, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, path, 0, "%s", err);
		return -1;
	}
	p = (const char *)data;
	if (size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	p += strspn(p, " \t\r\n");
	if (*p == '<') {
		xmlDocPtr doc = xml_load(path, SCHEMA_NONE, diags);
		xmlNodePtr root;
		char *version;

		free(data);
		if (doc == NULL)
			return -1;
		root = xmlDocGetRootElement(doc);
		version = xml_is(root, "xliff") ? xml_get(root, "version") : NULL;
		if (version == NULL || (strcmp(version, "1.2") != 0 &&
		    strncmp(version, "2.", 2) != 0)) {
			diag_add(diags, DIAG_FATAL, path, xml_line(root), "not XLIFF "
			    "1.2 or 2.x (a PO file, or <xliff version=\"1.2\"> or "
			    "\"2.0\")");
			r.failed = 1;
		} else
			read_xliff(&r, root, strcmp(version, "1.2") == 0, 0);
		free(version);
		xmlFreeDoc(doc);
	} else {
		if (memchr(data, '\0', size) != NULL) {
			diag_add(diags, DIAG_FATAL, path, 0, "a NUL byte: not a PO "
			    "file");
			r.failed = 1;
		} else
			read_po(&r, (const char *)data, size);
		free(data);
	}
	if (r.failed) {
		xunits_free(r.units, r.n);
		return -1;
	}
	*units = r.units;
	*nunits = r.n;
	return 0;
}
