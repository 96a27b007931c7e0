#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

#include "../src/check/check.h"
#include "../src/load/load.h"

#ifndef FUZZ_SRCDIR
#error "FUZZ_SRCDIR must name the source tree"
#endif

static struct fuzz_paths paths;
static char root[4096];

/* Originals, read once: a target touches one or two files. */
static struct original {
	char *relative;
	char *text;
	size_t size;
} originals[8];

static _Noreturn void
die(const char *what, const char *path)
{
	fprintf(stderr, "fuzz harness: %s: %s\n", what, path);
	abort();
}

static char *
read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (text = malloc((size_t)n + 1)) == NULL)
		die("cannot read", path);
	if (fread(text, 1, (size_t)n, f) != (size_t)n)
		die("cannot read", path);
	fclose(f);
	text[n] = '\0';
	*size = (size_t)n;
	return text;
}

static void
write_file(const char *path, const char *a, size_t na, const char *b,
    size_t nb, const char *c, size_t nc)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(a, 1, na, f) != na ||
	    fwrite(b, 1, nb, f) != nb || fwrite(c, 1, nc, f) != nc ||
	    fclose(f) != 0)
		die("cannot write", path);
}

/* Copies the regular files of src into dst, one level of folders deep. */
static void
copy_folder(const char *src, const char *dst, int depth)
{
	DIR *dir = opendir(src);
	struct dirent *e;

	if (dir == NULL || mkdir(dst, 0700) != 0)
		die("cannot copy", src);
	while ((e = readdir(dir)) != NULL) {
		char from[4096], to[4096];
		struct stat st;
		char *text;
		size_t size;

		if (e->d_name[0] == '.')
			continue;
		snprintf(from, sizeof(from), "%s/%s", src, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", dst, e->d_name);
		if (stat(from, &st) != 0)
			die("cannot stat", from);
		if (S_ISDIR(st.st_mode)) {
			if (depth > 0)
				copy_folder(from, to, depth - 1);
		} else if (S_ISREG(st.st_mode)) {
			text = read_file(from, &size);
			write_file(to, text, size, "", 0, "", 0);
			free(text);
		}
	}
	closedir(dir);
}

static int
remove_entry(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;

	if (dir == NULL)
		return unlink(path);
	while ((e = readdir(dir)) != NULL) {
		char child[4096];

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
		remove_entry(child);
	}
	closedir(dir);
	return rmdir(path);
}

static void
cleanup(void)
{
	size_t i;

	if (root[0] != '\0')
		remove_entry(root);
	for (i = 0; i < sizeof(originals) / sizeof(originals[0]); i++) {
		free(originals[i].relative);
		free(originals[i].text);
	}
}

const struct fuzz_paths *
fuzz_setup(void)
{
	const char *tmp = getenv("TMPDIR");
	char from[4096];

	if (root[0] != '\0')
		return &paths;
	/* Schemas and fonts are read from the source tree, never written. */
	setenv("KESSAN_DATADIR", FUZZ_SRCDIR, 0);
	snprintf(root, sizeof(root), "%s/kessan-fuzz-XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	if (mkdtemp(root) == NULL)
		die("cannot make a folder", root);
	atexit(cleanup);
	snprintf(paths.book, sizeof(paths.book), "%s/book", root);
	snprintf(paths.templates, sizeof(paths.templates), "%s/templates", root);
	snprintf(paths.locales, sizeof(paths.locales), "%s/locales", root);
	snprintf(paths.scratch, sizeof(paths.scratch), "%s/scratch", root);
	if (mkdir(paths.scratch, 0700) != 0)
		die("cannot make a folder", paths.scratch);
	snprintf(from, sizeof(from), "%s/examples/iij", FUZZ_SRCDIR);
	copy_folder(from, paths.book, 1);
	snprintf(from, sizeof(from), "%s/templates", FUZZ_SRCDIR);
	copy_folder(from, paths.templates, 0);
	snprintf(from, sizeof(from), "%s/locales", FUZZ_SRCDIR);
	copy_folder(from, paths.locales, 0);
	return &paths;
}

/* The file at relative as the copy first had it; text is NULL for a file
 * a target adds. Must be asked before the first write. */
static const struct original *
original(const char *relative)
{
	char path[4096];
	size_t i;

	for (i = 0; i < sizeof(originals) / sizeof(originals[0]); i++) {
		if (originals[i].relative == NULL) {
			snprintf(path, sizeof(path), "%s/%s", root, relative);
			if (access(path, F_OK) == 0)
				originals[i].text = read_file(path,
				    &originals[i].size);
			if ((originals[i].relative = strdup(relative)) == NULL)
				die("out of memory", relative);
			return &originals[i];
		}
		if (strcmp(originals[i].relative, relative) == 0)
			return &originals[i];
	}
	die("too many originals", relative);
}

void
fuzz_write(const char *relative, const uint8_t *data, size_t size)
{
	char path[4096];

	fuzz_setup();
	original(relative);
	snprintf(path, sizeof(path), "%s/%s", root, relative);
	write_file(path, (const char *)data, size, "", 0, "", 0);
}

void
fuzz_restore(const char *relative)
{
	const struct original *o = original(relative);
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", root, relative);
	if (o->text == NULL)
		unlink(path);
	else
		write_file(path, o->text, o->size, "", 0, "", 0);
}

void
fuzz_xml_escape(struct buffer *out, const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++) {
		switch (data[i]) {
		case '<':
			buffer_puts(out, "&lt;");
			break;
		case '>':
			buffer_puts(out, "&gt;");
			break;
		case '&':
			buffer_puts(out, "&amp;");
			break;
		default:
			buffer_write(out, (const char *)data + i, 1);
		}
	}
}

void
fuzz_write_spliced(const char *relative, const char *anchor,
    const char *start, const char *end, const uint8_t *data, size_t size,
    int escape)
{
	const struct original *o;
	const char *a, *s, *e;
	struct buffer middle = { NULL, 0, 0, 0 };
	char path[4096];

	fuzz_setup();
	o = original(relative);
	if (o->text == NULL || (a = strstr(o->text, anchor)) == NULL ||
	    (s = strstr(a, start)) == NULL ||
	    (e = strstr(s + strlen(start), end)) == NULL)
		die("no splice point", anchor);
	s += strlen(start);
	if (escape)
		fuzz_xml_escape(&middle, data, size);
	else
		buffer_write(&middle, (const char *)data, size);
	if (middle.failed)
		die("out of memory", relative);
	snprintf(path, sizeof(path), "%s/%s", root, relative);
	write_file(path, o->text, (size_t)(s - o->text),
	    middle.data != NULL ? middle.data : "", middle.len,
	    e, o->size - (size_t)(e - o->text));
	buffer_free(&middle);
}

void
fuzz_expect_explained(int failed, const struct diag_list *diags)
{
	size_t i;

	for (i = 0; i < diags->len; i++)
		if (diags->items[i].message == NULL ||
		    diags->items[i].message[0] == '\0')
			die("a diagnostic without a message", "");
	if (failed && diag_worst(diags) < DIAG_ERROR)
		die("failed without saying why", "");
}

void
fuzz_expect_text(const struct buffer *out)
{
	if (out->failed)
		die("output marked failed but returned", "");
	fuzz_expect_utf8(out->data, out->len);
}

void
fuzz_expect_utf8(const char *text, size_t n)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;

	while (i < n) {
		unsigned char c = p[i];
		size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 :
		    (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		size_t k;

		if (c == 0 || len == 0 || i + len > n)
			die("output is not UTF-8", "");
		for (k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				die("output is not UTF-8", "");
		i += len;
	}
}

int
fuzz_render_text(const struct book *book, struct render_env *env,
    enum output_format format, struct buffer *out, struct diag_list *diags)
{
	struct render_request req;

	memset(&req, 0, sizeof(req));
	req.book = book;
	req.env = env;
	req.period = "2004-q1";
	req.lang = RENDER_EN;
	req.format = format;
	return render_release(&req, out, diags);
}

void
fuzz_book_pipeline(unsigned formats)
{
	const struct fuzz_paths *p = fuzz_setup();
	struct diag_list diags;
	struct check_stats stats;
	struct render_env *env = NULL;
	struct book *book;
	int status;
	enum output_format f;

	memset(&diags, 0, sizeof(diags));
	book = book_load(p->book, &diags);
	fuzz_expect_explained(book == NULL, &diags);
	if (book == NULL)
		goto out;
	status = check_book(book, NULL, &stats, &diags);
	fuzz_expect_explained(status == 2, &diags);
	if (status == 2)
		goto out;
	env = render_env_new(book, p->templates, p->locales, NULL, &diags);
	fuzz_expect_explained(env == NULL, &diags);
	if (env == NULL)
		goto out;
	for (f = 0; f < FORMAT_MAX; f++) {
		struct buffer out = { NULL, 0, 0, 0 };

		if ((formats & (1u << f)) == 0)
			continue;
		status = fuzz_render_text(book, env, f, &out, &diags);
		fuzz_expect_explained(status != 0, &diags);
		if (status == 0)
			fuzz_expect_text(&out);
		buffer_free(&out);
	}
out:
	render_env_free(env);
	book_free(book);
	diag_list_free(&diags);
}
