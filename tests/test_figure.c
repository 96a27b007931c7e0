/*
 * The figure stage on the example book: what a table cell and a sentence
 * print, checked against the reference release (its 1Q04 figures), with
 * the facts each came from, and the company's rounding owned by policy.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/figure/figure.h"
#include "../src/load/load.h"

static struct book *example;
static struct template_set *templates;

static int
load_example(void **state)
{
	struct diag_list diags;
	char path[4096];
	const char *dir = getenv("EXAMPLES"), *data = getenv("KESSAN_DATADIR");

	(void)state;
	memset(&diags, 0, sizeof(diags));
	snprintf(path, sizeof(path), "%s/iij", dir != NULL ? dir : "examples");
	example = book_load(path, &diags);
	if (example != NULL) {
		snprintf(path, sizeof(path), "%s/templates",
		    data != NULL ? data : ".");
		templates = templates_load(path, example, &diags);
	}
	diag_list_free(&diags);
	return example == NULL || templates == NULL ? -1 : 0;
}

static int
free_example(void **state)
{
	(void)state;
	templates_free(templates);
	book_free(example);
	return 0;
}

static void
env_for(struct figure_env *env, struct diag_list *diags, const char *period)
{
	memset(env, 0, sizeof(*env));
	memset(diags, 0, sizeof(*diags));
	env->book = example;
	env->release = book_period_by_id(example, period);
	env->file = "test";
	env->diags = diags;
	assert_non_null(env->release);
}

static size_t
row_index(const struct tpl_table *t, const char *id)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		if (t->rows[r].id != NULL && strcmp(t->rows[r].id, id) == 0)
			return r;
	fail_msg("no row %s in table %s", id, t->id);
	return 0;
}

/* Units as printed in the reference: "592", "14.0%", "(2.6%)". */
static void
expect_cell(const struct figure_grid *g, size_t row, size_t column,
    int64_t units, int decimals)
{
	const struct figure *f = figure_at(g, row, column);

	assert_non_null(f);
	assert_int_equal(f->state, FIGURE_VALUE);
	assert_int_equal(f->decimals, decimals);
	if (f->units != units)
		fail_msg("row %zu column %zu: printed %lld, want %lld", row, column,
		    (long long)f->units, (long long)units);
}

static void
test_table(void **state)
{
	const struct tpl_table *t = templates_table(templates, "connectivity");
	struct figure_env env;
	struct diag_list diags;
	struct figure_grid g;
	const struct figure *f;
	size_t other, total;

	(void)state;
	assert_non_null(t);
	env_for(&env, &diags, "2004-q1");
	assert_int_equal(figure_table(&env, t, t->line, &g), 0);
	other = row_index(t, "other");
	total = row_index(t, "conn_total");
	/* その他 592 520 14.0% 537 10.4%; 売上高合計 5,450 5,596 (2.6%) … */
	expect_cell(&g, other, 0, 592, 0);
	expect_cell(&g, other, 1, 520, 0);
	expect_cell(&g, other, 2, 140, 1);
	expect_cell(&g, other, 3, 537, 0);
	expect_cell(&g, other, 4, 104, 1);
	expect_cell(&g, total, 0, 5450, 0);
	expect_cell(&g, total, 2, -26, 1);
	f = figure_at(&g, total, 2);
	assert_true(f->flags & FIGURE_RATIO);
	assert_true(f->negative);
	assert_true(f->compares);
	assert_int_equal(f->movement, MOVE_DECREASE);
	/* A value cell knows the fact it shows and where it was recorded. */
	f = figure_at(&g, other, 0);
	assert_true(f->flags & FIGURE_CURRENCY);
	assert_int_equal(f->nsources, 1);
	assert_string_equal(example->facts[f->sources[0].fact].id,
	    "is.rev.other");
	assert_int_equal(f->sources[0].ordinal, env.release->ordinal);
	assert_non_null(strstr(f->sources[0].file, "2004-q1.xml"));
	assert_true(f->sources[0].line > 0);
	assert_int_equal(diags.len, 0);
	figure_grid_free(&g);
	diag_list_free(&diags);
}

static struct value_ref
ref_of(const char *value, enum value_format format, const char *base,
    const char *base2)
{
	struct value_ref ref = { .format = format, .decimals = -1,
	    .scale = SCALE_MILLIONS };
	char err[256];
	int column;

	ref.value = expr_parse(value, example, err, sizeof(err), &column);
	assert_non_null(ref.value);
	if (base != NULL)
		assert_non_null(ref.base = expr_parse(base, example, err,
		    sizeof(err), &column));
	if (base2 != NULL)
		assert_non_null(ref.base2 = expr_parse(base2, example, err,
		    sizeof(err), &column));
	return ref;
}

static void
ref_free(struct value_ref *ref)
{
	expr_free(ref->value);
	expr_free(ref->base);
	expr_free(ref->base2);
}

static void
test_sentence_figures(void **state)
{
	struct figure_env env;
	struct diag_list diags;
	struct value_ref ref;
	struct figure f;

	(void)state;
	env_for(&env, &diags, "2004-q1");
	/* 営業収益(売上高)は…8,675百万円: 8,674,907 thousand, half up. */
	ref = ref_of("is.rev.total", VALUE_AMOUNT_TEXT, NULL, NULL);
	assert_int_equal(figure_of_ref(&env, &ref, 1, &f), 0);
	assert_int_equal(f.units, 8675);
	assert_true(f.flags & FIGURE_MAGNITUDE);
	assert_int_equal(f.scale, SCALE_MILLIONS);
	ref_free(&ref);
	/* EBITDA 884: down 11.5% on 1,358 in 4Q03, up from a loss of 243 in
	 * 1Q03: two comparisons that go different ways. */
	ref = ref_of("op.ebitda", VALUE_CONTRAST, "op.ebitda@pq", "op.ebitda@py");
	assert_int_equal(figure_of_ref(&env, &ref, 1, &f), 0);
	assert_int_equal(f.movement, MOVE_DECREASE);
	assert_int_equal(f.movement2, MOVE_TO_PROFIT);
	assert_int_not_equal(movement_way(f.movement), movement_way(f.movement2));
	ref_free(&ref);
	assert_int_equal(diags.len, 0);
	diag_list_free(&diags);
}

static void
test_policy(void **state)
{
	enum round_mode saved = example->company.rounding;
	struct rat half = { 17349, 2 };   /* 8,674.5 */
	int64_t units;

	(void)state;
	assert_int_equal(figure_round_units(example, NULL, half, 0, 0, &units), 0);
	assert_int_equal(units, 8675);
	example->company.rounding = ROUND_TRUNCATE;
	assert_int_equal(figure_round_units(example, NULL, half, 0, 0, &units), 0);
	assert_int_equal(units, 8674);
	/* Per cents keep their own policy. */
	assert_int_equal(figure_round_units(example, NULL, half, 0, FIGURE_RATIO,
	    &units), 0);
	assert_int_equal(units, example->company.percent_rounding ==
	    ROUND_TRUNCATE ? 8674 : 8675);
	assert_int_equal(figure_eval_context(example, 0, 0).rounding,
	    ROUND_TRUNCATE);
	example->company.rounding = saved;
	/* Too large for 64-bit units at one decimal. */
	assert_int_equal(figure_round_units(example, NULL, rat_int(INT64_MAX / 2), 1,
	    0, &units), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_sentence_figures),
		cmocka_unit_test(test_policy),
	};
	return cmocka_run_group_tests(tests, load_example, free_example);
}
