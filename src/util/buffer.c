#include "buffer.h"

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
buffer_puts(struct buffer *b, const char *s)
{
	buffer_write(b, s, strlen(s));
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
