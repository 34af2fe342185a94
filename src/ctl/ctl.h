/*
 * ctl.h: the controllers, one file per resource, and the route table.
 *
 * A controller takes a parsed request whose route parameters are
 * already validated, asks the store, fills a view, renders, and returns
 * the HTTP status.  An error status without a rendered body gets the
 * site's error page from ctl_error_page().
 */
#ifndef GAZETTE_CTL_H
#define GAZETTE_CTL_H

#include <stddef.h>

#include "../http/http.h"
#include "../http/router.h"
#include "../model.h"

extern const struct route ctl_routes[];
extern const size_t ctl_nroutes;

/*
 * Run route's controller after the checks its flags ask for (editor
 * session, CSRF token, same-site origin).  Returns the HTTP status.
 */
int	 ctl_dispatch(struct req *, const struct route *);

/*
 * Rendering (render.c).  ctl_vctx() is what the views may know of the
 * request (owned by its arena); ctl_page() and ctl_doc() render a page
 * (layout around it) or a document (a feed, a sitemap: its own
 * Content-Type) into the response, returning status, or 500 if a
 * template failed.
 */
struct page;
struct view;
struct vctx;
const struct vctx *ctl_vctx(struct req *);
int	 ctl_page(struct req *, struct page *, int status);
int	 ctl_doc(struct req *, struct view *, const char *tpl,
	    const char *content_type, int status);

/*
 * The inputs routes declare (struct input in http.h), each beside its
 * controller; the controller reads r->in[] at these indexes (those
 * not listed here are named beside their declaration).  The newsroom's
 * routes, behind guards, declare theirs without messages and refuse a
 * malformed value themselves (input_bad()), where they always have.
 */
enum { IN_ARTICLE_AFTER, IN_ARTICLE_COMMENT };
extern const struct input ctl_article_in[];
enum { IN_SEARCH_Q, IN_SEARCH_PAGE };
extern const struct input ctl_search_in[];
enum { IN_REVISION_FROM, IN_REVISION_TO };
extern const struct input ctl_revision_in[];
extern const struct input ctl_audit_in[];	/* r->in[0]: before */
/* Listings' cursors (?before=T-ID, ?after=T-ID): see listing.h.  A
 * listing that takes more inputs declares these two first. */
enum { IN_LIST_BEFORE, IN_LIST_AFTER };
#define LISTING_BAD_CURSOR	"The page cursor in the address is malformed."
extern const struct input ctl_listing_in[];
/* The newsroom's forms and pages. */
extern const struct input ctl_login_form_in[], ctl_login_in[];
extern const struct input ctl_account_in[], ctl_account_profile_in[],
	    ctl_account_password_in[];
extern const struct input ctl_password_form_in[], ctl_password_set_in[];
extern const struct input ctl_twofactor_enable_in[], ctl_twofactor_off_in[];
extern const struct input ctl_user_index_in[], ctl_user_invite_in[],
	    ctl_user_role_in[], ctl_user_2fa_require_in[];
extern const struct input ctl_settings_in[], ctl_settings_save_in[];
extern const struct input ctl_admin_index_in[];
extern const struct input ctl_admin_articles_in[], ctl_article_bulk_in[];
extern const struct input ctl_article_form_in[], ctl_article_comments_in[],
	    ctl_article_return_in[];
extern const struct input ctl_tag_admin_in[], ctl_tag_rename_in[],
	    ctl_tag_merge_in[];
extern const struct input ctl_comment_in[];
extern const struct input ctl_comment_admin_in[], ctl_comment_moderate_in[];
extern const struct input ctl_media_index_in[], ctl_media_form_in[],
	    ctl_article_lead_in[];

/* A table beside an IN_WORD's choices (NULL-terminated): one entry each. */
#define CHOICES_MATCH(choices, table)					\
	_Static_assert(sizeof(choices) / sizeof((choices)[0]) ==	\
	    sizeof(table) / sizeof((table)[0]) + 1,			\
	    #table " has one entry per choice")

/*
 * The values of a list form's check boxes (id[]: one per article or
 * comment ticked, in order), the one field whose count no route can
 * declare; the caller parses and bounds them.  Returns how many.
 */
size_t	 ctl_picked(const struct req *, const char ***vals);

/* gazette routes: print the route table (see routes.c). */
int	 ctl_routes_print(int argc, char *argv[]);

/* Render the error page for status into the response body. */
void	 ctl_error_page(struct req *, int status);

/* front.c */
int	 ctl_front_index(struct req *);

/* article.c */
int	 ctl_article_show(struct req *);

/* tag.c */
int	 ctl_tag_index(struct req *);
int	 ctl_tag_show(struct req *);
int	 ctl_feed_tag(struct req *);

/* author.c: author pages and feeds. */
int	 ctl_author_show(struct req *);
int	 ctl_feed_author(struct req *);
/* Load article a's account authors into a->authors: 0 or -1. */
struct article;
int	 ctl_article_authors(struct req *, struct article *a);

/* Readers' comments, posting. */

struct article;

/* samesite.c: 1 if Origin (or, without it, Referer) is this site. */
int	 ctl_same_site(const struct req *);

/*
 * The comment policy (comment_policy.c).  Load the comment secrets (the form-token key and the address salt)
 * from the settings table, making them on first start.  Call once
 * before the worker threads start; 0, or -1 (logged).
 */
int	 ctl_comment_init(struct store *);

/*
 * When an article's comments close by age (comment_close_days after
 * publication), or 0 if never.
 */
int64_t	 ctl_comment_close_at(const struct article *);

/* 1 if readers may comment on the article at time now. */
int	 ctl_comments_open(const struct article *, int64_t now);

/* 1 once the secrets are loaded: until then no form is made or taken. */
int	 ctl_comment_ready(void);

/* The comment form's token for article_id, signed with its epoch now
 * (the time of the request that made the form).  Owned by the arena. */
const char *ctl_comment_token(struct arena *, long long article_id,
	    int64_t now);

/* 1 if token is this site's for article_id; its epoch goes to *made. */
int	 ctl_comment_token_check(long long article_id, const char *token,
	    int64_t *made);

/* BLAKE2b-256 of p1 and p2 (NULL: none), COMMENT_HASH_BYTES, keyed
 * with the address salt when keyed (readers' addresses), in the arena. */
unsigned char *ctl_comment_hash(struct arena *, int keyed, const char *p1,
	    const char *p2);

/* Readers' comments (comment.c). */

#define CTL_COMMENTS_PAGE 100	/* comments shown per page of an article */

int	 ctl_comment_page(struct req *);
int	 ctl_comment_create(struct req *);
/* Readers find articles. */
/* search.c */
int	 ctl_search(struct req *);

/* feed.c */
int	 ctl_feed_site(struct req *);

/* archive.c */
int	 ctl_archive_index(struct req *);
int	 ctl_archive_month(struct req *);

/* sitemap.c */
int	 ctl_sitemap(struct req *);
int	 ctl_sitemap_part(struct req *);
int	 ctl_robots(struct req *);
/*
 * Editors.
 */

/* auth.c: sessions and their checks, used by ctl_dispatch(). */

struct store;

/* Load or make the secrets logins need; before threads start. 0 or -1. */
int	 ctl_auth_init(struct store *);
/* The session cookie's name (__Host- prefixed on an https site). */
const char *ctl_session_cookie(void);
/* Set r->editor from a valid session cookie: 1, 0 (none), -1 (error). */
int	 ctl_session_load(struct req *);
/* 1 if the form's csrf field is the session's token. */
int	 ctl_csrf_ok(const struct req *);
/* Seconds before name may try a password again from this client (0:
 * now), or -1: the login throttle, shared by every password check. */
long	 ctl_login_wait(struct req *, const char *name);
/* Count a wrong password for name and this client. */
void	 ctl_login_failed(struct req *, const char *name);
/* End this browser's session, if any, and start a new one for the
 * account (a new cookie), which r->editor then is: 0 or -1. */
struct user;
int	 ctl_session_start(struct req *, const struct user *);
/*
 * Sign name in with password pw and, when the account has one, the
 * second factor code, as every login does: the login throttle (per
 * account and per address; *wait gets the seconds to wait), the
 * password check, the second factor, failures counted, and on success
 * a fresh session with its audit row ("login", detail why) in one
 * transaction.  Returns why not, or SIGN_IN_OK.
 */
enum sign_in {
	SIGN_IN_OK,
	SIGN_IN_THROTTLED,	/* too many failures: wait *wait seconds */
	SIGN_IN_WRONG,		/* name or password (one answer for both) */
	SIGN_IN_NO_CODE,	/* the account needs its second factor */
	SIGN_IN_BAD_CODE,	/* wrong, or used already */
	SIGN_IN_BUSY,		/* no password check could start in time */
	SIGN_IN_ERROR,		/* the store failed (logged) */
};
enum sign_in ctl_sign_in(struct req *, const char *name, const char *pw,
	    const char *code, const char *why, long *wait);
int	 ctl_login_form(struct req *);
int	 ctl_login(struct req *);
int	 ctl_logout(struct req *);

/* admin.c */
int	 ctl_admin_index(struct req *);

/* article_desk.c: the article list, its filters and bulk actions. */
int	 ctl_admin_articles(struct req *);
int	 ctl_article_bulk(struct req *);
int	 ctl_article_bulk_do(struct req *);
int	 ctl_settings(struct req *);
int	 ctl_settings_save(struct req *);

/* user_admin.c: admins manage accounts. */
int	 ctl_user_index(struct req *);
int	 ctl_user_invite(struct req *);
int	 ctl_user_role(struct req *);
int	 ctl_user_disable(struct req *);
int	 ctl_user_enable(struct req *);
int	 ctl_user_reset(struct req *);

/* audit.c: the audit log. */
/*
 * Name the audit row of the write that follows: the signed-in account
 * (or nobody) does action.  Call it just before the store call that
 * writes: the row lands in that write's transaction, or not at all.
 */
void	 ctl_audit_next(struct req *, const char *action, const char *target,
	    const char *detail);
int	 ctl_audit_index(struct req *);

/* twofactor.c: two-factor sign-in. */
/* second_factor.c.  Characters of a recovery code. */
#define CTL_RECOVERY_LEN	10
/* 1 if code is right for u: a TOTP code of a time step not used
 * before, or an unused recovery code (then used up); 0, or -1. */
int	 ctl_second_factor(struct req *, const struct user *, const char *);
/* 1 if an admin requires two-factor sign-in of every account. */
int	 ctl_2fa_required(struct req *);
int	 ctl_twofactor(struct req *);
int	 ctl_twofactor_enable(struct req *);
int	 ctl_twofactor_off(struct req *);
int	 ctl_user_2fa_reset(struct req *);
int	 ctl_user_2fa_require(struct req *);

/* account.c: everyone's own account, and the one-time links. */
#define CTL_LINK_HOURS	72	/* an invitation or reset link's life */
int	 ctl_account(struct req *);
int	 ctl_account_profile(struct req *);
int	 ctl_account_password(struct req *);
int	 ctl_account_session_end(struct req *);
int	 ctl_account_sessions_end_all(struct req *);
int	 ctl_password_form(struct req *);
int	 ctl_password_set(struct req *);
/* The problem with a new password and its repetition, or NULL. */
const char *ctl_password_problem(const char *pw, const char *again);

/* article_edit.c */
int	 ctl_article_new(struct req *);
int	 ctl_article_create(struct req *);
int	 ctl_article_edit(struct req *);
int	 ctl_article_update(struct req *);
int	 ctl_article_preview(struct req *);
int	 ctl_article_delete_form(struct req *);
int	 ctl_article_delete(struct req *);
int	 ctl_article_comments(struct req *);
int	 ctl_article_return(struct req *);
/*
 * The article form of a save whose session has ended or whose token is
 * stale, with everything as typed and a password field (403): nothing
 * is saved until ctl_article_create_login or ctl_article_update_login.
 */
int	 ctl_article_relogin_form(struct req *);
int	 ctl_article_create_login(struct req *);
int	 ctl_article_update_login(struct req *);
/*
 * 0 if the signed-in account may work on article a (editors: any; a
 * contributor: their own drafts), with its review state in *rv; else
 * the status to answer (403 with a message, 404, 500).
 */
struct review;
int	 ctl_article_may(struct req *, const struct article *,
	    struct review *rv);

/* revision.c */
int	 ctl_revision_index(struct req *);
int	 ctl_revision_restore(struct req *);

/* correction.c */
int	 ctl_correction_index(struct req *);

/* tag_admin.c */
int	 ctl_tag_admin(struct req *);
int	 ctl_tag_rename(struct req *);
int	 ctl_tag_merge(struct req *);
int	 ctl_tag_delete(struct req *);

/* media.c: the media library, uploads, lead images. */
int	 ctl_media_index(struct req *);
int	 ctl_media_upload(struct req *);
int	 ctl_article_lead(struct req *);
int	 ctl_media_update(struct req *);
int	 ctl_media_delete(struct req *);
/*
 * An article's rendered text with each library image it names filled
 * in (as a <figure>, or with feed a plain one for feed entries), an
 * unknown number by nothing.  With problem, *problem is set to what an
 * editor must know (unknown numbers, images without alt text), or
 * NULL.  Returns the HTML (html itself when it names no image), or
 * NULL on a store or template failure.
 */
const char *ctl_body_media(struct req *, const char *html, int feed,
	    const char **problem);

/* comment_admin.c */
int	 ctl_comment_admin(struct req *);
int	 ctl_comment_moderate(struct req *);

#endif
