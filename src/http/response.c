/*
 * response.c: headers, redirects, validators, and writing the response.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

#include "../config.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "http.h"
#include "response.h"

/*
 * Sent with every response, errors included.  The pages need no script
 * at all, so script-src is 'none'; styles and images come from the site
 * itself only, and no page may be framed.
 */
static const char security_headers[] =
    "Content-Security-Policy: default-src 'none'; style-src 'self'; "
    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: same-origin\r\n"
    "X-Frame-Options: DENY\r\n";

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 410: return "Gone";
	case 411: return "Length Required";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	default: return status < 400 ? "OK" : "Error";
	}
}

/* 1 if s is safe inside a header line: no control bytes at all. */
static int
header_safe(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

int
http_header(struct req *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value))
		return -1;
	buf_printf(&r->resp.headers, "%s: %s\r\n", name, value);
	return 0;
}

int
http_redirect(struct req *r, int status, const char *path)
{
	/*
	 * Only paths inside this site: one leading slash, no backslash
	 * (browsers read "/\evil" as "//evil"), no control bytes.
	 */
	if (path == NULL || path[0] != '/' || path[1] == '/' ||
	    path[1] == '\\' || strchr(path, '\\') != NULL ||
	    !header_safe(path))
		return 500;
	http_header(r, "Location", path);
	r->resp.status = status;
	/*
	 * A permanent move of a reader's page (an old slug) is an answer
	 * caches keep like the page; a redirect after a form is personal.
	 */
	if (status != 301)
		r->resp.cache = CACHE_NONE;
	return status;
}

/* 1 if the If-None-Match list holds etag (or "*"). */
static int
etag_listed(const char *list, const char *etag)
{
	size_t	 n = strlen(etag);
	const char *p = list;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '*')
			return 1;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (strncmp(p, etag, n) == 0 &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return 1;
		while (*p != '\0' && *p != ',')
			p++;
	}
	return 0;
}

int
http_compressible(const struct req *r)
{
	return r->accept != ENC_IDENTITY &&
	    (r->method == HTTP_GET || r->method == HTTP_HEAD) &&
	    r->resp.cache != CACHE_NONE && r->editor == NULL &&
	    !r->resp.sets_cookie;
}

/*
 * The entity tag of etag's representation in coding enc: "x" becomes
 * "x-br".  Each coding of a page is a representation of its own, with
 * its own tag, so that no cache takes one for another.
 */
static const char *
etag_coded(struct req *r, const char *etag, enum http_encoding enc)
{
	size_t	 n = strlen(etag);

	if (enc == ENC_IDENTITY || n < 2 || etag[n - 1] != '"')
		return etag;
	return arena_printf(r->arena, "%.*s%s\"", (int)(n - 1), etag,
	    http_encoding_etag(enc));
}

int
http_not_modified(struct req *r, const char *etag, int64_t last_modified)
{
	int64_t	 since;

	r->resp.etag = etag;
	r->resp.last_modified = last_modified;
	if (r->method != HTTP_GET && r->method != HTTP_HEAD)
		return 0;
	if (r->if_none_match != NULL && etag != NULL)
		return etag_listed(r->if_none_match, etag_coded(r, etag,
		    http_compressible(r) ? r->accept : ENC_IDENTITY));
	if (r->if_modified_since != NULL && last_modified > 0 &&
	    (since = time_http_parse(r->if_modified_since)) > 0)
		return last_modified <= since;
	return 0;
}

int
http_send(struct req *r, FCGX_Stream *out)
{
	struct buf	 h = BUF_INIT;
	int		 status = r->resp.status, rc = 0, with_body;

	buf_reserve(&h, 1024);
	buf_printf(&h, "Status: %d %s\r\n", status, http_reason(status));
	with_body = status != 304 && status != 204;
	if (with_body) {
		buf_printf(&h, "Content-Type: %s\r\n", r->resp.content_type ?
		    r->resp.content_type : "text/html; charset=utf-8");
		buf_printf(&h, "Content-Length: %zu\r\n", r->resp.body->len);
		if (r->resp.encoding != ENC_IDENTITY)
			buf_printf(&h, "Content-Encoding: %s\r\n",
			    http_encoding_name(r->resp.encoding));
	}
	buf_puts(&h, security_headers);
	if (cfg.https)
		buf_puts(&h, "Strict-Transport-Security: max-age=31536000\r\n");
	if (r->resp.etag != NULL)
		buf_printf(&h, "ETag: %s\r\n", etag_coded(r, r->resp.etag,
		    r->resp.encoding));
	if (r->resp.last_modified > 0)
		buf_printf(&h, "Last-Modified: %s\r\n",
		    time_http(r->arena, r->resp.last_modified));
	buf_append(&h, r->resp.headers.data, r->resp.headers.len);
	buf_puts(&h, "\r\n");
	/* A client that went away makes writes fail: stop writing. */
	if (FCGX_PutStr(h.data, (int)h.len, out) < 0)
		rc = -1;
	/*
	 * HEAD gets the body too: nginx drops it on the way to the client,
	 * and its cache key leaves the method out, so that a HEAD that
	 * fills the cache leaves a whole page for the GETs after it (and a
	 * purge has one key per page to remove).
	 */
	else if (with_body && r->resp.body->len > 0 &&
	    FCGX_PutStr(r->resp.body->data, (int)r->resp.body->len, out) < 0)
		rc = -1;
	buf_free(&h);
	return rc;
}
