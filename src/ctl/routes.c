/*
 * routes.c: every URL of the site, in one table, and the checks that
 * run before a controller.
 *
 * GET routes answer HEAD too.  A path that matches with another method
 * gets 405 and an Allow header; no match at all gets 404.  max_body is
 * the POST body limit; nginx's client_max_body_size is set to match.
 */
#include "../util/arena.h"
#include "../util/log.h"
#include "ctl.h"

#define KB	1024
#define MB	(1024 * KB)

const struct route ctl_routes[] = {
	/* method     pattern                  controller         flags  cache        body */
	{ HTTP_GET,  "/",                      ctl_front_index,   0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/articles/:slug",        ctl_article_show,  0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/tags",                  ctl_tag_index,     0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/tags/:slug",            ctl_tag_show,      0,     CACHE_PAGE,  0 },

	/* Readers' comments (issue 4).  The form is a page of its own,
	   made for each request (never cached), so that its signed time
	   is when this reader asked for it.  64 KiB: 5,000 characters of
	   four-byte UTF-8, percent-encoded, and the name; nginx's
	   client_max_body_size for this path says the same. */
	{ HTTP_GET,  "/articles/:slug/comments", ctl_comment_page,
	  0, CACHE_NONE, 0 },
	{ HTTP_POST, "/articles/:slug/comments", ctl_comment_create,
	  ROUTE_PUBLIC_FORM, CACHE_NONE, 64 * KB },
	/* Readers find articles (issue 5). */
	{ HTTP_GET,  "/search",                ctl_search,        0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/feed.atom",             ctl_feed_site,     0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/tags/:slug/feed.atom",  ctl_feed_tag,      0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/archive",               ctl_archive_index, 0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/archive/:year/:month",  ctl_archive_month, 0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/sitemap.xml",           ctl_sitemap,       0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/sitemap-:id.xml",       ctl_sitemap_part,  0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/robots.txt",            ctl_robots,        0,     CACHE_FEED,  0 },
	/* Editors (issue 3).  E: editor session, A: admin, C: CSRF token,
	 * P: public form (same-origin check).  Article forms carry bodies
	 * of up to 1 MiB, which urlencoding can triple: nginx's /admin/
	 * location allows the same 4 MiB. */
#define E	ROUTE_EDITOR
#define A	(ROUTE_EDITOR | ROUTE_ADMIN)
#define C	(ROUTE_EDITOR | ROUTE_CSRF)
#define P	ROUTE_PUBLIC_FORM
#define U	ROUTE_UPLOAD
	{ HTTP_GET,  "/login",                 ctl_login_form,    0,     CACHE_NONE,  0 },
	{ HTTP_POST, "/login",                 ctl_login,         P,     CACHE_NONE,  8 * KB },
	{ HTTP_POST, "/logout",                ctl_logout,        C,     CACHE_NONE,  1 * KB },
	{ HTTP_GET,  "/corrections",           ctl_correction_index, 0,  CACHE_PAGE,  0 },
	{ HTTP_GET,  "/admin",                 ctl_admin_index,   E,     CACHE_NONE,  0 },
	{ HTTP_GET,  "/admin/users",           ctl_user_index,    A,     CACHE_NONE,  0 },
	{ HTTP_GET,  "/admin/articles",        ctl_admin_articles, E,    CACHE_NONE,  0 },
	{ HTTP_GET,  "/admin/settings",        ctl_settings,      A,     CACHE_NONE,  0 },
	{ HTTP_POST, "/admin/settings",        ctl_settings_save, A | C, CACHE_NONE,  4 * KB },
	{ HTTP_GET,  "/admin/articles/new",    ctl_article_new,   E,     CACHE_NONE,  0 },
	{ HTTP_POST, "/admin/articles/new",    ctl_article_create, C,    CACHE_NONE,  4 * MB },
	{ HTTP_GET,  "/admin/articles/:id/edit", ctl_article_edit, E,    CACHE_NONE,  0 },
	{ HTTP_POST, "/admin/articles/:id/edit", ctl_article_update, C,  CACHE_NONE,  4 * MB },
	{ HTTP_GET,  "/admin/articles/:id/preview", ctl_article_preview, E, CACHE_NONE, 0 },
	{ HTTP_GET,  "/admin/articles/:id/delete", ctl_article_delete_form, E, CACHE_NONE, 0 },
	{ HTTP_POST, "/admin/articles/:id/delete", ctl_article_delete, C, CACHE_NONE, 1 * KB },
	{ HTTP_POST, "/admin/articles/:id/comments", ctl_article_comments, C, CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/admin/articles/:id/revisions", ctl_revision_index, E, CACHE_NONE, 0 },
	{ HTTP_POST, "/admin/articles/:id/revisions/:id/restore", ctl_revision_restore, C, CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/admin/tags",            ctl_tag_admin,     E,     CACHE_NONE,  0 },
	{ HTTP_POST, "/admin/tags/:id/rename", ctl_tag_rename,    C,     CACHE_NONE,  4 * KB },
	{ HTTP_POST, "/admin/tags/:id/merge",  ctl_tag_merge,     C,     CACHE_NONE,  4 * KB },
	{ HTTP_POST, "/admin/tags/:id/delete", ctl_tag_delete,    C,     CACHE_NONE,  1 * KB },
	{ HTTP_GET,  "/admin/comments",        ctl_comment_admin, E,     CACHE_NONE,  0 },
	{ HTTP_POST, "/admin/comments",        ctl_comment_moderate, C,  CACHE_NONE,  64 * KB },
	/* Photographs: a file of up to 40 MiB and its fields, streamed to
	   a temporary file; nginx's location = /admin/media allows the
	   same 41 MiB. */
	{ HTTP_GET,  "/admin/media",           ctl_media_index,   E,     CACHE_NONE,  0 },
	{ HTTP_POST, "/admin/media",           ctl_media_upload,  C | U, CACHE_NONE,  41 * MB },
	{ HTTP_POST, "/admin/articles/:id/lead", ctl_article_lead, C,    CACHE_NONE,  1 * KB },
	{ HTTP_POST, "/admin/media/:id",       ctl_media_update,  C,     CACHE_NONE,  16 * KB },
	{ HTTP_POST, "/admin/media/:id/delete", ctl_media_delete, C,     CACHE_NONE,  1 * KB },
#undef E
#undef A
#undef C
#undef P
#undef U
};

const size_t ctl_nroutes = sizeof(ctl_routes) / sizeof(ctl_routes[0]);

/*
 * The checks a route's flags ask for, in Fossil's order: who is asking
 * (the session behind the cookie, loaded for every route so that any
 * page knows its editor), may they (editor, admin), and did the form
 * come from this site (CSRF token; Origin for anonymous forms).
 * Raises HTTP 303 to /login for an editor page asked for with GET and
 * no session, 403 for any other refusal; nothing has changed then.
 */
int
ctl_dispatch(struct req *r, const struct route *route)
{
	const char	*here;

	/* Editors (issue 3). */
	if (ctl_session_load(r) < 0)
		return 500;
	if (route->flags & (ROUTE_EDITOR | ROUTE_ADMIN | ROUTE_CSRF)) {
		if (r->editor == NULL) {
			if (r->method != HTTP_GET && r->method != HTTP_HEAD) {
				r->resp.error = "You are not logged in, or your "
				    "session has expired. Log in and try again.";
				return 403;
			}
			/* The way back is a path of this site, encoded. */
			here = r->query_raw != NULL ? arena_printf(r->arena,
			    "%s?%s", r->path, r->query_raw) : r->path;
			return http_redirect(r, 303, arena_printf(r->arena,
			    "/login?next=%s", url_encode(r->arena, here)));
		}
		if ((route->flags & ROUTE_ADMIN) && !r->editor->admin) {
			r->resp.error = "Only an administrator may do that.";
			return 403;
		}
		if ((route->flags & ROUTE_CSRF) && !ctl_csrf_ok(r)) {
			r->resp.error = "The form had expired or did not come "
			    "from this site. Go back, reload the page and try "
			    "again.";
			return 403;
		}
	}
	/* Anonymous forms (login, comments): from this site's pages only. */
	if ((route->flags & ROUTE_PUBLIC_FORM) && r->method == HTTP_POST &&
	    !ctl_same_site(r)) {
		r->resp.error = "This form can only be sent from this site's "
		    "own pages. Go back, reload the page and try again.";
		return 403;
	}
	return route->handler(r);
}
