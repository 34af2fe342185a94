/*
 * server.c: the life of one request.
 *
 * Parse what nginx passed (method, raw URI, a few headers), route,
 * read and parse a POST body within the route's limit, run the
 * controller through ctl_dispatch(), render an error page when the
 * controller answered 4xx/5xx without one, write the response and log
 * one line.  Bad input becomes a 4xx here, before any controller runs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../purge.h"
#include "../site.h"
#include "../ctl/ctl.h"
#include "../store/store.h"
#include "../util/log.h"
#include "cache.h"
#include "http.h"
#include "response.h"
#include "router.h"
#include "server.h"
#include "upload.h"

#define URI_MAX		8192	/* longer request targets: 414 */

/* Microseconds from a monotonic clock, for the log line. */
static long long
usec_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * Parse CONTENT_LENGTH strictly: digits only, no sign, no junk.
 * Returns the length, -1 if malformed, -2 if larger than max.
 */
static long long
content_length(const char *s, size_t max)
{
	unsigned long long v = 0;
	size_t		   i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || i > 18)
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v > max ? -2 : (long long)v;
}

/* Read exactly len bytes of body into w->post; 0 or -1 if short. */
static int
read_body(struct worker *w, FCGX_Request *f, size_t len)
{
	int	 n;

	buf_reset(&w->post);
	buf_reserve(&w->post, len);
	while (w->post.len < len) {
		n = FCGX_GetStr(w->post.data + w->post.len,
		    (int)(len - w->post.len), f->in);
		if (n <= 0)
			return -1;
		w->post.len += (size_t)n;
	}
	w->post.data[w->post.len] = '\0';
	return 0;
}

/*
 * A GET or HEAD of a path that ends in slashes, and exists without
 * them ("/tags/", "/articles/x/"), is sent there with 301, its query
 * kept: a link pasted with a slash still works.  Returns 301, or 404
 * when the path is unknown either way.
 */
static int
trailing_slash(struct req *r)
{
	const struct route *found;
	const char	*params[ROUTE_MAXPARAM];
	char		*bare;
	size_t		 n = strlen(r->path);
	unsigned	 allow;

	if ((r->method != HTTP_GET && r->method != HTTP_HEAD) || n < 2 ||
	    r->path[n - 1] != '/')
		return 404;
	while (n > 1 && r->path[n - 1] == '/')
		n--;
	bare = arena_strndup(r->arena, r->path, n);
	if (router_match(r->arena, ctl_routes, ctl_nroutes, r->method, bare,
	    &found, params, &allow) != ROUTE_FOUND)
		return 404;
	/*
	 * The bare path matched the table, so it is made of literal
	 * segments and validated parameters: safe to send as it is.  The
	 * query goes along only if it is safe in a Location (a backslash
	 * or a control byte in it: no redirect, and no page either).
	 */
	if (r->query_raw != NULL && strpbrk(r->query_raw, "\\\r\n") != NULL)
		return 404;
	return http_redirect(r, 301, r->query_raw != NULL ?
	    arena_printf(r->arena, "%s?%s", bare, r->query_raw) : bare);
}

/*
 * Fill r from the FastCGI parameters and route it.  Returns 0 to run
 * the route's controller, or the HTTP status to answer with instead.
 */
static int
prepare(struct worker *w, FCGX_Request *f, struct req *r,
    const struct route **route)
{
	const char	*uri, *q, *ctype;
	struct buf	 al = BUF_INIT;
	char		*path;
	long long	 clen;
	size_t		 plen;
	unsigned	 allow;
	int		 i;

	r->method_name = FCGX_GetParam("REQUEST_METHOD", f->envp);
	r->method = http_method_parse(r->method_name);
	if (r->method_name == NULL)
		r->method_name = "-";
	r->remote_addr = FCGX_GetParam("REMOTE_ADDR", f->envp);
	r->host = FCGX_GetParam("HTTP_HOST", f->envp);
	r->origin = FCGX_GetParam("HTTP_ORIGIN", f->envp);
	r->referer = FCGX_GetParam("HTTP_REFERER", f->envp);
	r->if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", f->envp);
	r->if_modified_since = FCGX_GetParam("HTTP_IF_MODIFIED_SINCE", f->envp);
	r->accept = http_accept_encoding(FCGX_GetParam("HTTP_ACCEPT_ENCODING",
	    f->envp));
	if (r->remote_addr == NULL)
		r->remote_addr = "";

	/* The raw target, so that bad encodings are ours to refuse. */
	uri = FCGX_GetParam("REQUEST_URI", f->envp);
	r->uri = uri ? uri : "-";
	if (uri == NULL || uri[0] != '/') {
		r->path = "/";
		r->resp.error = "The request has no valid target.";
		return 400;
	}
	if (strlen(uri) > URI_MAX) {
		r->path = "/";
		return 414;
	}
	q = strchr(uri, '?');
	plen = q ? (size_t)(q - uri) : strlen(uri);
	path = arena_alloc(r->arena, plen + 1);
	r->path = "/";
	if (url_decode(path, uri, plen, 0) < 0) {
		r->resp.error = "The address holds a malformed %-escape.";
		return 400;
	}
	r->path = path;
	if (q != NULL) {
		r->query_raw = q + 1;
		if (url_parse_pairs(r->arena, q + 1, strlen(q + 1), &r->query,
		    &r->nquery) < 0) {
			r->resp.error = "The query string is malformed, holds "
			    "a repeated parameter, or is too long.";
			return 400;
		}
	}
	cookie_parse(r->arena, FCGX_GetParam("HTTP_COOKIE", f->envp),
	    &r->cookies, &r->ncookies);

	switch (router_match(r->arena, ctl_routes, ctl_nroutes, r->method,
	    r->path, route, r->param, &allow)) {
	case ROUTE_NOT_FOUND:
		return trailing_slash(r);
	case ROUTE_BAD_METHOD:
		for (i = 0; i < HTTP__MAX; i++)
			if (allow & (1u << i))
				buf_printf(&al, "%s%s", al.len ? ", " : "",
				    http_method_name((enum http_method)i));
		http_header(r, "Allow", buf_cstr(&al));
		buf_free(&al);
		return 405;
	case ROUTE_FOUND:
		break;
	}
	r->resp.cache = (*route)->cache;

	if (r->method != HTTP_POST)
		return 0;
	clen = content_length(FCGX_GetParam("CONTENT_LENGTH", f->envp),
	    (*route)->max_body);
	if (clen == -1) {
		r->resp.error = "The Content-Length header is malformed.";
		return 400;
	}
	if (clen == -2)
		return 413;
	ctype = FCGX_GetParam("CONTENT_TYPE", f->envp);
	if ((*route)->flags & ROUTE_UPLOAD) {
		/*
		 * Uploads are editors': a request without a session cookie
		 * is refused before its body is written anywhere (the
		 * session itself is checked after, as for every route).
		 */
		if (http_cookie(r, SESSION_COOKIE) == NULL &&
		    http_cookie(r, SESSION_COOKIE_HTTPS) == NULL) {
			r->resp.error = "You are not logged in, or your "
			    "session has expired. Log in and try again.";
			return 403;
		}
		buf_reset(&w->post);
		buf_reserve(&w->post, http_upload_chunk());
		return http_read_upload(r, f, ctype, (size_t)clen,
		    w->post.data);
	}
	if (clen > 0 && (ctype == NULL || strncmp(ctype,
	    "application/x-www-form-urlencoded", 33) != 0 ||
	    (ctype[33] != '\0' && ctype[33] != ';'))) {
		r->resp.error = "Forms must be sent as "
		    "application/x-www-form-urlencoded.";
		return 415;
	}
	if (read_body(w, f, (size_t)clen) < 0) {
		r->resp.error = "The request body is shorter than announced.";
		return 400;
	}
	if (url_parse_pairs(r->arena, w->post.data, w->post.len, &r->form,
	    &r->nform) < 0) {
		r->resp.error = "The form data is malformed or holds a "
		    "repeated field.";
		return 400;
	}
	return 0;
}

/*
 * 1 if the answer may come from (and go to) the page cache: a reader's
 * GET or HEAD of a public page.  A request with an editor's session
 * cookie never does, even if the session turns out to be invalid.
 */
static int
page_cacheable(const struct req *r, const struct route *route)
{
	return (r->method == HTTP_GET || r->method == HTTP_HEAD) &&
	    route->cache != CACHE_NONE &&
	    http_cookie(r, SESSION_COOKIE) == NULL &&
	    http_cookie(r, SESSION_COOKIE_HTTPS) == NULL;
}

/*
 * A reader's page goes out in the coding the client takes, compressed
 * once per version of the page: the page cache keeps each coding made,
 * and nginx keeps each apart (its cache key holds the coding).  A 304
 * names the coding its 200 would have had.
 */
static void
encode(struct worker *w, struct req *r, int cacheable)
{
	if (r->resp.encoding != ENC_IDENTITY || !http_compressible(r))
		return;
	if (r->resp.status == 304) {
		r->resp.encoding = r->accept;
		return;
	}
	if (r->resp.status != 200)
		return;
	buf_reset(&w->coded);
	if (http_compress(r->accept, r->resp.body->data, r->resp.body->len,
	    &w->coded) < 0) {
		LOG_ERR("%s %s: cannot compress", r->method_name, r->uri);
		return;
	}
	r->resp.encoding = r->accept;
	r->resp.body = &w->coded;
	if (cacheable)
		cache_put_coded(r, r->gen, w->coded.data, w->coded.len);
}

/* 1 if the client's validators match the cached page. */
static int
cached_not_modified(struct req *r)
{
	return http_not_modified(r, r->resp.etag, r->resp.last_modified);
}

void
http_handle(struct worker *w, FCGX_Request *f)
{
	struct req		 r;
	const struct route	*route = NULL;
	long long		 t0 = usec_now();
	int			 status, cacheable = 0;
	uint64_t		 posted_gen = 0;

	memset(&r, 0, sizeof(r));
	r.cache_slot = -1;
	r.arena = &w->arena;
	r.store = w->store;
	r.now = (int64_t)time(NULL);
	buf_reset(&w->body);
	r.resp.body = &w->body;
	r.resp.status = 200;

	/* A mark left by an earlier request is not this one's. */
	(void)store_unavailable(w->store);
	if ((status = prepare(w, f, &r, &route)) == 0) {
		/* A form: did it write?  Only then is there a purge to send. */
		if (r.method == HTTP_POST)
			posted_gen = store_version(w->store, NULL);
		cacheable = page_cacheable(&r, route);
		/*
		 * The generation is read before any data, so that a page
		 * is never labelled newer than what it shows.
		 */
		if (cacheable)
			r.gen = site_generation(store_version(w->store,
			    &r.changed_at));
		if (cacheable && cache_get(&r, r.gen))
			status = cached_not_modified(&r) ? 304 : 200;
		else {
			/* A reader's page: all its queries in one snapshot. */
			if (cacheable)
				store_read_begin(w->store);
			status = ctl_dispatch(&r, route);
			store_read_end(w->store);
			/*
			 * A write committed meanwhile (and maybe purged
			 * already): shared caches must not keep this page.
			 */
			if (cacheable && site_generation(store_version(
			    w->store, NULL)) != r.gen)
				r.resp.unstorable = 1;
			if (cacheable && status == 200) {
				r.resp.status = status;
				cache_put(&r, r.gen);
			}
			cache_done(&r);
		}
		/*
		 * A form that wrote: the caches drop what it changed
		 * before the writer is answered, so that the page the
		 * answer leads to, and every reader's, is the new one.
		 */
		if (r.method == HTTP_POST &&
		    store_version(w->store, NULL) != posted_gen)
			purge_now(w->store);
	}
	if (status <= 0 || status > 599) {
		LOG_ERR("%s %s: controller returned %d", r.method_name, r.uri,
		    status);
		status = 500;
	}
	/*
	 * The database was out of reach (a failover, say): nothing was
	 * half done, and the same request in a moment should succeed.
	 */
	if (store_unavailable(w->store) && status >= 500) {
		status = 503;
		http_header(&r, "Retry-After", "2");
	}
	r.resp.status = status;
	if (status >= 400 && !r.resp.rendered) {
		buf_reset(&w->body);
		ctl_error_page(&r, status);
	}
	r.resp.status = status;
	encode(w, &r, cacheable);
	if (http_send(&r, f->out) < 0)
		log_info("%s %s: client went away", r.method_name, r.uri);
	/* The raw target: nginx refuses control bytes in it. */
	log_info("%s %s %d %lldus", r.method_name, r.uri, r.resp.status,
	    usec_now() - t0);
	buf_free(&r.resp.headers);
	arena_reset(&w->arena);
}
