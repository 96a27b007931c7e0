#include "fonts.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../load/xml.h"
#include "../util/datadir.h"

/* Parsed faces shared by every document of the process: a batch build
 * parses each 6 MB IPAex file once. */
static struct {
	char *path;
	struct ttf *ttf;
} cache[FONTS_MAX_FACES * 2];
static size_t ncache;

static const char *const role_names[FONT_ROLE_MAX] = {
	"body", "strong", "label", "figure", "figure-strong"
};

static const struct ttf *
cached_face(const char *path, const char *config, int line,
    struct diag_list *diags)
{
	char err[256];
	struct ttf *f;
	size_t i;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].path, path) == 0)
			return cache[i].ttf;
	if (ncache == sizeof(cache) / sizeof(cache[0])) {
		diag_add(diags, DIAG_FATAL, config, line, "too many font files");
		return NULL;
	}
	if ((f = ttf_open(path, err, sizeof(err))) == NULL) {
		diag_add(diags, DIAG_FATAL, config, line, "font %s: %s", path, err);
		return NULL;
	}
	if ((cache[ncache].path = strdup(path)) == NULL) {
		ttf_close(f);
		diag_add(diags, DIAG_FATAL, config, line, "out of memory");
		return NULL;
	}
	cache[ncache++].ttf = f;
	return f;
}

void
fonts_cache_clear(void)
{
	size_t i;

	for (i = 0; i < ncache; i++) {
		free(cache[i].path);
		ttf_close(cache[i].ttf);
	}
	ncache = 0;
}

/* A diagnostic of fonts.xml, or "out of memory" where memory lost the
 * value the message would blame. */
static void
fonts_error(struct diag_list *diags, const char *file, int line,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void
fonts_error(struct diag_list *diags, const char *file, int line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	xml_loader_error(diags, file, line, fmt, ap);
	va_end(ap);
}

struct font_set *
fonts_load(const char *path, struct diag_list *diags)
{
	struct font_set *set = calloc(1, sizeof(*set));
	char buf[4096];
	xmlDocPtr doc = NULL;
	xmlNodePtr n;
	int failed = 0, l, r;

	if (set == NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		goto fail;
	}
	if (path == NULL) {
		if (datadir_path("fonts/fonts.xml", buf, sizeof(buf)) != 0) {
			diag_add(diags, DIAG_FATAL, "fonts/fonts.xml", 0,
			    "path too long");
			goto fail;
		}
		path = buf;
	}
	if ((set->file = strdup(path)) == NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		goto fail;
	}
	xml_take_out_of_memory();
	if ((doc = xml_load(path, SCHEMA_FONTS, diags)) == NULL)
		goto fail;
	for (n = xml_element(xmlDocGetRootElement(doc)->children); n != NULL;
	    n = xml_element(n->next)) {
		char *id = xml_get(n, "id"), *lang, *faces, *word, *save;
		if (xml_is(n, "face")) {
			char *file = xml_get(n, "file");
			if (set->nfaces == FONTS_MAX_FACES) {
				fonts_error(diags, path, xml_line(n),
				    "more than %d faces", FONTS_MAX_FACES);
				failed = 1;
			} else if (id == NULL || file == NULL) {
				/* The schema requires both: memory lost one. */
				fonts_error(diags, path, xml_line(n), "out of memory");
				failed = 1;
			} else if ((set->faces[set->nfaces] = cached_face(file,
			    path, xml_line(n), diags)) != NULL) {
				set->ids[set->nfaces++] = id;
				id = NULL;
			} else
				failed = 1;
			free(file);
		} else if (xml_is(n, "role") && !failed) {
			/* After a face failed, its roles would only echo it. */
			lang = xml_get(n, "lang");
			faces = xml_get(n, "faces");
			l = lang_parse(lang) == LANG_JA ? LANG_JA : LANG_EN;
			for (r = 0; r < FONT_ROLE_MAX; r++)
				if (id != NULL && strcmp(id, role_names[r]) == 0)
					break;
			for (word = faces != NULL ? strtok_r(faces, " ", &save) : NULL;
			    word != NULL && r < FONT_ROLE_MAX;
			    word = strtok_r(NULL, " ", &save)) {
				size_t k;
				for (k = 0; k < set->nfaces; k++)
					if (strcmp(set->ids[k], word) == 0)
						break;
				if (k == set->nfaces) {
					fonts_error(diags, path, xml_line(n),
					    "no face '%s'", word);
					failed = 1;
				} else if (set->nchain[l][r] < FONTS_MAX_CHAIN)
					set->chain[l][r][set->nchain[l][r]++] = (int)k;
			}
			free(lang);
			free(faces);
		}
		free(id);
	}
	for (l = 0; l < LANG_MAX && !failed; l++)
		for (r = 0; r < FONT_ROLE_MAX; r++)
			if (set->nchain[l][r] == 0) {
				fonts_error(diags, path, 0, "no faces for role %s in %s",
				    role_names[r], lang_code(l));
				failed = 1;
			}
	if (!failed && xml_report_lost_values(diags, path))
		failed = 1;
	if (failed)
		goto fail;
	xmlFreeDoc(doc);
	return set;
fail:
	xmlFreeDoc(doc);
	fonts_free(set);
	return NULL;
}

void
fonts_free(struct font_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->nfaces; i++)
		free(set->ids[i]);
	free(set->file);
	free(set);
}

int
fonts_face_for(const struct font_set *set, enum lang lang,
    enum font_role role, uint32_t c)
{
	int i;

	for (i = 0; i < set->nchain[lang][role]; i++) {
		int face = set->chain[lang][role][i];
		if (ttf_glyph(set->faces[face], c) != 0)
			return face;
	}
	return -1;
}
