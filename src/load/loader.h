/*
 * What the book's loaders share (company.c: company.xml; book_load.c:
 * accounts and one period file; periods.c: the periods folder;
 * revisions.c: restatements and display entries). Not for outside load/.
 */
#ifndef KESSAN_LOADER_H
#define KESSAN_LOADER_H

#include "load.h"
#include "xml.h"

struct loader {
	struct book *book;
	struct diag_list *diags;
	const char *draft;   /* a period file read in place of the book's own */
	int failed;
	/* A render of one quarter (book_load_release): its id (or the
	 * draft's), and how far its release reads; NULL for the whole book. */
	const char *release;
	book_reach_fn reach;
	void *reach_arg;
	/* While the periods folder loads: the quarter each file's name gives
	 * (INT_MIN: not a period name), for report_misnamed. */
	const int *file_ordinals;
	size_t nfile_ordinals;
};

/* Adds a fatal "file:line" diagnostic and marks the load failed. */
void loader_error(struct loader *ld, const char *file, int line,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Parses a book file under `schema`, refusing a link out of the book. */
xmlDocPtr load_book_xml(struct loader *ld, const char *file,
    enum schema schema, int is_draft);

/* period_names.c: the ordinal a period file's name ("2004-q1.xml")
 * gives, or INT_MIN for a name that is not one; and the error for a file
 * whose name is not its attributes' quarter, saying which of the two the
 * other files' names suggest fixing. */
int period_name_ordinal(const char *name);
void report_misnamed(struct loader *ld, const struct period *p,
    const char *name);

/* company.xml and its eras into ld->book->company and ->eras (company.c). */
void load_company(struct loader *ld);

/* dir/name, malloc'd; NULL when out of memory. */
char *join_path(const char *dir, const char *name);

/* Loads and checks periods/name of dir (a draft: any name, anywhere).
 * Returns the period, NULL only when out of memory; ld->failed tells. */
struct period *load_period(struct loader *ld, const char *dir,
    const char *name, int is_draft);

/* Every period file of the book (or the window a render reads), sorted,
 * with the draft in place. */
void load_periods(struct loader *ld);

/* book_load.c: a value written in the fact's unit of record, into base
 * units. 0; 1 when empty (recorded in p->unwritten for check); or -1
 * (reported at p's file and line). */
int parse_value(struct loader *ld, struct period *p, int line,
    const struct fact_decl *f, const char *text, struct rat *value,
    int *decimals);

/* revisions.c: a period file's <restate>, <adjust> and <stated-change>
 * elements, added to p (an error is reported and the element left out). */
void load_restatement(struct loader *ld, struct period *p, xmlNodePtr n);
void load_adjustment(struct loader *ld, struct period *p, xmlNodePtr n);
void load_stated_change(struct loader *ld, struct period *p, xmlNodePtr n);

#endif
