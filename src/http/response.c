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

/*
 * Cache lifetimes, in seconds, per policy: the browser's (max-age),
 * shared caches' (s-maxage) and the project nginx's (X-Accel-Expires).
 *
 * Shared caches keep a page one second: nginx counts whole seconds, so
 * a copy lives one to two, and no reader of a shared cache sees a page
 * more than about two seconds older than the last write, even one that
 * no purge names (a search, an older listing page, a settings change).
 * Writes purge the pages they name at once (src/purge.c).  A reader's
 * own browser may keep a page ten seconds and a feed five minutes; a
 * reload asks again, with the validators.
 */
static const struct {
	int	 browser, shared, micro;
} lifetimes[CACHE__MAX] = {
	[CACHE_NONE] = { 0, 0, 0 },
	[CACHE_PAGE] = { 10, 1, 1 },
	[CACHE_FEED] = { 300, 1, 1 },
};

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
http_not_modified(struct req *r, const char *etag, int64_t last_modified)
{
	int64_t	 since;

	r->resp.etag = etag;
	r->resp.last_modified = last_modified;
	if (r->method != HTTP_GET && r->method != HTTP_HEAD)
		return 0;
	if (r->if_none_match != NULL && etag != NULL)
		return etag_listed(r->if_none_match, etag);
	if (r->if_modified_since != NULL && last_modified > 0 &&
	    (since = time_http_parse(r->if_modified_since)) > 0)
		return last_modified <= since;
	return 0;
}

/*
 * 1 if status, for a reader's page, is an answer that caches keep:
 * the page (200, or 304 for one they hold), or one that replaces any
 * copy they hold: the page moved (301), is unknown (404) or was
 * withdrawn (410).  Other errors are failures: caches keep serving what
 * they had (stale-if-error) and store nothing.
 */
static int
answer_status(int status)
{
	return status == 200 || status == 304 || status == 301 ||
	    status == 404 || status == 410;
}

/* Cache-Control and friends for the response's policy. */
static void
cache_headers(struct req *r, struct buf *h)
{
	enum cache_policy p = r->resp.cache;
	int64_t		  left;
	int		  browser, shared, micro;

	/* Failures, redirects of POSTs and personal pages are not shared. */
	if (!answer_status(r->resp.status) || r->editor != NULL ||
	    r->resp.sets_cookie ||
	    (r->method != HTTP_GET && r->method != HTTP_HEAD))
		p = CACHE_NONE;
	if (p == CACHE_NONE) {
		buf_puts(h, "Cache-Control: private, no-store\r\n");
		buf_puts(h, "X-Accel-Expires: 0\r\n");
		return;
	}
	browser = lifetimes[p].browser;
	shared = lifetimes[p].shared;
	micro = lifetimes[p].micro;
	/* A gone or moved page: browsers ask again soon, too. */
	if (r->resp.status != 200 && browser > lifetimes[CACHE_PAGE].browser)
		browser = lifetimes[CACHE_PAGE].browser;
	/* A scheduled article or a comment deadline changes the page. */
	if (r->resp.expires > 0) {
		left = r->resp.expires - r->now;
		if (left < 1)
			left = 1;
		if (left < browser)
			browser = (int)left;
		if (left < shared)
			shared = (int)left;
		if (left < micro)
			micro = (int)left;
	}
	/*
	 * No stale-while-revalidate: a cache honouring it would show the
	 * old page after a write for that long.  stale-if-error lets caches
	 * keep serving while the app is down or failing (5xx, timeouts).
	 */
	buf_printf(h, "Cache-Control: public, max-age=%d, s-maxage=%d, "
	    "stale-if-error=86400\r\n", browser, shared);
	/*
	 * The microcache's life for the page.  A page made while a write
	 * committed may show the state before it, and the write's purge
	 * may already have gone by: nginx must not keep it.  A 304 answers
	 * nginx's own revalidation (fastcgi_cache_revalidate): it renews
	 * the page nginx already holds for as long.
	 */
	buf_printf(h, "X-Accel-Expires: %d\r\n", r->resp.unstorable ? 0 :
	    micro);
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
	}
	buf_puts(&h, security_headers);
	if (cfg.https)
		buf_puts(&h, "Strict-Transport-Security: max-age=31536000\r\n");
	cache_headers(r, &h);
	if (r->resp.etag != NULL)
		buf_printf(&h, "ETag: %s\r\n", r->resp.etag);
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
