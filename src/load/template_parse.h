/*
 * What template.c and template_table.c share while they read one template
 * file: the loader's state and its small parsers. Internal to src/load.
 */
#ifndef KESSAN_LOAD_TEMPLATE_PARSE_H
#define KESSAN_LOAD_TEMPLATE_PARSE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "../util/diag.h"
#include "template.h"

struct tloader {
	const struct book *book;
	struct diag_list *diags;
	const char *file;
	int failed;
};

/* A diagnostic of the file at line; the load fails. */
void tl_error(struct tloader *tl, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* array_grow, saying "out of memory" at line when it cannot. */
void *tl_append(struct tloader *tl, void *items, size_t count, size_t size,
    int line);
/* An expression of the book's facts; NULL (said) when it does not parse,
 * or when text is NULL. */
struct expr *tl_parse_expr(struct tloader *tl, const char *text, int line);
/* An attribute as an int, a boolean, one of names (dflt when absent or
 * none of them), or a period offset (said when bad). */
int tl_int(xmlNodePtr n, const char *name, int dflt);
int tl_bool(xmlNodePtr n, const char *name);
int tl_enum(xmlNodePtr n, const char *name, const char *const *names,
    int count, int dflt);
int tl_period(struct tloader *tl, xmlNodePtr n, const char *name, int dflt);
/* The scale its "unit" attribute names; millions when it names none. */
int tl_unit_scale(xmlNodePtr n);
/* A <message> element and its arguments. */
void tl_parse_message(struct tloader *tl, xmlNodePtr n,
    struct tpl_message *m);
void tl_free_message(struct tpl_message *m);

/* template_table.c */
void tl_parse_table(struct tloader *tl, xmlNodePtr n, struct tpl_table *table);
void tl_free_table(struct tpl_table *t);

#endif
