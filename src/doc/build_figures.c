/*
 * Figures in text and tables as words and digits: the figure stage
 * decides each number; this file writes it through ICU and the catalog.
 */
#include "builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct figure_env *
builder_figures(struct builder *b)
{
	b->figures.file = b->file;
	return &b->figures;
}

void
builder_not_meaningful(struct builder *b, int line, char *out, size_t size)
{
	char *text = builder_message(b, b->file, line, "fmt.not_meaningful", NULL, 0);

	snprintf(out, size, "%s", text != NULL ? text : "");
	free(text);
}

/* Notes the restated facts a printed figure was computed from. */
static void
note_restated(struct builder *b, const struct figure *fig)
{
	size_t i, k;

	for (i = 0; i < fig->nsources; i++) {
		const struct figure_source *s = &fig->sources[i];
		if (s->restated == NULL)
			continue;
		for (k = 0; k < b->nrestated; k++)
			if (b->restated[k].restated == s->restated)
				break;
		if (k == b->nrestated && k < FIGURE_MAX_SOURCES)
			b->restated[b->nrestated++] = *s;
	}
}

int
builder_print_figure(struct builder *b, const struct figure *fig,
    const char *key, int line, char *out, size_t size)
{
	char digits[TEXT_SIZE] = "";

	out[0] = '\0';
	if (fig->state == FIGURE_NOT_MEANINGFUL) {
		builder_not_meaningful(b, line, out, size);
		return 0;
	}
	if (fig->state != FIGURE_VALUE)
		return 0;
	if (format_figure(builder_formatter(b), fig, key != NULL ? digits : out,
	    key != NULL ? sizeof(digits) : size) != 0) {
		builder_error(b, b->file, line, "cannot format a figure (too large?)");
		return -1;
	}
	b->shown.set = 1;
	b->shown.magnitude = (fig->flags & FIGURE_MAGNITUDE) != 0;
	b->shown.value = fig->printed;
	note_restated(b, fig);
	if (key != NULL) {
		const char *args[1] = { digits };
		char *text = builder_message(b, b->file, line, key, args, 1);

		if (text == NULL)
			return -1;
		snprintf(out, size, "%s", text);
		free(text);
	}
	return 0;
}

static const char *const direction_words[3] = {
	"decrease", "unchanged", "increase"
};
static const char *const sign_words[3] = { "negative", "zero", "positive" };

static const char *const unit_keys[] = {
	"fmt.amount.millions", "fmt.amount.thousands", "fmt.amount.units",
	"fmt.usd.millions", "fmt.usd.thousands", "fmt.usd.units",
	"fmt.bandwidth", NULL
};

const char *
document_unit_override(const char *key, size_t *message_len)
{
	size_t len = strlen(key), i;

	for (i = 0; unit_keys[i] != NULL; i++) {
		size_t ulen = strlen(unit_keys[i]);

		if (len > ulen + 1 && key[len - ulen - 1] == '.' &&
		    strcmp(key + len - ulen, unit_keys[i]) == 0) {
			*message_len = len - ulen - 1;
			return unit_keys[i];
		}
	}
	return NULL;
}

/* The catalog message an amount of ref's format is written in, or NULL. */
static const char *
unit_key(const struct value_ref *ref)
{
	switch (ref->format) {
	case VALUE_AMOUNT_TEXT:
		return ref->scale == SCALE_MILLIONS ? "fmt.amount.millions" :
		    ref->scale == SCALE_THOUSANDS ? "fmt.amount.thousands" :
		    "fmt.amount.units";
	case VALUE_USD_TEXT:
		return ref->scale == SCALE_MILLIONS ? "fmt.usd.millions" :
		    ref->scale == SCALE_THOUSANDS ? "fmt.usd.thousands" :
		    "fmt.usd.units";
	case VALUE_BANDWIDTH:
		return "fmt.bandwidth";
	default:
		return NULL;
	}
}

int
builder_figure(struct builder *b, const struct value_ref *ref, int line,
    char *out, size_t size)
{
	struct figure fig;

	b->shown.set = 0;
	if (figure_of_ref(builder_figures(b), ref, line, &fig) != 0)
		return -1;
	switch (ref->format) {
	case VALUE_MOVEMENT:
		snprintf(out, size, "%s", movement_words[fig.movement]);
		return 0;
	case VALUE_CONTRAST:
		/* Whether the two comparisons go different ways. */
		snprintf(out, size, "%s", movement_way(fig.movement) !=
		    movement_way(fig.movement2) ? "differ" : "same");
		return 0;
	case VALUE_DIRECTION:
		/* From a base of zero there is no per-cent change to state. */
		snprintf(out, size, "%s", fig.compares &&
		    fig.movement == MOVE_FROM_ZERO ? "from_zero" : fig.compares &&
		    fig.movement == MOVE_TO_LOSS ? "below_zero" :
		    direction_words[1 + fig.sign]);
		return 0;
	case VALUE_SIGN:
		snprintf(out, size, "%s", sign_words[1 + fig.sign]);
		return 0;
	default:
		break;
	}
	{
		/* The message being formatted may word the unit its own way. */
		const char *key = unit_key(ref);
		char own[256];

		if (key != NULL && b->message_key != NULL &&
		    (size_t)snprintf(own, sizeof(own), "%s.%s", b->message_key,
		    key) < sizeof(own) &&
		    catalog_find(b->in->catalogs[b->lang], own) != NULL)
			key = own;
		return builder_print_figure(b, &fig, key, line, out, size);
	}
}
