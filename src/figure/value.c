/*
 * Single figures: a value reference of a sentence or a table cell,
 * scaled to its unit, rounded once under the policy, and for movements
 * compared as printed.
 */
#include "figure.h"

#include <string.h>

const char *const movement_words[MOVE_MAX] = {
	"increase", "decrease", "unchanged", "to_profit", "to_loss",
	"loss_narrowed", "loss_widened", "breakeven", "from_zero", "nm"
};

int
movement_way(enum movement m)
{
	switch (m) {
	case MOVE_INCREASE:
	case MOVE_TO_PROFIT:
	case MOVE_LOSS_NARROWED:
	case MOVE_BREAKEVEN:
	case MOVE_FROM_ZERO:
		return 1;
	case MOVE_DECREASE:
	case MOVE_TO_LOSS:
	case MOVE_LOSS_WIDENED:
		return -1;
	case MOVE_UNCHANGED:
		return 0;
	default:
		return 2;
	}
}

static enum movement
movement_of(struct rat now, struct rat then)
{
	int cmp = rat_cmp(now, then), s = rat_sign(now);

	if (cmp == 0)
		return MOVE_UNCHANGED;
	if (rat_sign(then) < 0) {
		if (s > 0)
			return MOVE_TO_PROFIT;
		if (s == 0)
			return MOVE_BREAKEVEN;
		return cmp > 0 ? MOVE_LOSS_NARROWED : MOVE_LOSS_WIDENED;
	}
	if (s < 0)
		return MOVE_TO_LOSS;
	if (rat_is_zero(then))
		return MOVE_FROM_ZERO;
	return cmp > 0 ? MOVE_INCREASE : MOVE_DECREASE;
}

/* The defaults of each value format: decimals and flags. */
static int
default_decimals(enum value_format format)
{
	switch (format) {
	case VALUE_USD_TEXT:
	case VALUE_CHANGE:
	case VALUE_DIRECTION:
	case VALUE_PERCENT:
	case VALUE_BANDWIDTH:
		return 1;
	case VALUE_RATE:
		return 2;
	default:
		return 0;
	}
}

static unsigned
format_flags(enum value_format format)
{
	switch (format) {
	case VALUE_AMOUNT_TEXT:
		return FIGURE_CURRENCY | FIGURE_MAGNITUDE;
	case VALUE_USD_TEXT:
		return FIGURE_CURRENCY | FIGURE_MAGNITUDE | FIGURE_USD;
	case VALUE_AMOUNT:
	case VALUE_SIGN:
		return FIGURE_CURRENCY;
	case VALUE_CHANGE:
		return FIGURE_RATIO | FIGURE_MAGNITUDE | FIGURE_PERCENT;
	case VALUE_DIRECTION:
		return FIGURE_RATIO;
	case VALUE_PERCENT:
		return FIGURE_RATIO | FIGURE_PERCENT;
	default:
		return 0;
	}
}

int
figure_decide(struct figure_env *env, struct rat value,
    enum eval_status status, const struct value_ref *ref, int line,
    struct figure *out)
{
	int amount = ref->format == VALUE_AMOUNT_TEXT ||
	    ref->format == VALUE_USD_TEXT || ref->format == VALUE_AMOUNT ||
	    ref->format == VALUE_SIGN;
	struct rat v = value;

	out->decimals = ref->decimals < 0 ? default_decimals(ref->format) :
	    ref->decimals;
	out->flags |= format_flags(ref->format);
	if (status == EVAL_NOT_MEANINGFUL || status == EVAL_DIV_ZERO) {
		if (ref->format == VALUE_CHANGE || ref->format == VALUE_PERCENT) {
			out->state = FIGURE_NOT_MEANINGFUL;
			return 0;
		}
		figure_error(env, line, "a figure divides by zero");
		return -1;
	}
	if (ref->format == VALUE_USD_TEXT && !env->release->has_release) {
		figure_error(env, line, "no convenience rate for %s",
		    env->release->id);
		return -1;
	}
	if (ref->format == VALUE_USD_TEXT &&
	    rat_div(value, env->release->convenience_rate, &v) != RAT_OK) {
		figure_error(env, line, "cannot format a figure (too large?)");
		return -1;
	}
	if (amount) {
		out->scale = ref->scale;
		if (rat_scale10(v, -ref->scale, &v) != RAT_OK) {
			figure_error(env, line, "cannot format a figure (too large?)");
			return -1;
		}
	}
	if (ref->format >= VALUE_MOVEMENT) {
		figure_error(env, line, "cannot format a figure (too large?)");
		return -1;
	}
	if (figure_print(env->book, env->release, out, v) != 0) {
		if (ref->format != VALUE_DIRECTION && ref->format != VALUE_SIGN) {
			figure_error(env, line, "cannot format a figure (too large?)");
			return -1;
		}
		/* Never printed: only its sign becomes a word. */
		out->state = FIGURE_VALUE;
		out->exact = out->printed = v;
		out->units = 0;
		out->sign = rat_sign(v);
		out->negative = out->sign < 0;
	}
	return 0;
}

/* value as a figure of ref prints it: scaled, its magnitude rounded. */
static int
printed_value(struct figure_env *env, const struct value_ref *ref,
    struct rat value, struct rat *out)
{
	struct rat v;

	if (rat_scale10(value, -ref->scale, &v) != RAT_OK ||
	    figure_round(env->book, env->release, rat_abs(v), ref->decimals < 0 ? 0 :
	    ref->decimals, 0, out) != 0)
		return -1;
	if (rat_sign(v) < 0)
		*out = rat_neg(*out);
	return 0;
}

/* ref's value against base: 0, or -1 (reported). */
static int
compare_to(struct figure_env *env, const struct value_ref *ref,
    const struct expr *base, int line, struct figure *f, enum movement *m)
{
	struct rat now, then;
	enum eval_status s[2];
	int i;

	s[0] = figure_evaluate(env, ref->value, 0, line, &now, NULL, f);
	s[1] = figure_evaluate(env, base, 0, line, &then, NULL, f);
	for (i = 0; i < 2; i++)
		if (s[i] != EVAL_OK && s[i] != EVAL_NOT_MEANINGFUL &&
		    s[i] != EVAL_DIV_ZERO)
			return -1;
	if (s[0] != EVAL_OK || s[1] != EVAL_OK) {
		*m = MOVE_NOT_MEANINGFUL;
		return 0;
	}
	f->compares = 1;
	f->now = now;
	f->then = then;
	if (printed_value(env, ref, now, &now) != 0 ||
	    printed_value(env, ref, then, &then) != 0) {
		figure_error(env, line, "cannot format a figure (too large?)");
		return -1;
	}
	*m = movement_of(now, then);
	return 0;
}

/*
 * The direction of growth(a, b) from a base of zero, which has no per-cent
 * change: up (MOVE_FROM_ZERO), down (MOVE_TO_LOSS) or level. -1 when e is
 * not such a growth.
 */
static int
from_zero(struct figure_env *env, const struct expr *e, int line,
    struct figure *out)
{
	struct rat now, then;

	if (e->kind != EXPR_CALL || e->u.call.func != FUNC_GROWTH ||
	    e->u.call.nargs != 2 ||
	    figure_evaluate(env, e->u.call.args[1], 0, line, &then, NULL,
	    NULL) != EVAL_OK || !rat_is_zero(then) ||
	    figure_evaluate(env, e->u.call.args[0], 0, line, &now, NULL,
	    NULL) != EVAL_OK)
		return -1;
	out->state = FIGURE_VALUE;
	out->compares = 1;
	out->now = now;
	out->then = then;
	out->sign = rat_sign(now);
	out->movement = out->sign > 0 ? MOVE_FROM_ZERO : out->sign < 0 ?
	    MOVE_TO_LOSS : MOVE_UNCHANGED;
	return 0;
}

int
figure_of_ref(struct figure_env *env, const struct value_ref *ref, int line,
    struct figure *out)
{
	struct rat value;
	enum eval_status st;

	memset(out, 0, sizeof(*out));
	if (ref->format == VALUE_MOVEMENT || ref->format == VALUE_CONTRAST) {
		if (ref->base == NULL ||
		    (ref->format == VALUE_CONTRAST && ref->base2 == NULL)) {
			figure_error(env, line, "format '%s' needs a base",
			    value_format_names[ref->format]);
			return -1;
		}
		if (compare_to(env, ref, ref->base, line, out, &out->movement) != 0)
			return -1;
		if (ref->format == VALUE_CONTRAST && compare_to(env, ref, ref->base2,
		    line, out, &out->movement2) != 0)
			return -1;
		out->state = out->movement == MOVE_NOT_MEANINGFUL ?
		    FIGURE_NOT_MEANINGFUL : FIGURE_VALUE;
		return 0;
	}
	st = figure_evaluate(env, ref->value, 0, line, &value, NULL, out);
	if (st == EVAL_MISSING || (st != EVAL_OK && st != EVAL_NOT_MEANINGFUL &&
	    st != EVAL_DIV_ZERO))
		return -1;
	if (ref->format == VALUE_DIRECTION && st == EVAL_NOT_MEANINGFUL &&
	    from_zero(env, ref->value, line, out) == 0)
		return 0;
	return figure_decide(env, value, st, ref, line, out);
}
