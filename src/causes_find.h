/*
 * What differs between the two drafts of `kessan diff`, as causes to try
 * one at a time on the old book (causes.c tries them): shared by the two.
 */
#ifndef KESSAN_CAUSES_FIND_H
#define KESSAN_CAUSES_FIND_H

#include <stddef.h>

#include "diff/diff.h"
#include "model/book.h"

/* How one cause is tried on the old book: a shallow copy of one struct
 * of it is kept, the struct changed, and the copy put back after. */
enum try_kind {
	TRY_FACT,         /* period: slots[of] from new */
	TRY_RESTATEMENT,  /* period: restatements with one entry from new */
	TRY_RATE,         /* period: the convenience rate and its date */
	TRY_RELEASE,      /* period: the release date and datelines */
	TRY_SLOT,         /* narrative: slots with one from new */
	TRY_NOTE,         /* narrative: notes with one from new */
	TRY_POLICY,       /* company: one field from new */
	TRY_MESSAGE,      /* a catalog: one message's pattern from new */
	TRY_TEMPLATE,     /* the layout's templates: the new side's set */
	TRY_NONE          /* not tried alone: found by elimination */
};

enum policy_field {
	POLICY_ROUNDING,
	POLICY_PERCENT_ROUNDING,
	POLICY_NEGATIVES,
	POLICY_NOT_MEANINGFUL,
	POLICY_VANISHED,
	POLICY_FOOTING,
	POLICY_NAMES,            /* the company's names, ticker, market */
	POLICY_URLS,
	POLICY_CONTACTS,
	POLICY_OFFICERS,
	POLICY_FIELD_MAX
};

struct try {
	enum try_kind kind;
	struct period *op;          /* the old book's period */
	const struct period *np;    /* the new book's */
	size_t of, nf;              /* a fact in each book */
	int old_at, new_at;         /* an array entry in each; -1: none */
	enum lang lang;
	int field;                  /* enum policy_field */
	void *target;               /* what is changed, and its copy */
	void *saved;
	size_t size;
	void *temp;                 /* an array made for the try */
	struct fact_slot **slots;   /* rounding: each period's own slots */
	size_t nslots;
	struct catalog *catalog;    /* TRY_MESSAGE: the old side's */
	const struct message *message;   /* the new side's */
	struct template_set **templates; /* TRY_TEMPLATE: the old side's */
	struct template_set *new_templates;
};

struct finder {
	struct book *old;
	const struct book *new;
	struct change_cause *causes;
	struct try *tries;
	size_t n;
	int failed;
};

/*
 * Appends to f every input that differs between f->old and f->new for
 * the release of quarter `period`: the facts of each period both books
 * hold (as written), restatements, convenience rates, release dates,
 * narrative slots and footnotes, and the release's company policies. Sets
 * f->failed when out of memory.
 */
void causes_find(struct finder *f, const char *period);

/* Appends a cause of kind named fmt (printf) with its values (taken,
 * NULL: out of memory): its try, to be filled, or NULL with f->failed
 * set. */
struct try *causes_add(struct finder *f, enum cause_kind kind,
    char *old_value, char *new_value, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif
