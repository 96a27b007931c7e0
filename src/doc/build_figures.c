/*
 * Figures in text and tables: an expression evaluated from full precision,
 * scaled, rounded once under the policy and formatted through ICU.
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/expr.h"


struct eval_track {
	int present;   /* a fact that exists was used */
	struct build_deps *deps;
};

static void
track_fact(void *arg, const struct lookup *found)
{
	struct eval_track *t = arg;
	size_t i;

	if (!found->absent)
		t->present = 1;
	if (t->deps == NULL)
		return;
	for (i = 0; i < t->deps->n; i++)
		if (t->deps->ordinals[i] == found->ordinal)
			return;
	if (t->deps->n < BUILD_MAX_DEPS)
		t->deps->ordinals[t->deps->n++] = found->ordinal;
}

/*
 * Evaluates e in the quarter `offset` from the release. Returns the status;
 * reports a missing quarter or fact as an error. *absent tells whether every
 * fact used does not exist in that quarter.
 */
enum eval_status
builder_evaluate(struct builder *b, const struct expr *e, int offset, int line,
    struct rat *value, int *absent)
{
	struct eval_track track = { 0, b->in->deps };
	struct eval_ctx ctx = { .book = b->in->book,
	    .at = b->in->period->ordinal + offset,
	    .viewpoint = b->in->period->ordinal,
	    .cumulative = b->in->book->company.cumulative,
	    .on_fact = track_fact, .arg = &track };
	struct eval_result r;

	expr_eval(e, &ctx, &r);
	if (absent != NULL)
		*absent = !track.present;
	*value = r.value;
	if (r.status == EVAL_MISSING && r.missing.status == LOOKUP_NO_PERIOD) {
		size_t i;
		for (i = 0; i < b->nmissing; i++)
			if (b->missing_reported[i] == r.missing.ordinal) {
				b->failed = 1;
				return r.status;
			}
		if (b->nmissing < sizeof(b->missing_reported) / sizeof(int))
			b->missing_reported[b->nmissing++] = r.missing.ordinal;
	}
	if (r.status == EVAL_MISSING) {
		char other[16];
		int year, quarter;

		fiscal_from_ordinal(r.missing.ordinal, &year, &quarter);
		period_id_format(year, quarter, other, sizeof(other));
		builder_error(b, b->file, line, "release %s needs %s of %s, which %s",
		    b->in->period->id, b->in->book->facts[r.missing.fact].id, other,
		    r.missing.status == LOOKUP_NO_PERIOD ?
		    "has no period file in the book" : "that period does not record");
	} else if (r.status != EVAL_OK && r.status != EVAL_NOT_MEANINGFUL &&
	    r.status != EVAL_DIV_ZERO) {
		builder_error(b, b->file, line, "release %s: %s", b->in->period->id,
		    eval_status_name(r.status));
	}
	return r.status;
}

static int
scale_value(struct rat value, int scale, struct rat *out)
{
	return rat_scale10(value, -scale, out) == RAT_OK ? 0 : -1;
}

/* Notes what the figure being formatted shows, rounded as printed. */
void
builder_remember(struct builder *b, struct rat value, int decimals, unsigned flags)
{
	b->shown.set = format_rounded(builder_formatter(b), value, decimals, flags,
	    &b->shown.value) == 0;
	b->shown.magnitude = (flags & FORMAT_MAGNITUDE) != 0;
}

/* The text for "not meaningful" in the current language. */
void
builder_not_meaningful(struct builder *b, int line, char *out, size_t size)
{
	char *text = builder_message(b, b->file, line, "fmt.not_meaningful", NULL, 0);

	snprintf(out, size, "%s", text != NULL ? text : "");
	free(text);
}

static const char *const direction_words[3] = {
	"decrease", "unchanged", "increase"
};
static const char *const sign_words[3] = { "negative", "zero", "positive" };

/* Formats an evaluated value in format; 0 or -1 (reported). */
int
builder_format_value(struct builder *b, struct rat value, enum eval_status status,
    const struct value_ref *ref, int line, char *out, size_t size)
{
	struct formatter *f = builder_formatter(b);
	int decimals = ref->decimals, rc = 0, scale = ref->scale;
	const char *key = NULL;
	char digits[TEXT_SIZE];
	struct rat v = value;

	if (status == EVAL_NOT_MEANINGFUL || status == EVAL_DIV_ZERO) {
		if (ref->format == VALUE_CHANGE || ref->format == VALUE_PERCENT) {
			builder_not_meaningful(b, line, out, size);
			return 0;
		}
		builder_error(b, b->file, line, "a figure divides by zero");
		return -1;
	}
	switch (ref->format) {
	case VALUE_AMOUNT_TEXT:
		if (scale_value(value, scale, &v) != 0)
			return -1;
		rc = format_number(f, v, decimals < 0 ? 0 : decimals, NUMBER_PLAIN,
		    FORMAT_MAGNITUDE, digits, sizeof(digits));
		builder_remember(b, v, decimals < 0 ? 0 : decimals, FORMAT_MAGNITUDE);
		key = scale == SCALE_MILLIONS ? "fmt.amount.millions" :
		    scale == SCALE_THOUSANDS ? "fmt.amount.thousands" :
		    "fmt.amount.units";
		break;
	case VALUE_USD_TEXT:
		if (b->in->period->has_release == 0 ||
		    rat_div(value, b->in->period->convenience_rate, &v) != RAT_OK ||
		    scale_value(v, scale, &v) != 0) {
			builder_error(b, b->file, line, "no convenience rate for %s",
			    b->in->period->id);
			return -1;
		}
		rc = format_number(f, v, decimals < 0 ? 1 : decimals, NUMBER_PLAIN,
		    FORMAT_MAGNITUDE, digits, sizeof(digits));
		builder_remember(b, v, decimals < 0 ? 1 : decimals, FORMAT_MAGNITUDE);
		key = scale == SCALE_MILLIONS ? "fmt.usd.millions" :
		    scale == SCALE_THOUSANDS ? "fmt.usd.thousands" : "fmt.usd.units";
		break;
	case VALUE_AMOUNT:
		if (scale_value(value, scale, &v) != 0)
			return -1;
		rc = format_number(f, v, decimals < 0 ? 0 : decimals, NUMBER_PLAIN,
		    0, out, size);
		builder_remember(b, v, decimals < 0 ? 0 : decimals, 0);
		break;
	case VALUE_CHANGE:
		rc = format_number(f, value, decimals < 0 ? 1 : decimals,
		    NUMBER_PERCENT, FORMAT_MAGNITUDE | FORMAT_RATIO, out, size);
		builder_remember(b, value, decimals < 0 ? 1 : decimals,
		    FORMAT_MAGNITUDE | FORMAT_RATIO);
		break;
	case VALUE_DIRECTION:
		snprintf(out, size, "%s", direction_words[1 +
		    format_rounded_sign(f, value, decimals < 0 ? 1 : decimals,
		    FORMAT_RATIO)]);
		break;
	case VALUE_SIGN:
		if (scale_value(value, scale, &v) != 0)
			return -1;
		snprintf(out, size, "%s", sign_words[1 +
		    format_rounded_sign(f, v, decimals < 0 ? 0 : decimals, 0)]);
		break;
	case VALUE_PERCENT:
		rc = format_number(f, value, decimals < 0 ? 1 : decimals,
		    NUMBER_PERCENT, FORMAT_RATIO, out, size);
		builder_remember(b, value, decimals < 0 ? 1 : decimals, FORMAT_RATIO);
		break;
	case VALUE_COUNT:
	case VALUE_PER_SHARE:
		rc = format_number(f, value, decimals < 0 ? 0 : decimals,
		    NUMBER_PLAIN, 0, out, size);
		builder_remember(b, value, decimals < 0 ? 0 : decimals, 0);
		break;
	case VALUE_RATE:
		rc = format_number(f, value, decimals < 0 ? 2 : decimals,
		    NUMBER_PLAIN, 0, out, size);
		builder_remember(b, value, decimals < 0 ? 2 : decimals, 0);
		break;
	case VALUE_BANDWIDTH:
		rc = format_number(f, value, decimals < 0 ? 1 : decimals,
		    NUMBER_PLAIN, 0, digits, sizeof(digits));
		builder_remember(b, value, decimals < 0 ? 1 : decimals, 0);
		key = "fmt.bandwidth";
		break;
	default:
		rc = -1;
		break;
	}
	if (rc != 0) {
		builder_error(b, b->file, line, "cannot format a figure (too large?)");
		return -1;
	}
	if (key != NULL) {
		const char *args[1] = { digits };
		char *text = builder_message(b, b->file, line, key, args, 1);

		if (text == NULL)
			return -1;
		snprintf(out, size, "%s", text);
		free(text);
	}
	return 0;
}

/*
 * How a figure moved against its base, both as printed (scaled, rounded at
 * the figure's places): one comparison at a time, so a sentence with two
 * comparisons words each from its own arithmetic.
 */
enum movement {
	MOVE_INCREASE,       /* both zero or above, up */
	MOVE_DECREASE,       /* both zero or above, down */
	MOVE_UNCHANGED,      /* equal as printed */
	MOVE_TO_PROFIT,      /* a loss, now above zero */
	MOVE_TO_LOSS,        /* zero or above, now a loss */
	MOVE_LOSS_NARROWED,  /* a smaller loss */
	MOVE_LOSS_WIDENED,   /* a larger loss */
	MOVE_BREAKEVEN,      /* a loss, now zero */
	MOVE_FROM_ZERO,      /* zero, now above zero */
	MOVE_NOT_MEANINGFUL, /* either side not meaningful */
	MOVE_MAX
};

static const char *const movement_words[MOVE_MAX] = {
	"increase", "decrease", "unchanged", "to_profit", "to_loss",
	"loss_narrowed", "loss_widened", "breakeven", "from_zero", "nm"
};

/* Which way a movement goes: 1 up, -1 down, 0 level, 2 not meaningful. */
static int
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

/* value as a figure of ref prints it: scaled, its magnitude rounded. */
static int
printed_value(struct builder *b, const struct value_ref *ref, struct rat value,
    struct rat *out)
{
	struct rat v;

	if (scale_value(value, ref->scale, &v) != 0 ||
	    format_rounded(builder_formatter(b), rat_abs(v),
	    ref->decimals < 0 ? 0 : ref->decimals, 0, out) != 0)
		return -1;
	if (rat_sign(v) < 0)
		*out = rat_neg(*out);
	return 0;
}

/* ref's value against base: 0, or -1 (reported). */
static int
compare_to(struct builder *b, const struct value_ref *ref,
    const struct expr *base, int line, enum movement *m)
{
	struct rat now, then;
	enum eval_status s[2];
	int i;

	s[0] = builder_evaluate(b, ref->value, 0, line, &now, NULL);
	s[1] = builder_evaluate(b, base, 0, line, &then, NULL);
	for (i = 0; i < 2; i++)
		if (s[i] != EVAL_OK && s[i] != EVAL_NOT_MEANINGFUL &&
		    s[i] != EVAL_DIV_ZERO)
			return -1;
	if (s[0] != EVAL_OK || s[1] != EVAL_OK) {
		*m = MOVE_NOT_MEANINGFUL;
		return 0;
	}
	if (printed_value(b, ref, now, &now) != 0 ||
	    printed_value(b, ref, then, &then) != 0) {
		builder_error(b, b->file, line, "cannot format a figure (too large?)");
		return -1;
	}
	*m = movement_of(now, then);
	return 0;
}

/*
 * A movement keyword (movement_words), or for a contrast "differ" when the
 * two comparisons go different ways and "same" when they do not.
 */
static int
builder_movement(struct builder *b, const struct value_ref *ref, int line,
    char *out, size_t size)
{
	enum movement m, m2;
	int w, w2;

	if (ref->base == NULL ||
	    (ref->format == VALUE_CONTRAST && ref->base2 == NULL)) {
		builder_error(b, b->file, line, "format '%s' needs a base",
		    value_format_names[ref->format]);
		return -1;
	}
	if (compare_to(b, ref, ref->base, line, &m) != 0)
		return -1;
	if (ref->format == VALUE_MOVEMENT) {
		snprintf(out, size, "%s", movement_words[m]);
		return 0;
	}
	if (compare_to(b, ref, ref->base2, line, &m2) != 0)
		return -1;
	w = movement_way(m);
	w2 = movement_way(m2);
	snprintf(out, size, "%s", w != w2 ? "differ" : "same");
	return 0;
}

int
builder_figure(struct builder *b, const struct value_ref *ref, int line, char *out,
    size_t size)
{
	struct rat value;
	enum eval_status st;

	b->shown.set = 0;
	if (ref->format == VALUE_MOVEMENT || ref->format == VALUE_CONTRAST)
		return builder_movement(b, ref, line, out, size);
	st = builder_evaluate(b, ref->value, 0, line, &value, NULL);
	if (st == EVAL_MISSING || (st != EVAL_OK && st != EVAL_NOT_MEANINGFUL &&
	    st != EVAL_DIV_ZERO))
		return -1;
	return builder_format_value(b, value, st, ref, line, out, size);
}
