/*
 * routes.c: every URL of the site, in one table, and the checks that
 * run before a controller.
 *
 * GET routes answer HEAD too.  A path that matches with another method
 * gets 405 and an Allow header; no match at all gets 404.  max_body is
 * the POST body limit; nginx's client_max_body_size is set to match.
 */
#include <stdio.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "ctl.h"

#define KB	1024
#define MB	(1024 * KB)

#define R0	ROLE_NONE	/* anyone, readers included */

/*
 * The last column, the inputs a route declares (struct input, beside
 * its controller), is left out where there are none: C makes it NULL.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
const struct route ctl_routes[] = {
	/* method     pattern                  controller    role     flags  cache        body  inputs */
	{ HTTP_GET,  "/",                      ctl_front_index, R0,   0,     CACHE_PAGE,  0, ctl_listing_in },
	{ HTTP_GET,  "/articles/:slug",        ctl_article_show, R0,  0,     CACHE_PAGE,  0, ctl_article_in },
	{ HTTP_GET,  "/tags",                  ctl_tag_index, R0,     0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/tags/:slug",            ctl_tag_show, R0,      0,     CACHE_PAGE,  0, ctl_listing_in },

	/* Readers' comments.  The form is a page of its own,
	   made for each request (never cached), so that its signed time
	   is when this reader asked for it.  64 KiB: 5,000 characters of
	   four-byte UTF-8, percent-encoded, and the name; nginx's
	   client_max_body_size for this path says the same. */
	{ HTTP_GET,  "/articles/:slug/comments", ctl_comment_page, R0,
	  0, CACHE_NONE, 0 },
	{ HTTP_POST, "/articles/:slug/comments", ctl_comment_create, R0,
	  ROUTE_PUBLIC_FORM, CACHE_NONE, 64 * KB, ctl_comment_in },
	/* Readers find articles. */
	{ HTTP_GET,  "/search",                ctl_search, R0,        0,     CACHE_PAGE,  0, ctl_search_in },
	{ HTTP_GET,  "/feed.atom",             ctl_feed_site, R0,     0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/tags/:slug/feed.atom",  ctl_feed_tag, R0,      0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/authors/:slug",         ctl_author_show, R0,   0,     CACHE_PAGE,  0, ctl_listing_in },
	{ HTTP_GET,  "/authors/:slug/feed.atom", ctl_feed_author, R0, 0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/archive",               ctl_archive_index, R0, 0,     CACHE_PAGE,  0 },
	{ HTTP_GET,  "/archive/:year/:month",  ctl_archive_month, R0, 0,     CACHE_PAGE,  0, ctl_listing_in },
	{ HTTP_GET,  "/sitemap.xml",           ctl_sitemap, R0,       0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/sitemap-:id.xml",       ctl_sitemap_part, R0,  0,     CACHE_FEED,  0 },
	{ HTTP_GET,  "/robots.txt",            ctl_robots, R0,        0,     CACHE_FEED,  0 },
	/* The newsroom.  The role column is the least role a route needs
	 * (util/role.h): a higher role may too; anonymous readers asking
	 * for a page that needs one are sent to the login form.  C: the
	 * session's CSRF token, P: an anonymous form (same-origin check).
	 * Controllers check what a role may do with one article: a
	 * contributor reaches only their own drafts.  Article forms carry
	 * bodies of up to 1 MiB, which urlencoding can triple: nginx's
	 * /admin/ location allows the same 4 MiB. */
#define W	ROLE_CONTRIBUTOR	/* a writer: any account */
#define ED	ROLE_EDITOR
#define AD	ROLE_ADMIN
#define C	ROUTE_CSRF
#define P	ROUTE_PUBLIC_FORM
#define RL	ROUTE_RELOGIN
#define U	ROUTE_UPLOAD
	/* method     pattern                    controller           role  flags cache      body  inputs */
	{ HTTP_GET,  "/login",                   ctl_login_form,       R0,  0,  CACHE_NONE, 0, ctl_login_form_in },
	{ HTTP_POST, "/login",                   ctl_login,            R0,  P,  CACHE_NONE, 8 * KB, ctl_login_in },
	{ HTTP_POST, "/logout",                  ctl_logout,           W,   C,  CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/corrections",             ctl_correction_index, R0,  0,  CACHE_PAGE, 0, ctl_listing_in },
	{ HTTP_GET,  "/admin",                   ctl_admin_index,      W,   0,  CACHE_NONE, 0, ctl_admin_index_in },
	{ HTTP_GET,  "/admin/users",             ctl_user_index,       AD,  0,  CACHE_NONE, 0, ctl_user_index_in },
	{ HTTP_GET,  "/admin/audit",             ctl_audit_index,      AD,  0,  CACHE_NONE, 0, ctl_audit_in },
	{ HTTP_POST, "/admin/users",             ctl_user_invite,      AD,  C,  CACHE_NONE, 4 * KB, ctl_user_invite_in },
	{ HTTP_POST, "/admin/users/:id/role",    ctl_user_role,        AD,  C,  CACHE_NONE, 1 * KB, ctl_user_role_in },
	{ HTTP_POST, "/admin/users/:id/disable", ctl_user_disable,     AD,  C,  CACHE_NONE, 1 * KB },
	{ HTTP_POST, "/admin/users/:id/enable",  ctl_user_enable,      AD,  C,  CACHE_NONE, 1 * KB },
	{ HTTP_POST, "/admin/users/:id/reset",   ctl_user_reset,       AD,  C,  CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/account",                 ctl_account,          W,   0,  CACHE_NONE, 0, ctl_account_in },
	{ HTTP_POST, "/account/profile",         ctl_account_profile,  W,   C,  CACHE_NONE, 16 * KB, ctl_account_profile_in },
	{ HTTP_POST, "/account/password",        ctl_account_password, W,   C,  CACHE_NONE, 8 * KB, ctl_account_password_in },
	{ HTTP_POST, "/account/sessions/:id/end", ctl_account_session_end, W, C, CACHE_NONE, 1 * KB },
	{ HTTP_POST, "/account/sessions/end-all", ctl_account_sessions_end_all, W, C, CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/account/2fa",             ctl_twofactor,        W,   0,  CACHE_NONE, 0 },
	{ HTTP_POST, "/account/2fa",             ctl_twofactor_enable, W,   C,  CACHE_NONE, 1 * KB, ctl_twofactor_enable_in },
	{ HTTP_POST, "/account/2fa/off",         ctl_twofactor_off,    W,   C,  CACHE_NONE, 8 * KB, ctl_twofactor_off_in },
	{ HTTP_POST, "/admin/users/:id/2fa-reset", ctl_user_2fa_reset, AD,  C,  CACHE_NONE, 1 * KB },
	{ HTTP_POST, "/admin/users/2fa",         ctl_user_2fa_require, AD,  C,  CACHE_NONE, 1 * KB, ctl_user_2fa_require_in },
	/* One-time links (invitations, resets): anyone holding one. */
	{ HTTP_GET,  "/password",                ctl_password_form,    R0,  0,  CACHE_NONE, 0, ctl_password_form_in },
	{ HTTP_POST, "/password",                ctl_password_set,     R0,  P,  CACHE_NONE, 8 * KB, ctl_password_set_in },
	{ HTTP_GET,  "/admin/articles",          ctl_admin_articles,   ED,  0,  CACHE_NONE, 0, ctl_admin_articles_in },
	/* Bulk publish, unpublish, delete: the confirmation, then the
	   change; up to 200 ids. */
	{ HTTP_POST, "/admin/articles/bulk",     ctl_article_bulk,     ED,  C,  CACHE_NONE, 16 * KB, ctl_article_bulk_in },
	{ HTTP_POST, "/admin/articles/bulk/confirm", ctl_article_bulk_do, ED, C, CACHE_NONE, 16 * KB, ctl_article_bulk_in },
	{ HTTP_GET,  "/admin/settings",          ctl_settings,         AD,  0,  CACHE_NONE, 0, ctl_settings_in },
	{ HTTP_POST, "/admin/settings",          ctl_settings_save,    AD,  C,  CACHE_NONE, 4 * KB, ctl_settings_save_in },
	{ HTTP_GET,  "/admin/articles/new",      ctl_article_new,      W,   0,  CACHE_NONE, 0, ctl_article_form_in },
	{ HTTP_POST, "/admin/articles/new",      ctl_article_create,   W,   C | RL, CACHE_NONE, 4 * MB, ctl_article_form_in },
	/* Sign in again and save in one step (the form of a session that
	 * ended): a login, so an anonymous form like /login. */
	{ HTTP_POST, "/admin/articles/new/login", ctl_article_create_login, R0, P, CACHE_NONE, 4 * MB, ctl_article_form_in },
	{ HTTP_GET,  "/admin/articles/:id/edit", ctl_article_edit,     W,   0,  CACHE_NONE, 0, ctl_article_form_in },
	{ HTTP_POST, "/admin/articles/:id/edit", ctl_article_update,   W,   C | RL, CACHE_NONE, 4 * MB, ctl_article_form_in },
	{ HTTP_POST, "/admin/articles/:id/edit/login", ctl_article_update_login, R0, P, CACHE_NONE, 4 * MB, ctl_article_form_in },
	{ HTTP_GET,  "/admin/articles/:id/preview", ctl_article_preview, W, 0,  CACHE_NONE, 0 },
	{ HTTP_POST, "/admin/articles/:id/return", ctl_article_return, ED,  C,  CACHE_NONE, 16 * KB, ctl_article_return_in },
	{ HTTP_GET,  "/admin/articles/:id/delete", ctl_article_delete_form, ED, 0, CACHE_NONE, 0 },
	{ HTTP_POST, "/admin/articles/:id/delete", ctl_article_delete, ED,  C,  CACHE_NONE, 1 * KB },
	{ HTTP_POST, "/admin/articles/:id/comments", ctl_article_comments, ED, C, CACHE_NONE, 1 * KB, ctl_article_comments_in },
	{ HTTP_GET,  "/admin/articles/:id/revisions", ctl_revision_index, W, 0, CACHE_NONE, 0, ctl_revision_in },
	{ HTTP_POST, "/admin/articles/:id/revisions/:id/restore", ctl_revision_restore, ED, C, CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/admin/tags",              ctl_tag_admin,        ED,  0,  CACHE_NONE, 0, ctl_tag_admin_in },
	{ HTTP_POST, "/admin/tags/:id/rename",   ctl_tag_rename,       ED,  C,  CACHE_NONE, 4 * KB, ctl_tag_rename_in },
	{ HTTP_POST, "/admin/tags/:id/merge",    ctl_tag_merge,        ED,  C,  CACHE_NONE, 4 * KB, ctl_tag_merge_in },
	{ HTTP_POST, "/admin/tags/:id/delete",   ctl_tag_delete,       ED,  C,  CACHE_NONE, 1 * KB },
	{ HTTP_GET,  "/admin/comments",          ctl_comment_admin,    ED,  0,  CACHE_NONE, 0, ctl_comment_admin_in },
	{ HTTP_POST, "/admin/comments",          ctl_comment_moderate, ED,  C,  CACHE_NONE, 64 * KB, ctl_comment_moderate_in },
	/* Photographs: a file of up to 40 MiB and its fields, streamed to
	   a temporary file; nginx's location = /admin/media allows the
	   same 41 MiB. */
	{ HTTP_GET,  "/admin/media",             ctl_media_index,      W,   0,  CACHE_NONE, 0, ctl_media_index_in },
	{ HTTP_POST, "/admin/media",             ctl_media_upload,     W,   C | U, CACHE_NONE, 41 * MB, ctl_media_form_in },
	{ HTTP_POST, "/admin/articles/:id/lead", ctl_article_lead,     ED,  C,  CACHE_NONE, 1 * KB, ctl_article_lead_in },
	{ HTTP_POST, "/admin/media/:id",         ctl_media_update,     ED,  C,  CACHE_NONE, 16 * KB, ctl_media_form_in },
	{ HTTP_POST, "/admin/media/:id/delete",  ctl_media_delete,     ED,  C,  CACHE_NONE, 1 * KB },
#undef W
#undef ED
#undef AD
#undef C
#undef P
#undef RL
#undef R0
#undef U
};
#pragma GCC diagnostic pop

const size_t ctl_nroutes = sizeof(ctl_routes) / sizeof(ctl_routes[0]);

/*
 * The checks a route asks for, in Fossil's order: who is asking (the
 * session behind the cookie, loaded for every route so that any page
 * knows its editor), may they (the route's role), and did the form
 * come from this site (CSRF token; Origin for anonymous forms).
 * Raises HTTP 303 to /login for a page that needs a role asked for
 * with GET and no session, 403 for any other refusal; nothing has
 * changed then.
 */
int
ctl_dispatch(struct req *r, const struct route *route)
{
	const char	*here;

	/* No audit row named by an earlier request that wrote nothing. */
	store_audit_drop(r->store);
	if (ctl_session_load(r) < 0)
		return 500;
	/* A save that would be lost: the form comes back, to sign in. */
	if ((route->flags & ROUTE_RELOGIN) && r->method == HTTP_POST &&
	    (r->editor == NULL || !ctl_csrf_ok(r)))
		return ctl_article_relogin_form(r);
	if (route->role > ROLE_NONE && r->editor == NULL) {
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
	/* Required two-factor sign-in: enrol first, nothing else. */
	if (route->role > ROLE_NONE && !r->editor->totp_on &&
	    route->handler != ctl_twofactor &&
	    route->handler != ctl_twofactor_enable &&
	    route->handler != ctl_logout && ctl_2fa_required(r)) {
		if (r->method == HTTP_GET || r->method == HTTP_HEAD)
			return http_redirect(r, 303, "/account/2fa");
		r->resp.error = "Turn on two-factor sign-in first (an "
		    "administrator requires it): see /account/2fa.";
		return 403;
	}
	if (route->role > ROLE_NONE && r->editor->role < route->role) {
		r->resp.error = route->role == ROLE_ADMIN ?
		    "Only an administrator may do that." :
		    "Only an editor may do that.";
		return 403;
	}
	if ((route->flags & ROUTE_CSRF) && !ctl_csrf_ok(r)) {
		r->resp.error = "The form had expired or did not come "
		    "from this site. Go back, reload the page and try "
		    "again.";
		return 403;
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

/*
 * gazette routes, a hidden subcommand: the route table above, one
 * route a line:
 *
 *   METHOD<TAB>PATTERN<TAB>FLAGS<TAB>CACHE<TAB>MAX_BODY<TAB>ROLE
 *
 * FLAGS is a string of letters, '-' when none: E (a session: any
 * role), A (an admin), C (the session's CSRF token), P (an anonymous
 * form: same-site check), U (an upload).  ROLE is the least role the
 * route needs: anyone, contributor, editor or admin.  CACHE is none,
 * page or feed.  The tests build their route matrix from this, so that
 * a new route is checked the day it is added.
 */
int
ctl_routes_print(int argc, char *argv[])
{
	static const char *const caches[CACHE__MAX] = {
		[CACHE_NONE] = "none",
		[CACHE_PAGE] = "page",
		[CACHE_FEED] = "feed",
	};
	const struct route	*rt;
	char			 flags[8];
	size_t			 i, n;

	if (argc > 1) {
		fprintf(stderr, "gazette: routes: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	for (i = 0; i < ctl_nroutes; i++) {
		rt = &ctl_routes[i];
		n = 0;
		if (rt->role > ROLE_NONE)
			flags[n++] = 'E';
		if (rt->role == ROLE_ADMIN)
			flags[n++] = 'A';
		if (rt->flags & ROUTE_CSRF)
			flags[n++] = 'C';
		if (rt->flags & ROUTE_PUBLIC_FORM)
			flags[n++] = 'P';
		if (rt->flags & ROUTE_UPLOAD)
			flags[n++] = 'U';
		if (n == 0)
			flags[n++] = '-';
		flags[n] = '\0';
		printf("%s\t%s\t%s\t%s\t%zu\t%s\n",
		    http_method_name(rt->method), rt->pattern, flags,
		    rt->cache < CACHE__MAX ? caches[rt->cache] : "?",
		    rt->max_body, rt->role > ROLE_NONE ? role_name(rt->role) :
		    "anyone");
	}
	return 0;
}
