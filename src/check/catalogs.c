#include "catalogs.h"

#include <stdio.h>
#include <string.h>

#include "../doc/build.h"
#include "directions.h"

struct key_check {
	struct catalog **catalogs;
	struct diag_list *diags;
	int errors;
	/* keys already reported missing, per language (at their first use) */
	const char *missing[LANG_MAX][64];
	size_t nmissing[LANG_MAX];
};

/* key, which the templates render in langs, must be in those languages'
 * catalogs (a table no Japanese template shows needs no Japanese). */
static void
check_key(void *arg, const char *key, const char *file, int line,
    unsigned langs)
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
		if (!(langs & (1u << l)))
			continue;
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

/*
 * The unit each amount message scales its figure to, as each language must
 * say it: a message that says another unit (億円 for 百万円) misstates every
 * amount it wraps by the ratio between the two.
 */
static const struct {
	const char *key;
	const char *word[LANG_MAX];
} unit_words[] = {
	{ "fmt.amount.millions", { "million", "百万円" } },
	{ "fmt.amount.thousands", { "thousand", "千円" } },
	{ "fmt.amount.units", { "JPY", "円" } },
	{ "fmt.usd.millions", { "million", "百万米ドル" } },
	{ "fmt.usd.thousands", { "thousand", "千米ドル" } },
	{ "fmt.usd.units", { "$", "米ドル" } },
};

/* m (in c) names its unit, if it is an amount message. 1 if not, else 0. */
static int
check_unit_word(const struct message *m, const struct catalog *c,
    struct diag_list *diags)
{
	const char *word, *key = m->key;
	size_t i, len;

	/* a message's own wording of a unit says it as well */
	if ((word = document_unit_override(m->key, &len)) != NULL)
		key = word;
	for (i = 0; i < sizeof(unit_words) / sizeof(unit_words[0]); i++) {
		if (strcmp(key, unit_words[i].key) != 0)
			continue;
		word = unit_words[i].word[c->lang];
		if (strstr(m->pattern, word) != NULL)
			return 0;
		diag_add(diags, DIAG_FATAL, m->file, m->line,
		    "message %s does not say its unit, %s: every amount it "
		    "wraps would be misstated", m->key, word);
		return 1;
	}
	return 0;
}

/* "argument {1}" or "arguments {1}, {4}" for the bits of set; returns out. */
static const char *
arg_list(unsigned set, char *out, size_t size)
{
	size_t len;
	int n, count = 0;

	for (n = 0; n < 32; n++)
		count += (set >> n) & 1u;
	snprintf(out, size, "argument%s", count > 1 ? "s" : "");
	for (n = 0, count = 0; n < 32; n++)
		if (set & (1u << n)) {
			len = strlen(out);
			snprintf(out + len, size - len, "%s {%d}", count++ ? "," : "", n);
		}
	return out;
}

/*
 * Translation completeness: m (in c) uses every argument its counterpart
 * in the other catalog uses, unless its "omits" note leaves it out on
 * purpose, and its omits note names only arguments it does leave out.
 * Reported at m's line. Returns the number of errors.
 */
static int
check_translation(const struct message *m, const struct message *other,
    struct diag_list *diags)
{
	unsigned lacks, stale;
	int errors = 0;
	char list[128];

	if (other == NULL)
		return 0;
	/* an argument the other message does not document is reported there */
	lacks = other->args & ~m->args & ~m->omits;
	if (other->documented < 32)
		lacks &= (1u << other->documented) - 1;
	stale = m->omits & m->args;
	if (lacks != 0) {
		diag_add(diags, DIAG_FATAL, m->file, m->line,
		    "message %s lacks %s, which %s uses (a language that leaves "
		    "an argument out on purpose says so in an omits note)", m->key,
		    arg_list(lacks, list, sizeof(list)), other->file);
		errors++;
	}
	if (stale != 0) {
		diag_add(diags, DIAG_FATAL, m->file, m->line,
		    "message %s uses %s, which its omits note leaves out", m->key,
		    arg_list(stale, list, sizeof(list)));
		errors++;
	}
	return errors;
}

/*
 * A translation's <source> is the English it was translated from: when the
 * English catalog now says something else, the translation may say what
 * the English no longer does. A warning at the translation's line.
 */
static void
check_stale(const struct message *m, const struct catalog *english,
    struct diag_list *diags)
{
	const struct message *en;

	if (m->source == NULL || english == NULL ||
	    (en = catalog_find(english, m->key)) == NULL ||
	    strcmp(en->pattern, m->source) == 0)
		return;
	diag_add(diags, DIAG_WARNING, m->file, m->line,
	    "the English of %s changed since it was translated (was: %s; now: "
	    "%s): update the target, then its source", m->key, m->source,
	    en->pattern);
}

int
check_catalogs(const struct template_set *templates,
    struct catalog *catalogs[LANG_MAX], int only_user,
    struct diag_list *diags)
{
	struct key_check kc;
	const char *const *key;
	struct message *m, *other;
	size_t i;
	int l, o;

	memset(&kc, 0, sizeof(kc));
	kc.catalogs = catalogs;
	kc.diags = diags;
	if (templates_each_key(templates, check_key, &kc) != 0) {
		diag_add(diags, DIAG_FATAL, NULL, 0, "out of memory");
		return 1;
	}
	for (key = document_builtin_keys; *key != NULL; key++)
		check_key(&kc, *key, "kessan", 0, (1u << LANG_MAX) - 1);
	kc.errors += check_direction_words(templates, catalogs, diags);
	/* A message's own unit wording is used where the message is. */
	for (l = 0; l < LANG_MAX; l++)
		for (i = 0; i < catalogs[l]->nmessages; i++) {
			const char *unit;
			char base[256];
			size_t len;

			m = &catalogs[l]->messages[i];
			if ((unit = document_unit_override(m->key, &len)) == NULL ||
			    len >= sizeof(base))
				continue;
			memcpy(base, m->key, len);
			base[len] = '\0';
			other = catalog_find(catalogs[l], base);
			if (other == NULL)
				diag_add(diags, DIAG_WARNING, catalogs[l]->file, m->line,
				    "message %s words %s for message %s, which this "
				    "catalog does not have", m->key, unit, base);
			m->used |= other != NULL && other->used;
		}
	for (l = 0; l < LANG_MAX; l++) {
		for (i = 0; i < catalogs[l]->nmessages; i++) {
			m = &catalogs[l]->messages[i];
			if (!m->used && (!only_user || m->file != catalogs[l]->file))
				diag_add(diags, DIAG_WARNING, m->file, m->line,
				    "message %s is not used by any template", m->key);
			/*
			 * A pattern may leave an argument out (Japanese word order
			 * needs fewer), but one its notes do not document is never
			 * filled in; and both languages document the same list.
			 */
			if (m->nargs > m->documented && m->documented == 0) {
				diag_add(diags, DIAG_FATAL, m->file, m->line,
				    "message %s uses argument {%d}, but has no args note "
				    "(<note category=\"args\">0 what {0} is; 1 …</note>) "
				    "telling translators what each argument is", m->key,
				    m->nargs - 1);
				kc.errors++;
			} else if (m->nargs > m->documented) {
				diag_add(diags, DIAG_FATAL, m->file, m->line,
				    "message %s uses argument {%d}, but its args note "
				    "documents only {0} to {%d}", m->key, m->nargs - 1,
				    m->documented - 1);
				kc.errors++;
			}
			kc.errors += check_unit_word(m, catalogs[l], diags);
			check_stale(m, catalogs[LANG_EN], diags);
			for (o = 0; o < LANG_MAX; o++) {
				if (o != l)
					kc.errors += check_translation(m,
					    catalog_find(catalogs[o], m->key), diags);
				if (o >= l)
					continue;
				other = catalog_find(catalogs[o], m->key);
				if (other != NULL && other->documented != m->documented) {
					diag_add(diags, DIAG_FATAL, m->file, m->line,
					    "message %s documents %d arguments here, %d in %s",
					    m->key, m->documented, other->documented,
					    other->file);
					kc.errors++;
				}
			}
		}
	}
	return kc.errors;
}
