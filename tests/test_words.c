/* Word-level diffs: what a proofreader sees marked, in both languages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/diff/words.h"

/* The diff of old and new in "[-old-]{+new+}" notation. */
static char *
marked(const char *old, const char *new, enum lang lang)
{
	struct word_op *ops;
	size_t count, i, used = 0, size = strlen(old) + strlen(new) + 256;
	char *out = malloc(size);

	assert_non_null(out);
	assert_int_equal(words_diff(old, new, lang, &ops, &count), 0);
	out[0] = '\0';
	for (i = 0; i < count; i++) {
		const struct word_op *op = &ops[i];

		if (!op->changed)
			used += (size_t)snprintf(out + used, size - used, "%.*s",
			    (int)op->new.len, new + op->new.start);
		else {
			if (op->old.len > 0)
				used += (size_t)snprintf(out + used, size - used,
				    "[-%.*s-]", (int)op->old.len, old + op->old.start);
			if (op->new.len > 0)
				used += (size_t)snprintf(out + used, size - used,
				    "{+%.*s+}", (int)op->new.len, new + op->new.start);
		}
	}
	free(ops);
	return out;
}

static void
assert_marked(const char *old, const char *new, enum lang lang,
    const char *want)
{
	char *got = marked(old, new, lang);

	assert_string_equal(got, want);
	free(got);
}

static void
test_english(void **state)
{
	(void)state;
	assert_marked("Revenues totaled JPY 8,675 million.",
	    "Revenues totaled JPY 8,676 million.", LANG_EN,
	    "Revenues totaled JPY [-8,675-]{+8,676+} million.");
	/* Changes apart only by a space are read as one. */
	assert_marked("an increase of 4.0% compared to 1Q03",
	    "a decrease of 4.0% compared to 1Q03", LANG_EN,
	    "[-an increase-]{+a decrease+} of 4.0% compared to 1Q03");
	assert_marked("sales grew.", "sales grew strongly.", LANG_EN,
	    "sales grew{+ strongly+}.");
	assert_marked("sales grew strongly.", "sales grew.", LANG_EN,
	    "sales grew[- strongly-].");
	assert_marked("same", "same", LANG_EN, "same");
	assert_marked("", "new text", LANG_EN, "{+new text+}");
	assert_marked("old text", "", LANG_EN, "[-old text-]");
}

static void
test_japanese(void **state)
{
	(void)state;
	/* A two-character word, segmented by ICU's dictionary. */
	assert_marked("売上高は前年同期比4.0%増加しました。",
	    "売上高は前年同期比4.0%減少しました。", LANG_JA,
	    "売上高は前年同期比4.0%[-増加-]{+減少+}しました。");
	assert_marked("営業利益は8,675百万円となりました。",
	    "営業利益は8,676百万円となりました。", LANG_JA,
	    "営業利益は[-8,675-]{+8,676+}百万円となりました。");
}

static void
test_tokens_cover_text(void **state)
{
	const char *text = "IIJ「IP サービス」は 2,279 百万円。𠮷野";
	struct span *tokens;
	size_t count, i, at = 0;

	(void)state;
	assert_int_equal(words_split(text, LANG_JA, &tokens, &count), 0);
	for (i = 0; i < count; i++) {
		assert_int_equal(tokens[i].start, at);
		assert_true(tokens[i].len > 0);
		at += tokens[i].len;
	}
	assert_int_equal(at, strlen(text));
	free(tokens);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_japanese),
		cmocka_unit_test(test_tokens_cover_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
