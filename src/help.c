/*
 * The help texts of `kessan --help` and `kessan COMMAND --help`. They say
 * the same as kessan(1) (doc/kessan.1), which holds the long form.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "help.h"

static const char overview[] =
    "usage: kessan COMMAND [OPTIONS] ARGS\n"
    "\n"
    "Turns a book of quarterly financial data into earnings releases in\n"
    "English and Japanese, as text, PDF and HTML.\n"
    "\n"
    "Commands:\n"
    "  check BOOK      validate a book and verify its tie-outs\n"
    "  render BOOK     render one quarter's release\n"
    "  build BOOK      render every release of a book, in parallel,\n"
    "                  rebuilding only what changed\n"
    "  diff OLD NEW    what changed between two drafts, in each language\n"
    "  new BOOK        write the next quarter's period file, to fill in\n"
    "  sheet export|import BOOK\n"
    "                  a quarter's facts to and from XLSX or CSV\n"
    "  catalog export  the Japanese catalog as PO or XLIFF, for translators\n"
    "  catalog import FILE\n"
    "                  a translated PO or XLIFF file into locales/ja.xlf\n"
    "\n"
    "  kessan COMMAND --help   the options of one command\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n"
    "\n"
    "Exit status: 0 clean, 1 a check failed (diff: differences),\n"
    "2 bad input, usage or trouble. See kessan(1).\n";

static const char new_help[] =
    "usage: kessan new --period ID [--output FILE] BOOK\n"
    "\n"
    "Writes the period file of quarter ID (BOOK/periods/ID.xml unless\n"
    "--output says otherwise; never over an existing file) from the book's\n"
    "last release before it: every fact that release wrote, empty, with its\n"
    "label and last value in a comment (the facts an identity derives are\n"
    "named, to be left out); every narrative slot the templates fill, empty,\n"
    "with last quarter's text in a comment; and the release element with\n"
    "dates proposed from the last release's. kessan check names every value\n"
    "still empty. Then says what the prior and prior-year quarters lack of\n"
    "the facts the release prints.\n"
    "\n"
    "Options:\n"
    "  -p, --period ID   the new quarter (e.g. 2004-q2); required\n"
    "  -o, --output FILE write there instead\n"
    "  -h, --help        show this help\n";

static const char check_help[] =
    "usage: kessan check [--period ID] [--quiet] BOOK\n"
    "\n"
    "Validates every file of BOOK against its schema, verifies every\n"
    "identity of accounts.xml in every period that has its facts, checks\n"
    "that every catalog key a template uses exists in both languages, and\n"
    "reads every printed figure back in English and Japanese.\n"
    "\n"
    "Options:\n"
    "  -p, --period ID   check this quarter only (e.g. 2004-q1)\n"
    "  -q, --quiet       leave out the notes (display adjustments, stated\n"
    "                    changes, the facts of a failed identity); warnings,\n"
    "                    errors and the summary line stay\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 clean, 1 a check failed, 2 bad input or usage.\n";

static const char render_help[] =
    "usage: kessan render --period ID [OPTIONS] BOOK\n"
    "\n"
    "Renders one quarter's release from BOOK, the templates and the\n"
    "catalogs. Without -o the release goes to standard output.\n"
    "\n"
    "Options:\n"
    "  -p, --period ID   the fiscal quarter (e.g. 2004-q1); required\n"
    "  -l, --lang L      en (the release, default), ja (the Japanese\n"
    "                    summary) or ja+en (the bilingual compilation)\n"
    "  -f, --format F    txt (canonical text, default), pdf, html, or tree\n"
    "                    (the document tree)\n"
    "      --paper P     a4 (default) or letter, for PDF\n"
    "  -t, --template ID a template other than the language's default\n"
    "  -o, --output PATH write there, atomically; to an existing folder as\n"
    "                    release-LANG.FORMAT\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 written, 2 bad input or usage.\n";

static const char build_help[] =
    "usage: kessan build [OPTIONS] BOOK\n"
    "\n"
    "Renders every quarter of BOOK that carries a release, in every\n"
    "language and format, in worker processes, and writes\n"
    "OUT/manifest.tsv. Only outputs an input of which changed are rebuilt.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUT  the output folder (default: out)\n"
    "  -j, --jobs N      worker processes, 1 to 256 (default: the cores)\n"
    "  -l, --lang LIST   a comma-separated subset of en,ja,ja+en\n"
    "  -f, --format LIST a comma-separated subset of txt,pdf,html\n"
    "      --shard K/N   build only the outputs of shard K of N\n"
    "      --force       rebuild every output\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 all built, 1 an output failed, 2 bad input or usage.\n";

static const char diff_help[] =
    "usage: kessan diff [OPTIONS] OLD NEW\n"
    "       kessan diff --git [OPTIONS] REV1 REV2 BOOK\n"
    "       kessan diff --git [OPTIONS] REV BOOK\n"
    "       kessan diff --built OUT [OPTIONS] BOOK\n"
    "\n"
    "Renders two drafts (two books, two period files, two git revisions\n"
    "of a book, or a revision and the working tree, edits not committed\n"
    "included) in each language and reports every changed figure and\n"
    "sentence, grouped by the input that changed it (a fact, a narrative\n"
    "slot, a footnote, a policy, a catalog message \"ja:table.x.caption\",\n"
    "a template file \"layouts/v2/templates/tables.xml\"): \"#N\" after\n"
    "the language names the group. A change several inputs make goes to\n"
    "the first that makes it alone, else to a \"combined\" group; one no\n"
    "tried input touches, to the input not tried alone (as when several\n"
    "template files changed at once), or a group naming those. Figures\n"
    "only footing moved end with \"[footing: TOTAL]\". --format pdf draws\n"
    "them on the new draft's pages instead: a redline.\n"
    "\n"
    "Options:\n"
    "  -p, --period ID   the quarter to compare (default: the drafts' own,\n"
    "                    or the latest release of the new book)\n"
    "  -l, --lang LIST   en, ja or en,ja (default)\n"
    "  -f, --format F    txt (one line a change, default), html, or pdf\n"
    "                    (a redline: the changes with their pages, then\n"
    "                    the new drafts, Japanese first, deletions struck\n"
    "                    in red, insertions underlined in blue, a bar by\n"
    "                    every changed line)\n"
    "  -o, --output FILE write there, atomically\n"
    "      --book BOOK   the book for period files kept outside one\n"
    "      --git         compare two revisions of BOOK, or one and the\n"
    "                    working tree (needs git and tar)\n"
    "      --built OUT   compare the last build in OUT (the commit holding\n"
    "                    the files its manifest records) with BOOK's\n"
    "                    working tree\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 no differences, 1 differences, 2 trouble.\n";

static const char sheet_help[] =
    "usage: kessan sheet export --period ID -o FILE BOOK\n"
    "       kessan sheet import [--period ID] BOOK FILE\n"
    "\n"
    "export writes the facts of quarter ID to FILE, an XLSX workbook (one\n"
    "sheet per group of accounts.xml) or a CSV file (a group column), by\n"
    "its extension: fact id, labels in English and Japanese, unit and\n"
    "scale of record, the prior-year and prior quarters as the release\n"
    "compares them, and the quarter's own column (empty when the book has\n"
    "no file for it).\n"
    "\n"
    "import reads the quarter's column of FILE back into\n"
    "BOOK/periods/ID.xml (ID: the column's heading): changed values are\n"
    "replaced in place, missing facts added to their group, everything\n"
    "else kept byte for byte; a quarter with no file gets one. A bad cell\n"
    "is reported as FILE:SHEET!CELL and nothing is written. An empty cell\n"
    "leaves the fact as it is.\n"
    "\n"
    "Options:\n"
    "  -p, --period ID   the quarter (e.g. 2004-q2); import: must be the\n"
    "                    sheet's\n"
    "  -o, --output FILE export: the .xlsx or .csv to write, atomically\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 written, 2 bad input (nothing written) or usage.\n";

static const char catalog_help[] =
    "usage: kessan catalog export [--format F] [--lang ja] [-o FILE] [BOOK]\n"
    "       kessan catalog import [--lang ja] FILE\n"
    "\n"
    "export writes the Japanese catalog (locales/ja.xlf, or KESSAN_LOCALES's)\n"
    "for a translator's tool: one unit per message key with its English,\n"
    "its Japanese, its state (a translation whose English changed since is\n"
    "fuzzy, or needs review) and its notes; with BOOK, also where the\n"
    "templates use it. XLIFF protects each simple argument {N} as an inline\n"
    "code; select arguments stay text.\n"
    "\n"
    "import reads a translated PO, XLIFF 1.2 or XLIFF 2.0 file (told apart\n"
    "by content) and checks that every unit with a translation keeps the\n"
    "English's arguments and select keywords and is a pattern ICU reads.\n"
    "Only when all do, it rewrites locales/ja.xlf atomically: the changed\n"
    "units' targets, sources (the current English) and states; every other\n"
    "line as it was. Untranslated, fuzzy and needs-review units are left.\n"
    "\n"
    "Options:\n"
    "  -f, --format F    po, xliff12 or xliff2 (default)\n"
    "  -l, --lang L      ja, the one translated language (default)\n"
    "  -o, --output FILE write there, atomically (export)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 done, 2 bad input or usage (import: a unit failed its\n"
    "check, and nothing was written).\n";

const char *
help_text(const char *command)
{
	static const struct {
		const char *name;
		const char *text;
	} commands[] = {
		{ "check", check_help },
		{ "render", render_help },
		{ "build", build_help },
		{ "diff", diff_help },
		{ "new", new_help },
		{ "sheet", sheet_help },
		{ "catalog", catalog_help },
	};
	size_t i;

	if (command == NULL)
		return overview;
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, command) == 0)
			return commands[i].text;
	return NULL;
}
