/*
 * fill_feed.c: feed.tpl, an Atom 1.0 feed.
 */
#include <string.h>
#include <time.h>

#include "../config.h"
#include "../site.h"
#include "../model.h"
#include "../util/arena.h"
#include "../util/abslinks.h"
#include "../util/excerpt.h"
#include "../util/lang.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

/*
 * The authority of the entries' tag: URIs (RFC 4151): the host of the
 * base URL, without scheme, port or path.  A new domain makes new ids,
 * as it should: the entries are then at new addresses too.
 */
static const char *
tag_authority(struct arena *a)
{
	const char	*p, *end;

	p = strstr(cfg.base_url, "://");
	p = p ? p + 3 : cfg.base_url;
	for (end = p; *end != '\0' && *end != ':' && *end != '/'; end++)
		continue;
	return end > p ? arena_strndup(a, p, (size_t)(end - p)) : "localhost";
}

/* The year (UTC) of t, for a tag: URI's date. */
static int
year_utc(int64_t t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	gmtime_r(&tt, &tm);
	return tm.tm_year + 1900;
}

/* When an entry last changed for its readers: an update, or publication. */
static int64_t
entry_updated(const struct article *a)
{
	return a->updated_at > a->published_at ? a->updated_at :
	    a->published_at;
}

void
fill_feed(const struct vctx *c, struct view *v, const char *title,
    const char *self_path, const char *html_path,
    const struct article *rows, const struct media *const *leads, int n,
    int64_t changed)
{
	struct view	*e, *cat;
	const char	*authority, *author, *url, *name = site()->title;
	int64_t		 updated = 0;
	size_t		 k;
	int		 i;

	authority = tag_authority(c->arena);
	view_set(v, "FEED_LANG", SITE_LANG);
	view_set(v, "FEED_TITLE", title ? arena_printf(c->arena, "%s: %s",
	    name, title) : name);
	/* The feed's own address is a permanent, unique id for it. */
	view_set(v, "FEED_ID", arena_printf(c->arena, "%s%s", cfg.base_url,
	    self_path));
	view_set(v, "SELF_URL", arena_printf(c->arena, "%s%s", cfg.base_url,
	    self_path));
	view_set(v, "HTML_URL", arena_printf(c->arena, "%s%s", cfg.base_url,
	    html_path));
	for (i = 0; i < n; i++) {
		const struct article *a = &rows[i];

		if (entry_updated(a) > updated)
			updated = entry_updated(a);
		e = view_row(v, "ENTRIES");
		/* Its lead photograph: the 16:9 crop, as link previews. */
		if (leads != NULL && leads[i] != NULL)
			view_set(view_row(e, "ENCLOSURE"), "IMAGE_URL",
			    arena_printf(c->arena, "%s%s", cfg.base_url,
			    media_crop_url(c->arena, leads[i], "16x9")));
		view_set(e, "ID", arena_printf(c->arena,
		    "tag:%s,%d:article-%lld", authority,
		    year_utc(a->created_at), a->id));
		view_set(e, "TITLE", a->headline);
		view_set(e, "LANG", lang_of_headline(a->headline));
		url = arena_printf(c->arena, "%s/articles/%s", cfg.base_url,
		    a->slug);
		view_set(e, "URL", url);
		view_set(e, "PUBLISHED", time_utc(c->arena, a->published_at));
		view_set(e, "UPDATED", time_utc(c->arena, entry_updated(a)));
		/* Its authors who are accounts, with their pages; else the
		 * byline as filed; else the site. */
		if (a->nauthors > 0)
			fill_article_authors(c, e, a);
		else {
			author = byline_name(c->arena, a->byline);
			view_set(view_row(e, "BYLINE_AUTHOR"), "AUTHOR",
			    *author != '\0' ? author : name);
		}
		for (k = 0; k < a->ntags; k++) {
			cat = view_row(e, "CATEGORIES");
			view_set(cat, "TERM", a->tags[k].slug);
			view_set(cat, "LABEL", a->tags[k].name);
		}
		if (a->summary[0] != '\0') {
			view_show(e, "HAS_SUMMARY");
			view_set(e, "SUMMARY", a->summary);
		}
		/* A reader that stores the content has no base to resolve
		 * the site's own links against. */
		view_set(e, "CONTENT", html_absolute_links(c->arena,
		    a->body_html, url));
	}
	/* An empty feed changed when the site last did. */
	if (updated == 0)
		updated = changed > 0 ? changed : c->now;
	view_set(v, "FEED_UPDATED", time_utc(c->arena, updated));
}

