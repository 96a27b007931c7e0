/*
 * Facts an identity defines, left out of a period file and computed from
 * the identity instead: a subtotal, a total, operating income. Exact, as
 * every fact is; the identity then holds by construction, and every other
 * identity that reads the fact still checks it.
 */
#include "expr.h"

#include <stdlib.h>
#include <string.h>

long
expr_single_fact(const struct expr *e)
{
	return e != NULL && e->kind == EXPR_FACT && e->u.ref.offset == 0 ?
	    (long)e->u.ref.fact : -1;
}

/*
 * Whether e reads only its own quarter. A side that reads another
 * (bs.cash@pq) derives nothing: a render loads only the quarters its
 * release reads, so such a fact could differ between a render and a
 * build of the whole book.
 */
static int
own_quarter(const struct expr *e)
{
	size_t i;

	switch (e->kind) {
	case EXPR_NUMBER:
		return 1;
	case EXPR_FACT:
		return e->u.ref.offset == 0;
	case EXPR_NEG:
		return own_quarter(e->u.operand);
	case EXPR_CALL:
		/* rate() and ytd() read beyond the quarter's own facts. */
		if (e->u.call.func == FUNC_RATE || e->u.call.func == FUNC_YTD ||
		    e->u.call.func == FUNC_USD)
			return 0;
		for (i = 0; i < e->u.call.nargs; i++)
			if (!own_quarter(e->u.call.args[i]))
				return 0;
		return 1;
	default:
		return own_quarter(e->u.binary.left) &&
		    own_quarter(e->u.binary.right);
	}
}

/* Whether any fact the evaluation read exists (is not absent). */
static void
note_existing(void *arg, const struct lookup *found)
{
	if (!found->absent)
		*(int *)arg = 1;
}

/* Digits after the point of an exact value, 18 when it does not end. */
static int
decimals_of(struct rat v)
{
	struct rat scaled;
	int d;

	for (d = 0; d < 18; d++)
		if (rat_scale10(v, d, &scaled) == RAT_OK && scaled.den == 1)
			return d;
	return 18;
}

/* Derives fact `f` of p from `other`, one side of identity id. */
static int
derive_one(struct book *book, struct period *p, const struct identity *id,
    long f, const struct expr *other, enum round_mode rounding)
{
	struct fact_slot *slot;
	struct eval_ctx ctx;
	struct eval_result r;
	int existing = 0;

	if (f < 0 || !own_quarter(other))
		return 0;
	slot = &p->slots[f];
	/* Written in the file, or derived already. */
	if (slot->line != 0 || slot->derived != NULL)
		return 0;
	memset(&ctx, 0, sizeof(ctx));
	ctx.book = book;
	ctx.at = ctx.viewpoint = p->ordinal;
	ctx.rounding = rounding;
	ctx.on_fact = note_existing;
	ctx.arg = &existing;
	if (expr_eval(other, &ctx, &r) != EVAL_OK)
		return 0;
	if (!existing && rat_is_zero(r.value)) {
		if (slot->state == SLOT_UNKNOWN)
			slot->state = SLOT_ABSENT;
		return 0;
	}
	/*
	 * A fact recorded in thousands or millions is recorded whole in that
	 * unit, as the company would write it (EBITDA in millions from an
	 * operating income in thousands): rounded under the era's policy.
	 */
	if (book->facts[f].scale > 0) {
		struct rat units;
		int64_t whole;

		if (rat_scale10(r.value, -book->facts[f].scale, &units) != RAT_OK ||
		    rat_round(units, 0, rounding, &whole) != RAT_OK ||
		    rat_scale10(rat_int(whole), book->facts[f].scale, &r.value) !=
		    RAT_OK)
			return 0;
	}
	slot->state = SLOT_PRESENT;
	slot->value = r.value;
	slot->decimals = book->facts[f].scale > 0 ? 0 : decimals_of(r.value);
	slot->derived = id;
	return 1;
}

int
book_fact_derivable(const struct book *book, size_t f, int has_release)
{
	size_t i;

	for (i = 0; i < book->nidentities; i++) {
		const struct identity *id = &book->identities[i];
		if ((id->release_only && !has_release) || id->left == NULL ||
		    id->right == NULL)
			continue;
		if ((expr_single_fact(id->left) == (long)f &&
		    own_quarter(id->right)) || (expr_single_fact(id->right) ==
		    (long)f && own_quarter(id->left)))
			return 1;
	}
	return 0;
}

int
book_derive(struct book *book, struct period *p, enum round_mode rounding)
{
	size_t i;
	unsigned char *pending = calloc(book->nfacts + 1, 1);
	int progress;

	/* A fact left out that an identity may define is not yet known: read
	 * as absent (zero) it would feed a total derived before it. */
	if (pending == NULL)
		return -1;
	for (i = 0; i < book->nfacts; i++)
		if (p->slots[i].line == 0 && p->slots[i].state == SLOT_ABSENT &&
		    book_fact_derivable(book, i, p->has_release)) {
			pending[i] = 1;
			p->slots[i].state = SLOT_UNKNOWN;
		}
	do {
		progress = 0;
		for (i = 0; i < book->nidentities; i++) {
			const struct identity *id = &book->identities[i];
			if (id->left == NULL || id->right == NULL ||
			    (id->release_only && !p->has_release))
				continue;
			progress += derive_one(book, p, id,
			    expr_single_fact(id->left), id->right, rounding);
			progress += derive_one(book, p, id,
			    expr_single_fact(id->right), id->left, rounding);
		}
	} while (progress > 0);
	/* What nothing defined is what the file said: it does not exist. */
	for (i = 0; i < book->nfacts; i++)
		if (pending[i] && p->slots[i].derived == NULL &&
		    p->slots[i].state == SLOT_UNKNOWN)
			p->slots[i].state = SLOT_ABSENT;
	free(pending);
	return 0;
}
