#ifndef KESSAN_HELP_H
#define KESSAN_HELP_H

/*
 * The command line's help texts, one per command. Returns the text for
 * command ("check", "render", "build", "diff"), the overview for NULL, or
 * NULL for an unknown command. The strings are static; main.c prints them.
 */
const char *help_text(const char *command);

#endif
