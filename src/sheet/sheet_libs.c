/*
 * Loading libxlsxwriter and libzip on first use (see sheet_libs.h). The
 * sonames come from configure: the ones the linker records for the
 * pkg-config libraries, whose headers give the tables' types.
 */
#include "config.h"

#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

#include "sheet_libs.h"

/* A function of a table: its name, and where its pointer goes. */
struct symbol {
	const char *name;
	size_t offset;
};

struct library {
	const char *soname;
	const char *package;   /* Debian's, for the hint */
	const struct symbol *symbols;
	size_t nsymbols;
	void *table;           /* to be used only once loaded */
	int loaded;
};

/* dlsym() gives a void *; POSIX has it hold a function pointer with the
 * same representation, which is how it is copied into the table. */
#define SYMBOL(type, name) { #name, offsetof(type, name) },
#define SAME_SIZE(type, name) \
	_Static_assert(sizeof(((type *)0)->name) == sizeof(void *), \
	    #name " is not the size of a void *");
#define XLSXWRITER_SYMBOL(name) SYMBOL(struct sheet_xlsxwriter, name)
#define LIBZIP_SYMBOL(name) SYMBOL(struct sheet_libzip, name)
#define XLSXWRITER_SIZE(name) SAME_SIZE(struct sheet_xlsxwriter, name)
#define LIBZIP_SIZE(name) SAME_SIZE(struct sheet_libzip, name)

SHEET_XLSXWRITER_FUNCTIONS(XLSXWRITER_SIZE)
SHEET_LIBZIP_FUNCTIONS(LIBZIP_SIZE)

static const struct symbol xlsxwriter_symbols[] = {
	SHEET_XLSXWRITER_FUNCTIONS(XLSXWRITER_SYMBOL)
};
static const struct symbol libzip_symbols[] = {
	SHEET_LIBZIP_FUNCTIONS(LIBZIP_SYMBOL)
};

static struct sheet_xlsxwriter xlsxwriter;
static struct sheet_libzip libzip;

static struct library xlsxwriter_library = {
	KESSAN_XLSXWRITER_SONAME, KESSAN_XLSXWRITER_SONAME_PACKAGE,
	xlsxwriter_symbols,
	sizeof(xlsxwriter_symbols) / sizeof(xlsxwriter_symbols[0]),
	&xlsxwriter, 0
};
static struct library libzip_library = {
	KESSAN_LIBZIP_SONAME, KESSAN_LIBZIP_SONAME_PACKAGE,
	libzip_symbols, sizeof(libzip_symbols) / sizeof(libzip_symbols[0]),
	&libzip, 0
};

/* The handle stays open for the life of the process: the table points
 * into the library, and kessan runs one command. */
static int
load(struct library *lib, struct diag_list *diags)
{
	const char *why;
	void *handle;
	size_t i;

	if (lib->loaded)
		return 0;
	if ((handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		why = dlerror();
		diag_add(diags, DIAG_FATAL, NULL, 0, "cannot load %s: %s (kessan "
		    "sheet needs it for workbooks: apt-get install %s)",
		    lib->soname, why != NULL ? why : "no reason given",
		    lib->package);
		return -1;
	}
	for (i = 0; i < lib->nsymbols; i++) {
		void *fn;

		(void)dlerror();
		if ((fn = dlsym(handle, lib->symbols[i].name)) == NULL) {
			why = dlerror();
			diag_add(diags, DIAG_FATAL, NULL, 0, "cannot load %s from "
			    "%s: %s (not the version kessan was built with: "
			    "reinstall %s, or rebuild kessan)",
			    lib->symbols[i].name, lib->soname,
			    why != NULL ? why : "no such function", lib->package);
			dlclose(handle);
			return -1;
		}
		memcpy((char *)lib->table + lib->symbols[i].offset, &fn,
		    sizeof(fn));
	}
	lib->loaded = 1;
	return 0;
}

const struct sheet_xlsxwriter *
sheet_xlsxwriter(struct diag_list *diags)
{
	return load(&xlsxwriter_library, diags) == 0 ? &xlsxwriter : NULL;
}

const struct sheet_libzip *
sheet_libzip(struct diag_list *diags)
{
	return load(&libzip_library, diags) == 0 ? &libzip : NULL;
}
