/* Changes grouped by cause (diff/group.c): which group each change of a
 * comparison goes to, given each cause's comparison on its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/diff/group.h"

static void
add(struct diff *d, enum change_kind kind, const char *where,
    const char *old_text, const char *new_text)
{
	struct change *c;

	d->changes = realloc(d->changes, (d->nchanges + 1) * sizeof(*c));
	assert_non_null(d->changes);
	c = &d->changes[d->nchanges++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->lang = LANG_EN;
	c->where = strdup(where);
	c->old_where = strdup(where);
	c->old_text = strdup(old_text);
	c->new_text = strdup(new_text);
}

static struct change_cause *
causes(size_t n)
{
	struct change_cause *all = calloc(n, sizeof(*all));
	size_t i;

	assert_non_null(all);
	for (i = 0; i < n; i++) {
		all[i].kind = CAUSE_FACT;
		all[i].name = malloc(4);
		assert_non_null(all[i].name);
		all[i].name[0] = 'c';
		all[i].name[1] = (char)('0' + i);
		all[i].name[2] = '\0';
		all[i].old_value = strdup("1");
		all[i].new_value = strdup("2");
	}
	return all;
}

static void
groups(void **state)
{
	struct diff d, alone[3];
	size_t i;

	(void)state;
	memset(&d, 0, sizeof(d));
	memset(alone, 0, sizeof(alone));
	add(&d, CHANGE_FIGURE, "T › a › 1Q04", "1", "2");   /* both alone */
	add(&d, CHANGE_FIGURE, "T › total › 1Q04", "10", "12"); /* together */
	add(&d, CHANGE_TEXT, "Highlights", "Up 1%.", "Up 3%.");  /* c1 and more */
	add(&d, CHANGE_FIGURE, "T › b › 1Q04", "5", "6");   /* nobody */
	add(&d, CHANGE_FIGURE, "T › c › 1Q04", "7", "8");   /* c2, not tried */
	add(&d, CHANGE_TEXT, "Costs", "Cost rose.", "Cost fell.");  /* in c0's */
	add(&alone[0], CHANGE_FIGURE, "T › a › 1Q04", "1", "2");
	add(&alone[0], CHANGE_FIGURE, "T › total › 1Q04", "10", "11");
	add(&alone[0], CHANGE_TEXT, "Costs", "Cost rose. Margin 2%.",
	    "Cost fell. Margin 1%.");
	add(&alone[1], CHANGE_FIGURE, "T › a › 1Q04", "1", "2");
	add(&alone[1], CHANGE_FIGURE, "T › total › 1Q04", "10", "11");
	add(&alone[1], CHANGE_TEXT, "Highlights", "Up 1%.", "Up 2%.");
	add(&alone[2], CHANGE_FIGURE, "T › c › 1Q04", "7", "8");
	alone[2].failed = 1;
	assert_int_equal(diff_group(&d, causes(3), 3, alone), 0);
	/* The first cause that gives it alone. */
	assert_int_equal(d.changes[0].cause, 0);
	/* Neither alone: the causes that touch it, together. */
	assert_int_equal(d.causes[d.changes[1].cause].kind, CAUSE_COMBINED);
	assert_string_equal(d.causes[d.changes[1].cause].name, "c0 + c1");
	assert_int_equal(d.causes[d.changes[2].cause].kind, CAUSE_COMBINED);
	assert_string_equal(d.causes[d.changes[2].cause].name,
	    "c1 with the other changes");
	/* No tried cause touches them: by elimination, the one cause not
	 * tried alone. */
	assert_int_equal(d.changes[3].cause, 2);
	assert_int_equal(d.changes[4].cause, 2);
	/* A sentence within a span c0 alone changed: touched by c0. */
	assert_string_equal(d.causes[d.changes[5].cause].name,
	    "c0 with the other changes");
	assert_int_equal(d.ncauses, 6);
	assert_int_equal(d.causes[0].nchanges, 1);
	assert_int_equal(d.causes[1].nchanges, 0);
	assert_int_equal(d.causes[2].nchanges, 2);
	for (i = 0; i < 3; i++)
		diff_free(&alone[i]);
	diff_free(&d);
}

/* What no tried cause touches: "other" when every cause was tried, a
 * combined group of those not tried when several were not. */
static void
elimination(void **state)
{
	struct diff d, alone[3];
	int untried;

	(void)state;
	for (untried = 0; untried < 2; untried++) {
		memset(&d, 0, sizeof(d));
		memset(alone, 0, sizeof(alone));
		add(&d, CHANGE_FIGURE, "T › b › 1Q04", "5", "6");
		add(&alone[0], CHANGE_FIGURE, "T › a › 1Q04", "1", "2");
		alone[1].failed = alone[2].failed = untried;
		assert_int_equal(diff_group(&d, causes(3), 3, alone), 0);
		assert_int_equal(d.ncauses, 4);
		assert_int_equal(d.causes[3].kind, untried ? CAUSE_COMBINED :
		    CAUSE_OTHER);
		if (untried)
			assert_string_equal(d.causes[3].name,
			    "c1 + c2 (not tried alone)");
		assert_int_equal(d.changes[0].cause, 3);
		diff_free(&alone[0]);
		diff_free(&d);
	}
}

static void
footing(void **state)
{
	struct diff d, unfooted;

	(void)state;
	memset(&d, 0, sizeof(d));
	memset(&unfooted, 0, sizeof(unfooted));
	add(&d, CHANGE_FIGURE, "T › si › USD", "24,625", "24,624");
	add(&d, CHANGE_FIGURE, "T › ga › USD", "5,672", "5,763");
	add(&d, CHANGE_TEXT, "Highlights", "a", "b");
	/* Rounded on its own, ga still moves (from another old figure). */
	add(&unfooted, CHANGE_FIGURE, "T › ga › USD", "5,671", "5,763");
	assert_int_equal(diff_mark_footing(&d, &unfooted), 1);
	assert_true(d.changes[0].footing_only);
	assert_false(d.changes[1].footing_only);
	assert_false(d.changes[2].footing_only);
	diff_free(&unfooted);
	diff_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(groups),
		cmocka_unit_test(elimination),
		cmocka_unit_test(footing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
