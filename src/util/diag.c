#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"

static const char *const level_names[DIAG_LEVEL_MAX] = {
	"note", "warning", "error", "error"
};

const char *
diag_level_name(enum diag_level level)
{
	return level < DIAG_LEVEL_MAX ? level_names[level] : "?";
}

int
diag_addv(struct diag_list *list, enum diag_level level, const char *file,
    int line, const char *fmt, va_list ap)
{
	struct diag d = { level, NULL, line, NULL };

	list->seen[level]++;
	if ((d.message = str_vprintf(fmt, ap)) == NULL)
		goto fail;
	if (file != NULL && (d.file = strdup(file)) == NULL)
		goto fail;
	if (list->len == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		struct diag *items = realloc(list->items, cap * sizeof(*items));
		if (items == NULL)
			goto fail;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->len++] = d;
	return 0;
fail:
	free(d.message);
	free(d.file);
	list->seen[DIAG_FATAL]++;
	return -1;
}

int
diag_add(struct diag_list *list, enum diag_level level, const char *file,
    int line, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = diag_addv(list, level, file, line, fmt, ap);
	va_end(ap);
	return rc;
}

int
diag_worst(const struct diag_list *list)
{
	int level;

	for (level = DIAG_LEVEL_MAX - 1; level >= 0; level--)
		if (list->seen[level] > 0)
			return level;
	return -1;
}

int
diag_format(const struct diag_list *list, struct buffer *out)
{
	size_t i;

	for (i = 0; i < list->len; i++) {
		const struct diag *d = &list->items[i];
		if (d->file != NULL && d->line > 0)
			buffer_printf(out, "%s:%d: ", d->file, d->line);
		else if (d->file != NULL)
			buffer_printf(out, "%s: ", d->file);
		buffer_printf(out, "%s: %s\n", diag_level_name(d->level),
		    d->message);
	}
	return out->failed ? -1 : 0;
}

void
diag_drop_level(struct diag_list *list, enum diag_level level)
{
	size_t i, kept = 0;

	for (i = 0; i < list->len; i++) {
		if (list->items[i].level == level) {
			free(list->items[i].file);
			free(list->items[i].message);
			continue;
		}
		list->items[kept++] = list->items[i];
	}
	list->len = kept;
	list->seen[level] = 0;
}

void
diag_list_free(struct diag_list *list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; i < list->len; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	free(list->items);
	memset(list, 0, sizeof(*list));
}
