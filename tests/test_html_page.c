/*
 * The HTML page writer against its oracle, libxml2's own serializer:
 * seeded random pages are built twice, as a libxml2 tree saved with
 * XML_SAVE_AS_HTML (as kessan wrote pages before) and with the writer,
 * and must come out byte for byte the same. The pages mix void elements,
 * elements whose end tag may be left out, <style> and <script>, links,
 * anchors before elements with ids, and values holding quotes, markup,
 * control characters, "&{...}", "<!--...-->" and Japanese.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "../src/backend/html_page.h"

static uint64_t seed;

static unsigned
next(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

static const char *const names[] = {
	"p", "div", "a", "span", "td", "th", "tr", "table", "li", "ul", "meta",
	"br", "hr", "img", "input", "col", "style", "script", "STYLE", "svg",
	"line", "text", "body", "html", "title", "option", "caption", "thead",
	"tbody", "section", "strong", "del", "ins", "sup", "h1", "figure",
	"aside", "dd", "dt", "colgroup", "area", "frame", "param", "nav",
};
static const char *const attrs[] = {
	"id", "class", "href", "src", "action", "name", "lang", "checked",
	"title", "data-x", "HREF", "nowrap", "scope",
};
static const char *const pieces[] = {
	"a", "Z", "9", " ", "  ", "\t", "\n", "\r", "\x01", "\x1f", "\x7f",
	"\"", "'", "&", "<", ">", "&{x}", "&{", "}", "<!--c-->", "<!--", "-->",
	"%", "#", "@", "/", "?", "=", ";", ",", "+", "(", ")", "~", "*", "!",
	"é", "日本", "¥", "—", "\xf0\x9f\x98\x80", "&amp;", "x y", "-_.",
};

static void
random_value(char *buf, size_t size)
{
	size_t n = next(8), used = 0;

	buf[0] = '\0';
	while (n-- > 0) {
		const char *p = pieces[next(sizeof(pieces) / sizeof(*pieces))];

		if (used + strlen(p) + 1 > size)
			break;
		memcpy(buf + used, p, strlen(p) + 1);
		used += strlen(p);
	}
}

#define DEPTH 12

/* One random page, serialized both ways and compared. */
static void
one_page(void)
{
	struct html h;
	struct buffer out = { 0 };
	xmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr dom[DEPTH], node;
	struct hel *mine[DEPTH], *e;
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr save;
	size_t depth = 0, steps = next(60);
	char value[128];

	assert_non_null(doc);
	assert_non_null(buf);
	assert_int_equal(html_page_new(&h, &out), 0);
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	/* The page's frame, as html_page_open writes it. */
	dom[0] = xmlNewNode(NULL, BAD_CAST "html");
	xmlDocSetRootElement(doc, dom[0]);
	mine[0] = html_page_root(&h, "html");
	dom[1] = xmlNewChild(dom[0], NULL, BAD_CAST "head", NULL);
	mine[1] = element(&h, mine[0], "head");
	node = xmlNewChild(dom[1], NULL, BAD_CAST "meta", NULL);
	e = element(&h, mine[1], "meta");
	xmlNewProp(node, BAD_CAST "http-equiv", BAD_CAST "Content-Type");
	attr(&h, e, "http-equiv", "Content-Type");
	xmlNewProp(node, BAD_CAST "content", BAD_CAST "text/html; charset=UTF-8");
	attr(&h, e, "content", "text/html; charset=UTF-8");
	depth = 2;
	while (steps-- > 0) {
		/* where the next content goes: the innermost element mostly */
		size_t k = next(3) == 0 ? next((unsigned)depth) : depth - 1;
		if (next(3) == 0) {
			random_value(value, sizeof(value));
			xmlAddChild(dom[k], xmlNewText(BAD_CAST value));
			text(&h, mine[k], value);
			depth = k + 1;
			continue;
		}
		if (k + 1 == DEPTH)
			k--;
		{
			const char *name = names[next(sizeof(names) / sizeof(*names))];
			unsigned n = next(4), has_id = 0;

			dom[k + 1] = xmlNewChild(dom[k], NULL, BAD_CAST name, NULL);
			mine[k + 1] = element(&h, mine[k], name);
			depth = k + 2;
			while (n-- > 0) {
				const char *a = attrs[next(sizeof(attrs) / sizeof(*attrs))];

				random_value(value, sizeof(value));
				xmlNewProp(dom[k + 1], BAD_CAST a, BAD_CAST value);
				attr(&h, mine[k + 1], a, value);
				has_id |= strcmp(a, "id") == 0;
			}
			assert_int_equal(html_has_id(mine[k + 1]), has_id);
			if (has_id && next(2) == 0) {
				xmlNodePtr anchor = xmlNewNode(NULL, BAD_CAST "a");

				random_value(value, sizeof(value));
				xmlAddPrevSibling(dom[k + 1], anchor);
				xmlNewProp(anchor, BAD_CAST "id", BAD_CAST value);
				html_anchor_before(&h, mine[k + 1], value);
			}
		}
	}
	save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_HTML | XML_SAVE_NO_DECL);
	assert_non_null(save);
	xmlSaveDoc(save, doc);
	xmlSaveClose(save);
	assert_int_equal(h.failed, 0);
	assert_int_equal(html_page_end(&h), 0);
	if (out.len != (size_t)xmlBufferLength(buf) ||
	    memcmp(out.data, xmlBufferContent(buf), out.len) != 0) {
		const char *want = (const char *)xmlBufferContent(buf);
		size_t at = 0;

		while (at < out.len && want[at] == out.data[at])
			at++;
		at = at > 60 ? at - 60 : 0;
		print_error("at byte %zu:\nlibxml2: %.160s\nwriter:  %.160s\n", at,
		    want + at, out.data + at);
		fail();
	}
	buffer_free(&out);
	html_page_free(&h);
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
}

static void
test_random_pages(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < 4000; i++) {
		seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(i + 1);
		one_page();
	}
}

/* Content cannot go back into an element already closed: the page fails
 * instead of coming out in another order. */
static void
test_closed_element(void **state)
{
	struct html h;
	struct hel *root, *a, *b;
	struct buffer out = { 0 };

	(void)state;
	buffer_puts(&out, "kept");
	assert_int_equal(html_page_new(&h, &out), 0);
	root = html_page_root(&h, "html");
	a = element(&h, root, "p");
	b = element(&h, root, "p");
	assert_non_null(b);
	text(&h, a, "late");
	assert_int_equal(h.failed, 1);
	assert_int_equal(html_page_end(&h), -1);
	assert_string_equal(out.data, "kept");    /* none of the page */
	html_page_free(&h);
	buffer_free(&out);
}

/* An attribute after content is refused, not written inside it. */
static void
test_late_attribute(void **state)
{
	struct html h;
	struct hel *root, *p;
	struct buffer out = { 0 };

	(void)state;
	assert_int_equal(html_page_new(&h, &out), 0);
	root = html_page_root(&h, "html");
	p = element(&h, root, "p");
	text(&h, p, "x");
	attr(&h, p, "class", "late");
	assert_int_equal(h.failed, 1);
	html_page_free(&h);
	buffer_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_pages),
		cmocka_unit_test(test_closed_element),
		cmocka_unit_test(test_late_attribute),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
