#include "pattern.h"

#include <stdlib.h>
#include <string.h>

#include "../load/catalog.h"

struct scan {
	const char *p;
	struct pattern_shape *shape;
	int depth;
};

static int scan_text(struct scan *sc);

static void
skip_space(struct scan *sc)
{
	sc->p += strspn(sc->p, " \t\r\n");
}

/* Adds keyword (len bytes) to argument n's list unless it is there. */
static int
add_keyword(char *list, const char *keyword, size_t len)
{
	const char *at;
	size_t used = strlen(list);

	for (at = list; *at != '\0'; at += strcspn(at, " "), at += *at == ' ') {
		if (strncmp(at, keyword, len) == 0 &&
		    (at[len] == ' ' || at[len] == '\0'))
			return 0;
	}
	if (used + len + 2 > 256)
		return -1;
	if (used > 0)
		list[used++] = ' ';
	memcpy(list + used, keyword, len);
	list[used + len] = '\0';
	return 0;
}

static int
compare_words(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts a space-separated list in place. */
static void
sort_keywords(char *list)
{
	char copy[256], *words[128] = { NULL }, *w, out[256];
	size_t n = 0, i, len = 0;

	snprintf(copy, sizeof(copy), "%s", list);
	for (w = strtok(copy, " "); w != NULL && n < 128; w = strtok(NULL, " "))
		words[n++] = w;
	if (n > 1)
		qsort(words, n, sizeof(*words), compare_words);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(out + len, sizeof(out) - len, "%s%s", i ? " " : "",
		    words[i]);
		len = strlen(out);
	}
	memcpy(list, out, len + 1);
}

/* An argument, sc->p at its '{'; leaves sc->p after its '}'. */
static int
scan_argument(struct scan *sc)
{
	int n = 0, digits = 0;
	const char *type;
	size_t len;

	if (++sc->depth > CATALOG_MAX_NESTING)
		return -1;
	sc->p++;
	skip_space(sc);
	while (*sc->p >= '0' && *sc->p <= '9' && n < PATTERN_MAX_ARGS) {
		n = n * 10 + (*sc->p++ - '0');
		digits++;
	}
	if (digits == 0 || n >= PATTERN_MAX_ARGS)
		return -1;
	sc->shape->args |= 1u << n;
	skip_space(sc);
	if (*sc->p == '}') {
		sc->p++;
		sc->depth--;
		return 0;
	}
	if (*sc->p++ != ',')
		return -1;
	skip_space(sc);
	type = sc->p;
	len = strcspn(type, " \t\r\n,}");
	sc->p += len;
	skip_space(sc);
	if (len != 6 || strncmp(type, "select", 6) != 0) {
		/* another type: not allowed in a catalog, read as a whole */
		int depth = 1;

		for (; *sc->p != '\0' && depth > 0; sc->p++)
			depth += *sc->p == '{' ? 1 : *sc->p == '}' ? -1 : 0;
		sc->depth--;
		return depth == 0 ? 0 : -1;
	}
	sc->shape->selects |= 1u << n;
	if (*sc->p++ != ',')
		return -1;
	for (;;) {
		const char *keyword;

		skip_space(sc);
		if (*sc->p == '}') {
			sc->p++;
			sc->depth--;
			return 0;
		}
		keyword = sc->p;
		len = strcspn(keyword, " \t\r\n{}");
		if (len == 0)
			return -1;
		sc->p += len;
		skip_space(sc);
		if (*sc->p++ != '{' ||
		    add_keyword(sc->shape->keywords[n], keyword, len) != 0 ||
		    scan_text(sc) != 0 || *sc->p++ != '}')
			return -1;
	}
}

/* Message text up to the '}' that ends it (not consumed) or the end. */
static int
scan_text(struct scan *sc)
{
	while (*sc->p != '\0') {
		if (*sc->p == '}')
			return sc->depth > 0 ? 0 : -1;
		if (*sc->p == '\'' && sc->p[1] == '\'') {
			sc->p += 2;
			continue;
		}
		if (*sc->p == '\'' && (sc->p[1] == '{' || sc->p[1] == '}')) {
			/* quoted text, "''" inside it an apostrophe */
			for (sc->p++; *sc->p != '\0'; sc->p++)
				if (*sc->p == '\'' && sc->p[1] == '\'')
					sc->p++;
				else if (*sc->p == '\'')
					break;
			if (*sc->p == '\0')
				return -1;
			sc->p++;
			continue;
		}
		if (*sc->p == '{') {
			if (scan_argument(sc) != 0)
				return -1;
			continue;
		}
		sc->p++;
	}
	return sc->depth == 0 ? 0 : -1;
}

int
pattern_shape(const char *pattern, struct pattern_shape *shape)
{
	struct scan sc = { pattern, shape, 0 };
	int n;

	memset(shape, 0, sizeof(*shape));
	if (scan_text(&sc) != 0)
		return -1;
	for (n = 0; n < PATTERN_MAX_ARGS; n++)
		sort_keywords(shape->keywords[n]);
	return 0;
}

/* Whether p ("{…") is a simple argument {N}: its length, or 0. */
static size_t
simple_argument(const char *p, int *n)
{
	const char *q = p + 1;
	int digits = 0;

	*n = 0;
	q += strspn(q, " ");
	while (*q >= '0' && *q <= '9' && *n < PATTERN_MAX_ARGS) {
		*n = *n * 10 + (*q++ - '0');
		digits++;
	}
	q += strspn(q, " ");
	if (digits == 0 || *n >= PATTERN_MAX_ARGS || *q != '}')
		return 0;
	return (size_t)(q + 1 - p);
}

void
pattern_pieces(const char *pattern, pattern_piece_fn fn, void *ctx)
{
	struct pattern_shape ignored;
	struct scan sc = { pattern, &ignored, 0 };
	const char *text = pattern;
	size_t len;
	int n;

	memset(&ignored, 0, sizeof(ignored));
	while (*sc.p != '\0') {
		if (*sc.p == '\'' && sc.p[1] == '\'') {
			sc.p += 2;
			continue;
		}
		if (*sc.p == '\'' && (sc.p[1] == '{' || sc.p[1] == '}')) {
			for (sc.p++; *sc.p != '\0' && *sc.p != '\''; sc.p++)
				;
			if (*sc.p == '\'')
				sc.p++;
			continue;
		}
		if (*sc.p != '{') {
			sc.p++;
			continue;
		}
		if ((len = simple_argument(sc.p, &n)) == 0) {
			/* a select stays text; unreadable: the rest is text */
			if (scan_argument(&sc) != 0)
				break;
			continue;
		}
		if (sc.p > text)
			fn(ctx, text, (size_t)(sc.p - text), -1);
		fn(ctx, sc.p, len, n);
		sc.p += len;
		text = sc.p;
	}
	len = strlen(text);
	if (len > 0)
		fn(ctx, text, len, -1);
}
