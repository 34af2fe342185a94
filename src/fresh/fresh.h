/*
 * fresh.h: when a page changes, in one place.
 *
 * A reader's page is made from the store's data at one generation
 * (moved by every write, in any process), the site's settings version,
 * the articles scheduled to go live, and, on an article page, the
 * moment its comments close.  From those inputs this module gives the
 * page's validators (ETag, Last-Modified), the moment it changes by
 * itself (Expires, which bounds every cache's lifetime) and whether a
 * cached copy may still be served; the response layer turns the
 * lifetimes into Cache-Control.  On a write, fresh_purge_paths() names
 * the pages, as nginx caches them, that the caches must drop.
 */
#ifndef GAZETTE_FRESH_H
#define GAZETTE_FRESH_H

#include <stddef.h>
#include <stdint.h>

#include "../http/http.h"

struct arena;
struct store;
struct purge_row;

/*
 * 1 if the answer to r may come from (and go to) the page cache: a
 * reader's GET or HEAD of a public page (policy is the route's).  A
 * request with an editor's session cookie never does, even if the
 * session turns out to be invalid.
 */
int	 fresh_cacheable(const struct req *r, enum cache_policy policy);

/*
 * Read the generation that labels r's page (r->gen, r->changed_at),
 * before any data and before the settings, so that a page is never
 * labelled newer than what it shows.
 */
void	 fresh_begin(struct req *r, struct store *);

/* 0 if a write committed since fresh_begin(): the page may show the
 * state before it, so no shared cache may keep it. */
int	 fresh_still(const struct req *r, struct store *);

/* 1 if the client's validators match the page r took from the cache. */
int	 fresh_cached_current(struct req *r);

/*
 * Set the validators and the expiry of the page that r is making: its
 * entity tag from the generation, the next scheduled article, extra (a
 * name for the page and whatever else it depends on) and the editor
 * (whose pages carry the editor bar); its Last-Modified from the last
 * write, the last article that went live and closes (the moment the
 * page's comments close, 0: none) when that has passed; and its
 * expiry: the next scheduled article or closes, whichever comes first.
 * Returns 1 if the client's copy is current (answer 304 without
 * rendering), else 0.
 */
int	 fresh_page(struct req *r, const char *extra, int64_t closes);

/*
 * Add r's lifetimes to its headers, from its route's policy, status and
 * expiry: X-Accel-Expires for the project's nginx microcache first,
 * then Cache-Control for browsers and other caches, and Vary.  Call
 * once, when the answer is final.
 */
void	 fresh_headers(struct req *r);

/*
 * The pages that purge outbox rows name, as the paths nginx caches them
 * under, sorted and without duplicates, in the arena; *n gets their
 * count.  Months are those of the site's time zone.
 */
const char **fresh_purge_paths(struct arena *, const struct purge_row *rows,
	    int nrows, size_t *n);

/* The archive page of year and month: /archive/2026/12. */
const char *fresh_archive_path(struct arena *, int year, int month);

/* The sitemap part (/sitemap-N.xml) that lists article id. */
long long fresh_sitemap_part_of(long long article_id);

/* Live addresses per sitemap part: the protocol's limit per file. */
#define FRESH_SITEMAP_URLS	50000

#endif
