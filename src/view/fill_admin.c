/*
 * fill_admin.c: admin_index.tpl (with
 * admin_article_list.tpl for each of its lists).
 */
#include <string.h>

#include "../config.h"
#include "../site.h"
#include "../model.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

#define EXCERPT_CHARS	160

/* The first max characters of s, cut at a character boundary, with "…". */
static const char *
excerpt(struct arena *a, const char *s, size_t max)
{
	size_t	 i, chars = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			return arena_printf(a, "%.*s\xe2\x80\xa6", (int)i, s);
	return s;
}

/* admin_article_list.tpl at marker, one row per article. */
static void
article_rows(const struct vctx *c, struct view *v, const char *marker,
    const struct article *rows, int n)
{
	struct view	*list, *row;
	const char	*status, *label;
	int64_t		 t;
	int		 i;

	list = view_include(v, marker, "admin_article_list.tpl");
	if (n == 0)
		view_show(list, "EMPTY");
	for (i = 0; i < n; i++) {
		const struct article *a = &rows[i];

		row = view_row(list, "ARTICLES");
		view_set_int(row, "ID", a->id);
		view_set(row, "HEADLINE", a->headline);
		view_set(row, "SLUG", a->slug);
		switch (a->status) {
		case ARTICLE_PUBLISHED:
			if (a->published_at > c->now) {
				status = "scheduled";
				label = "scheduled";
			} else {
				status = "published";
				label = "published";
				view_show(row, "LIVE");
			}
			t = a->published_at;
			break;
		case ARTICLE_DELETED:
			status = "deleted";
			label = "withdrawn";
			t = a->modified_at;
			break;
		default:
			status = "draft";
			label = "draft";
			t = a->modified_at;
			break;
		}
		view_set(row, "STATUS", status);
		view_set(row, "STATUS_LABEL", label);
		view_set(row, "TIME_ISO", time_iso(c->arena, t));
		view_set(row, "TIME_HUMAN", time_human(c->arena, t));
	}
}

void
fill_admin_index(const struct vctx *c, struct view *v,
    const struct article *drafts, int ndrafts,
    const struct article *scheduled, int nscheduled,
    const struct article *published, int npublished,
    const struct article *deleted, int ndeleted,
    const struct comment_queued *pending, int npending,
    long long pending_total)
{
	struct view	*row;
	int		 i;

	if (c->editor != NULL && c->editor->admin)
		view_show(v, "IS_ADMIN");
	article_rows(c, v, "DRAFTS", drafts, ndrafts);
	article_rows(c, v, "SCHEDULED", scheduled, nscheduled);
	article_rows(c, v, "PUBLISHED", published, npublished);
	if (ndeleted > 0) {
		view_show(v, "HAS_DELETED");
		article_rows(c, v, "DELETED", deleted, ndeleted);
	}
	view_set_int(v, "PENDING_TOTAL", pending_total);
	if (npending == 0)
		view_show(v, "NO_PENDING");
	else
		view_show(v, "HAS_PENDING");
	for (i = 0; i < npending; i++) {
		row = view_row(v, "PENDING");
		view_set_int(row, "ID", pending[i].c.id);
		view_set(row, "AUTHOR", pending[i].c.author);
		view_set(row, "ARTICLE_SLUG", pending[i].article_slug);
		view_set(row, "ARTICLE_HEADLINE", pending[i].article_headline);
		view_set(row, "EXCERPT", excerpt(c->arena, text_squish(c->arena,
		    pending[i].c.body), EXCERPT_CHARS));
	}
}

void
fill_admin_caches(const struct vctx *c, struct view *v, const struct purge_node *nodes,
    int n)
{
	struct view	*row;
	int		 i;

	if (n <= 0)
		return;
	view_show(v, "HAS_CACHES");
	for (i = 0; i < n; i++) {
		row = view_row(v, "CACHE");
		/*
		 * A unix socket's path is the server's business: the page
		 * numbers it, in the order of the nodes' names (gazette
		 * check names it in full).
		 */
		view_set(row, "NODE", strncmp(nodes[i].node, "unix:", 5) == 0 ?
		    arena_printf(c->arena, "cache %d (this machine)", i + 1) :
		    nodes[i].node);
		if (nodes[i].pending == 0) {
			view_show(row, "CACHE_OK");
			continue;
		}
		view_show(row, "CACHE_BEHIND");
		view_set_int(row, "PENDING", nodes[i].pending);
		view_set(row, "OLDEST", time_human(c->arena, nodes[i].oldest));
		view_set(row, "OLDEST_ISO", time_iso(c->arena, nodes[i].oldest));
		if (nodes[i].error[0] != '\0') {
			view_show(row, "CACHE_ERROR");
			view_set(row, "ERROR", nodes[i].error);
		}
	}
}

void
fill_settings(const struct vctx *c, struct view *v, const struct site *s,
    const char *message)
{
	struct view	*row;
	int		 i;

	page_csrf(c, v);
	if (message != NULL)
		view_set(view_row(v, "ERROR"), "MESSAGE", message);
	view_set(v, "TITLE_VALUE", s->title);
	view_set(v, "TAGLINE_VALUE", s->tagline);
	view_set_int(v, "CLOSE_DAYS", s->comment_close_days);
	if (s->logo > 0)
		view_set_int(v, "LOGO", s->logo);
	else
		view_set(v, "LOGO", "");
	view_set(v, "FLAG_TITLE", cfg.title);
	view_set(v, "FLAG_TAGLINE", cfg.tagline);
	for (i = 0; i < MODERATION_N; i++) {
		row = view_row(v, "MODERATION");
		view_set(row, "VALUE", moderation_name((enum moderation)i));
		if (s->moderation == (enum moderation)i)
			view_show(row, "CHECKED");
	}
}
