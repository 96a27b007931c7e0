/* Lookups over the loaded book, and its destruction. */
#include "book.h"

#include <stdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/suggest.h"
#include "expr.h"

static const char *const unit_names[UNIT_MAX] = {
	"JPY", "count", "shares", "Gbps", "percent"
};

const char *
unit_name(enum unit unit)
{
	return unit < UNIT_MAX ? unit_names[unit] : "?";
}

long
book_fact_index(const struct book *book, const char *id)
{
	size_t i;

	for (i = 0; i < book->nfacts; i++)
		if (strcmp(book->facts[i].id, id) == 0)
			return (long)i;
	return -1;
}

static const char *
fact_id_at(const void *ctx, size_t i)
{
	return ((const struct book *)ctx)->facts[i].id;
}

const char *
book_fact_suggest(const struct book *book, const char *id)
{
	return suggest_closest(id, fact_id_at, book, book->nfacts);
}

const char *
book_fact_hint(const struct book *book, const char *id, char *buf,
    size_t size)
{
	const char *near = book_fact_suggest(book, id);

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (near != NULL)
		snprintf(buf, size, "; did you mean %s?", near);
	return buf;
}

const struct period *
book_period(const struct book *book, int ordinal)
{
	size_t lo = 0, hi = book->nperiods;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int o = book->periods[mid]->ordinal;
		if (o == ordinal)
			return book->periods[mid];
		if (o < ordinal)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct period *
book_period_by_id(const struct book *book, const char *id)
{
	int year, quarter;

	if (period_id_parse(id, &year, &quarter) != 0)
		return NULL;
	return book_period(book, fiscal_ordinal(year, quarter));
}

/* The latest restatement of (ordinal, fact) published after the quarter
 * itself and no later than the viewpoint. */
static const struct restatement *
find_restatement(const struct book *book, int ordinal, size_t fact,
    int viewpoint, const struct period **where)
{
	int o;
	size_t i;

	for (o = viewpoint; o > ordinal; o--) {
		const struct period *p = book_period(book, o);
		if (p == NULL)
			continue;
		for (i = 0; i < p->nrestatements; i++) {
			if (p->restatements[i].ordinal == ordinal &&
			    p->restatements[i].fact == fact) {
				*where = p;
				return &p->restatements[i];
			}
		}
	}
	return NULL;
}

enum lookup_status
book_lookup(const struct book *book, int at, int offset, size_t fact,
    int viewpoint, struct lookup *out)
{
	const struct period *p, *where = NULL;
	const struct restatement *r;
	const struct fact_slot *slot;

	memset(out, 0, sizeof(*out));
	out->ordinal = at + offset;
	out->fact = fact;
	if ((p = book_period(book, out->ordinal)) == NULL)
		return out->status = LOOKUP_NO_PERIOD;
	if ((r = find_restatement(book, out->ordinal, fact, viewpoint,
	    &where)) != NULL) {
		out->value = r->value;
		out->decimals = r->decimals;
		out->file = where->file;
		out->line = r->line;
		out->restated = r;
		return out->status = LOOKUP_OK;
	}
	slot = &p->slots[fact];
	out->file = p->file;
	out->line = slot->line ? slot->line : p->line;
	switch (slot->state) {
	case SLOT_UNKNOWN:
		return out->status = LOOKUP_NO_FACT;
	case SLOT_ABSENT:
		out->value = rat_int(0);
		out->absent = 1;
		break;
	case SLOT_PRESENT:
		out->value = slot->value;
		out->decimals = slot->decimals;
		break;
	}
	return out->status = LOOKUP_OK;
}

int
book_last_quarters(const struct book *book, int at, int n, int *ordinals,
    int *missing)
{
	int i, rc = 0;

	for (i = n - 1; i >= 0; i--) {
		ordinals[i] = at - (n - 1 - i);
		if (rc == 0 && book_period(book, ordinals[i]) == NULL) {
			*missing = ordinals[i];
			rc = -1;
		}
	}
	return rc;
}

struct rat
fact_resolution(const struct fact_decl *fact, int decimals)
{
	struct rat r = rat_int(1);

	/* Scales are at most 9 and decimals at most 18: cannot overflow. */
	(void)rat_scale10(r, fact->scale - decimals, &r);
	return r;
}

void
run_free(struct run *run)
{
	size_t i;

	free(run->text);
	expr_free(run->value.value);
	expr_free(run->value.base);
	expr_free(run->value.base2);
	for (i = 0; i < run->nchildren; i++)
		run_free(&run->children[i]);
	free(run->children);
}

static void
narrative_free(struct narrative *n)
{
	size_t i, j, k;

	for (i = 0; i < n->nslots; i++) {
		for (j = 0; j < n->slots[i].nblocks; j++) {
			struct narrative_block *b = &n->slots[i].blocks[j];
			for (k = 0; k < b->nitems; k++)
				run_free(&b->items[k]);
			free(b->items);
		}
		free(n->slots[i].blocks);
		free(n->slots[i].id);
	}
	free(n->slots);
	for (i = 0; i < n->nnotes; i++) {
		free(n->notes[i].id);
		run_free(&n->notes[i].content);
	}
	free(n->notes);
	for (i = 0; i < n->nunwritten; i++)
		free(n->unwritten[i].message);
	free(n->unwritten);
}

int
unwritten_add(struct unwritten **list, size_t *n, int line, const char *fmt,
    ...)
{
	struct unwritten *grown;
	va_list ap;
	char text[512];

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if ((grown = realloc(*list, (*n + 1) * sizeof(*grown))) == NULL)
		return -1;
	*list = grown;
	if ((grown[*n].message = strdup(text)) == NULL)
		return -1;
	grown[*n].line = line;
	(*n)++;
	return 0;
}

const struct slot *
period_slot(const struct period *p, enum lang lang, const char *id)
{
	size_t i;

	for (i = 0; i < p->narrative[lang].nslots; i++)
		if (strcmp(p->narrative[lang].slots[i].id, id) == 0)
			return &p->narrative[lang].slots[i];
	return NULL;
}

const struct authored_note *
period_note(const struct period *p, enum lang lang, const char *id)
{
	size_t i;

	for (i = 0; i < p->narrative[lang].nnotes; i++)
		if (strcmp(p->narrative[lang].notes[i].id, id) == 0)
			return &p->narrative[lang].notes[i];
	return NULL;
}

void
period_free(struct period *p)
{
	size_t i;
	int l;

	if (p == NULL)
		return;
	for (l = 0; l < LANG_MAX; l++)
		narrative_free(&p->narrative[l]);
	free(p->file);
	free(p->layout);
	for (i = 0; i < p->nunwritten; i++)
		free(p->unwritten[i].message);
	free(p->unwritten);
	for (i = 0; i < p->ndatelines; i++)
		for (l = 0; l < LANG_MAX; l++)
			free(p->datelines[i].city[l]);
	free(p->datelines);
	free(p->slots);
	for (i = 0; i < p->nrestatements; i++)
		for (l = 0; l < LANG_MAX; l++)
			free(p->restatements[i].reason[l]);
	free(p->restatements);
	for (i = 0; i < p->nadjustments; i++) {
		free(p->adjustments[i].table);
		free(p->adjustments[i].row);
		free(p->adjustments[i].reason);
	}
	free(p->adjustments);
	for (i = 0; i < p->nstated; i++)
		free(p->stated[i].reason);
	free(p->stated);
	free(p);
}

static int
copy_text(char **dst, const char *src)
{
	*dst = NULL;
	return src == NULL || (*dst = strdup(src)) != NULL ? 0 : -1;
}

int
company_copy(struct company *dst, const struct company *src)
{
	int l, rc = 0;
	size_t i;

	*dst = *src;
	/* Nothing below may point into src once a copy fails half-way. */
	memset(dst->name, 0, sizeof(dst->name));
	memset(dst->url, 0, sizeof(dst->url));
	memset(dst->contact, 0, sizeof(dst->contact));
	dst->short_name = dst->ticker = dst->market = dst->layout = NULL;
	dst->footing = NULL;
	dst->nfooting = 0;
	dst->officers = NULL;
	dst->nofficers = 0;
	for (l = 0; l < LANG_MAX; l++) {
		const struct contact *a = &src->contact[l];
		struct contact *b = &dst->contact[l];
		rc |= copy_text(&dst->name[l], src->name[l]);
		rc |= copy_text(&dst->url[l], src->url[l]);
		rc |= copy_text(&b->person, a->person);
		rc |= copy_text(&b->office, a->office);
		rc |= copy_text(&b->email, a->email);
		rc |= copy_text(&b->tel, a->tel);
		rc |= copy_text(&b->fax, a->fax);
	}
	rc |= copy_text(&dst->short_name, src->short_name);
	rc |= copy_text(&dst->ticker, src->ticker);
	rc |= copy_text(&dst->market, src->market);
	rc |= copy_text(&dst->layout, src->layout);
	if (src->nfooting > 0) {
		if ((dst->footing = calloc(src->nfooting,
		    sizeof(*dst->footing))) == NULL)
			return -1;
		for (i = 0; i < src->nfooting; i++) {
			dst->footing[i] = src->footing[i];
			rc |= copy_text(&dst->footing[i].kind, src->footing[i].kind);
			dst->nfooting++;
		}
	}
	if (src->nofficers > 0) {
		if ((dst->officers = calloc(src->nofficers,
		    sizeof(*dst->officers))) == NULL)
			return -1;
		for (i = 0; i < src->nofficers; i++) {
			struct officer *o = &dst->officers[i];
			o->origin = src->officers[i].origin;
			rc |= copy_text(&o->role, src->officers[i].role);
			for (l = 0; l < LANG_MAX; l++) {
				rc |= copy_text(&o->name[l], src->officers[i].name[l]);
				rc |= copy_text(&o->title[l], src->officers[i].title[l]);
			}
			dst->nofficers++;
		}
	}
	return rc != 0 ? -1 : 0;
}

void
company_free(struct company *c)
{
	size_t i;
	int l;

	for (l = 0; l < LANG_MAX; l++) {
		struct contact *k = &c->contact[l];
		free(c->name[l]);
		free(c->url[l]);
		free(k->person);
		free(k->office);
		free(k->email);
		free(k->tel);
		free(k->fax);
	}
	free(c->ticker);
	free(c->short_name);
	free(c->market);
	free(c->layout);
	for (i = 0; i < c->nfooting; i++)
		free(c->footing[i].kind);
	free(c->footing);
	for (i = 0; i < c->nofficers; i++) {
		free(c->officers[i].role);
		for (l = 0; l < LANG_MAX; l++) {
			free(c->officers[i].name[l]);
			free(c->officers[i].title[l]);
		}
	}
	free(c->officers);
}

static int
date_compare(struct date a, struct date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	return a.day < b.day ? -1 : a.day > b.day;
}

const struct company *
book_company_on(const struct book *book, struct date day)
{
	const struct company *c = &book->company;
	size_t i;

	for (i = 0; i < book->neras; i++)
		if (date_compare(book->eras[i].from, day) <= 0)
			c = &book->eras[i];
	return c;
}

int
period_publishes(const struct book *book, const struct period *p,
    enum lang lang)
{
	return (period_company(book, p)->languages & (1u << lang)) != 0;
}

const struct company *
period_company(const struct book *book, const struct period *p)
{
	return p != NULL && p->company != NULL ? p->company : &book->company;
}

int
layout_same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

const char *
period_layout(const struct book *book, const struct period *p)
{
	if (p->layout != NULL)
		return p->layout;
	/* While the periods load, before each has its era. */
	return (p->company != NULL ? p->company :
	    book_company_on(book, p->release_date))->layout;
}

void
book_free(struct book *book)
{
	size_t i;

	if (book == NULL)
		return;
	company_free(&book->company);
	for (i = 0; i < book->neras; i++)
		company_free(&book->eras[i]);
	free(book->eras);
	for (i = 0; i < book->ngroups; i++) {
		free(book->groups[i].id);
		free(book->groups[i].title);
	}
	free(book->groups);
	for (i = 0; i < book->nfacts; i++) {
		free(book->facts[i].id);
		free(book->facts[i].label);
	}
	free(book->facts);
	for (i = 0; i < book->nidentities; i++) {
		struct identity *id = &book->identities[i];
		free(id->id);
		free(id->title);
		free(id->text);
		expr_free(id->left);
		expr_free(id->right);
	}
	free(book->identities);
	for (i = 0; i < book->nperiods; i++)
		period_free(book->periods[i]);
	free(book->periods);
	free(book->dir);
	free(book->company_file);
	free(book->accounts_file);
	free(book);
}
