/*
 * Patching a period file's text in place. The file has loaded (it is
 * well-formed and valid), so a small scanner finds what is needed: each
 * <f>'s id and value span, each <group>'s ref and end, and where a new
 * group may go. Comments, CDATA and processing instructions are skipped
 * whole.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patch.h"

struct site {
	char id[128];         /* the fact id or the group ref */
	size_t start, end;    /* <f>: the value, white space trimmed;
	                         <group>: after its start tag, at its end tag */
	size_t after;         /* after </f>; after </group> */
	size_t indent;        /* offset of the line's first character */
	size_t group;         /* <f>: the index of its group site */
};

struct scan {
	struct site *facts, *groups;
	size_t nfacts, ngroups;
	size_t group_after;   /* where a new group goes */
	int failed;
};

struct edit {
	size_t at, remove, order;
	char *insert;
};

static int
starts(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* Past the first occurrence of s at or after p, or end. */
static const char *
past(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	for (; p + n <= end; p++)
		if (memcmp(p, s, n) == 0)
			return p + n;
	return end;
}

/* The end of the tag opening at p ('>' included), quotes honoured; the
 * value of attribute name into value (when not NULL). */
static const char *
tag_end(const char *p, const char *end, const char *name, char *value,
    size_t size, int *empty)
{
	size_t n = name != NULL ? strlen(name) : 0;
	char quote = 0;
	const char *q;

	if (value != NULL)
		value[0] = '\0';
	*empty = 0;
	if (p < end)
		p++;           /* the '<' */
	for (; p < end; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
			continue;
		}
		if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '>') {
			*empty = p[-1] == '/';
			return p + 1;
		} else if (name != NULL && (p[-1] == ' ' || p[-1] == '\t' ||
		    p[-1] == '\n' || p[-1] == '\r') && starts(p, end, name) &&
		    p + n + 1 < end && p[n] == '=' && (p[n + 1] == '"' ||
		    p[n + 1] == '\'')) {
			for (q = p + n + 2; q < end && *q != p[n + 1]; q++)
				;
			if (value != NULL && (size_t)(q - (p + n + 2)) < size) {
				memcpy(value, p + n + 2, (size_t)(q - (p + n + 2)));
				value[q - (p + n + 2)] = '\0';
			}
			p = q;
		}
	}
	return end;
}

static size_t
line_start(const char *text, size_t at)
{
	while (at > 0 && text[at - 1] != '\n')
		at--;
	return at;
}

static struct site *
add_site(struct scan *s, int group)
{
	struct site **items = group ? &s->groups : &s->facts, *grown;
	size_t *n = group ? &s->ngroups : &s->nfacts;

	if ((grown = array_grow(*items, *n, sizeof(*grown))) == NULL) {
		s->failed = 1;
		return NULL;
	}
	*items = grown;
	return &grown[(*n)++];
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
scan_text(const char *text, size_t len, struct scan *s)
{
	const char *p = text, *end = text + len, *q;
	struct site *site, *open = NULL;
	int empty;
	int root = 0;

	while (p < end && !s->failed) {
		if (*p != '<') {
			p++;
			continue;
		}
		if (starts(p, end, "<!--"))
			p = past(p, end, "-->");
		else if (starts(p, end, "<![CDATA["))
			p = past(p, end, "]]>");
		else if (starts(p, end, "<?"))
			p = past(p, end, "?>");
		else if (starts(p, end, "</group")) {
			if (open != NULL) {
				open->end = (size_t)(p - text);
				open->after = (size_t)(tag_end(p, end, NULL, NULL, 0,
				    &empty) - text);
				s->group_after = open->after;
				open = NULL;
			}
			p = past(p, end, ">");
		} else if (starts(p, end, "</release") ||
		    (starts(p, end, "<period") && !root)) {
			root |= starts(p, end, "<period");
			p = tag_end(p, end, NULL, NULL, 0, &empty);
			if (s->ngroups == 0)
				s->group_after = (size_t)(p - text);
		} else if (starts(p, end, "<release") && p + 8 < end &&
		    (is_space(p[8]) || p[8] == '>' || p[8] == '/')) {
			p = tag_end(p, end, NULL, NULL, 0, &empty);
			if (empty && s->ngroups == 0)
				s->group_after = (size_t)(p - text);
		} else if (starts(p, end, "<group") && p + 6 < end &&
		    (is_space(p[6]) || p[6] == '>')) {
			if ((site = add_site(s, 1)) == NULL)
				return;
			site->indent = line_start(text, (size_t)(p - text));
			p = tag_end(p, end, "ref", site->id, sizeof(site->id), &empty);
			site->start = site->end = site->after = (size_t)(p - text);
			if (empty)
				s->group_after = site->after;
			else
				open = site;
		} else if (starts(p, end, "<f") && p + 2 < end &&
		    (is_space(p[2]) || p[2] == '>')) {
			if ((site = add_site(s, 0)) == NULL)
				return;
			site->indent = line_start(text, (size_t)(p - text));
			site->group = open != NULL ? (size_t)(open - s->groups) :
			    (size_t)-1;
			p = tag_end(p, end, "id", site->id, sizeof(site->id), &empty);
			for (q = p; q < end && *q != '<'; q++)
				;
			site->start = (size_t)(p - text);
			site->end = (size_t)(q - text);
			while (site->start < site->end && is_space(text[site->start]))
				site->start++;
			while (site->end > site->start && is_space(text[site->end - 1]))
				site->end--;
			p = past(q, end, ">");
			site->after = (size_t)(p - text);
		} else
			p = tag_end(p + 1, end, NULL, NULL, 0, &empty);
	}
}

static int
add_edit(struct edit **edits, size_t *n, size_t at, size_t remove,
    char *insert)
{
	struct edit *grown;

	if (insert == NULL || (grown = array_grow(*edits, *n,
	    sizeof(*grown))) == NULL) {
		free(insert);
		return -1;
	}
	*edits = grown;
	grown[*n].at = at;
	grown[*n].remove = remove;
	grown[*n].order = *n;
	grown[*n].insert = insert;
	(*n)++;
	return 0;
}

static int
compare_edits(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* value padded with zeros to at least `decimals` digits after the point. */
static char *
padded(const char *value, int decimals)
{
	struct rat r;
	int have = 0, i;
	struct buffer b = { NULL, 0, 0, 0 };

	if (rat_parse(value, &r, &have) != RAT_OK)
		have = decimals;
	buffer_puts(&b, value);
	if (have < decimals && have == 0)
		buffer_puts(&b, ".");
	for (i = have; i < decimals; i++)
		buffer_puts(&b, "0");
	if (b.failed) {
		buffer_free(&b);
		return NULL;
	}
	return b.data;
}

static char *
fact_element(const char *nl_indent, const char *id, const char *value)
{
	struct buffer b = { NULL, 0, 0, 0 };

	buffer_printf(&b, "%s<f id=\"%s\">%s</f>", nl_indent, id, value);
	if (b.failed) {
		buffer_free(&b);
		return NULL;
	}
	return b.data;
}

/* "\n" and the white space that starts the line at `from`. */
static void
indent_of(const char *text, size_t from, char *out, size_t size)
{
	size_t n = 0;

	while (is_space(text[from + n]) && text[from + n] != '\n' &&
	    n + 2 < size)
		n++;
	out[0] = '\n';
	memcpy(out + 1, text + from, n);
	out[n + 1] = '\0';
}

static char *
group_block(const struct book *book, size_t g, char *const *values,
    const char *indent, const char *inner, int complete, size_t *changed)
{
	struct buffer b = { NULL, 0, 0, 0 };
	size_t f;

	buffer_printf(&b, "%s<group ref=\"%s\"%s>", indent, book->groups[g].id,
	    complete ? "" : " complete=\"false\"");
	for (f = 0; f < book->nfacts; f++)
		if (book->facts[f].group == g && values[f] != NULL) {
			buffer_printf(&b, "%s<f id=\"%s\">%s</f>", inner,
			    book->facts[f].id, values[f]);
			(*changed)++;
		}
	buffer_printf(&b, "%s</group>", indent);
	if (b.failed) {
		buffer_free(&b);
		return NULL;
	}
	return b.data;
}

static long
find_site(const struct site *sites, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(sites[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* The edits that put values into the scanned file. */
static int
plan(const char *text, const struct scan *s, const struct book *book,
    char *const *values, struct edit **edits, size_t *nedits,
    size_t *changed)
{
	char indent[64], inner[sizeof(indent) + 2];
	size_t f, g;
	long at, gi;

	for (f = 0; f < book->nfacts; f++) {
		struct rat old, now;
		int decimals = 0;
		size_t last;

		if (values[f] == NULL)
			continue;
		if ((at = find_site(s->facts, s->nfacts, book->facts[f].id)) >= 0) {
			const struct site *site = &s->facts[at];

			if (site->end - site->start < 64) {
				char was[64];

				memcpy(was, text + site->start, site->end - site->start);
				was[site->end - site->start] = '\0';
				if (rat_parse(was, &old, &decimals) == RAT_OK &&
				    rat_parse(values[f], &now, NULL) == RAT_OK &&
				    rat_cmp(old, now) == 0)
					continue;
			}
			if (add_edit(edits, nedits, site->start, site->end -
			    site->start, padded(values[f], decimals)) != 0)
				return -1;
			(*changed)++;
			continue;
		}
		g = book->facts[f].group;
		if ((gi = find_site(s->groups, s->ngroups, book->groups[g].id)) < 0)
			continue;      /* a new group, below */
		if (s->groups[gi].end == s->groups[gi].after)
			return -1;     /* <group ref="…"/>: nowhere to add */
		last = s->groups[gi].start;
		snprintf(indent, sizeof(indent), "\n    ");
		for (at = 0; (size_t)at < s->nfacts; at++)
			if (s->facts[at].group == (size_t)gi) {
				last = s->facts[at].after;
				indent_of(text, s->facts[at].indent, indent,
				    sizeof(indent));
			}
		if (add_edit(edits, nedits, last, 0, fact_element(indent,
		    book->facts[f].id, values[f])) != 0)
			return -1;
		(*changed)++;
	}
	snprintf(indent, sizeof(indent), "\n  ");
	if (s->ngroups > 0)
		indent_of(text, s->groups[s->ngroups - 1].indent, indent,
		    sizeof(indent) - 2);
	snprintf(inner, sizeof(inner), "%s  ", indent);
	for (g = 0; g < book->ngroups; g++) {
		int any = 0, complete = 1;

		if (find_site(s->groups, s->ngroups, book->groups[g].id) >= 0)
			continue;
		for (f = 0; f < book->nfacts; f++)
			if (book->facts[f].group == g) {
				any |= values[f] != NULL;
				complete &= values[f] != NULL;
			}
		if (any && add_edit(edits, nedits, s->group_after, 0,
		    group_block(book, g, values, indent, inner, complete,
		    changed)) != 0)
			return -1;
	}
	return 0;
}

int
period_patch(const char *text, size_t len, const struct book *book,
    char *const *values, struct buffer *out, size_t *changed, char *err,
    size_t errsize)
{
	struct scan s;
	struct edit *edits = NULL;
	size_t nedits = 0, i, from = 0;
	int rc = -1;

	memset(&s, 0, sizeof(s));
	*changed = 0;
	scan_text(text, len, &s);
	if (s.failed)
		snprintf(err, errsize, "out of memory");
	else if (plan(text, &s, book, values, &edits, &nedits, changed) != 0)
		snprintf(err, errsize, "out of memory, or a group written "
		    "<group ref=\"…\"/> that a fact must be added to (write it "
		    "<group ref=\"…\"></group>)");
	else {
		if (nedits > 0)
			qsort(edits, nedits, sizeof(*edits), compare_edits);
		for (i = 0; i < nedits; i++) {
			buffer_write(out, text + from, edits[i].at - from);
			buffer_puts(out, edits[i].insert);
			from = edits[i].at + edits[i].remove;
		}
		buffer_write(out, text + from, len - from);
		rc = out->failed ? -1 : 0;
		if (rc != 0)
			snprintf(err, errsize, "out of memory");
	}
	for (i = 0; i < nedits; i++)
		free(edits[i].insert);
	free(edits);
	free(s.facts);
	free(s.groups);
	return rc;
}

int
period_create(const struct book *book, int fy, int q, char *const *values,
    struct buffer *out, size_t *changed)
{
	size_t g, f;
	char *block;

	*changed = 0;
	buffer_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<period xmlns=\"urn:kessan:book:1\" fiscal-year=\"%d\" "
	    "quarter=\"%d\">", fy, q);
	for (g = 0; g < book->ngroups; g++) {
		int any = 0, complete = 1;

		for (f = 0; f < book->nfacts; f++)
			if (book->facts[f].group == g) {
				any |= values[f] != NULL;
				complete &= values[f] != NULL;
			}
		if (!any)
			continue;
		if ((block = group_block(book, g, values, "\n  ", "\n    ",
		    complete, changed)) == NULL)
			return -1;
		buffer_puts(out, block);
		free(block);
	}
	buffer_puts(out, "\n</period>\n");
	return out->failed ? -1 : 0;
}
