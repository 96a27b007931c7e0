#include "catalogs.h"

#include <string.h>

#include "../doc/build.h"

struct key_check {
	struct catalog **catalogs;
	struct diag_list *diags;
	int errors;
	/* keys already reported missing, per language (at their first use) */
	const char *missing[LANG_MAX][64];
	size_t nmissing[LANG_MAX];
};

static void
check_key(void *arg, const char *key, const char *file, int line)
{
	struct key_check *kc = arg;
	size_t i;
	int l, seen;

	for (l = 0; l < LANG_MAX; l++) {
		struct message *m = catalog_find(kc->catalogs[l], key);

		if (m != NULL) {
			m->used = 1;
			continue;
		}
		for (i = 0, seen = 0; i < kc->nmissing[l]; i++)
			seen |= strcmp(kc->missing[l][i], key) == 0;
		if (seen)
			continue;
		if (kc->nmissing[l] < 64)
			kc->missing[l][kc->nmissing[l]++] = key;
		diag_add(kc->diags, DIAG_FATAL, file, line,
		    "message %s is missing from %s", key, kc->catalogs[l]->file);
		kc->errors++;
	}
}

int
check_catalogs(const struct template_set *templates,
    struct catalog *catalogs[LANG_MAX], struct diag_list *diags)
{
	struct key_check kc;
	const char *const *key;
	struct message *m, *other;
	size_t i;
	int l, o;

	memset(&kc, 0, sizeof(kc));
	kc.catalogs = catalogs;
	kc.diags = diags;
	templates_each_key(templates, check_key, &kc);
	for (key = document_builtin_keys; *key != NULL; key++)
		check_key(&kc, *key, "kessan", 0);
	for (l = 0; l < LANG_MAX; l++) {
		for (i = 0; i < catalogs[l]->nmessages; i++) {
			m = &catalogs[l]->messages[i];
			if (!m->used)
				diag_add(diags, DIAG_WARNING, catalogs[l]->file, m->line,
				    "message %s is not used by any template", m->key);
			/*
			 * A pattern may leave an argument out (Japanese word order
			 * needs fewer), but one its notes do not document is never
			 * filled in; and both languages document the same list.
			 */
			if (m->nargs > m->documented) {
				diag_add(diags, DIAG_FATAL, catalogs[l]->file, m->line,
				    "message %s uses argument {%d}, but its args note "
				    "documents only %d (numbered from {0})", m->key,
				    m->nargs - 1, m->documented);
				kc.errors++;
			}
			for (o = 0; o < l; o++) {
				other = catalog_find(catalogs[o], m->key);
				if (other != NULL && other->documented != m->documented) {
					diag_add(diags, DIAG_FATAL, catalogs[l]->file, m->line,
					    "message %s documents %d arguments here, %d in %s",
					    m->key, m->documented, other->documented,
					    catalogs[o]->file);
					kc.errors++;
				}
			}
		}
	}
	return kc.errors;
}
