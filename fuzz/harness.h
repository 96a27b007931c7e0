/*
 * What the fuzz targets share: a private copy of the example book and of
 * kessan's templates and catalogs in a temporary folder. Each input
 * replaces one file of it (or a part of one), is loaded as kessan would
 * load it, and the file is put back. Oracles beyond the sanitizers live
 * here too.
 */
#ifndef KESSAN_FUZZ_HARNESS_H
#define KESSAN_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "../src/render.h"
#include "../src/util/buffer.h"
#include "../src/util/diag.h"

/* Paths inside the copy. */
struct fuzz_paths {
	char book[4096];        /* the example book */
	char templates[4096];
	char locales[4096];
	char scratch[4096];     /* empty: for a target's own files */
};

/* Makes the copy once per process; aborts if it cannot (nothing to fuzz). */
const struct fuzz_paths *fuzz_setup(void);

/* Writes data as the file at `relative` under the copy. */
void fuzz_write(const char *relative, const uint8_t *data, size_t size);

/*
 * Writes the original file at `relative` with the text between the first
 * `start` marker after `anchor` and the next `end` replaced by data; with
 * `escape` set, data is XML-escaped so that it arrives as text.
 */
void fuzz_write_spliced(const char *relative, const char *anchor,
    const char *start, const char *end, const uint8_t *data, size_t size,
    int escape);

/* Appends data to out with <, > and & escaped. */
void fuzz_xml_escape(struct buffer *out, const uint8_t *data, size_t size);

/* Puts the original file back (or removes a file the copy did not have). */
void fuzz_restore(const char *relative);

/*
 * A failure must be explained: if status says something failed, diags
 * must hold an error; every diagnostic has a message. Aborts otherwise,
 * which libFuzzer reports as a crash with the input that caused it.
 */
void fuzz_expect_explained(int failed, const struct diag_list *diags);

/* Output must be whole, valid UTF-8 with no NUL; aborts otherwise. */
void fuzz_expect_text(const struct buffer *out);
void fuzz_expect_utf8(const char *text, size_t size);

/* Renders book's period 2004-q1 as English text with env into out.
 * Returns render_release's status. */
int fuzz_render_text(const struct book *book, struct render_env *env,
    enum output_format format, struct buffer *out, struct diag_list *diags);

/*
 * Loads the copied book, checks it, and renders its 2004-q1 release in
 * English in each format whose bit (1 << FORMAT_…) is set, with the
 * oracles above at every step.
 */
void fuzz_book_pipeline(unsigned formats);

#endif
