/*
 * Shaping: UTF-8 text as UTF-16 units, each with the face that draws it
 * (the first of the role's chain that has it) and its advance.
 */
#include "lctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buffer.h"
#include "marks.h"

void
shaped_free(struct shaped *s)
{
	free(s->refs);
	free(s->adv);   /* the block holding every per-unit array */
	memset(s, 0, sizeof(*s));
}

/* The bytes a unit takes across the per-unit arrays. */
#define UNIT_BYTES (sizeof(double) * 2 + sizeof(const struct node *) + \
	sizeof(int) + sizeof(unsigned) + sizeof(UChar) + 2)

/*
 * Grows the per-unit arrays to hold `more` units: one block for all of
 * them (the widest first, so each stays aligned), rather than a realloc
 * of each, as shaping is mostly short strings. A failure leaves the old
 * block owned.
 */
static int
shaped_reserve(struct shaped *s, int32_t more)
{
	int32_t cap;
	unsigned char *block;
	struct shaped grown;

	if (s->n + more <= s->cap)
		return 0;
	cap = (s->n + more) * 2 + 16;
	if ((block = malloc((size_t)cap * UNIT_BYTES)) == NULL)
		return -1;
	grown.adv = (double *)(void *)block;
	grown.size = grown.adv + cap;
	grown.src = (const struct node **)(void *)(grown.size + cap);
	grown.face = (int *)(void *)(grown.src + cap);
	grown.fu = (unsigned *)(void *)(grown.face + cap);
	grown.u = (UChar *)(void *)(grown.fu + cap);
	grown.raise = (unsigned char *)(grown.u + cap);
	grown.mark = grown.raise + cap;
	if (s->n > 0) {
		size_t n = (size_t)s->n;
		memcpy(grown.adv, s->adv, n * sizeof(*s->adv));
		memcpy(grown.size, s->size, n * sizeof(*s->size));
		memcpy(grown.src, s->src, n * sizeof(*s->src));
		memcpy(grown.face, s->face, n * sizeof(*s->face));
		memcpy(grown.fu, s->fu, n * sizeof(*s->fu));
		memcpy(grown.u, s->u, n * sizeof(*s->u));
		memcpy(grown.raise, s->raise, n);
		memcpy(grown.mark, s->mark, n);
	}
	free(s->adv);
	s->adv = grown.adv;
	s->size = grown.size;
	s->src = grown.src;
	s->face = grown.face;
	s->fu = grown.fu;
	s->u = grown.u;
	s->raise = grown.raise;
	s->mark = grown.mark;
	s->cap = cap;
	return 0;
}

/* The units UTF-8 text makes: one per lead byte (an invalid sequence
 * stops shape() before it counts). */
static int32_t
count_units(const unsigned char *p)
{
	int32_t n = 0;

	for (; *p != '\0'; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

/* Appends UTF-8 text in a role and size, choosing a face per character. */
void
shape(struct lctx *c, struct shaped *s, const char *text, enum font_role role,
    double size, int raise)
{
	const unsigned char *p = (const unsigned char *)text;
	struct glyph_memo *memos = c->glyphs[c->lang][role];
	double usize = raise ? size * 0.62 : size;
	int32_t n, more;
	UChar *u;
	int *face;
	double *usz, *adv;
	unsigned *fu;
	unsigned char *rs, *mk, mark = s->cur_mark;
	const struct node **src, *cur_src = s->cur_src;

	if (c->failed || *p == '\0')
		return;
	/* Room for every unit at once; the loop keeps its own count (the
	 * per-unit arrays are char-typed, so each store would otherwise
	 * reload s->n and every array pointer). */
	more = count_units(p);
	if (more > INT32_MAX / 2 - 16 - s->n || shaped_reserve(s, more) != 0) {
		lfail(c, "out of memory");
		return;
	}
	n = s->n;
	u = s->u;
	face = s->face;
	usz = s->size;
	fu = s->fu;
	adv = s->adv;
	rs = s->raise;
	mk = s->mark;
	src = s->src;
	while (*p != '\0') {
		uint32_t cp;
		int len;
		struct glyph_memo *memo;

		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
			cp = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
			len = 2;
		} else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
		    (p[2] & 0xC0) == 0x80) {
			cp = (uint32_t)(*p & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 |
			    (p[2] & 0x3F);
			len = 3;
		} else if ((*p & 0xF8) == 0xF0) {
			s->n = n;
			lfail(c, "a character outside the Basic Multilingual Plane "
			    "cannot be drawn (libharu 2.3.0 writes two-byte codes): %.4s",
			    (const char *)p);
			return;
		} else {
			s->n = n;
			lfail(c, "invalid UTF-8 in the document text");
			return;
		}
		p += len;
		if (cp == '\n' || cp == '\t')
			cp = ' ';
		memo = &memos[cp & 0xFF];
		if (memo->cp != cp) {
			int fc = fonts_face_for(c->o->fonts, c->lang, role, cp);
			const struct ttf *f;
			if (fc < 0) {
				s->n = n;
				lfail(c, "no configured font has U+%04X, used in this "
				    "text (fonts/fonts.xml)", (unsigned)cp);
				return;
			}
			f = c->o->fonts->faces[fc];
			memo->cp = cp;
			memo->face = fc;
			memo->fu = ttf_advance(f, ttf_glyph(f, cp));
			memo->upem = ttf_units_per_em(f);
			memo->size = -1;
		}
		/* The advance at this size, as shaped_resize computes it. */
		if (memo->size != usize) {
			memo->size = usize;
			memo->adv = memo->fu * usize / memo->upem;
		}
		u[n] = (UChar)cp;
		face[n] = memo->face;
		usz[n] = usize;
		fu[n] = memo->fu;
		adv[n] = memo->adv;
		rs[n] = (unsigned char)raise;
		mk[n] = mark;
		src[n] = cur_src;
		n++;
	}
	s->n = n;
}

void
shaped_resize(const struct lctx *c, struct shaped *s, double size)
{
	int32_t i;

	for (i = 0; i < s->n; i++) {
		const struct ttf *f = c->o->fonts->faces[s->face[i]];
		s->size[i] = s->raise[i] ? size * 0.62 : size;
		s->adv[i] = s->fu[i] * s->size[i] / ttf_units_per_em(f);
	}
}

static void shape_marked(struct lctx *c, struct shaped *s,
    const struct node *n, enum font_role role, double size,
    enum change_mark now);

/* Shapes a node's inline content: text, emphasis, footnote markers;
 * `now`, its diff mark. */
static void
shape_node(struct lctx *c, struct shaped *s, const struct node *n,
    enum font_role role, double size, enum change_mark now)
{
	const struct node *k;
	char marker[64];

	switch (n->kind) {
	case NODE_TEXT:
		c->where = n;   /* errors name where the text was written */
		shape(c, s, n->u.text.text, role, size, 0);
		return;
	case NODE_NOTE_REF:
		/* Where the marker starts: a line holding it brings the
		 * note to its page's foot. */
		{
			struct shaped_ref *refs = array_grow(s->refs, s->nrefs,
			    sizeof(*refs));
			if (refs == NULL) {
				lfail(c, "out of memory");
				return;
			}
			s->refs = refs;
			refs[s->nrefs].at = s->n;
			refs[s->nrefs++].ref = n;
		}
		/* Drawn as raised plain digits, so copied text says "8";
		 * "(1)" on the line, in the catalog's words. */
		if (n->u.note.style == NOTE_PARENTHESIZED) {
			node_note_marker(n, marker, sizeof(marker));
			shape(c, s, marker, role, size, 0);
			return;
		}
		if (n->u.note.style == NOTE_ASTERISK)
			snprintf(marker, sizeof(marker), "*%d", n->u.note.number);
		else
			snprintf(marker, sizeof(marker), "%d", n->u.note.number);
		shape(c, s, marker, role, size, 1);
		return;
	case NODE_EMPHASIS:
		role = role == FONT_BODY ? FONT_STRONG : role;
		break;
	case NODE_PAGE_REF:
		if (c->o->page_ref != NULL) {
			/* The page the part starts on: known from the previous
			 * pass, else a guess of the same width as most. */
			int page = page_refs_page(&c->refs, n->id);
			char *label, err[256];

			c->where = n;
			if (page == 0)
				page = 1;
			if (page_refs_print(&c->refs, n->id, page) != 0) {
				lfail(c, "out of memory");
				return;
			}
			if ((label = c->o->page_ref(c->o->arg, page, n->lang, err,
			    sizeof(err))) == NULL) {
				lfail(c, "page-ref: %s", err);
				return;
			}
			shape(c, s, label, role, size, 0);
			free(label);
			c->page_refs_shaped++;
			return;
		}
		break;
	default:
		break;
	}
	/* A child's mark is its own, else its parent's (marks_of). */
	for (k = n->first; k != NULL; k = k->next)
		shape_marked(c, s, k, role, size, k->change != CHANGE_NONE ?
		    k->change : now);
}

/* The same, each unit remembering its node and a diff's mark on it. */
void
shape_inline(struct lctx *c, struct shaped *s, const struct node *n,
    enum font_role role, double size)
{
	shape_marked(c, s, n, role, size, marks_of(n));
}

/* shape_inline of a node whose mark (marks_of) is known. */
static void
shape_marked(struct lctx *c, struct shaped *s, const struct node *n,
    enum font_role role, double size, enum change_mark now)
{
	unsigned char mark = s->cur_mark;
	const struct node *src = s->cur_src;

	s->cur_src = n;
	/* Old text struck right before new ("1,234 1,240"): apart. */
	if (marks_need_space(s->mark, s->u, s->n, now, n)) {
		s->cur_mark = CHANGE_NONE;
		shape(c, s, " ", role, size, 0);
	}
	s->cur_mark = (unsigned char)now;
	shape_node(c, s, n, role, size, now);
	s->cur_mark = mark;
	s->cur_src = src;
}

