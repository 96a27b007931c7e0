/*
 * The document builder's own state and the functions its parts share
 * (build.c: blocks and the entry point; build_figures.c, build_text.c,
 * build_notes.c, build_table.c, build_chart.c). Private to src/doc/.
 */
#ifndef KESSAN_BUILDER_H
#define KESSAN_BUILDER_H

#include "build.h"

#define MAX_ARGS 16
#define TEXT_SIZE 1024
#define LABEL_OFFSETS 16

/* A footnote waiting for its `footnotes` block. */
struct pending_note {
	char *key;          /* the note's text */
	int number;
	struct node *note;  /* detached NODE_FOOTNOTE */
};

struct builder {
	const struct build_input *in;
	struct diag_list *diags;
	enum lang lang;
	const char *file;               /* the template being built */
	const struct tpl_template *root;  /* the document's own template */
	struct figure_env figures;      /* its failed flag is the build's */
	enum note_style note_style;
	int notes_per_table;
	int notes_table_local;          /* a table's notes are its own */
	int note_count;
	struct pending_note *notes;
	size_t nnotes;
	size_t first_unflushed;
	/* period labels already formatted, by style and quarter offset from
	 * -(LABEL_OFFSETS - 2) to +1: each costs three ICU date formats */
	char *labels[LANG_MAX][PERIOD_STYLE_MAX][LABEL_OFFSETS];
	struct shown shown;             /* the figure last formatted */
	/* the restated facts behind the figures printed since the last
	 * builder_take_restated: each gets a footnote where they stand */
	struct figure_source restated[FIGURE_MAX_SOURCES];
	size_t nrestated;
	/* restatements already reported for want of a reason */
	const struct restatement *unexplained[FIGURE_MAX_SOURCES];
	size_t nunexplained;
	const char *message_key;        /* the message whose arguments are
	                                   being formatted, or NULL */
	/* the template heading the blocks being built stand under (level 0:
	 * none), which an authored heading must nest below */
	int heading_level;
	const char *heading_file;
	int heading_line;
};

/* build.c: the builder's own. An error at file:line marks the build
 * failed. */
void builder_error(struct builder *b, const char *file, int line,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
struct formatter *builder_formatter(struct builder *b);
/* A slot the template at b->file:line places (inline: joined into a
 * sentence) that the narrative lacks: an error at the period's
 * <narrative> of this language, where the slot should go, naming the
 * template's line and any slot of the narrative no template uses that is
 * close to id (misspelled, most likely). */
void builder_missing_slot(struct builder *b, const char *id, int is_inline,
    int line);
/* Formats catalog message key (malloc'd); NULL after an error. */
char *builder_message(struct builder *b, const char *file, int line,
    const char *key, const char *const *args, int nargs);

/* build_figures.c */

/* The figure stage's environment, at the template being built. */
struct figure_env *builder_figures(struct builder *b);
/* The text for "not meaningful" in the current language. */
void builder_not_meaningful(struct builder *b, int line, char *out,
    size_t size);
/* A decided figure as text, inside catalog message key when not NULL;
 * notes what it shows. 0, or -1 after an error at line. */
int builder_print_figure(struct builder *b, const struct figure *fig,
    const char *key, int line, char *out, size_t size);
/* A value reference of a sentence as text. Same returns. */
int builder_figure(struct builder *b, const struct value_ref *ref, int line,
    char *out, size_t size);

/* build_text.c */
int builder_period_label(struct builder *b, int offset,
    enum period_style style, int line, char *out, size_t size);
char *builder_template_message(struct builder *b,
    const struct tpl_message *m);
void builder_add_runs(struct builder *b, struct node *parent,
    const struct run *run, const char *file);
void builder_add_template_note(struct builder *b, struct node *parent,
    const struct tpl_block *s);
void builder_add_sentences(struct builder *b, struct node *parent,
    const struct tpl_block *blocks, size_t n);

/* build_notes.c */
/* How template tpl marks its notes. */
enum note_style builder_note_style(const struct tpl_template *tpl);
int builder_note_number(struct builder *b, struct node *content,
    const char *identity);
void builder_add_note_ref(struct builder *b, struct node *parent,
    int number);
void builder_flush_notes(struct builder *b, struct node *parent);
/* Forgets the restated facts noted so far (before a figure's place). */
void builder_forget_restated(struct builder *b);
/* Marks parent with a footnote per restated fact behind the figures
 * printed since builder_forget_restated: "Restated: reason" in the
 * document's language (catalog note.restated); a restatement without a
 * reason in that language is an error at its line. Forgets them. */
void builder_take_restated(struct builder *b, struct node *parent);

/* build_table.c */
void builder_header_cell_text(struct builder *b, const struct tpl_header *h,
    int line, char *out, size_t size);
void builder_add_table(struct builder *b, struct node *parent,
    const struct tpl_table *t, int line);

/* build_chart.c */
void builder_add_chart(struct builder *b, struct node *parent,
    const struct tpl_block *tb);

#endif
