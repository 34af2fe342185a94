/*
 * user_admin.c: admins manage accounts in the browser: the list,
 * invitations and password resets by one-time link (shown to the admin
 * once, to pass on: there is no mail server), roles, disabling and
 * enabling.  An admin cannot change their own role or disable
 * themselves here, so that the site always keeps an admin who can
 * undo a mistake; the command line still can.
 */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "../util/secret.h"
#include "../util/text.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"

/* The accounts page with status; the invite form as typed, with its
 * message; or a notice above it (or neither). */
static int
users_page(struct req *r, int status, const char *name, const char *display,
    enum role role, const char *message, const char *notice)
{
	struct user	*users;
	struct page	*p;
	int		 n;

	if ((n = store_users_all(r->store, r->arena, &users)) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "user_index.tpl", "Accounts", "/admin/users");
	page_noindex(p);
	if (notice != NULL)
		page_flash(p, notice);
	fill_user_index(ctl_vctx(r), p->body, users, n, name, display, role, message);
	if (ctl_2fa_required(r))
		view_show(p->body, "TFA_REQUIRED");
	else
		view_show(p->body, "TFA_OPTIONAL");
	return ctl_page(r, p, status);
}

/* ?done=: the notice after a change (an unknown one is ignored). */
static const char *const users_done[] = {
	"role", "disabled", "enabled", "2fa", "2fa-policy", NULL
};
static const char *const users_notices[] = {
	"The role was changed.",
	"The account is disabled; its sessions have ended.",
	"The account is enabled.",
	"Two-factor sign-in is off for that account.",
	"The two-factor policy was saved.",
};
CHOICES_MATCH(users_done, users_notices);
const struct input ctl_user_index_in[] = {
	{ "done", IN_WORD, 0, users_done, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /admin/users[?done=role|disabled|enabled|2fa|2fa-policy] (admins)
 * Every account, the invite form and each account's actions.
 * Raises HTTP 200.
 */
int
ctl_user_index(struct req *r)
{
	return users_page(r, 200, NULL, NULL, ROLE_CONTRIBUTOR, NULL,
	    r->in[0].set ? users_notices[r->in[0].n] : NULL);
}

/* A new link: the token into tok, its page shown with status 200. */
static int
link_page(struct req *r, const struct user *u, int invite, const char *tok,
    int64_t expires)
{
	struct page	*p;

	p = page_new(ctl_vctx(r), "user_link.tpl", invite ? "Invitation" :
	    "Password reset", "/admin/users");
	page_noindex(p);
	fill_user_link(ctl_vctx(r), p->body, u, invite, arena_printf(r->arena,
	    "%s/password?token=%s", cfg.base_url, tok), expires);
	return ctl_page(r, p, 200);
}

/* The invitation form: text and a role word, checked below, which
 * give the form again. */
enum { IN_INVITE_NAME, IN_INVITE_DISPLAY, IN_INVITE_ROLE };
const struct input ctl_user_invite_in[] = {
	[IN_INVITE_NAME] = { "name", IN_ANY, 0, NULL, NULL },
	[IN_INVITE_DISPLAY] = { "display", IN_ANY, 0, NULL, NULL },
	[IN_INVITE_ROLE] = { "role", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/users (csrf, name, display, role) (admins)
 * Adds an account without a password and shows, once, the link that
 * lets its owner choose one (valid CTL_LINK_HOURS hours).
 * Raises HTTP 422 with the form as typed for a bad name, display name
 * or role, 409 for a name that is taken, 200 with the link.
 */
int
ctl_user_invite(struct req *r)
{
	const char	*name = r->in[IN_INVITE_NAME].s;
	const char	*display = r->in[IN_INVITE_DISPLAY].s;
	enum role	 role = role_parse(r->in[IN_INVITE_ROLE].s);
	char		 tok[TOKEN_LEN + 1];
	unsigned char	 h[TOKEN_HASH_LEN];
	struct user	 u;
	int64_t		 expires = r->now + CTL_LINK_HOURS * 3600;
	int		 rc;

	if (name == NULL || display == NULL) {
		r->resp.error = "The invitation form is incomplete.";
		return 400;
	}
	if (role == ROLE_NONE)
		return users_page(r, 422, name, display, ROLE_CONTRIBUTOR,
		    "Choose a role: contributor, editor or admin.", NULL);
	if (!account_name_ok(name))
		return users_page(r, 422, name, display, role, "A login name "
		    "is 1 to 32 characters a-z, 0-9, \".\", \"_\", \"-\", "
		    "starting with a letter or digit.", NULL);
	if (!account_display_ok(display))
		return users_page(r, 422, name, display, role, "A display "
		    "name is 1 to 100 characters on one line.", NULL);
	token_new(tok);
	token_hash(tok, h);
	ctl_audit_next(r, "user.invite", name, role_name(role));
	if ((rc = store_user_invite(r->store, name, display, role, h,
	    sizeof(h), r->now, expires)) < 0)
		return 500;
	if (rc == 1)
		return users_page(r, 409, name, display, role, "That login "
		    "name is taken already.", NULL);
	if (store_user_by_name(r->store, r->arena, name, &u) <= 0)
		return 500;
	log_info("invited %s (%s) by %s", name, role_name(role),
	    r->editor->name);
	return link_page(r, &u, 1, tok, expires);
}

/* The account named by :id, not the admin's own: 0, or the status. */
static int
other_user(struct req *r, struct user *u)
{
	long long	 id;
	int		 rc;

	id = r->num[0];
	if ((rc = store_user_by_id(r->store, r->arena, id, u)) <= 0)
		return rc < 0 ? 500 : 404;
	if (u->id == r->editor->user_id) {
		r->resp.error = "You cannot change your own role or lock "
		    "yourself out here; another admin (or the command line) "
		    "can.";
		return 409;
	}
	return 0;
}

/* The new role, a word role_parse() knows (else 422, after the
 * account is found). */
const struct input ctl_user_role_in[] = {
	{ "role", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/users/:id/role (csrf, role) (admins)
 * Raises HTTP 404 for an unknown account, 409 for the admin's own, 422
 * for an unknown role, 303 to /admin/users.
 */
int
ctl_user_role(struct req *r)
{
	enum role	 role = role_parse(r->in[0].s);	/* role */
	struct user	 u;
	int		 rc;

	if ((rc = other_user(r, &u)) != 0)
		return rc;
	if (role == ROLE_NONE) {
		r->resp.error = "A role is contributor, editor or admin.";
		return 422;
	}
	ctl_audit_next(r, "user.role", u.name, role_name(role));
	if (store_user_role(r->store, u.name, role) < 0)
		return 500;
	log_info("role of %s: %s, by %s", u.name, role_name(role),
	    r->editor->name);
	return http_redirect(r, 303, "/admin/users?done=role");
}

/* Disable (ending every session) or enable :id; 303 to the list. */
static int
set_disabled(struct req *r, int disabled)
{
	struct user	 u;
	int		 rc;

	if ((rc = other_user(r, &u)) != 0)
		return rc;
	ctl_audit_next(r, disabled ? "user.disable" : "user.enable", u.name,
	    "");
	if (store_user_disable(r->store, u.name, disabled) < 0)
		return 500;
	log_info("%s %s, by %s", disabled ? "disabled" : "enabled", u.name,
	    r->editor->name);
	return http_redirect(r, 303, disabled ? "/admin/users?done=disabled" :
	    "/admin/users?done=enabled");
}

/*
 * POST /admin/users/:id/disable (csrf) (admins)
 * Locks the account out and ends its sessions.
 * Raises HTTP 404 for an unknown account, 409 for the admin's own, 303.
 */
int
ctl_user_disable(struct req *r)
{
	return set_disabled(r, 1);
}

/*
 * POST /admin/users/:id/enable (csrf) (admins)
 * Raises HTTP 404 for an unknown account, 409 for the admin's own, 303.
 */
int
ctl_user_enable(struct req *r)
{
	return set_disabled(r, 0);
}

/*
 * POST /admin/users/:id/2fa-reset (csrf) (admins)
 * Turns an account's two-factor sign-in off (a lost phone); its owner
 * enrols again at the next sign-in if it is required.
 * Raises HTTP 404 for an unknown account, 409 for the admin's own, 303.
 */
int
ctl_user_2fa_reset(struct req *r)
{
	struct user	 u;
	int		 rc;

	if ((rc = other_user(r, &u)) != 0)
		return rc;
	ctl_audit_next(r, "2fa.reset", u.name, "");
	if (store_totp_reset(r->store, u.id) < 0)
		return 500;
	log_info("two-factor sign-in reset for %s, by %s", u.name,
	    r->editor->name);
	return http_redirect(r, 303, "/admin/users?done=2fa");
}

/* require=1 or require=0 (another value: 422). */
static const char *const require_words[] = { "0", "1", NULL };
const struct input ctl_user_2fa_require_in[] = {
	{ "require", IN_WORD, 0, require_words, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/users/2fa (csrf, require=1|0) (admins)
 * Requires two-factor sign-in of every account, or stops requiring it.
 * Raises HTTP 422 for another value, 303 to /admin/users.
 */
int
ctl_user_2fa_require(struct req *r)
{
	const char	*v = r->in[0].s;	/* require */
	const char	*key = "auth.require_2fa";

	if (!r->in[0].set) {
		r->resp.error = "Say require=1 or require=0.";
		return 422;
	}
	ctl_audit_next(r, "2fa.policy", "", *v == '1' ? "required" :
	    "optional");
	if (store_settings_save(r->store, &key, &v, 1) < 0)
		return 500;
	log_info("two-factor sign-in %s, by %s", *v == '1' ? "required" :
	    "optional", r->editor->name);
	return http_redirect(r, 303, "/admin/users?done=2fa-policy");
}

/*
 * POST /admin/users/:id/reset (csrf) (admins)
 * Makes a one-time link to set a new password (a new invitation link
 * for an account that never set one), replacing any older link, and
 * shows it once.  The password and sessions stay until it is used.
 * Raises HTTP 404 for an unknown account, 409 for the admin's own, 200
 * with the link.
 */
int
ctl_user_reset(struct req *r)
{
	char		 tok[TOKEN_LEN + 1];
	unsigned char	 h[TOKEN_HASH_LEN];
	struct user	 u;
	int64_t		 expires = r->now + CTL_LINK_HOURS * 3600;
	int		 rc;

	if ((rc = other_user(r, &u)) != 0)
		return rc;
	token_new(tok);
	token_hash(tok, h);
	ctl_audit_next(r, u.invited ? "user.invite-link" : "user.reset-link",
	    u.name, "");
	if (store_user_link(r->store, u.id, u.invited ? LINK_INVITE :
	    LINK_RESET, h, sizeof(h), r->now, expires) < 0)
		return 500;
	log_info("%s link for %s, by %s", u.invited ? "invitation" : "reset",
	    u.name, r->editor->name);
	return link_page(r, &u, u.invited, tok, expires);
}
