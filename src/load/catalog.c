#include "catalog.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <unicode/umsg.h>
#include <unicode/ustring.h>

#include "../util/datadir.h"
#include "xml.h"

/* Arguments a message may take; more is a catalog error. */
#define MAX_ARGS 16

static int
compare_messages(const void *a, const void *b)
{
	return strcmp(((const struct message *)a)->key,
	    ((const struct message *)b)->key);
}

/*
 * Whether the argument type at p (after its ',') is "select", the only
 * complex type kessan allows: ICU reads number, date, time, spellout,
 * ordinal, duration, plural, selectordinal and choice arguments as int32
 * or double, so the UChar* text kessan passes would print a pointer's bits
 * or shift every later argument. ICU matches type names in any case.
 */
static int
is_select(const char *p)
{
	p += strspn(p, " \t\r\n");
	if (strncasecmp(p, "select", 6) != 0)
		return 0;
	p += 6;
	p += strspn(p, " \t\r\n");
	return *p == ',';
}

/*
 * Checks a pattern's argument names: every "{" that opens an argument must
 * name it by number. ICU's C API would silently print a named argument as
 * the first argument's value. Quoted text ('{literal}') is skipped;
 * "''" is an apostrophe. Returns the argument count, or -1 with err set;
 * sets bit N of *used for each argument {N}.
 */
static int
scan_arguments(const char *p, unsigned *used, char *err, size_t errsize)
{
	int depth = 0, nargs = 0, expect_name = 0, in_quote = 0;
	/* Per nesting level: is this level a sub-message (text) or an
	 * argument (name, type, style or select keywords)? */
	char level_is_arg[CATALOG_MAX_NESTING + 1] = { 0 };

	for (; *p != '\0'; p++) {
		if (in_quote) {
			if (*p == '\'')
				in_quote = p[1] == '\'' ? (p++, 1) : 0;
			continue;
		}
		/* As ICU's default apostrophe mode: a lone apostrophe quotes
		 * only before a brace ('#' and '|' quote only in plural and
		 * choice arguments, which kessan refuses), so "'#}''{16}" has
		 * an argument {16} that ICU will read. */
		if (*p == '\'' && depth >= 0 && !level_is_arg[depth]) {
			if (p[1] == '\'')
				p++;
			else if (p[1] == '{' || p[1] == '}')
				in_quote = 1;
			continue;
		}
		if (*p == '{') {
			if (depth + 1 >= (int)sizeof(level_is_arg)) {
				snprintf(err, errsize, "braces nested more than %d deep "
				    "(a limit: no release needs more)", CATALOG_MAX_NESTING);
				return -1;
			}
			depth++;
			/* A brace inside an argument opens a sub-message. */
			level_is_arg[depth] = !level_is_arg[depth - 1];
			expect_name = level_is_arg[depth];
			continue;
		}
		if (*p == '}') {
			if (depth == 0) {
				snprintf(err, errsize, "unbalanced '}'");
				return -1;
			}
			depth--;
			expect_name = 0;
			continue;
		}
		if (expect_name) {
			const char *start;
			int n = 0;

			while (*p == ' ')
				p++;
			start = p;
			while (*p >= '0' && *p <= '9' && n <= MAX_ARGS)
				n = n * 10 + (*p++ - '0');
			if (p == start) {
				snprintf(err, errsize, "argument '%.*s' is not a number "
				    "(ICU's C API takes numbered arguments only)",
				    (int)strcspn(start, ",}"), start);
				return -1;
			}
			if (n >= MAX_ARGS) {
				snprintf(err, errsize, "argument {%d}: at most %d "
				    "arguments", n, MAX_ARGS);
				return -1;
			}
			if (n + 1 > nargs)
				nargs = n + 1;
			*used |= 1u << n;
			while (*p == ' ')
				p++;
			if (*p != ',' && *p != '}') {
				snprintf(err, errsize, "argument {%d is not closed: "
				    "expected ',' or '}' after its number", n);
				return -1;
			}
			if (*p == ',' && !is_select(p + 1)) {
				const char *type = p + 1 + strspn(p + 1, " \t\r\n");
				snprintf(err, errsize, "argument {%d}: type '%.*s' is not "
				    "allowed: kessan passes every argument as text, which "
				    "ICU would read as a number or date (write {%d}, or "
				    "{%d, select, ...})", n, (int)strcspn(type, ",} "), type,
				    n, n);
				return -1;
			}
			expect_name = 0;
			p--;
		}
	}
	if (depth != 0 || in_quote) {
		snprintf(err, errsize, depth ? "unbalanced '{'" : "unterminated quote");
		return -1;
	}
	return nargs;
}

/* Why ICU failed, in words a user can act on. */
static const char *
icu_reason(UErrorCode status)
{
	return status == U_MEMORY_ALLOCATION_ERROR ? "out of memory" :
	    u_errorName(status);
}

/* UTF-8 to a malloc'd UTF-16 string; NULL on invalid UTF-8 or, with
 * *oom set, when out of memory. */
static UChar *
to_utf16(const char *text, int32_t *length, int *oom)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *out;

	*oom = 0;
	u_strFromUTF8(NULL, 0, &n, text, -1, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return NULL;
	if ((out = malloc(((size_t)n + 1) * sizeof(UChar))) == NULL) {
		*oom = 1;
		return NULL;
	}
	status = U_ZERO_ERROR;
	u_strFromUTF8(out, n + 1, NULL, text, -1, &status);
	if (U_FAILURE(status)) {
		free(out);
		return NULL;
	}
	if (length != NULL)
		*length = n;
	return out;
}

static char *
to_utf8(const UChar *text, int32_t length)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	char *out;

	/* One pass: a UTF-16 unit is at most 3 bytes of UTF-8. */
	if ((out = malloc((size_t)length * 3 + 1)) == NULL)
		return NULL;
	u_strToUTF8(out, length * 3 + 1, &n, text, length, &status);
	if (U_FAILURE(status)) {
		free(out);
		return NULL;
	}
	return out;
}

/*
 * text as UTF-16 into *pool (*left UChars free there), or into a malloc'd
 * string put in *owned when it does not fit: the string, or NULL on
 * invalid UTF-8 or, with *oom set, when out of memory.
 */
static UChar *
arg_utf16(const char *text, UChar **pool, int32_t *left, UChar **owned,
    int *oom)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *at = *pool;

	*oom = 0;
	u_strFromUTF8(at, *left, &n, text, -1, &status);
	if (U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING) {
		*pool += n + 1;
		*left -= n + 1;
		return at;
	}
	if (status != U_BUFFER_OVERFLOW_ERROR &&
	    status != U_STRING_NOT_TERMINATED_WARNING)
		return NULL;
	return *owned = to_utf16(text, NULL, oom);
}

static UMessageFormat *
compile(const char *pattern, enum lang lang, UParseError *where,
    UErrorCode *status)
{
	int oom;
	UChar buf[1024], *pool = buf, *owned = NULL;
	int32_t left = 1024;
	UChar *u = arg_utf16(pattern, &pool, &left, &owned, &oom);
	UMessageFormat *f;

	if (u == NULL) {
		*status = oom ? U_MEMORY_ALLOCATION_ERROR : U_INVALID_CHAR_FOUND;
		return NULL;
	}
	f = umsg_open(u, -1, lang_code(lang), where, status);
	free(owned);
	/* umsg_open hands back the formatter even when it reports an error
	 * (an argument type conflict, say): ours to close. */
	if (U_FAILURE(*status)) {
		umsg_close(f);
		return NULL;
	}
	return f;
}

/* The text of a note of this category (the caller frees it), or NULL. */
static char *
note_text(xmlNodePtr note, const char *want)
{
	char *category = xml_get(note, "category");
	int match = category != NULL && strcmp(category, want) == 0;

	free(category);
	return match ? xml_get(note, NULL) : NULL;
}

/*
 * The arguments a unit's <note category="args"> documents: "0 amount;
 * 1 change; …" lists numbers 0..N-1. Returns the larger of N and so_far.
 */
static int
documented_args(xmlNodePtr note, int so_far)
{
	char *text, *p;

	if ((text = note_text(note, "args")) == NULL)
		return so_far;
	for (p = text; p != NULL && *p != '\0'; p = strchr(p, ';')) {
		int n;

		while (*p == ';' || *p == ' ')
			p++;
		if (*p >= '0' && *p <= '9' && (n = atoi(p) + 1) > so_far)
			so_far = n;
	}
	free(text);
	return so_far;
}

/*
 * The arguments a unit's <note category="omits"> says this language leaves
 * out on purpose ("1 4 7: no US dollars or quarter names in Japanese"):
 * the numbers before the colon, as bits.
 */
static unsigned
omitted_args(xmlNodePtr note, unsigned so_far)
{
	char *text, *p;

	if ((text = note_text(note, "omits")) == NULL)
		return so_far;
	for (p = text; *p != '\0' && *p != ':'; p++)
		if (*p >= '0' && *p <= '9' && (p == text || p[-1] == ' ')) {
			int n = atoi(p);

			if (n < MAX_ARGS)
				so_far |= 1u << n;
		}
	free(text);
	return so_far;
}

/* Frees what message m owns, and its compiled format f when not NULL. */
static void
message_free(struct message *m, UMessageFormat *f)
{
	free(m->key);
	free(m->pattern);
	free(m->source);
	free(m->state);
	free(m->notes);
	if (f != NULL)
		umsg_close(f);
}

/* Messages as loaded, each with the UMessageFormat its check compiled:
 * kept for formatting, which would otherwise compile it again. */
struct loaded {
	struct message m;
	UMessageFormat *f;
};

struct loading {
	struct loaded *units;
	size_t n;
};

static int
compare_loaded(const void *a, const void *b)
{
	return compare_messages(&((const struct loaded *)a)->m,
	    &((const struct loaded *)b)->m);
}

static void
load_unit(struct catalog *c, struct loading *ld, xmlNodePtr unit,
    struct diag_list *diags, int *failed)
{
	const char *text_element = c->lang == LANG_EN ? "source" : "target";
	struct message m = { NULL, NULL, 0, 0, xml_line(unit), 0, 0, 0, NULL, NULL,
	    NULL, NULL };
	struct buffer notes = { NULL, 0, 0, 0 };
	struct loaded *list;
	xmlNodePtr n, s;
	char err[256];
	UParseError where;
	UErrorCode status = U_ZERO_ERROR;
	UMessageFormat *f;

	m.file = c->file;
	m.key = xml_get(unit, "id");
	for (n = xml_element(unit->children); n != NULL; n = xml_element(n->next)) {
		if (xml_is(n, "notes"))
			for (s = xml_element(n->children); s != NULL;
			    s = xml_element(s->next)) {
				char *category = xml_get(s, "category"),
				    *text = xml_get(s, NULL);

				m.documented = documented_args(s, m.documented);
				m.omits = omitted_args(s, m.omits);
				if (text != NULL)
					buffer_printf(&notes, "%s%s%s\n",
					    category != NULL ? category : "",
					    category != NULL ? ": " : "", text);
				free(category);
				free(text);
			}
		if (xml_is(n, "segment")) {
			free(m.state);
			m.state = xml_get(n, "state");
			for (s = xml_element(n->children); s != NULL;
			    s = xml_element(s->next))
				if (xml_is(s, text_element)) {
					free(m.pattern);
					m.pattern = xml_get(s, NULL);
					m.line = xml_line(s);
				} else if (c->lang != LANG_EN && xml_is(s, "source")) {
					free(m.source);
					m.source = xml_get(s, NULL);
				}
		}
	}
	if (notes.failed) {
		diag_add(diags, DIAG_FATAL, c->file, m.line, "out of memory");
		goto fail;
	}
	m.notes = notes.data;
	notes.data = NULL;
	if ((m.key == NULL || m.pattern == NULL) && xml_memory_ran_out()) {
		diag_add(diags, DIAG_FATAL, c->file, m.line, "out of memory");
		goto fail;
	}
	if (m.key == NULL || m.pattern == NULL) {
		diag_add(diags, DIAG_FATAL, c->file, m.line,
		    "unit %s has no <%s>", m.key != NULL ? m.key : "?",
		    text_element);
		goto fail;
	}
	if ((m.nargs = scan_arguments(m.pattern, &m.args, err, sizeof(err))) < 0) {
		diag_add(diags, DIAG_FATAL, c->file, m.line, "message %s: %s",
		    m.key, err);
		goto fail;
	}
	f = compile(m.pattern, c->lang, &where, &status);
	if (status == U_MEMORY_ALLOCATION_ERROR) {
		diag_add(diags, DIAG_FATAL, c->file, m.line, "out of memory");
		goto fail;
	}
	if (U_FAILURE(status)) {
		diag_add(diags, DIAG_FATAL, c->file, m.line,
		    "message %s: invalid pattern (%s at offset %d)", m.key,
		    icu_reason(status), where.offset);
		goto fail;
	}
	if ((list = realloc(ld->units, (ld->n + 1) * sizeof(*list))) == NULL) {
		umsg_close(f);
		diag_add(diags, DIAG_FATAL, c->file, m.line, "out of memory");
		goto fail;
	}
	ld->units = list;
	list[ld->n].m = m;
	list[ld->n++].f = f;
	return;
fail:
	*failed = 1;
	message_free(&m, NULL);
	buffer_free(&notes);
}

struct catalog *
catalog_load(const char *dir, enum lang lang, struct diag_list *diags)
{
	struct catalog *c = calloc(1, sizeof(*c));
	char relative[64], path[4096];
	xmlDocPtr doc = NULL;
	xmlNodePtr file, unit;
	struct loading ld = { NULL, 0 };
	UMessageFormat **compiled;
	int failed = 0;
	size_t i;

	snprintf(relative, sizeof(relative), "locales/%s.xlf", lang_code(lang));
	if (c == NULL ||
	    (dir != NULL ? snprintf(path, sizeof(path), "%s/%s.xlf", dir,
	    lang_code(lang)) >= (int)sizeof(path) :
	    datadir_path(relative, path, sizeof(path)) != 0) ||
	    (c->file = strdup(path)) == NULL) {
		diag_add(diags, DIAG_FATAL, relative, 0, "out of memory");
		goto fail;
	}
	c->lang = lang;
	xml_take_out_of_memory();
	if ((doc = xml_load(path, SCHEMA_XLIFF, diags)) == NULL)
		goto fail;
	for (file = xml_element(xmlDocGetRootElement(doc)->children);
	    file != NULL; file = xml_element(file->next))
		for (unit = xml_element(file->children); unit != NULL;
		    unit = xml_element(unit->next))
			if (xml_is(unit, "unit"))
				load_unit(c, &ld, unit, diags, &failed);
	if (ld.n > 0)
		qsort(ld.units, ld.n, sizeof(*ld.units), compare_loaded);
	/* The messages and their formats, both sorted by key. */
	if ((c->messages = malloc((ld.n + 1) * sizeof(*c->messages))) == NULL ||
	    (c->compiled = compiled = calloc(ld.n + 1,
	    sizeof(*compiled))) == NULL ||
	    (c->texts = calloc(ld.n + 1, sizeof(*c->texts))) == NULL) {
		diag_add(diags, DIAG_FATAL, c->file, 0, "out of memory");
		failed = 1;
		for (i = 0; i < ld.n; i++)
			message_free(&ld.units[i].m, ld.units[i].f);
		ld.n = 0;
	}
	for (i = 0; i < ld.n; i++) {
		c->messages[i] = ld.units[i].m;
		compiled[i] = ld.units[i].f;
	}
	c->nmessages = ld.n;
	free(ld.units);
	for (i = 1; i < c->nmessages; i++)
		if (strcmp(c->messages[i].key, c->messages[i - 1].key) == 0) {
			diag_add(diags, DIAG_FATAL, c->file, c->messages[i].line,
			    "message %s is defined twice (also line %d)",
			    c->messages[i].key, c->messages[i - 1].line);
			failed = 1;
		}
	if (!failed && xml_report_lost_values(diags, c->file))
		failed = 1;
	if (failed)
		goto fail;
	xmlFreeDoc(doc);
	return c;
fail:
	xmlFreeDoc(doc);
	catalog_free(c);
	return NULL;
}

/* Moves over's messages into c, replacing those of the same key. 0, or -1
 * out of memory (over keeps what was not moved). */
static int
merge(struct catalog *c, struct catalog *over)
{
	struct message *list;
	UMessageFormat **compiled, **old = c->compiled;
	char **texts;
	size_t i, added = 0;

	for (i = 0; i < over->nmessages; i++)
		added += catalog_find(c, over->messages[i].key) == NULL;
	if ((list = realloc(c->messages, (c->nmessages + added + 1) *
	    sizeof(*list))) == NULL)
		return -1;
	c->messages = list;
	if ((texts = calloc(c->nmessages + added + 1,
	    sizeof(*texts))) == NULL)
		return -1;
	if ((compiled = calloc(c->nmessages + added + 1,
	    sizeof(void *))) == NULL) {
		free(texts);
		return -1;
	}
	for (i = 0; i < c->nmessages; i++)
		free(c->texts[i]);
	free(c->texts);
	c->texts = texts;
	/* The merged list is sorted anew: its formats are compiled again
	 * as they are used (an overlay is rare). */
	for (i = 0; i < c->nmessages; i++)
		if (old[i] != NULL)
			umsg_close(old[i]);
	free(old);
	c->compiled = compiled;
	old = over->compiled;
	for (i = 0; i < over->nmessages; i++)
		if (old[i] != NULL) {
			umsg_close(old[i]);
			old[i] = NULL;
		}
	for (i = 0; i < over->nmessages; i++) {
		struct message *m = catalog_find(c, over->messages[i].key);

		if (m != NULL)
			message_free(m, NULL);
		else
			m = &c->messages[c->nmessages++];
		*m = over->messages[i];
		/* Still sorted: catalog_find keeps working until the qsort. */
		if (m == &c->messages[c->nmessages - 1] && c->nmessages > 1 &&
		    compare_messages(m - 1, m) > 0)
			qsort(c->messages, c->nmessages, sizeof(*m),
			    compare_messages);
	}
	over->nmessages = 0;
	c->layout_file = over->file;
	over->file = NULL;
	return 0;
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

struct catalog *
catalog_load_layout(const char *dir, const char *overlay_dir, enum lang lang,
    struct diag_list *diags)
{
	struct catalog *c = catalog_load(dir, lang, diags), *over;
	char path[4096];
	int n;

	if (c == NULL || overlay_dir == NULL)
		return c;
	n = snprintf(path, sizeof(path), "%s/%s.xlf", overlay_dir,
	    lang_code(lang));
	if (n < 0 || (size_t)n >= sizeof(path) || !is_file(path))
		return c;
	if ((over = catalog_load(overlay_dir, lang, diags)) == NULL) {
		catalog_free(c);
		return NULL;
	}
	if (merge(c, over) != 0) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		catalog_free(c);
		c = NULL;
	}
	catalog_free(over);
	return c;
}

void
catalog_free(struct catalog *c)
{
	size_t i;
	UMessageFormat **compiled;

	if (c == NULL)
		return;
	compiled = c->compiled;
	for (i = 0; i < c->nmessages; i++) {
		message_free(&c->messages[i],
		    compiled != NULL ? compiled[i] : NULL);
		if (c->texts != NULL)
			free(c->texts[i]);
	}
	free(c->texts);
	free(c->messages);
	free(c->compiled);
	free(c->file);
	free(c->layout_file);
	free(c);
}

int
catalog_check_pattern(const char *pattern, enum lang lang, unsigned *args,
    char *err, size_t errsize)
{
	UParseError where;
	UErrorCode status = U_ZERO_ERROR;
	UMessageFormat *f;

	*args = 0;
	if (scan_arguments(pattern, args, err, errsize) < 0)
		return -1;
	if ((f = compile(pattern, lang, &where, &status)) == NULL) {
		snprintf(err, errsize, "invalid pattern (%s at offset %d)",
		    icu_reason(status), where.offset);
		return -1;
	}
	umsg_close(f);
	return 0;
}

void
catalog_forget(struct catalog *c, const struct message *m)
{
	UMessageFormat **compiled = c->compiled;
	size_t i = (size_t)(m - c->messages);

	if (compiled != NULL && i < c->nmessages && compiled[i] != NULL) {
		umsg_close(compiled[i]);
		compiled[i] = NULL;
	}
	if (c->texts != NULL && i < c->nmessages) {
		free(c->texts[i]);
		c->texts[i] = NULL;
	}
}

struct message *
catalog_find(const struct catalog *c, const char *key)
{
	struct message probe;

	memset(&probe, 0, sizeof(probe));
	probe.key = (char *)key;
	if (c->nmessages == 0)
		return NULL;
	return bsearch(&probe, c->messages, c->nmessages, sizeof(probe),
	    compare_messages);
}

/* UTF-16 of the arguments, for a message's formatting, in a buffer on
 * the stack unless they are long. */
#define ARGS_UTF16 2048
#define OUT_UTF16 1024

char *
catalog_format(struct catalog *c, const char *key, const char *const *args,
    int nargs, char *err, size_t errsize)
{
	struct message *m = catalog_find(c, key);
	UMessageFormat **compiled = c->compiled, *f;
	UChar *u[MAX_ARGS] = { NULL }, *owned[MAX_ARGS] = { NULL };
	UChar pool[ARGS_UTF16], *free_at = pool, fixed[OUT_UTF16], *out = fixed;
	UChar *big = NULL;
	int32_t left = ARGS_UTF16;
	UParseError where;
	UErrorCode status = U_ZERO_ERROR;
	int32_t n;
	char *result = NULL;
	int i, oom;

	if (m == NULL) {
		snprintf(err, errsize, "no message %s in %s", key, c->file);
		return NULL;
	}
	m->used = 1;
	if (nargs < m->nargs) {
		snprintf(err, errsize, "message %s takes %d arguments, given %d",
		    key, m->nargs, nargs);
		return NULL;
	}
	/* Most messages formatted (column heads, labels) take no arguments:
	 * their text is formatted once. A miss only costs the next call. */
	if (m->nargs == 0 && c->texts[m - c->messages] != NULL) {
		if ((result = strdup(c->texts[m - c->messages])) == NULL)
			snprintf(err, errsize, "out of memory");
		return result;
	}
	if ((f = compiled[m - c->messages]) == NULL) {
		f = compile(m->pattern, c->lang, &where, &status);
		if (U_FAILURE(status)) {
			snprintf(err, errsize, "message %s: %s", key,
			    icu_reason(status));
			return NULL;
		}
		compiled[m - c->messages] = f;
	}
	for (i = 0; i < m->nargs; i++)
		if ((u[i] = arg_utf16(args[i] != NULL ? args[i] : "", &free_at,
		    &left, &owned[i], &oom)) == NULL) {
			if (oom)
				snprintf(err, errsize, "message %s: out of memory",
				    key);
			else
				snprintf(err, errsize, "message %s: argument %d is "
				    "not valid UTF-8", key, i);
			goto out;
		}
	/* The C API is variadic: pass all MAX_ARGS slots, unused ones NULL.
	 * Formatted once into the stack, again only when it is longer. */
	n = umsg_format(f, fixed, OUT_UTF16, &status, u[0], u[1], u[2], u[3],
	    u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
	    u[15]);
	if (status == U_BUFFER_OVERFLOW_ERROR ||
	    status == U_STRING_NOT_TERMINATED_WARNING) {
		status = U_ZERO_ERROR;
		if ((out = big = malloc(((size_t)n + 1) * sizeof(UChar))) == NULL) {
			snprintf(err, errsize, "out of memory");
			goto out;
		}
		umsg_format(f, out, n + 1, &status, u[0], u[1], u[2], u[3], u[4],
		    u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
		    u[15]);
	}
	if (U_FAILURE(status))
		goto icu_error;
	if ((result = to_utf8(out, n)) == NULL)
		snprintf(err, errsize, "out of memory");
	else if (strchr(result, '{') != NULL || strchr(result, '}') != NULL) {
		/* Never let a placeholder reach a reader. */
		snprintf(err, errsize, "message %s left a placeholder: %s", key,
		    result);
		free(result);
		result = NULL;
	} else if (m->nargs == 0)
		c->texts[m - c->messages] = strdup(result);
	goto out;
icu_error:
	snprintf(err, errsize, "message %s: %s", key, icu_reason(status));
out:
	for (i = 0; i < m->nargs; i++)
		free(owned[i]);
	free(big);
	return result;
}
