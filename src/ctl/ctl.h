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

extern const struct route ctl_routes[];
extern const size_t ctl_nroutes;

/*
 * Run route's controller after the checks its flags ask for (editor
 * session, CSRF token, same-site origin).  Returns the HTTP status.
 */
int	 ctl_dispatch(struct req *, const struct route *);

/* Render the error page for status into the response body. */
void	 ctl_error_page(struct req *, int status);

/* front.c */
int	 ctl_front_index(struct req *);

/* article.c */
int	 ctl_article_show(struct req *);

/* tag.c */
int	 ctl_tag_index(struct req *);
int	 ctl_tag_show(struct req *);

/*
 * Editors (issue 3).
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
/* 1 if Origin (or, lacking it, Referer) is this site. */
int	 ctl_same_origin(const struct req *);
int	 ctl_login_form(struct req *);
int	 ctl_login(struct req *);
int	 ctl_logout(struct req *);

/* admin.c */
int	 ctl_admin_index(struct req *);
int	 ctl_user_index(struct req *);

/* article_edit.c */
int	 ctl_article_new(struct req *);
int	 ctl_article_create(struct req *);
int	 ctl_article_edit(struct req *);
int	 ctl_article_update(struct req *);
int	 ctl_article_preview(struct req *);
int	 ctl_article_delete_form(struct req *);
int	 ctl_article_delete(struct req *);
int	 ctl_article_comments(struct req *);

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

/* comment_admin.c */
int	 ctl_comment_admin(struct req *);
int	 ctl_comment_moderate(struct req *);

#endif
