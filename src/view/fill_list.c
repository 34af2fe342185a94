/*
 * fill_list.c: article_list.tpl and pager.tpl, shared by every listing.
 */
#include "../model.h"
#include "../util/arena.h"
#include "../util/snippet.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

/*
 * A search result's snippet: its parts are plain text, and
 * the template puts the marked ones in <mark>, escaping all of them.
 */
static void
fill_snippet(const struct vctx *c, struct view *row, const char *snippet)
{
	struct snip_part *parts;
	struct view	*sv, *pv;
	size_t		 n, i;

	n = snip_split(c->arena, snippet, &parts);
	sv = view_row(row, "SNIPPET");
	for (i = 0; i < n; i++) {
		pv = view_row(sv, "PART");
		view_show(pv, parts[i].mark ? "MARK" : "PLAIN");
		view_set(pv, "TEXT", parts[i].text);
	}
}

void
fill_article_list(const struct vctx *c, struct view *v, const char *marker,
    const struct article *rows, const struct media *const *leads, int n,
    int lead)
{
	struct view	*list, *row, *t;
	int		 i;
	size_t		 k;

	list = view_include(v, marker, "article_list.tpl");
	for (i = 0; i < n; i++) {
		const struct article *a = &rows[i];

		row = view_row(list, "ARTICLES");
		if (lead && i == 0)
			view_show(row, "LEAD");
		view_set(row, "SLUG", a->slug);
		view_set(row, "HEADLINE", a->headline);
		/*
		 * The lead story's picture is wide and comes first; the
		 * others' are thumbnails, loaded as they scroll into view.
		 */
		if (leads != NULL && leads[i] != NULL)
			fill_picture(c, view_include(view_row(row, "THUMB"),
			    "PICTURE", "picture.tpl"), leads[i],
			    lead && i == 0 ? "(max-width: 48rem) 100vw, 40rem" :
			    "(max-width: 48rem) 100vw, 10rem", lead && i == 0);
		view_set(row, "TIME_ISO", time_iso(c->arena, a->published_at));
		view_set(row, "TIME_HUMAN", time_human(c->arena,
		    a->published_at));
		if (a->summary[0] != '\0') {
			view_show(row, "HAS_SUMMARY");
			view_set(row, "SUMMARY", a->summary);
		}
		if (snip_has_mark(a->snippet))
			fill_snippet(c, row, a->snippet);
		if (a->comment_count > 0 && a->comments != COMMENTS_HIDDEN) {
			view_show(row, "HAS_COMMENTS");
			view_set_int(row, "COMMENT_COUNT", a->comment_count);
			if (a->comment_count != 1)
				view_show(row, "PLURAL");
		}
		if (a->ntags > 0)
			view_show(row, "HAS_TAGS");
		for (k = 0; k < a->ntags; k++) {
			t = view_row(row, "TAGS");
			view_set(t, "TAG_SLUG", a->tags[k].slug);
			view_set(t, "TAG_NAME", a->tags[k].name);
		}
	}
}

void
fill_pager(const struct vctx *c, struct view *v, const char *path,
    const struct article *newest, const struct article *oldest)
{
	struct view	*p;

	p = view_include(v, "PAGER", "pager.tpl");
	/* Cursors are numbers: "?before=<published_at>-<id>". */
	if (newest != NULL) {
		view_show(p, "NEWER");
		view_set(p, "NEWER_URL", arena_printf(c->arena,
		    "%s?after=%lld-%lld", path, (long long)newest->published_at,
		    newest->id));
	}
	if (oldest != NULL) {
		view_show(p, "OLDER");
		view_set(p, "OLDER_URL", arena_printf(c->arena,
		    "%s?before=%lld-%lld", path, (long long)oldest->published_at,
		    oldest->id));
	}
}
