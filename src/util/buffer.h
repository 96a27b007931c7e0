/* Growable byte strings and arrays, the two containers everything uses. */
#ifndef KESSAN_BUFFER_H
#define KESSAN_BUFFER_H

#include <stdarg.h>
#include <stddef.h>

/* A NUL-terminated byte string that grows as it is written. */
struct buffer {
	char *data;     /* owned; NULL until the first write */
	size_t len;
	size_t cap;
	int failed;     /* out of memory: the content is unusable */
};

void buffer_write(struct buffer *b, const char *data, size_t len);
void buffer_puts(struct buffer *b, const char *s);
/* Room for len more bytes, so that writing them moves nothing. */
void buffer_reserve(struct buffer *b, size_t len);
/* printf into the buffer; a failure (memory, encoding) sets b->failed. */
void buffer_printf(struct buffer *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A new string printed from fmt (malloc'd), or NULL when out of memory
 * or fmt cannot be printed. */
char *str_printf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
char *str_vprintf(const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 0)))
#endif
    ;
/* Frees the data; the buffer can be reused. */
void buffer_free(struct buffer *b);

/*
 * Grows an array of `count` items of `size` bytes by one zeroed item.
 * Returns the (possibly moved) array, or NULL when out of memory, in which
 * case the old array is still valid and still owned by the caller.
 */
void *array_grow(void *items, size_t count, size_t size);

#endif
