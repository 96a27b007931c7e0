#include "buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
buffer_write(struct buffer *b, const char *data, size_t len)
{
	if (b->failed)
		return;
	if (b->len + len + 1 > b->cap) {
		size_t cap = (b->cap + len + 1) * 2;
		char *grown = realloc(b->data, cap);
		if (grown == NULL) {
			b->failed = 1;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buffer_reserve(struct buffer *b, size_t len)
{
	char *grown;

	if (b->failed || b->len + len + 1 <= b->cap)
		return;
	if ((grown = realloc(b->data, b->len + len + 1)) == NULL) {
		b->failed = 1;
		return;
	}
	if (b->data == NULL)
		grown[0] = '\0';
	b->data = grown;
	b->cap = b->len + len + 1;
}

void
buffer_puts(struct buffer *b, const char *s)
{
	buffer_write(b, s, strlen(s));
}

char *
str_vprintf(const char *fmt, va_list ap)
{
	va_list again;
	int n;
	char *s;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
str_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = str_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

void
buffer_printf(struct buffer *b, const char *fmt, ...)
{
	va_list ap;
	char small[256], *big;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = 1;
		return;
	}
	if ((size_t)n < sizeof(small)) {
		buffer_write(b, small, (size_t)n);
		return;
	}
	if ((big = malloc((size_t)n + 1)) == NULL) {
		b->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buffer_write(b, big, (size_t)n);
	free(big);
}

void
buffer_free(struct buffer *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

void *
array_grow(void *items, size_t count, size_t size)
{
	char *grown = realloc(items, (count + 1) * size);

	if (grown != NULL)
		memset(grown + count * size, 0, size);
	return grown;
}
