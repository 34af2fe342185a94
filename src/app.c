/*
 * app.c: the request pipeline.
 *
 * http/ reads the request and writes the answer and knows nothing of
 * what lies between; the controllers (ctl/) make pages from the store
 * through the views.  This file joins them, in order: parse, route,
 * read the body within the route's limit, answer a reader's page from
 * the page cache when it is fresh (fresh.h says when), else dispatch
 * to the controller, send the purges of a form that wrote, render the
 * error page, compress, send, log.
 */
#include <string.h>
#include <time.h>

#include "app.h"
#include "fresh/fresh.h"
#include "purge.h"
#include "ctl/ctl.h"
#include "http/cache.h"
#include "http/http.h"
#include "http/response.h"
#include "http/router.h"
#include "store/store.h"
#include "util/log.h"

/* Microseconds from a monotonic clock, for the log line. */
static long long
usec_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
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
	long long	 nums[ROUTE_MAXPARAM];
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
	    &found, params, nums, &allow) != ROUTE_FOUND)
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
 * Find r's route.  Returns 0, or the status to answer with: 404 (or a
 * 301 to the path without its trailing slash), 405 with Allow.
 */
static int
route(struct req *r, const struct route **found)
{
	struct buf	 al = BUF_INIT;
	unsigned	 allow;
	int		 i;

	switch (router_match(r->arena, ctl_routes, ctl_nroutes, r->method,
	    r->path, found, r->param, r->num, &allow)) {
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
	r->resp.cache = (*found)->cache;
	return 0;
}

/*
 * Read the body the route takes.  Uploads are editors': a request
 * without a session cookie is refused before its body is written
 * anywhere (the session itself is checked with the route's other
 * guards, as for every route).
 */
static int
body(struct worker *w, FCGX_Request *f, struct req *r,
    const struct route *rt)
{
	int	 upload = (rt->flags & ROUTE_UPLOAD) != 0;

	if (r->method == HTTP_POST && upload &&
	    http_cookie(r, SESSION_COOKIE) == NULL &&
	    http_cookie(r, SESSION_COOKIE_HTTPS) == NULL) {
		r->resp.error = "You are not logged in, or your "
		    "session has expired. Log in and try again.";
		return 403;
	}
	return http_read_body(w, f, r, rt->max_body, upload);
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
	if (r->resp.encoding != ENC_IDENTITY)
		return;
	if (!http_compressible(r)) {
		/*
		 * A client that takes no coding: the page cache keeps a
		 * page it took as Brotli all the same, and decodes it
		 * for such clients.
		 */
		if (cacheable && r->resp.kept) {
			buf_reset(&w->coded);
			if (http_compress(ENC_BR, r->resp.body->data,
			    r->resp.body->len, &w->coded) == 0)
				cache_put_coded(r, r->gen, ENC_BR,
				    w->coded.data, w->coded.len);
		}
		return;
	}
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
		cache_put_coded(r, r->gen, r->accept, w->coded.data,
		    w->coded.len);
}

/*
 * Run the route: a reader's page from the page cache while it is
 * fresh, else from its controller, all of its queries in one snapshot.
 * Returns the status.
 */
static int
run(struct worker *w, struct req *r, const struct route *rt, int cacheable)
{
	int	 status;

	if (cacheable) {
		fresh_begin(r, w->store);
		if (cache_get(r, r->gen))
			return fresh_cached_current(r) ? 304 : 200;
		store_read_begin(w->store);
	}
	status = ctl_dispatch(r, rt);
	store_read_end(w->store);
	if (!cacheable)
		return status;
	/* A write committed meanwhile (and maybe purged already): shared
	 * caches must not keep this page. */
	if (!fresh_still(r, w->store))
		r->resp.unstorable = 1;
	if (status == 200) {
		r->resp.status = status;
		r->resp.kept = cache_put(r, r->gen);
	}
	cache_done(r);
	return status;
}

void
app_handle(struct worker *w, FCGX_Request *f)
{
	struct req		 r;
	const struct route	*rt = NULL;
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
	if ((status = http_parse(&r, f)) == 0 &&
	    (status = route(&r, &rt)) == 0 &&
	    (status = body(w, f, &r, rt)) == 0 &&
	    (status = http_inputs(&r, rt->in)) == 0) {
		/* A form: did it write?  Only then is there a purge to send. */
		if (r.method == HTTP_POST)
			posted_gen = store_version(w->store, NULL);
		cacheable = fresh_cacheable(&r, rt->cache);
		status = run(w, &r, rt, cacheable);
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
	fresh_headers(&r);
	if (http_send(&r, f->out) < 0)
		log_info("%s %s: client went away", r.method_name, r.uri);
	/* The raw target: nginx refuses control bytes in it. */
	log_info("%s %s %d %lldus", r.method_name, r.uri, r.resp.status,
	    usec_now() - t0);
	buf_free(&r.resp.headers);
	arena_reset(&w->arena);
}
