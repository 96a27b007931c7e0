#include "parity.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "../util/rational.h"

struct parity {
	UNumberFormat *parsers[LANG_MAX];
	struct diag_list *diags;
	struct parity_stats stats;
};

/* The signs a negative figure is printed with, in any language. */
static const char *const minus_signs[] = {
	"(", "-", "\xE2\x96\xB3" /* △ */, "\xE2\x96\xB2" /* ▲ */,
	"\xE2\x88\x92" /* − */, NULL
};

/*
 * Reads a figure's text back as a reader would: its number, parsed by
 * ICU for the language, and whether a minus sign stands before it.
 * Returns 0, or -1 when the text holds no number.
 */
static int
read_back(struct parity *pc, const char *text, enum lang lang,
    struct rat *value, int *negative)
{
	const char *digits = text, *end;
	char run[64], decimal[64];
	UChar u[64];
	UErrorCode status = U_ZERO_ERROR;
	int32_t pos = 0, n;
	size_t len, i;

	while (*digits != '\0' && (*digits < '0' || *digits > '9'))
		digits++;
	if (*digits == '\0')
		return -1;
	for (end = digits; (*end >= '0' && *end <= '9') || *end == ',' ||
	    *end == '.'; end++)
		;
	while (end > digits && (end[-1] == ',' || end[-1] == '.'))
		end--;
	len = (size_t)(end - digits);
	if (len >= sizeof(run))
		return -1;
	memcpy(run, digits, len);
	run[len] = '\0';
	u_uastrcpy(u, run);
	n = unum_parseDecimal(pc->parsers[lang], u, (int32_t)len, &pos, decimal,
	    (int32_t)sizeof(decimal), &status);
	if (U_FAILURE(status) || pos != (int32_t)len || n <= 0 ||
	    rat_parse(decimal, value, NULL) != RAT_OK)
		return -1;
	*negative = 0;
	for (i = 0; minus_signs[i] != NULL; i++) {
		const char *at = strstr(text, minus_signs[i]);
		if (at != NULL && at < digits)
			*negative = 1;
	}
	return 0;
}

static const char *
lang_name(enum lang l)
{
	return l == LANG_JA ? "Japanese" : "English";
}

/*
 * Whether a figure's text says what it shows (in sentence, when it stands
 * in one); reports it at n if not.
 */
static void
check_figure(struct parity *pc, const struct node *n, const char *text,
    const struct shown *shown, const char *sentence)
{
	struct rat read;
	int negative, sign = rat_sign(shown->value);
	char want[64];

	pc->stats.figures++;
	if (read_back(pc, text, n->lang, &read, &negative) == 0 &&
	    rat_cmp(read, rat_abs(shown->value)) == 0 &&
	    (shown->magnitude || sign == 0 || negative == (sign < 0)))
		return;
	if (rat_to_exact_decimal(shown->magnitude ? rat_abs(shown->value) :
	    shown->value, want, sizeof(want)) != RAT_OK)
		snprintf(want, sizeof(want), "?");
	diag_add(pc->diags, DIAG_ERROR, n->file, n->line,
	    "the %s text \"%s\"%s%s%s does not say %s%s: check the catalog's "
	    "wording of figures and the negative style", lang_name(n->lang),
	    text, sentence != NULL ? " (in \"" : "",
	    sentence != NULL ? sentence : "", sentence != NULL ? "\")" : "",
	    want, shown->magnitude ? " (no sign)" : "");
	pc->stats.mismatches++;
}

static void
check_figures(struct parity *pc, const struct node *n)
{
	const struct node *k;
	size_t i;

	if (n->kind == NODE_TEXT && n->shown.set)
		check_figure(pc, n, n->u.text.text, &n->shown, NULL);
	/* Each figure argument of a generated sentence. */
	for (i = 0; n->kind == NODE_TEXT && i < n->nfigures; i++)
		check_figure(pc, n, n->figures[i].text, &n->figures[i].shown,
		    n->u.text.text);
	for (k = n->first; k != NULL; k = k->next)
		check_figures(pc, k);
}

/* ---- the tables both documents carry ---- */

static const struct node *
find_id(const struct node *parent, enum node_kind kind, const char *id)
{
	const struct node *k;

	for (k = parent->first; k != NULL; k = k->next)
		if (k->kind == kind && k->id != NULL && strcmp(k->id, id) == 0)
			return k;
	return NULL;
}

static const struct node *
find_table(const struct node *n, const char *id)
{
	const struct node *k;

	if (n->kind == NODE_TABLE)
		return n->id != NULL && strcmp(n->id, id) == 0 ? n : NULL;
	for (k = n->first; k != NULL; k = k->next) {
		const struct node *found = find_table(k, id);

		if (found != NULL)
			return found;
	}
	return NULL;
}

/* The figure a cell shows, or NULL for a label, a blank or "n.m.". */
static const struct node *
cell_figure(const struct node *cell)
{
	return cell != NULL && cell->first != NULL &&
	    cell->first->kind == NODE_TEXT && cell->first->shown.set ?
	    cell->first : NULL;
}

static void
compare_tables(struct parity *pc, const struct node *en, const struct node *ja)
{
	const struct node *row, *cell;

	for (row = en->first; row != NULL; row = row->next) {
		const struct node *other;

		if (row->kind != NODE_ROW || row->id == NULL)
			continue;
		if ((other = find_id(ja, NODE_ROW, row->id)) == NULL) {
			diag_add(pc->diags, DIAG_ERROR, ja->file, ja->line,
			    "table '%s': the Japanese table has no row '%s', which "
			    "the English one has", en->id, row->id);
			pc->stats.mismatches++;
			continue;
		}
		for (cell = row->first; cell != NULL; cell = cell->next) {
			const struct node *a = cell_figure(cell), *b;

			if (a == NULL || cell->id == NULL)
				continue;
			b = cell_figure(find_id(other, NODE_CELL, cell->id));
			if (b != NULL && rat_cmp(a->shown.value, b->shown.value) == 0 &&
			    a->shown.magnitude == b->shown.magnitude)
				continue;
			diag_add(pc->diags, DIAG_ERROR, other->file, other->line,
			    "table '%s', row '%s', column '%s': English shows \"%s\", "
			    "Japanese %s%s%s", en->id, row->id, cell->id,
			    a->u.text.text, b != NULL ? "\"" : "nothing",
			    b != NULL ? b->u.text.text : "", b != NULL ? "\"" : "");
			pc->stats.mismatches++;
		}
	}
}

static void
each_table(struct parity *pc, const struct node *n, const struct node *ja)
{
	const struct node *k;

	if (n->kind == NODE_TABLE) {
		const struct node *other = n->id != NULL ? find_table(ja, n->id) :
		    NULL;

		if (other != NULL)
			compare_tables(pc, n, other);
		return;
	}
	for (k = n->first; k != NULL; k = k->next)
		each_table(pc, k, ja);
}

struct parity *
parity_new(struct diag_list *diags)
{
	struct parity *pc = calloc(1, sizeof(*pc));
	int l;

	if (pc == NULL) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return NULL;
	}
	pc->diags = diags;
	for (l = 0; l < LANG_MAX; l++) {
		UErrorCode status = U_ZERO_ERROR;

		pc->parsers[l] = unum_open(UNUM_DECIMAL, NULL, 0,
		    lang_code((enum lang)l), NULL, &status);
		if (U_FAILURE(status)) {
			diag_add(diags, DIAG_FATAL, NULL, 0,
			    "ICU cannot read numbers for %s", lang_code((enum lang)l));
			parity_free(pc, NULL);
			return NULL;
		}
	}
	return pc;
}

void
parity_check_figures(struct parity *pc, const struct node *doc)
{
	check_figures(pc, doc);
}

void
parity_check_tables(struct parity *pc, const struct node *en,
    const struct node *ja)
{
	each_table(pc, en, ja);
}

/* The nth heading block of slot s, or NULL. */
static const struct narrative_block *
nth_heading(const struct slot *s, size_t nth)
{
	size_t i;

	for (i = 0; i < s->nblocks; i++)
		if (s->blocks[i].heading_level > 0 && nth-- == 0)
			return &s->blocks[i];
	return NULL;
}

static void
compare_headings(struct parity *pc, const char *file, const struct slot *en,
    const struct slot *ja)
{
	size_t k;

	for (k = 0;; k++) {
		const struct narrative_block *a = nth_heading(en, k);
		const struct narrative_block *b = nth_heading(ja, k);

		if (a == NULL && b == NULL)
			return;
		if (a != NULL && b != NULL && a->heading_level == b->heading_level)
			continue;
		if (b == NULL)
			diag_add(pc->diags, DIAG_ERROR, file, ja->line, "slot '%s': "
			    "the Japanese has no heading %zu, which the English has at "
			    "level %d: add the heading to the Japanese slot, or remove "
			    "it from the English", ja->id, k + 1, a->heading_level);
		else if (a == NULL)
			diag_add(pc->diags, DIAG_ERROR, file, b->line, "slot '%s': "
			    "the English has no heading %zu, which the Japanese has at "
			    "level %d: add the heading to the English slot, or remove "
			    "it from the Japanese", ja->id, k + 1, b->heading_level);
		else
			diag_add(pc->diags, DIAG_ERROR, file, b->line, "slot '%s': "
			    "heading %zu is level %d in Japanese but level %d in "
			    "English: give both the same level", ja->id, k + 1,
			    b->heading_level, a->heading_level);
		diag_add(pc->diags, DIAG_NOTE, file, a != NULL ? a->line : en->line,
		    "the English slot '%s'", en->id);
		pc->stats.headings++;
		return;
	}
}

void
parity_check_headings(struct parity *pc, const struct period *p)
{
	const struct narrative *en = &p->narrative[LANG_EN];
	const struct narrative *ja = &p->narrative[LANG_JA];
	size_t i, j;

	for (i = 0; i < en->nslots; i++)
		for (j = 0; j < ja->nslots; j++)
			if (strcmp(en->slots[i].id, ja->slots[j].id) == 0)
				compare_headings(pc, p->file, &en->slots[i],
				    &ja->slots[j]);
}

int
parity_free(struct parity *pc, struct parity_stats *stats)
{
	int l, rc;

	if (pc == NULL)
		return 0;
	rc = pc->stats.mismatches > 0 || pc->stats.headings > 0;
	for (l = 0; l < LANG_MAX; l++)
		if (pc->parsers[l] != NULL)
			unum_close(pc->parsers[l]);
	if (stats != NULL) {
		stats->figures += pc->stats.figures;
		stats->mismatches += pc->stats.mismatches;
		stats->headings += pc->stats.headings;
	}
	free(pc);
	return rc;
}
