/*
 * revision.c: an article's revisions, the
 * difference between any two, and restoring one.
 */
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/diff.h"
#include "../util/markdown.h"
#include "../util/text.h"
#include "../util/wire.h"
#include "../view/page.h"
#include "article_form.h"
#include "ctl.h"

#define REVISIONS_SHOWN	200	/* the newest this many are listed */

/* The article's revision numbered by query parameter name; 1, 0, -1. */
const struct input ctl_revision_in[] = {
	[IN_REVISION_FROM] = { "from", IN_ID, 0, NULL, NULL },
	[IN_REVISION_TO] = { "to", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /admin/articles/:id/revisions[?from=REV&to=REV]
 * The revisions, newest first, numbered 1, 2, 3 ... per article, and
 * the difference between from and to (by default the newest and the
 * one before it): line by line, and word by word within a changed
 * line (a paragraph of Markdown).
 * Raises HTTP 404 for an unknown article or a revision of another one,
 * 400 for a malformed revision number, 200 otherwise.
 */
int
ctl_revision_index(struct req *r)
{
	struct article		 a;
	struct review		 rv;
	struct revision		*revs, from, to;
	struct diff_line	*d = NULL;
	struct page		*p;
	size_t			 nd = 0;
	long long		 id;
	int			 n, rc, have = 0;

	id = r->num[0];
	if ((rc = store_article_by_id(r->store, r->arena, id, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((rc = ctl_article_may(r, &a, &rv)) != 0)
		return rc;
	if ((n = store_revisions(r->store, r->arena, id, REVISIONS_SHOWN,
	    &revs)) < 0)
		return 500;
	if (r->in[IN_REVISION_FROM].s != NULL ||
	    r->in[IN_REVISION_TO].s != NULL) {
		if (!r->in[IN_REVISION_FROM].set ||
		    !r->in[IN_REVISION_TO].set) {
			r->resp.error = "Choose two revisions to compare.";
			return 400;
		}
		if ((rc = store_revision_by_number(r->store, r->arena, id,
		    r->in[IN_REVISION_FROM].n, &from)) < 0 ||
		    (rc = rc == 0 ? 0 : store_revision_by_number(r->store,
		    r->arena, id, r->in[IN_REVISION_TO].n, &to)) < 0)
			return 500;
		if (rc == 0)
			return 404;
		have = 1;
	} else if (n >= 2) {
		if (store_revision_get(r->store, r->arena, revs[1].id,
		    &from) != 1 ||
		    store_revision_get(r->store, r->arena, revs[0].id, &to) != 1)
			return 500;
		have = 1;
	}
	if (have)
		nd = diff_lines(r->arena, revision_text(r->arena, &from, 1),
		    revision_text(r->arena, &to, 1), &d);

	p = page_new(ctl_vctx(r), "revision_index.tpl", "Revisions", arena_printf(
	    r->arena, "/admin/articles/%lld/revisions", id));
	page_noindex(p);
	fill_revision_index(ctl_vctx(r), p->body, &a, revs, n, have ? &from : NULL,
	    have ? &to : NULL, d, nd);
	return ctl_page(r, p, 200);
}

/*
 * POST /admin/articles/:id/revisions/:number/restore (csrf)
 * Makes a revision's text, summary, byline, authors (when it recorded
 * them: revisions older than that keep the article's), dateline,
 * source and tags the article's again, as a new revision (kind
 * "restore").  The slug, status and publication time stay as they are
 * now.
 * Raises HTTP 404 for an unknown article or a revision of another one,
 * 303 to the edit page.
 */
int
ctl_revision_restore(struct req *r)
{
	struct article		 a;
	struct article_edit	 e;
	struct revision		 v;
	struct author		*au;
	const char		**tags, *err, *html, *text;
	size_t			 nau;
	long long		 id, rid;
	int			 rc, ntags;

	id = r->num[0];
	rid = r->num[1];
	if ((rc = store_article_by_id(r->store, r->arena, id, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((rc = store_revision_by_number(r->store, r->arena, id, rid,
	    &v)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((ntags = tags_split(r->arena, v.tags, &tags, &err)) < 0 ||
	    md_render(r->arena, v.body_md, &html, &text) < 0)
		return 500;
	article_edit_from(r, &a, &e);
	e.headline = v.headline;
	e.summary = v.summary;
	e.byline = v.byline;
	e.dateline = v.dateline;
	e.source = v.source;
	e.body_md = v.body_md;
	e.body_html = html;
	e.body_text = text;
	e.tags = tags;
	e.ntags = (size_t)ntags;
	e.tags_field = v.tags;
	if (v.authors != NULL) {
		/* Accounts are never deleted: an error here is not expected,
		 * and would leave the authors as they are. */
		au = arena_calloc(r->arena, AF_AUTHORS_MAX, sizeof(*au));
		if (article_authors_parse(r, v.authors, au, &nau, &err) < 0)
			return 500;
		if (err == NULL)
			article_edit_authors(r, &e, au, nau);
	}
	e.kind = "restore";
	if (store_article_save(r->store, &e) != 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=restored", id));
}
