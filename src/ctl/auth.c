/*
 * auth.c: editors' sessions: the login form, logging in and out, and
 * the checks ctl_dispatch() runs before editor routes (the session
 * behind the cookie, the CSRF token, the same-origin check of forms
 * posted without a session).
 *
 * A session is a random 256-bit token in a cookie; the database keeps
 * only its BLAKE2b hash, so that a copy of the database lets nobody in.
 * Every login makes a new token (no fixation).  Failed logins are
 * counted per account and per client address in the throttle table;
 * past the limit the answer is 429 with Retry-After, at once: a worker
 * thread never sleeps to slow an attacker down.
 */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "../util/secret.h"
#include "../util/totp.h"
#include "../view/page.h"
#include "ctl.h"

#define LOGIN_NAME_MAX	64	/* bytes of a name tried at the form */
#define NEXT_MAX	2048	/* bytes of a return path */
#define IP_FACTOR	4	/* an address may fail this many times more */

/* Keys the throttle rows by hash, so that no address is kept in clear. */
static char	 login_key[TOKEN_LEN + 1];

/* Fixed text, the same whether the name or the password was wrong. */
static const char bad_login[] = "The name or the password is wrong.";

int
ctl_auth_init(struct store *s)
{
	struct arena	 a;
	const char	*v;
	int		 rc;

	if (totp_init() < 0) {
		LOG_ERR("liboath would not start");
		return -1;
	}
	arena_init(&a, 0);
	rc = store_setting_get(s, &a, "login_key", &v);
	if (rc == 1 && strlen(v) < sizeof(login_key))
		snprintf(login_key, sizeof(login_key), "%s", v);
	else if (rc == 0) {
		token_new(login_key);
		rc = store_setting_put(s, "login_key", login_key) < 0 ? -1 : 1;
	}
	arena_free(&a);
	return rc == 1 ? 0 : -1;
}

const char *
ctl_session_cookie(void)
{
	/* __Host- makes browsers insist on Secure, Path=/ and no Domain. */
	return cfg.https ? "__Host-gazette_session" : "gazette_session";
}

int
ctl_session_load(struct req *r)
{
	struct session_user	 u;
	struct editor		*e;
	unsigned char		 h[TOKEN_HASH_LEN];
	const char		*tok;
	int			 rc;

	if ((tok = http_cookie(r, ctl_session_cookie())) == NULL ||
	    strlen(tok) != TOKEN_LEN)
		return 0;
	token_hash(tok, h);
	rc = store_session_get(r->store, r->arena, h, sizeof(h), r->now,
	    cfg.session_idle, &u);
	if (rc <= 0)
		return rc;
	/* Idle expiry counts from the last request. */
	if (u.seen_at < r->now)
		store_session_touch(r->store, u.session_id, r->now);
	e = arena_alloc(r->arena, sizeof(*e));
	e->user_id = u.user_id;
	e->name = u.name;
	e->display = u.display;
	e->role = u.role;
	e->admin = u.admin;
	e->totp_on = u.totp_on;
	e->csrf = u.csrf;
	e->session_id = u.session_id;
	r->editor = e;
	return 1;
}

int
ctl_csrf_ok(const struct req *r)
{
	return r->editor != NULL &&
	    token_equal(http_form(r, "csrf"), r->editor->csrf);
}

/* The return path if it is safe (inside this site), else NULL. */
static const char *
safe_next(const char *next)
{
	const unsigned char	*p;

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strlen(next) > NEXT_MAX ||
	    strncmp(next, "/login", 6) == 0)
		return NULL;
	for (p = (const unsigned char *)next; *p != '\0'; p++)
		if (*p < 0x21 || *p >= 0x7f || *p == '\\')
			return NULL;
	return next;
}

/* Render the login form with status (200, or 403 after a failure),
 * and notice (a ?done= notice, or NULL) above it. */
static int
login_page(struct req *r, int status, const char *name, const char *next,
    const char *message, const char *notice)
{
	struct page	*p;

	p = page_new(ctl_vctx(r), "login.tpl", "Log in", "/login");
	page_noindex(p);
	if (notice != NULL)
		page_flash(p, notice);
	fill_login(ctl_vctx(r), p->body, name, next, message);
	return ctl_page(r, p, status);
}

/* The login form's address: ?next= (a path inside the site, else
 * ignored) and ?done= (a notice; an unknown one is ignored). */
enum { IN_LOGIN_NEXT, IN_LOGIN_DONE };
static const char *const login_done[] = { "out", "password", NULL };
static const char *const login_notices[] = {
	"You have logged out.",
	"Your password is set: log in with it now.",
};
CHOICES_MATCH(login_done, login_notices);

const struct input ctl_login_form_in[] = {
	[IN_LOGIN_NEXT] = { "next", IN_ANY, 0, NULL, NULL },
	[IN_LOGIN_DONE] = { "done", IN_WORD, 0, login_done, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /login[?next=PATH][&done=out|password]
 * The login form.  A logged-in editor goes straight to next (or the
 * dashboard).  Cache: none.
 * Raises HTTP 303 for an editor already logged in, 200 otherwise.
 */
int
ctl_login_form(struct req *r)
{
	const char	*next = safe_next(r->in[IN_LOGIN_NEXT].s);

	if (r->editor != NULL)
		return http_redirect(r, 303, next ? next : "/admin");
	return login_page(r, 200, "", next ? next : "", NULL,
	    r->in[IN_LOGIN_DONE].set ?
	    login_notices[r->in[IN_LOGIN_DONE].n] : NULL);
}

/* Throttle key for what (a name or an address): "login:KIND:<hash>". */
static const char *
throttle_key(struct req *r, const char *kind, const char *what)
{
	char	 hex[33];

	keyed_hex(login_key, what, hex);
	return arena_printf(r->arena, "login:%s:%s", kind, hex);
}

/*
 * How long to wait, in seconds, if key has failed limit times in the
 * window (0: go ahead, -1: store error).
 */
static long
throttled(struct req *r, const char *key, int limit)
{
	int64_t		 oldest, wait;
	int		 count;

	if (store_throttle_count(r->store, key, r->now - cfg.login_window,
	    &count, &oldest) < 0)
		return -1;
	if (count < limit)
		return 0;
	wait = oldest + cfg.login_window - r->now;
	return wait > 0 ? (long)wait : 1;
}

/* Record a failed login under both keys. */
static void
failed(struct req *r, const char *ukey, const char *ikey)
{
	int64_t	 since = r->now - cfg.login_window;

	if (store_throttle_add(r->store, ukey, r->now, since) < 0 ||
	    store_throttle_add(r->store, ikey, r->now, since) < 0)
		LOG_ERR("could not record a failed login");
}

long
ctl_login_wait(struct req *r, const char *name)
{
	long	 wait, iwait;

	if ((wait = throttled(r, throttle_key(r, "user", name),
	    cfg.login_failures)) < 0 ||
	    (iwait = throttled(r, throttle_key(r, "ip", r->remote_addr),
	    cfg.login_failures * IP_FACTOR)) < 0)
		return -1;
	return iwait > wait ? iwait : wait;
}

void
ctl_login_failed(struct req *r, const char *name)
{
	failed(r, throttle_key(r, "user", name),
	    throttle_key(r, "ip", r->remote_addr));
}

int
ctl_session_start(struct req *r, const struct user *u)
{
	struct editor	*e;
	char		 tok[TOKEN_LEN + 1], csrf[TOKEN_LEN + 1];
	unsigned char	 h[TOKEN_HASH_LEN];
	const char	*old;

	/* The session this browser had, if any, ends: a new token always. */
	if ((old = http_cookie(r, ctl_session_cookie())) != NULL) {
		token_hash(old, h);
		store_session_end(r->store, h, sizeof(h));
	}
	token_new(tok);
	token_new(csrf);
	token_hash(tok, h);
	if (store_session_create(r->store, h, sizeof(h), u->id, csrf, r->now,
	    r->now + cfg.session_max) < 0)
		return -1;
	http_set_cookie(r, ctl_session_cookie(), tok, cfg.session_max);
	e = arena_alloc(r->arena, sizeof(*e));
	e->user_id = u->id;
	e->name = u->name;
	e->display = u->display;
	e->role = u->role;
	e->admin = u->admin;
	e->totp_on = u->totp_on;
	e->csrf = arena_strdup(r->arena, csrf);
	e->session_id = 0;	/* not needed by the rest of this request */
	r->editor = e;
	return 0;
}

enum sign_in
ctl_sign_in(struct req *r, const char *name, const char *pw,
    const char *code, const char *why, long *wait)
{
	struct user	 u;
	const char	*ukey, *ikey;
	long		 iwait;
	int		 found, ok;

	*wait = 0;
	if (strlen(name) > LOGIN_NAME_MAX)
		name = arena_strndup(r->arena, name, LOGIN_NAME_MAX);
	ukey = throttle_key(r, "user", name);
	ikey = throttle_key(r, "ip", r->remote_addr);
	if ((*wait = throttled(r, ukey, cfg.login_failures)) < 0 ||
	    (iwait = throttled(r, ikey, cfg.login_failures * IP_FACTOR)) < 0)
		return SIGN_IN_ERROR;
	if (iwait > *wait)
		*wait = iwait;
	if (*wait > 0)
		return SIGN_IN_THROTTLED;
	if ((found = store_user_by_name(r->store, r->arena, name, &u)) < 0)
		return SIGN_IN_ERROR;
	/* An unknown or disabled name costs as much as a wrong password;
	 * so does an account invited but without a password yet. */
	ok = pw_verify(found && !u.disabled && !u.invited &&
	    strlen(pw) <= PW_MAX ? u.pw_hash : NULL,
	    strlen(pw) <= PW_MAX ? pw : "");
	if (ok < 0)
		return SIGN_IN_BUSY;
	if (!ok) {
		failed(r, ukey, ikey);
		return SIGN_IN_WRONG;
	}
	/* The second factor, when the account has one: a wrong code is a
	 * failed login like a wrong password. */
	if (u.totp_on) {
		if (code == NULL || *code == '\0')
			return SIGN_IN_NO_CODE;
		if ((ok = ctl_second_factor(r, &u, code)) < 0)
			return SIGN_IN_ERROR;
		if (!ok) {
			failed(r, ukey, ikey);
			return SIGN_IN_BAD_CODE;
		}
	}
	/* The audit row is the session's: written in its transaction. */
	store_audit_next(r->store, r->now, u.id, u.name, "login", u.name, why);
	if (ctl_session_start(r, &u) < 0)
		return SIGN_IN_ERROR;
	log_info("login%s%s: %s", *why ? " " : "", why, u.name);
	return SIGN_IN_OK;
}

/* The login form's fields: all text, checked by ctl_sign_in(). */
enum { IN_LOGIN_NAME, IN_LOGIN_PASSWORD, IN_LOGIN_CODE, IN_LOGIN_BACK };
const struct input ctl_login_in[] = {
	[IN_LOGIN_NAME] = { "name", IN_ANY, 0, NULL, NULL },
	[IN_LOGIN_PASSWORD] = { "password", IN_ANY, 0, NULL, NULL },
	[IN_LOGIN_CODE] = { "code", IN_ANY, 0, NULL, NULL },
	[IN_LOGIN_BACK] = { "next", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /login (name, password, code, next); same-origin checked by
 * dispatch.
 * Checks the password and starts a session: a new token in the cookie,
 * then 303 to next (a path inside the site) or /admin.
 * Raises HTTP 400 for a form without name or password, 403 (the form
 * again, with one message for any wrong name or password), 429 with
 * Retry-After after too many failures for the account or the address,
 * 503 if no password check could start in time, 303 on success.
 */
int
ctl_login(struct req *r)
{
	const char	*name = r->in[IN_LOGIN_NAME].s;
	const char	*pw = r->in[IN_LOGIN_PASSWORD].s;
	const char	*next = safe_next(r->in[IN_LOGIN_BACK].s);
	long		 wait;

	if (name == NULL || pw == NULL) {
		r->resp.error = "The login form is incomplete.";
		return 400;
	}
	if (strlen(name) > LOGIN_NAME_MAX)
		name = arena_strndup(r->arena, name, LOGIN_NAME_MAX);
	switch (ctl_sign_in(r, name, pw, r->in[IN_LOGIN_CODE].s, "", &wait)) {
	case SIGN_IN_OK:
		/* Housekeeping, now and then: this name's failures, and
		 * old failures and sessions, go.  (Signing in again to
		 * save a form leaves the count as it was.) */
		store_throttle_clear(r->store, throttle_key(r, "user", name));
		store_throttle_prune(r->store, "login:",
		    r->now - cfg.login_window);
		store_sessions_prune(r->store, r->now, cfg.session_idle);
		break;
	case SIGN_IN_THROTTLED:
		http_header(r, "Retry-After", arena_printf(r->arena, "%ld",
		    wait));
		r->resp.error = arena_printf(r->arena, "Too many failed "
		    "logins. Please try again in %ld minute%s.",
		    (wait + 59) / 60, (wait + 59) / 60 == 1 ? "" : "s");
		return 429;
	case SIGN_IN_BUSY:
		http_header(r, "Retry-After", "5");
		return 503;
	case SIGN_IN_WRONG:
		return login_page(r, 403, name, next ? next : "", bad_login,
		    NULL);
	case SIGN_IN_NO_CODE:
		return login_page(r, 403, name, next ? next : "",
		    "Enter the code from your authenticator app (or a "
		    "recovery code) with your password.", NULL);
	case SIGN_IN_BAD_CODE:
		return login_page(r, 403, name, next ? next : "",
		    "The two-factor code is wrong or was used already.", NULL);
	default:
		return 500;
	}
	return http_redirect(r, 303, next ? next : "/admin");
}

/*
 * POST /logout (csrf); an editor route.
 * Ends the session and clears the cookie.
 * Raises HTTP 403 without a session or token (dispatch), 303 to the
 * login page otherwise.
 */
int
ctl_logout(struct req *r)
{
	unsigned char	 h[TOKEN_HASH_LEN];
	const char	*tok;

	if ((tok = http_cookie(r, ctl_session_cookie())) != NULL) {
		token_hash(tok, h);
		if (store_session_end(r->store, h, sizeof(h)) < 0)
			return 500;
	}
	http_set_cookie(r, ctl_session_cookie(), "", 0);
	return http_redirect(r, 303, "/login?done=out");
}
