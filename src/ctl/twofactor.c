/*
 * twofactor.c: two-factor sign-in with TOTP (RFC 6238) codes from an
 * authenticator app: enrolment by QR code (drawn as inline SVG: the
 * CSP allows no data: images) or by typing the secret, ten single-use
 * recovery codes and turning it off (the check of a code at sign-in is
 * second_factor.c's).  An admin can
 * require it of every account: until an account has enrolled, its
 * session reaches only this page (and logging out).
 */
#include <ctype.h>
#include <string.h>

#include <sodium.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "../util/secret.h"
#include "../util/totp.h"
#include "../view/page.h"
#include "ctl.h"

#define RECOVERY_LEN	CTL_RECOVERY_LEN

/* Ten new recovery codes into codes (shown once) and their hashes. */
static void
recovery_new(struct req *r, const char **codes,
    unsigned char (*hashes)[TOKEN_HASH_LEN])
{
	static const char alpha[] = "abcdefghjkmnpqrstuvwxyz23456789";
	char		 c[RECOVERY_LEN + 1];
	int		 i, j;

	for (i = 0; i < RECOVERY_CODES; i++) {
		for (j = 0; j < RECOVERY_LEN; j++)
			c[j] = alpha[randombytes_uniform(sizeof(alpha) - 1)];
		c[RECOVERY_LEN] = '\0';
		token_hash(c, hashes[i]);
		codes[i] = arena_printf(r->arena, "%.5s-%.5s", c, c + 5);
	}
	sodium_memzero(c, sizeof(c));
}

/* The page with status: enrolment, the codes just made, or the state. */
static int
twofactor_page(struct req *r, int status, const char *message,
    const char **codes, const char *secret)
{
	struct user	 u;
	struct page	*p;
	const char	*uri = NULL;
	unsigned char	*qr = NULL;
	int		 width = 0, left = 0;

	if (store_user_by_id(r->store, r->arena, r->editor->user_id, &u) <= 0)
		return 500;
	if (!u.totp_on && codes == NULL) {
		/* A new secret each time the page is made: it is kept only
		 * once a code from it confirms the enrolment. */
		if (secret == NULL) {
			char	 sec[TOTP_B32_LEN + 1];

			totp_secret_new(sec);
			secret = arena_strdup(r->arena, sec);
		}
		uri = arena_printf(r->arena, "otpauth://totp/%s:%s?secret=%s"
		    "&issuer=%s&digits=%d&period=%d", url_encode(r->arena,
		    cfg.title), url_encode(r->arena, u.name), secret,
		    url_encode(r->arena, cfg.title), TOTP_DIGITS, TOTP_STEP);
		if ((qr = qr_matrix(r->arena, uri, &width)) == NULL)
			return 500;
	} else if ((left = store_recovery_count(r->store, u.id)) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "twofactor.tpl", "Two-factor sign-in",
	    "/account/2fa");
	page_noindex(p);
	fill_twofactor(ctl_vctx(r), p->body, &u, secret, uri, qr, width, codes, left,
	    ctl_2fa_required(r), message);
	return ctl_page(r, p, status);
}

/*
 * GET /account/2fa
 * Not enrolled: a new secret (kept until confirmed), its QR code and
 * text, and the form to confirm a code.  Enrolled: the state, the
 * recovery codes left, and the form to turn it off.
 * Raises HTTP 200.
 */
int
ctl_twofactor(struct req *r)
{
	return twofactor_page(r, 200, NULL, NULL, NULL);
}

/* 1 if s is a secret as totp_secret_new() makes them. */
static int
secret_ok(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != TOTP_B32_LEN)
		return 0;
	for (i = 0; i < TOTP_B32_LEN; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '2' && s[i] <= '7')))
			return 0;
	return 1;
}

/* The enrolment form: the secret the page showed (secret_ok() checks
 * it) and the code from the app. */
enum { IN_2FA_SECRET, IN_2FA_CODE };
const struct input ctl_twofactor_enable_in[] = {
	[IN_2FA_SECRET] = { "secret", IN_ANY, 0, NULL, NULL },
	[IN_2FA_CODE] = { "code", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /account/2fa (csrf, secret, code)
 * Confirms enrolment: a code from the app for the secret the page
 * showed makes it the account's; then the ten recovery codes, once.
 * Raises HTTP 400 for a malformed secret, 409 if it is on already, 422
 * with the page (the same secret) for a wrong code, 200 with the codes.
 */
int
ctl_twofactor_enable(struct req *r)
{
	unsigned char	 hashes[RECOVERY_CODES][TOKEN_HASH_LEN];
	const char	*codes[RECOVERY_CODES];
	const char	*secret = r->in[IN_2FA_SECRET].s;
	struct user	 u;
	long long	 step;
	int		 rc;

	if (!secret_ok(secret)) {
		r->resp.error = "The enrolment form is incomplete: open the "
		    "two-factor page again.";
		return 400;
	}
	if (store_user_by_id(r->store, r->arena, r->editor->user_id, &u) <= 0)
		return 500;
	if (u.totp_on) {
		r->resp.error = "Two-factor sign-in is on already.";
		return 409;
	}
	if ((rc = totp_check(secret, r->now, r->in[IN_2FA_CODE].s,
	    &step)) == 0)
		return twofactor_page(r, 422, "That code is not right: check "
		    "the time on your phone and type the code it shows now.",
		    NULL, secret);
	if (rc < 0)
		return 500;
	recovery_new(r, codes, hashes);
	ctl_audit_next(r, "2fa.on", u.name, "");
	rc = store_totp_enable(r->store, u.id, secret, step,
	    (const unsigned char (*)[32])hashes, RECOVERY_CODES);
	sodium_memzero(hashes, sizeof(hashes));
	if (rc < 0)
		return 500;
	if (rc == 0) {
		r->resp.error = "Open the two-factor page again to enrol.";
		return 409;
	}
	log_info("two-factor sign-in on: %s", u.name);
	return twofactor_page(r, 200, NULL, codes, NULL);
}

/* The account's password, to turn two-factor sign-in off. */
const struct input ctl_twofactor_off_in[] = {
	{ "password", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /account/2fa/off (csrf, password)
 * Turns two-factor sign-in off, with the account's password.
 * Raises HTTP 409 when an admin requires it or it is off, 403 for a
 * wrong password (counted as a failed login), 429 while the login
 * throttle holds, 303 to /account/2fa.
 */
int
ctl_twofactor_off(struct req *r)
{
	struct user	 u;
	const char	*pw = r->in[0].s;	/* password */
	long		 wait;
	int		 ok;

	if (ctl_2fa_required(r)) {
		r->resp.error = "An administrator requires two-factor sign-in "
		    "for every account.";
		return 409;
	}
	if (store_user_by_id(r->store, r->arena, r->editor->user_id, &u) <= 0)
		return 500;
	if (!u.totp_on) {
		r->resp.error = "Two-factor sign-in is off already.";
		return 409;
	}
	if ((wait = ctl_login_wait(r, u.name)) < 0)
		return 500;
	if (wait > 0) {
		http_header(r, "Retry-After", arena_printf(r->arena, "%ld",
		    wait));
		r->resp.error = "Too many wrong passwords. Please try again "
		    "later.";
		return 429;
	}
	ok = pw_verify(pw != NULL && strlen(pw) <= PW_MAX ? u.pw_hash : NULL,
	    pw != NULL && strlen(pw) <= PW_MAX ? pw : "");
	if (ok < 0) {
		http_header(r, "Retry-After", "5");
		return 503;
	}
	if (!ok) {
		ctl_login_failed(r, u.name);
		return twofactor_page(r, 403, "The password is wrong; "
		    "two-factor sign-in stays on.", NULL, NULL);
	}
	ctl_audit_next(r, "2fa.off", u.name, "");
	if (store_totp_reset(r->store, u.id) < 0)
		return 500;
	log_info("two-factor sign-in off: %s", u.name);
	return http_redirect(r, 303, "/account/2fa");
}
