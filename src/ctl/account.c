/*
 * account.c: everyone's own account (display name, bio, password,
 * sessions), and the page a one-time link opens (an invitation or a
 * password reset made by an admin, user_admin.c) to set a password.
 *
 * A password change needs the current password, checked under the
 * login throttle, and ends the account's other sessions.  Setting a
 * password by link ends every session of the account and starts none:
 * the owner then logs in as usual.
 */
#include <string.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "../util/secret.h"
#include "../util/text.h"
#include "../view/page.h"
#include "ctl.h"

const char *
ctl_password_problem(const char *pw, const char *again)
{
	if (pw == NULL || again == NULL || strlen(pw) < PW_MIN)
		return "A password has 8 characters or more.";
	if (strlen(pw) > PW_MAX)
		return "A password has at most 1,024 bytes.";
	if (strcmp(pw, again) != 0)
		return "The two passwords differ.";
	return NULL;
}

/* The account page with status, display and bio as given, and notice
 * (or NULL) above it. */
static int
account_page(struct req *r, int status, const char *display, const char *bio,
    const char *message, const char *notice)
{
	struct session_row	*rows;
	struct user		 u;
	struct page		*p;
	int			 n, rc;

	if ((rc = store_user_by_id(r->store, r->arena, r->editor->user_id,
	    &u)) <= 0)
		return 500;
	if ((n = store_sessions_of(r->store, r->arena, u.id, r->now,
	    cfg.session_idle, &rows)) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "account.tpl", "Your account", "/account");
	page_noindex(p);
	if (notice != NULL)
		page_flash(p, notice);
	fill_account(ctl_vctx(r), p->body, &u, display ? display : u.display,
	    bio ? bio : u.bio, rows, n, message);
	return ctl_page(r, p, status);
}

/* ?done=: the notice after a change (an unknown one is ignored). */
enum { IN_ACCOUNT_DONE };
static const char *const account_done[] = {
	"profile", "password", "session", NULL
};
static const char *const account_notices[] = {
	"Your profile was saved.",
	"Your password was changed; your other sessions have ended.",
	"That session has ended.",
};
CHOICES_MATCH(account_done, account_notices);

const struct input ctl_account_in[] = {
	[IN_ACCOUNT_DONE] = { "done", IN_WORD, 0, account_done, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /account[?done=profile|password|session]
 * The signed-in account's profile, password and sessions.
 * Raises HTTP 200.
 */
int
ctl_account(struct req *r)
{
	return account_page(r, 200, NULL, NULL, NULL,
	    r->in[IN_ACCOUNT_DONE].set ?
	    account_notices[r->in[IN_ACCOUNT_DONE].n] : NULL);
}

/* The profile form: text, checked by account_display_ok() and
 * account_bio_ok(), which give the form again. */
enum { IN_PROFILE_DISPLAY, IN_PROFILE_BIO };
const struct input ctl_account_profile_in[] = {
	[IN_PROFILE_DISPLAY] = { "display", IN_ANY, 0, NULL, NULL },
	[IN_PROFILE_BIO] = { "bio", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /account/profile (csrf, display, bio)
 * Raises HTTP 422 with the form as typed for a display name that is
 * not 1 to 100 characters on one line or a bio over 1,000 characters,
 * 303 to /account once saved.
 */
int
ctl_account_profile(struct req *r)
{
	const char	*display = r->in[IN_PROFILE_DISPLAY].s;
	const char	*bio = r->in[IN_PROFILE_BIO].s;

	if (display == NULL || bio == NULL) {
		r->resp.error = "The profile form is incomplete.";
		return 400;
	}
	if (!account_display_ok(display))
		return account_page(r, 422, display, bio, "A display name is "
		    "1 to 100 characters on one line.", NULL);
	if (!account_bio_ok(bio))
		return account_page(r, 422, display, bio, "A bio is plain text "
		    "of at most 1,000 characters.", NULL);
	if (store_user_profile(r->store, r->editor->user_id, display,
	    bio) < 0)
		return 500;
	return http_redirect(r, 303, "/account?done=profile");
}

/* The password form: checked under the login throttle, then by
 * ctl_password_problem(), which gives the form again. */
enum { IN_PASSWORD_NEW, IN_PASSWORD_AGAIN, IN_PASSWORD_CURRENT };
const struct input ctl_account_password_in[] = {
	[IN_PASSWORD_NEW] = { "password", IN_ANY, 0, NULL, NULL },
	[IN_PASSWORD_AGAIN] = { "again", IN_ANY, 0, NULL, NULL },
	[IN_PASSWORD_CURRENT] = { "current", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /account/password (csrf, current, password, again)
 * Raises HTTP 400 for an incomplete form, 429 with Retry-After while
 * the login throttle holds, 403 for a wrong current password (counted
 * as a failed login), 422 for an unfit new one, 503 if no password
 * check could start in time, 303 to /account once changed (the other
 * sessions end).
 */
int
ctl_account_password(struct req *r)
{
	struct user	 u;
	const char	*cur = r->in[IN_PASSWORD_CURRENT].s;
	const char	*pw = r->in[IN_PASSWORD_NEW].s;
	const char	*again = r->in[IN_PASSWORD_AGAIN].s;
	const char	*why;
	char		 hash[PW_HASH_MAX];
	long		 wait;
	int		 ok;

	if (cur == NULL || pw == NULL || again == NULL) {
		r->resp.error = "The password form is incomplete.";
		return 400;
	}
	if ((wait = ctl_login_wait(r, r->editor->name)) < 0)
		return 500;
	if (wait > 0) {
		http_header(r, "Retry-After", arena_printf(r->arena, "%ld",
		    wait));
		r->resp.error = "Too many wrong passwords. Please try again "
		    "later.";
		return 429;
	}
	if (store_user_by_id(r->store, r->arena, r->editor->user_id, &u) <= 0)
		return 500;
	ok = pw_verify(u.invited || strlen(cur) > PW_MAX ? NULL : u.pw_hash,
	    strlen(cur) > PW_MAX ? "" : cur);
	if (ok < 0) {
		http_header(r, "Retry-After", "5");
		return 503;
	}
	if (!ok) {
		ctl_login_failed(r, r->editor->name);
		return account_page(r, 403, NULL, NULL,
		    "The current password is wrong; nothing was changed.",
		    NULL);
	}
	if ((why = ctl_password_problem(pw, again)) != NULL)
		return account_page(r, 422, NULL, NULL, why, NULL);
	if (pw_hash(pw, hash) < 0) {
		http_header(r, "Retry-After", "5");
		return 503;
	}
	ctl_audit_next(r, "user.password", u.name, "");
	if (store_user_passwd_keep(r->store, u.id, hash,
	    r->editor->session_id) < 0)
		return 500;
	log_info("password changed: %s", u.name);
	return http_redirect(r, 303, "/account?done=password");
}

/*
 * POST /account/sessions/:id/end (csrf)
 * Ends one of the account's own sessions.
 * Raises HTTP 404 for a session that is not the account's (or gone),
 * 303 to /account.
 */
int
ctl_account_session_end(struct req *r)
{
	long long	 id;
	int		 rc;

	id = r->num[0];
	if ((rc = store_session_end_id(r->store, id,
	    r->editor->user_id)) <= 0)
		return rc < 0 ? 500 : 404;
	return http_redirect(r, 303, id == r->editor->session_id ?
	    "/login?done=out" : "/account?done=session");
}

/*
 * POST /account/sessions/end-all (csrf)
 * Signs the account out everywhere, this browser included.
 * Raises HTTP 303 to the login page.
 */
int
ctl_account_sessions_end_all(struct req *r)
{
	ctl_audit_next(r, "user.sign-out-everywhere", r->editor->name, "");
	if (store_sessions_end_user(r->store, r->editor->user_id) < 0)
		return 500;
	http_set_cookie(r, ctl_session_cookie(), "", 0);
	log_info("signed out everywhere: %s", r->editor->name);
	return http_redirect(r, 303, "/login?done=out");
}

/* The account behind the link's token, for the password page: 0 when
 * found, else the status to answer (410 for a used or expired link). */
static int
link_user(struct req *r, const char *token, struct user *u, int *invite)
{
	unsigned char		 h[TOKEN_HASH_LEN];
	enum account_link	 kind;
	int			 rc;

	if (token == NULL || strlen(token) != TOKEN_LEN) {
		r->resp.error = "This link is incomplete. Copy the whole link "
		    "you were given.";
		return 400;
	}
	token_hash(token, h);
	if ((rc = store_user_by_link(r->store, r->arena, h, sizeof(h), r->now,
	    u, &kind)) < 0)
		return 500;
	if (rc == 0 || u->disabled) {
		r->resp.error = "This link has been used, has expired, or was "
		    "replaced by a newer one. Ask an administrator for a new "
		    "link.";
		return 410;
	}
	*invite = kind == LINK_INVITE;
	return 0;
}

static int
password_page(struct req *r, int status, const struct user *u, int invite,
    const char *token, const char *message)
{
	struct page	*p;

	p = page_new(ctl_vctx(r), "password_set.tpl", invite ? "Welcome" :
	    "New password", "/password");
	page_noindex(p);
	fill_password_set(ctl_vctx(r), p->body, u, invite, token, message);
	return ctl_page(r, p, status);
}

/* The one-time link's token (checked by link_user()) in the address,
 * and in the form with the new password twice. */
enum { IN_LINK_TOKEN, IN_LINK_PASSWORD, IN_LINK_AGAIN };
const struct input ctl_password_form_in[] = {
	[IN_LINK_TOKEN] = { "token", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};
const struct input ctl_password_set_in[] = {
	[IN_LINK_TOKEN] = { "token", IN_ANY, 0, NULL, NULL },
	[IN_LINK_PASSWORD] = { "password", IN_ANY, 0, NULL, NULL },
	[IN_LINK_AGAIN] = { "again", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /password?token=TOKEN
 * The form a one-time link opens: the account's name and a new
 * password.  Cache: none; the token stays out of logs' Referer (the
 * page links nowhere else).
 * Raises HTTP 400 for a malformed token, 410 for a used, expired or
 * replaced link, 200 otherwise.
 */
int
ctl_password_form(struct req *r)
{
	const char	*token = r->in[IN_LINK_TOKEN].s;
	struct user	 u;
	int		 invite, rc;

	if ((rc = link_user(r, token, &u, &invite)) != 0)
		return rc;
	return password_page(r, 200, &u, invite, token, NULL);
}

/*
 * POST /password (token, password, again); same-origin checked.
 * Sets the account's password, uses up the link and ends the account's
 * sessions, in one transaction; then 303 to the login form.
 * Raises HTTP 400 for a malformed token, 410 for a used, expired or
 * replaced link, 422 with the form for an unfit password, 503 if no
 * password hash could be made in time, 303 on success.
 */
int
ctl_password_set(struct req *r)
{
	const char	*token = r->in[IN_LINK_TOKEN].s;
	const char	*pw = r->in[IN_LINK_PASSWORD].s;
	const char	*why;
	char		 hash[PW_HASH_MAX];
	unsigned char	 h[TOKEN_HASH_LEN];
	struct user	 u;
	int		 invite, rc;

	if ((rc = link_user(r, token, &u, &invite)) != 0)
		return rc;
	if ((why = ctl_password_problem(pw, r->in[IN_LINK_AGAIN].s)) != NULL)
		return password_page(r, 422, &u, invite, token, why);
	if (pw_hash(pw, hash) < 0) {
		http_header(r, "Retry-After", "5");
		return 503;
	}
	token_hash(token, h);
	/* No session here: the link's owner is who. */
	store_audit_next(r->store, r->now, u.id, u.name, "user.password-link",
	    u.name, invite ? "invitation" : "reset");
	if ((rc = store_user_link_redeem(r->store, h, sizeof(h), r->now,
	    hash)) < 0)
		return 500;
	if (rc == 0) {
		r->resp.error = "This link has just been used.";
		return 410;
	}
	log_info("password set by %s link: %s", invite ? "invitation" :
	    "reset", u.name);
	return http_redirect(r, 303, "/login?done=password");
}
