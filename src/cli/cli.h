/*
 * kessan's command line: what src/main.c dispatches to and what its
 * commands share. Only the command line (src/main.c and src/cli/) prints
 * and decides the exit status.
 */
#ifndef KESSAN_CLI_CLI_H
#define KESSAN_CLI_CLI_H

struct buffer;
struct diag_list;

enum exit_status {
	EXIT_CLEAN = 0,
	EXIT_CHECK_FAILED = 1,
	EXIT_BAD_INPUT = 2
};

/* The command being run, for usage errors' pointer to its help. */
extern const char *current_command;

/* Prints a usage error with the pointer to help; EXIT_BAD_INPUT. */
int usage_error(const char *message, const char *arg);
/* Prints the diagnostics, one whole line each, in the order collected. */
void print_diags(const struct diag_list *diags);
/* Prints a command's help (the overview for NULL); the exit status. */
int print_help(const char *command);
/* Writes out to stdout, or atomically to the file output. */
int write_output(const char *output, const struct buffer *out,
    struct diag_list *diags);
/* A comma-separated list of names into a bit mask; 0 if one is unknown. */
unsigned parse_list(const char *arg, const char *const *names, int count);

/* The commands: argv[0] is the command's name; each returns the exit
 * status. */
int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_sheet(int argc, char **argv);
int cmd_catalog(int argc, char **argv);

#endif
