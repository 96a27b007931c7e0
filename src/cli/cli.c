/*
 * kessan's command line, the parts its commands share: usage errors, the
 * diagnostics, help and output. Only the command line (src/main.c and
 * src/cli/) prints.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../help.h"
#include "../util/atomic.h"
#include "../util/buffer.h"
#include "../util/diag.h"

/* The command being run, for usage errors' pointer to its help. */
const char *current_command;

int
usage_error(const char *message, const char *arg)
{
	fprintf(stderr, "kessan: %s%s%s\nTry 'kessan%s%s --help'.\n", message,
	    arg != NULL ? " " : "", arg != NULL ? arg : "",
	    current_command != NULL ? " " : "",
	    current_command != NULL ? current_command : "");
	return EXIT_BAD_INPUT;
}

/* Prints the diagnostics, one whole line each, in the order collected. */
void
print_diags(const struct diag_list *diags)
{
	struct buffer text = { NULL, 0, 0, 0 };

	if (diag_format(diags, &text) != 0)
		fputs("kessan: out of memory printing the diagnostics\n", stderr);
	else if (text.len > 0)
		fwrite(text.data, 1, text.len, stderr);
	buffer_free(&text);
}

/* Prints a command's help (the overview for NULL); the exit status. */
int
print_help(const char *command)
{
	fputs(help_text(command), stdout);
	return EXIT_CLEAN;
}

/* Writes out to stdout, or atomically to the file output. */
int
write_output(const char *output, const struct buffer *out,
    struct diag_list *diags)
{
	char err[256];

	if (output == NULL) {
		if (fwrite(out->data, 1, out->len, stdout) != out->len ||
		    fflush(stdout) != 0) {
			diag_add(diags, DIAG_FATAL, "stdout", 0, "write failed");
			return -1;
		}
	} else if (write_file_atomic(output, out->data, out->len, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, output, 0, "cannot write: %s", err);
		return -1;
	}
	return 0;
}

/* A comma-separated list of names into a bit mask; 0 if one is unknown. */
unsigned
parse_list(const char *arg, const char *const *names, int count)
{
	unsigned mask = 0;
	const char *p = arg;
	int i;

	while (*p != '\0') {
		size_t len = strcspn(p, ",");
		for (i = 0; i < count; i++)
			if (strlen(names[i]) == len && strncmp(p, names[i], len) == 0)
				break;
		if (i == count)
			return 0;
		mask |= 1u << i;
		p += len + (p[len] == ',');
	}
	return mask;
}
