#include "xml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "../util/datadir.h"
#include "../util/readfile.h"
#include "../util/sha256.h"
#include "shipped.h"
#include "xml_enum.h"
#include "xml_pattern.h"

/* Set by xml_get when a copy fails (see xml_take_out_of_memory). Loading
 * runs on one thread; each of kessan build's workers is a process. */
static _Thread_local int copy_failed;

static const char *const schema_files[SCHEMA_MAX] = {
	"schemas/company.rng", "schemas/accounts.rng", "schemas/period.rng",
	"schemas/template.rng", "schemas/xliff.rng", "schemas/fonts.rng"
};

/* The compiled schemas, for the life of the process. */
static xmlRelaxNGPtr compiled[SCHEMA_MAX];

/*
 * Each schema less the patterns xml_pattern.c checks, and those checks: a
 * document valid against the one and passing the other is valid, and is
 * never validated against the full schema (whose pattern checks compile
 * a regexp per value). tried: attempted, successfully or not.
 */
static struct {
	int tried;
	xmlRelaxNGPtr rng;
	struct xml_patterns *patterns;
} fast[SCHEMA_MAX];

struct xml_sink {
	struct diag_list *diags;
	const char *fallback_file;
	int count;
	int limit;   /* report at most this many; 0: all */
};

/* Turns a libxml2 error into a diagnostic, dropping its trailing newline. */
static void
sink_error(void *arg, xmlErrorPtr error)
{
	struct xml_sink *sink = arg;
	const char *file;
	char *msg;
	size_t len;

	if (error == NULL || error->level == XML_ERR_WARNING)
		return;
	if (sink->limit > 0 && sink->count >= sink->limit)
		return;
	/* RELAX NG follows a precise error with "Element x failed to
	 * validate content" about its parent: an echo, not news. */
	if (sink->count > 0 && error->message != NULL &&
	    strstr(error->message, " failed to validate ") != NULL)
		return;
	msg = strdup(error->message != NULL ? error->message : "XML error");
	if (msg == NULL) {
		diag_add(sink->diags, DIAG_FATAL, sink->fallback_file, 0,
		    "out of memory");
		return;
	}
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	file = error->file != NULL ? error->file : sink->fallback_file;
	diag_add(sink->diags, DIAG_FATAL, file, error->line, "%s", msg);
	sink->count++;
	free(msg);
}

void
xml_cleanup(void)
{
	int i;

	for (i = 0; i < SCHEMA_MAX; i++) {
		if (compiled[i] != NULL) {
			xmlRelaxNGFree(compiled[i]);
			compiled[i] = NULL;
		}
		if (fast[i].rng != NULL)
			xmlRelaxNGFree(fast[i].rng);
		xml_patterns_free(fast[i].patterns);
		memset(&fast[i], 0, sizeof(fast[i]));
	}
	xmlCleanupParser();
}

static xmlRelaxNGPtr
schema_get(enum schema schema, struct diag_list *diags)
{
	char path[4096];
	xmlRelaxNGParserCtxtPtr pctx;
	struct xml_sink sink = { diags, NULL, 0, 0 };

	if (compiled[schema] != NULL)
		return compiled[schema];
	if (datadir_path(schema_files[schema], path, sizeof(path)) != 0) {
		diag_add(diags, DIAG_FATAL, schema_files[schema], 0,
		    "data directory path too long");
		return NULL;
	}
	sink.fallback_file = path;
	if ((pctx = xmlRelaxNGNewParserCtxt(path)) == NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		return NULL;
	}
	xmlRelaxNGSetParserStructuredErrors(pctx, sink_error, &sink);
	xmlSetStructuredErrorFunc(&sink, sink_error);
	compiled[schema] = xmlRelaxNGParse(pctx);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlRelaxNGFreeParserCtxt(pctx);
	if (compiled[schema] == NULL && sink.count == 0)
		diag_add(diags, DIAG_FATAL, path, 0,
		    "cannot load schema (set KESSAN_DATADIR to kessan's data directory)");
	return compiled[schema];
}

/* libxml2's words while compiling or trying the fast schema: not ours to
 * show (the full schema says what is wrong). */
static void
discard_error(void *arg, xmlErrorPtr error)
{
	(void)arg;
	(void)error;
}

/*
 * The schema without the patterns xml_pattern.c checks, compiled on first
 * use; NULL when it could not be made (the full schema then serves, and
 * says why if it cannot either).
 */
static xmlRelaxNGPtr
fast_get(enum schema schema)
{
	char path[4096];
	xmlDocPtr doc;
	xmlRelaxNGParserCtxtPtr pctx = NULL;

	if (fast[schema].tried)
		return fast[schema].rng;
	fast[schema].tried = 1;
	if (datadir_path(schema_files[schema], path, sizeof(path)) != 0)
		return NULL;
	xmlSetStructuredErrorFunc(NULL, discard_error);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc != NULL &&
	    xml_patterns_take(doc, &fast[schema].patterns) == 0 &&
	    fast[schema].patterns != NULL &&
	    (pctx = xmlRelaxNGNewDocParserCtxt(doc)) != NULL) {
		xmlRelaxNGSetParserStructuredErrors(pctx, discard_error, NULL);
		fast[schema].rng = xmlRelaxNGParse(pctx);
		xmlRelaxNGFreeParserCtxt(pctx);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(doc);
	if (fast[schema].rng == NULL) {
		xml_patterns_free(fast[schema].patterns);
		fast[schema].patterns = NULL;
	}
	return fast[schema].rng;
}

/* Whether doc is valid against schema, by the fast schema and pattern
 * checks; 0 means "not known": the full schema must judge. */
static int
fast_valid(enum schema schema, xmlDocPtr doc)
{
	xmlRelaxNGValidCtxtPtr vctx;
	int valid;

	if (fast[schema].rng == NULL ||
	    (vctx = xmlRelaxNGNewValidCtxt(fast[schema].rng)) == NULL)
		return 0;
	xmlRelaxNGSetValidStructuredErrors(vctx, discard_error, NULL);
	valid = xmlRelaxNGValidateDoc(vctx, doc);
	xmlRelaxNGFreeValidCtxt(vctx);
	return valid == 0 &&
	    xml_patterns_check(fast[schema].patterns, doc) == 1;
}

/*
 * Whether bytes are one of kessan's own data files as built, which the
 * build validated against this schema (shipped_hashes.sh): validating
 * them again at every run cost more than parsing them. A user's file is
 * validated, unless it is byte for byte one of these.
 */
static int
is_shipped(enum schema schema, const unsigned char *bytes, size_t size)
{
	struct sha256 h;
	char hex[65];
	size_t i;

	for (i = 0; shipped_valid[i].sha != NULL &&
	    strcmp(shipped_valid[i].schema, schema_files[schema]) != 0; i++)
		;
	if (shipped_valid[i].sha == NULL)
		return 0;   /* no file of this kind: not worth a digest */
	sha256_init(&h);
	sha256_update(&h, bytes, size);
	sha256_final_hex(&h, hex);
	for (i = 0; shipped_valid[i].sha != NULL; i++)
		if (strcmp(shipped_valid[i].schema, schema_files[schema]) == 0 &&
		    strcmp(shipped_valid[i].sha, hex) == 0)
			return 1;
	return 0;
}

/*
 * A document type declaration is refused where the parser meets it, before
 * any entity it declares is read (billion laughs), rather than after.
 */
static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr pctx = ctx;
	int *line = pctx->_private;

	(void)name;
	(void)external_id;
	(void)system_id;
	*line = xmlSAX2GetLineNumber(ctx);
	xmlStopParser(pctx);
}

xmlDocPtr
xml_load(const char *path, enum schema schema, struct diag_list *diags)
{
	/* After the first well-formedness error the rest are its echoes. */
	struct xml_sink sink = { diags, path, 0, 1 };
	xmlParserCtxtPtr pctx = NULL;
	xmlRelaxNGValidCtxtPtr vctx = NULL;
	xmlRelaxNGPtr rng = NULL;
	xmlDocPtr doc = NULL;
	unsigned char *bytes;
	size_t size;
	struct diag_list rng_diags;
	char err[256];
	int valid, doctype_line = 0, shipped;

	/*
	 * kessan reads the bytes itself and libxml2 parses them from memory:
	 * reading a file, libxml2 would transparently decompress gzip and xz,
	 * so a 1 MB file could parse as 1 GB past the size limit.
	 */
	if (read_regular_file(path, XML_MAX_FILE_SIZE, &bytes, &size, err,
	    sizeof(err)) != 0) {
		diag_add(diags, DIAG_FATAL, path, 0, "%s", err);
		return NULL;
	}
	if (size > INT_MAX) {   /* xmlCtxtReadMemory takes an int */
		free(bytes);
		diag_add(diags, DIAG_FATAL, path, 0, "file too large");
		return NULL;
	}
	shipped = schema != SCHEMA_NONE && is_shipped(schema, bytes, size);
	if (schema != SCHEMA_NONE && !shipped && fast_get(schema) == NULL &&
	    (rng = schema_get(schema, diags)) == NULL) {
		free(bytes);
		return NULL;
	}
	if ((pctx = xmlNewParserCtxt()) == NULL) {
		free(bytes);
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		return NULL;
	}
	/*
	 * No network, no entity substitution, no DTD loading: input cannot
	 * reach outside the file it is in.
	 */
	pctx->_private = &doctype_line;
	pctx->sax->internalSubset = refuse_doctype;
	xmlSetStructuredErrorFunc(&sink, sink_error);
	/* COMPACT keeps short text inside its node (fewer allocations): the
	 * loaders only read the tree */
	doc = xmlCtxtReadMemory(pctx, (const char *)bytes, (int)size, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(pctx);
	free(bytes);
	if (doctype_line > 0) {
		diag_add(diags, DIAG_FATAL, path, doctype_line,
		    "document type declarations are not allowed");
		xmlFreeDoc(doc);
		return NULL;
	}
	if (doc == NULL) {
		if (sink.count == 0)
			diag_add(diags, DIAG_FATAL, path, 0, "not well-formed XML");
		return NULL;
	}
	if (sink.count > 0)
		goto fail;
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		diag_add(diags, DIAG_FATAL, path,
		    doc->intSubset != NULL ? xml_line((xmlNodePtr)doc->intSubset) : 0,
		    "document type declarations are not allowed");
		goto fail;
	}
	if (schema == SCHEMA_NONE || shipped || fast_valid(schema, doc))
		return doc;
	if (rng == NULL && (rng = schema_get(schema, diags)) == NULL)
		goto fail;
	if ((vctx = xmlRelaxNGNewValidCtxt(rng)) == NULL) {
		diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
		goto fail;
	}
	/* RELAX NG's words go to a list of their own: a value outside an
	 * attribute's choices has plainer ones (xml_enum.c). */
	memset(&rng_diags, 0, sizeof(rng_diags));
	sink.diags = &rng_diags;
	sink.limit = 0;
	xmlRelaxNGSetValidStructuredErrors(vctx, sink_error, &sink);
	valid = xmlRelaxNGValidateDoc(vctx, doc);
	xmlRelaxNGFreeValidCtxt(vctx);
	if (valid != 0) {
		char schema_path[4096];
		size_t i;

		if (datadir_path(schema_files[schema], schema_path,
		    sizeof(schema_path)) != 0 ||
		    xml_enum_check(doc, path, schema_path, diags) == 0) {
			for (i = 0; i < rng_diags.len; i++)
				diag_add(diags, rng_diags.items[i].level,
				    rng_diags.items[i].file, rng_diags.items[i].line,
				    "%s", rng_diags.items[i].message);
			if (rng_diags.len == 0 && rng_diags.seen[DIAG_FATAL] > 0)
				diag_add(diags, DIAG_FATAL, path, 0, "out of memory");
			else if (rng_diags.len == 0)
				diag_add(diags, DIAG_FATAL, path, 0,
				    "does not follow %s", schema_files[schema]);
		}
		diag_list_free(&rng_diags);
		goto fail;
	}
	diag_list_free(&rng_diags);
	return doc;
fail:
	xmlFreeDoc(doc);
	return NULL;
}

xmlNodePtr
xml_element(xmlNodePtr node)
{
	while (node != NULL && node->type != XML_ELEMENT_NODE)
		node = node->next;
	return node;
}

int
xml_is(xmlNodePtr node, const char *name)
{
	return node != NULL && strcmp((const char *)node->name, name) == 0;
}

int
xml_line(xmlNodePtr node)
{
	long line = xmlGetLineNo(node);

	return line > 0 && line < 0x7fffffff ? (int)line : 0;
}

char *
xml_get(xmlNodePtr node, const char *name)
{
	xmlChar *raw = name != NULL ? xmlGetProp(node, (const xmlChar *)name) :
	    xmlNodeGetContent(node);
	const char *start;
	size_t len;
	char *out;

	if (raw == NULL)
		return NULL;
	start = (const char *)raw;
	while (*start == ' ' || *start == '\t' || *start == '\n' ||
	    *start == '\r')
		start++;
	len = strlen(start);
	while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '\t' ||
	    start[len - 1] == '\n' || start[len - 1] == '\r'))
		len--;
	if ((out = malloc(len + 1)) != NULL) {
		memcpy(out, start, len);
		out[len] = '\0';
	} else
		copy_failed = 1;
	xmlFree(raw);
	return out;
}

void
xml_loader_error(struct diag_list *diags, const char *file, int line,
    const char *fmt, va_list ap)
{
	if (copy_failed)
		diag_add(diags, DIAG_FATAL, file, line, "out of memory");
	else
		diag_addv(diags, DIAG_FATAL, file, line, fmt, ap);
}

int
xml_memory_ran_out(void)
{
	return copy_failed;
}

int
xml_take_out_of_memory(void)
{
	int failed = copy_failed;

	copy_failed = 0;
	return failed;
}

int
xml_report_lost_values(struct diag_list *diags, const char *file)
{
	if (!xml_take_out_of_memory())
		return 0;
	diag_add(diags, DIAG_FATAL, file, 0, "out of memory");
	return 1;
}
