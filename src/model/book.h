/*
 * The book in memory: company policy, the chart of accounts, identities and
 * the periods with their facts. Built by load/, read by everything after.
 * Nothing here knows about languages, documents or pages.
 */
#ifndef KESSAN_BOOK_H
#define KESSAN_BOOK_H

#include <stddef.h>

#include "../util/lang.h"
#include "../util/rational.h"
#include "fiscal.h"
#include "present.h"

struct expr;

enum negative_style {
	NEG_PARENTHESES,
	NEG_MINUS,
	NEG_TRIANGLE,        /* △ */
	NEG_BLACK_TRIANGLE,  /* ▲ */
	NEG_STYLE_MAX
};

enum nm_policy {
	NM_ARITHMETIC,  /* divide by the signed base, as the reference does */
	NM_NOT_MEANINGFUL
};

/* How a table prints the change of an item that no longer exists. */
enum vanished_policy {
	VANISHED_ARITHMETIC,      /* (100.0): the change to nothing */
	VANISHED_ZERO,            /* 0.0, as IIJ's release prints it */
	VANISHED_NOT_MEANINGFUL,  /* the language's "n/m" */
	VANISHED_BLANK
};

enum unit {
	UNIT_JPY,
	UNIT_COUNT,
	UNIT_SHARES,
	UNIT_GBPS,
	UNIT_PERCENT,
	UNIT_MAX
};

enum period_type {
	PERIOD_DURATION,
	PERIOD_INSTANT
};

enum aggregate {
	AGGREGATE_SUM,
	AGGREGATE_LAST,
	AGGREGATE_NONE
};

/* Where something was read from; file strings are owned by the book. */
struct origin {
	const char *file;
	int line;
};

struct contact {
	char *person, *office, *email, *tel, *fax;
};

/* How a table kind's printed figures relate to its printed totals. */
enum footing_policy {
	FOOTING_INDEPENDENT,     /* every cell rounded on its own */
	FOOTING_ALLOCATE,        /* totals first, parts allocated top-down */
	FOOTING_TOTALS           /* every total at its own rounding, subtotals
	                            too; the leaf items absorb the difference */
};

struct footing_rule {
	char *kind;              /* a table kind (templates); NULL: the default */
	enum footing_policy allocate;
	struct origin origin;
};

/* An officer the release may quote: role "cfo", name and title per
 * language. */
struct officer {
	char *role;
	char *name[LANG_MAX];
	char *title[LANG_MAX];
	struct origin origin;
};

/*
 * Who the company is and how it presents figures. company.xml's top level
 * gives the first era; each <era from="DATE"> is the era before it with the
 * elements it states replaced, in effect for releases dated from then on.
 * The fiscal year and the comparison basis define what a quarter is, so
 * they belong to the book and never change by era.
 */
struct company {
	char *name[LANG_MAX];
	char *short_name;
	char *ticker;
	char *market;
	char *url[LANG_MAX];
	struct contact contact[LANG_MAX];
	struct fiscal_policy fiscal;
	enum round_mode rounding;          /* amounts in a display unit */
	enum round_mode percent_rounding;  /* per cents, ratios */
	enum negative_style negatives[LANG_MAX];
	enum nm_policy not_meaningful;
	enum vanished_policy vanished;
	int cumulative;          /* flows compared year to date */
	struct footing_rule *footing;
	size_t nfooting;
	struct officer *officers;
	size_t nofficers;
	char *layout;            /* the templates of BOOK/layouts/NAME, or NULL */
	unsigned languages;      /* published: bit 1 << lang (both unless said) */
	int has_from;            /* an era: */
	struct date from;        /* in effect for releases dated from here */
	struct origin origin;
};

/* A deep copy of src into dst (zeroed by the caller). 0, or -1 out of
 * memory (dst then holds what was copied: free it with company_free). */
int company_copy(struct company *dst, const struct company *src);
/* Frees what a company owns (not the struct itself). */
void company_free(struct company *c);

struct group_decl {
	char *id;
	char *title;
	struct origin origin;
};

struct fact_decl {
	char *id;
	char *label;
	enum unit unit;
	int scale;            /* unit of record = 10^scale base units */
	enum period_type period_type;
	enum aggregate aggregate;
	size_t group;         /* index into book.groups */
	struct origin origin;
};

struct identity {
	char *id;
	char *title;
	char *text;           /* "a = b + c", as written */
	struct expr *left;
	struct expr *right;
	int release_only;
	int has_tolerance;
	struct rat tolerance; /* base units */
	struct origin origin;
};

enum slot_state {
	SLOT_UNKNOWN,  /* not recorded in this period */
	SLOT_ABSENT,   /* the item does not exist: zero, shown as "－" */
	SLOT_PRESENT
};

struct fact_slot {
	enum slot_state state;
	struct rat value;      /* base units (yen, not thousands) */
	int decimals;          /* digits written after the point */
	int line;              /* 0: the period file leaves it out */
	const struct identity *derived;  /* computed from this identity */
};

struct dateline {
	char *city[LANG_MAX];
	struct date date;
	int line;
};

/*
 * An earlier quarter's fact as a later release restates it. The reason
 * is what the footnote on a restated figure says, per language (NULL:
 * not given; a release in that language that prints the figure fails).
 */
struct restatement {
	int ordinal;           /* the period restated */
	size_t fact;
	struct rat value;      /* base units */
	int decimals;
	char *reason[LANG_MAX];
	int line;
};

/* The columns a display adjustment can name. */
enum shown_column {
	SHOWN_VALUE,
	SHOWN_SHARE,
	SHOWN_USD,
	SHOWN_COLUMN_MAX
};

/*
 * A release shows one table cell a display unit off what rounding would
 * give, deliberately (so that a column foots as the preparer chose).
 * The cell is named by table, row, column kind and the quarter the figure
 * is of; the value is written as printed, in the display unit.
 */
struct display_adjustment {
	char *table;
	char *row;
	enum shown_column column;
	int ordinal;           /* the quarter of the figure */
	struct rat shown;      /* as printed: 114.5, -14.5, 24625 */
	int decimals;          /* digits written after the point */
	char *reason;
	int line;
};

/*
 * A per-cent change the release published, computed from precision the
 * book does not hold: the change of `fact` in the release's quarter
 * against quarter `against`.
 */
struct stated_change {
	size_t fact;
	int against;           /* ordinal of the base quarter */
	struct rat shown;      /* per cent, as printed: -17.1 */
	int decimals;
	char *reason;
	int line;
};

/* Authored text: a small tree of inline runs. */
enum run_kind {
	RUN_TEXT,
	RUN_EMPHASIS,   /* children */
	RUN_NOTE,       /* a footnote reference: name */
	RUN_FACT,       /* value */
	RUN_PERIOD,     /* period */
	RUN_SPAN,       /* children: a paragraph or list item */
	RUN_PAGE_REF,   /* text: the part whose first page it names */
	RUN_IF_PART     /* children, shown when the document has part `text` */
};

struct run {
	enum run_kind kind;
	char *text;               /* RUN_TEXT; RUN_NOTE: the footnote id;
	                             RUN_PAGE_REF, RUN_IF_PART: a part */
	struct value_ref value;   /* RUN_FACT */
	struct period_ref period; /* RUN_PERIOD */
	struct run *children;
	size_t nchildren;
	int line;
};

struct narrative_block {
	int is_list;
	int heading_level;        /* 2 or 3: an <h>, its one item the text */
	struct run *items;        /* RUN_SPANs: one paragraph, or list items */
	size_t nitems;
	int line;
};

struct slot {
	char *id;
	int is_inline;            /* text to join into a template sentence */
	struct narrative_block *blocks;
	size_t nblocks;
	int line;
};

struct authored_note {
	char *id;
	struct run content;       /* a RUN_SPAN */
	int line;
};

/* A value, rate, slot or footnote left empty (as kessan new writes
 * them): loaded as not yet there, and an error in check. */
struct unwritten {
	char *message;
	int line;
};

/* Adds one; 0, or -1 out of memory. */
int unwritten_add(struct unwritten **list, size_t *n, int line,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

struct narrative {
	int present;
	int line;                 /* of <narrative lang="…">; 0 when absent */
	struct slot *slots;
	size_t nslots;
	struct authored_note *notes;
	size_t nnotes;
	struct unwritten *unwritten;
	size_t nunwritten;
};

struct period {
	int fiscal_year;
	int quarter;
	int ordinal;
	char id[16];                  /* "2004-q1" */
	char *file;
	int line;

	int has_release;
	struct date release_date;
	struct dateline *datelines;
	size_t ndatelines;
	struct rat convenience_rate;  /* JPY per US$1 */
	struct date convenience_date;
	int convenience_line;         /* 0: no <convenience> */
	int release_line;
	char *layout;                 /* <release layout="…">, or NULL */
	/* The company as it was when this quarter was released (or, without
	 * a release, when it ended): the book's company or one of its eras. */
	const struct company *company;

	struct fact_slot *slots;      /* one per book.facts entry */
	struct unwritten *unwritten;  /* values and rate left empty */
	size_t nunwritten;
	struct restatement *restatements;
	size_t nrestatements;
	struct display_adjustment *adjustments;
	size_t nadjustments;
	struct stated_change *stated;
	size_t nstated;

	struct narrative narrative[LANG_MAX];
};

/* The slot with this id in a period's narrative in lang, or NULL. */
const struct slot *period_slot(const struct period *p, enum lang lang,
    const char *id);
const struct authored_note *period_note(const struct period *p,
    enum lang lang, const char *id);

/* Frees a run's contents (not the run itself). */
void run_free(struct run *run);

struct book {
	char *dir;
	char *company_file;
	char *accounts_file;
	struct company company;       /* company.xml's top level */
	struct company *eras;         /* its <era> elements, in date order */
	size_t neras;
	struct group_decl *groups;
	size_t ngroups;
	struct fact_decl *facts;
	size_t nfacts;
	struct identity *identities;
	size_t nidentities;
	struct period **periods;      /* sorted by ordinal */
	size_t nperiods;
	const struct period *draft;   /* read from a draft file (diff), or NULL */
};

/* The company in effect on `day`: the last era from on or before it. */
const struct company *book_company_on(const struct book *book,
    struct date day);

/* Whether the company publishes its release for quarter p in lang. */
int period_publishes(const struct book *book, const struct period *p,
    enum lang lang);

/* The company as it was for quarter p (the book's when p has none set). */
const struct company *period_company(const struct book *book,
    const struct period *p);

/* The layout a release is rendered with: its own, else its era's; NULL
 * for kessan's (or KESSAN_TEMPLATES') templates. */
const char *period_layout(const struct book *book, const struct period *p);

/* Whether two layout names (NULL: none) are the same layout. */
int layout_same(const char *a, const char *b);

/* Index of the fact with this id, or -1. */
long book_fact_index(const struct book *book, const char *id);

/* The declared fact id closest to a misspelled id (util/suggest.h), or
 * NULL when none is close. Borrowed from the book. */
const char *book_fact_suggest(const struct book *book, const char *id);

/* Writes "; did you mean ID?" for book_fact_suggest's id into buf, or ""
 * when there is none, for appending to an "unknown fact" message.
 * Returns buf. */
const char *book_fact_hint(const struct book *book, const char *id,
    char *buf, size_t size);

/* The period with this ordinal, or NULL. */
const struct period *book_period(const struct book *book, int ordinal);

/* The period with this id ("2004-q1"), or NULL. */
const struct period *book_period_by_id(const struct book *book,
    const char *id);

enum lookup_status {
	LOOKUP_OK,
	LOOKUP_NO_PERIOD,  /* the book has no file for that quarter */
	LOOKUP_NO_FACT     /* the quarter does not record the fact */
};

struct lookup {
	enum lookup_status status;
	int ordinal;                   /* the quarter looked in */
	size_t fact;
	struct rat value;              /* valid when LOOKUP_OK */
	int decimals;
	int absent;                    /* the item does not exist (value 0) */
	const char *file;              /* where the value was read */
	int line;
	const struct restatement *restated;  /* the value is restated, or NULL */
};

/*
 * Looks up a fact in the quarter `offset` quarters from `at` (0: that
 * quarter, -1: prior quarter, -4: prior-year quarter), as seen from the
 * release of quarter `viewpoint`: a restatement published in a later period
 * up to the viewpoint replaces the original value, the latest one winning.
 * Fills *out and returns its status.
 */
enum lookup_status book_lookup(const struct book *book, int at, int offset,
    size_t fact, int viewpoint, struct lookup *out);

/*
 * The last n quarters up to and including `at`, oldest first, into
 * ordinals[0..n-1] (a trend table's columns). Returns 0 when the book has
 * every one of them; otherwise -1 with *missing set to the newest quarter
 * it lacks.
 */
int book_last_quarters(const struct book *book, int at, int n, int *ordinals,
    int *missing);

/* The unit of record of a fact, in base units (10^scale). */
struct rat fact_resolution(const struct fact_decl *fact, int decimals);

/* Frees one period and what it owns. NULL is a no-op. */
void period_free(struct period *p);

/* Frees the book and everything it owns. NULL is a no-op. */
void book_free(struct book *book);

const char *unit_name(enum unit unit);

#endif
