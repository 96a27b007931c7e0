/*
 * kessan: the command line's entry point, which dispatches to the commands
 * in src/cli/. Only the command line (this file and src/cli/) prints
 * diagnostics and decides the exit status.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli/cli.h"
#include "help.h"
#include "load/xml.h"
#include "util/heap.h"

/* The commands, each in its file under src/cli/. */
static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "check", cmd_check },
	{ "render", cmd_render },
	{ "build", cmd_build },
	{ "diff", cmd_diff },
	{ "new", cmd_new },
	{ "sheet", cmd_sheet },
	{ "catalog", cmd_catalog },
};

int
main(int argc, char **argv)
{
	size_t k;
	int rc;

	if (argc < 2)
		return usage_error("no command given", NULL);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return print_help(NULL);
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("kessan %s\n", PACKAGE_VERSION);
		return EXIT_CLEAN;
	}
	heap_prefer_huge_pages();
	LIBXML_TEST_VERSION
	if (help_text(argv[1]) != NULL)
		current_command = argv[1];
	for (k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (strcmp(argv[1], commands[k].name) == 0)
			break;
	rc = k < sizeof(commands) / sizeof(commands[0]) ?
	    commands[k].run(argc - 1, argv + 1) :
	    usage_error("unknown command:", argv[1]);
	xml_cleanup();
	return rc;
}
