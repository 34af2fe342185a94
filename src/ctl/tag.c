/*
 * tag.c: tag pages.
 */
#include "../util/arena.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"
#include "listing.h"

/*
 * GET /tags
 * Every tag that has published articles, with their counts.
 * Raises HTTP 304 if current, 200 otherwise.
 */
int
ctl_tag_index(struct req *r)
{
	struct tag	*tags;
	struct page	*p;
	int		 n;

	if (fresh_page(r, "tags", 0))
		return 304;
	if ((n = store_tags_all(r->store, r->arena, &tags)) < 0 ||
	    store_tags_due(r->store, r->now, tags, n) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "tag_index.tpl", "Topics", "/tags");
	page_describe(p, "Every topic covered, with the number of articles.");
	fill_tag_index(ctl_vctx(r), p->body, tags, n);
	return ctl_page(r, p, 200);
}

/*
 * The live tag named by the route's :slug into *t (see store_tag_live):
 * 0 when found; 301 to the same address under its new slug (suffix:
 * what follows "/tags/<slug>", "" or "/feed.atom") for a renamed or
 * merged tag that is live; 404 for any other; 500 on a store failure.
 */
static int
tag_find(struct req *r, struct tag *t, const char *suffix)
{
	struct tag	 moved_tag;
	const char	*moved;
	int		 rc;

	rc = store_tag_live(r->store, r->arena, r->param[0], r->now, t);
	if (rc < 0)
		return 500;
	if (rc == 1)
		return 0;
	rc = store_tag_by_slug(r->store, r->arena, r->param[0], t);
	if (rc != 0)
		return rc < 0 ? 500 : 404;	/* it has no live article */
	rc = store_tag_old_slug(r->store, r->arena, r->param[0], &moved);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return 404;
	/* The new name is not shown before the tag is live either. */
	rc = store_tag_live(r->store, r->arena, moved, r->now, &moved_tag);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return 404;
	return http_redirect(r, 301, arena_printf(r->arena, "/tags/%s%s",
	    moved, suffix));
}

/* The listing of tag t. */
static void
tag_heading(struct req *r, const struct tag *t, struct heading *h)
{
	*h = (struct heading){
		.name = t->name,
		.path = arena_printf(r->arena, "/tags/%s", t->slug),
		.fresh = t->slug,
		.tpl = "tag_show.tpl",
		.describe = arena_printf(r->arena, "Articles about %s.",
		    t->name),
		.id = t->id,
		.list = store_articles_by_tag,
		.feed = store_articles_feed,
	};
}

/*
 * GET /tags/:slug/feed.atom
 * The latest live articles carrying a tag, as Atom 1.0.
 * Raises HTTP 301 to the feed's new address for a renamed or merged
 * tag, 404 for an unknown tag or one with no live article, 304 if
 * current, 200 otherwise.
 */
int
ctl_feed_tag(struct req *r)
{
	struct tag	 t;
	struct heading	 h;
	int		 rc;

	if ((rc = tag_find(r, &t, "/feed.atom")) != 0)
		return rc;
	tag_heading(r, &t, &h);
	return listing_heading_feed(r, &h);
}

/*
 * GET /tags/:slug[?before=T-ID | ?after=T-ID]
 * The live articles carrying a tag, newest first.
 * Raises HTTP 301 to the new address of a renamed or merged tag,
 * 400 for a malformed cursor, 404 for an unknown tag, one that carries
 * no live article (its story may be under embargo) or a cursor past
 * the end, 304 if current, 200 otherwise.
 */
int
ctl_tag_show(struct req *r)
{
	struct listing	 l;
	struct tag	 t;
	struct heading	 h;
	struct page	*p;
	int		 rc;

	if ((rc = listing_cursor(r, &l)) != 0 ||
	    (rc = tag_find(r, &t, "")) != 0)
		return rc;
	tag_heading(r, &t, &h);
	if ((rc = listing_heading_page(r, &l, &h, &p)) != 0)
		return rc;
	fill_tag_show(ctl_vctx(r), p->body, &t);
	fill_tag_head(ctl_vctx(r), page_head(p, "tag_head.tpl"), &t);
	return ctl_page(r, p, 200);
}
