/*
 * Repairs what libharu 2.3.0 writes wrong or leaves out, by rewriting its
 * output object by object: the ToUnicode CMap of every Type0 font (libharu
 * writes an invalid `begincidrange` there, which pdftotext warns about and
 * copy-paste suffers from) and the document language (/Lang, PDF 1.4).
 */
#ifndef KESSAN_PDF_FIX_H
#define KESSAN_PDF_FIX_H

#include <stddef.h>

#include "../util/buffer.h"

/*
 * Rewrites the PDF in `in` into `out`. lang is a BCP 47 tag ("en", "ja").
 * Returns 0, or -1 with a reason in err when the input is not the shape
 * libharu writes (so a libharu upgrade that changes it fails loudly).
 */
int pdf_fix(const unsigned char *in, size_t len, const char *lang,
    struct buffer *out, char *err, size_t errsize);

#endif
