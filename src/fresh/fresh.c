/*
 * fresh.c: a page's validators and expiry from its inputs.  See fresh.h.
 */
#include "../site.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "fresh.h"

/*
 * Cache lifetimes, in seconds, per policy: the browser's (max-age),
 * other shared caches' (s-maxage) and the project nginx's
 * (X-Accel-Expires).
 *
 * nginx keeps a page one second: it counts whole seconds, so a copy
 * lives one to two, and no reader sees a page more than about two
 * seconds older than the last write, even one that no purge names (an
 * article page listing another that changed, any page after a settings
 * change).  Writes purge the pages they name at once (src/purge.c).
 * Shared caches in front of nginx, which the app cannot purge and
 * which would add their own life to nginx's, must ask again every time
 * (s-maxage=0, with the validators: a 304 from nginx).  A reader's own
 * browser may keep a page ten seconds and a feed five minutes; a
 * reload asks again.
 */
static const struct {
	int	 browser, shared, micro;
} lifetimes[CACHE__MAX] = {
	[CACHE_NONE] = { 0, 0, 0 },
	[CACHE_PAGE] = { 10, 0, 1 },
	[CACHE_FEED] = { 300, 0, 1 },
};

int
fresh_cacheable(const struct req *r, enum cache_policy policy)
{
	return (r->method == HTTP_GET || r->method == HTTP_HEAD) &&
	    policy != CACHE_NONE &&
	    http_cookie(r, SESSION_COOKIE) == NULL &&
	    http_cookie(r, SESSION_COOKIE_HTTPS) == NULL;
}

void
fresh_begin(struct req *r, struct store *s)
{
	r->gen = site_generation(store_version(s, &r->changed_at));
}

int
fresh_still(const struct req *r, struct store *s)
{
	return site_generation(store_version(s, NULL)) == r->gen;
}

int
fresh_cached_current(struct req *r)
{
	return http_not_modified(r, r->resp.etag, r->resp.last_modified);
}

int
fresh_page(struct req *r, const char *extra, int64_t closes)
{
	int64_t		 changed = r->changed_at, last;
	uint64_t	 gen = r->gen;
	int64_t		 next = store_next_scheduled(r->store, r->now, &last);
	const char	*etag;

	if (gen == 0)
		gen = site_generation(store_version(r->store, &changed));
	/* Pages also change with no write: as articles go live, ... */
	if (last > changed)
		changed = last;
	/* ... and, for some, when their comments close. */
	if (closes > changed && closes <= r->now)
		changed = closes;
	/* The page changes by itself when a scheduled article goes live,
	 * or its comments close. */
	r->resp.expires = next;
	if (closes > r->now && (next == 0 || closes < next))
		r->resp.expires = closes;
	/* An editor's pages carry the editor bar: their own tag. */
	etag = arena_printf(r->arena, "\"%llu-%lld-%s-e%lld\"",
	    (unsigned long long)gen, (long long)next, extra ? extra : "",
	    r->editor ? r->editor->user_id : 0LL);
	return http_not_modified(r, etag, changed);
}

/*
 * 1 if status, for a reader's page, is an answer that caches keep:
 * the page (200, or 304 for one they hold), or one that replaces any
 * copy they hold: the page moved (301), is unknown (404) or was
 * withdrawn (410).  Other errors are failures: nginx keeps serving what
 * it had (fastcgi_cache_use_stale) and stores nothing.
 */
static int
answer_status(int status)
{
	return status == 200 || status == 304 || status == 301 ||
	    status == 404 || status == 410;
}

void
fresh_headers(struct req *r)
{
	struct buf	 *h = &r->resp.headers;
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
		if (shared > 0 && left < shared)
			shared = (int)left;
		if (left < micro)
			micro = (int)left;
	}
	/*
	 * The microcache's life for the page.  A page made while a write
	 * committed may show the state before it, and the write's purge
	 * may already have gone by: nginx must not keep it.  A 304 answers
	 * nginx's own revalidation (fastcgi_cache_revalidate): it renews
	 * the page nginx already holds for as long.  It comes before
	 * Cache-Control: nginx reads headers in order, and would take
	 * s-maxage=0 for its own if it met it first.
	 */
	buf_printf(h, "X-Accel-Expires: %d\r\n", r->resp.unstorable ? 0 :
	    micro);
	/*
	 * No stale-while-revalidate, nor stale-if-error: a cache honouring
	 * either would show a changed or withdrawn page after a write.
	 * nginx serves old pages while the app is down by its own
	 * configuration (fastcgi_cache_use_stale), with its copies of
	 * withdrawn pages purged.
	 */
	buf_printf(h, "Cache-Control: public, max-age=%d, s-maxage=%d\r\n",
	    browser, shared);
	/* The body depends on the client's Accept-Encoding. */
	buf_puts(h, "Vary: Accept-Encoding\r\n");
}
