/*
 * second_factor.c: the check of a two-factor code at sign-in (a TOTP
 * code, RFC 6238, or a recovery code), and whether an admin requires
 * two-factor sign-in; used by the sign-in (auth.c), by ctl_dispatch()
 * and by the enrolment pages (twofactor.c).
 */
#include <ctype.h>
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "../util/secret.h"
#include "../util/totp.h"
#include "ctl.h"

#define RECOVERY_LEN	CTL_RECOVERY_LEN
#define CODE_MAX	32	/* bytes of a typed code worth reading */

/* The recovery code typed as code, normalised (lower case, no "-" or
 * spaces) into out; 0, or -1 if it cannot be one. */
static int
recovery_norm(const char *code, char out[RECOVERY_LEN + 1])
{
	size_t	 n = 0;

	for (; *code != '\0'; code++) {
		if (*code == '-' || *code == ' ')
			continue;
		if (n == RECOVERY_LEN || !isalnum((unsigned char)*code))
			return -1;
		out[n++] = (char)tolower((unsigned char)*code);
	}
	out[n] = '\0';
	return n == RECOVERY_LEN ? 0 : -1;
}

int
ctl_second_factor(struct req *r, const struct user *u, const char *code)
{
	char		 rc_norm[RECOVERY_LEN + 1];
	unsigned char	 h[TOKEN_HASH_LEN];
	long long	 step;
	int		 rc;

	if (code == NULL || strlen(code) > CODE_MAX)
		return 0;
	if ((rc = totp_check(u->totp_secret, r->now, code, &step)) < 0)
		return -1;
	if (rc == 1)	/* each time step once: a code seen is refused */
		return store_totp_step(r->store, u->id, step);
	if (recovery_norm(code, rc_norm) < 0)
		return 0;
	token_hash(rc_norm, h);
	if ((rc = store_recovery_use(r->store, u->id, h)) == 1)
		log_info("recovery code used: %s", u->name);
	return rc;
}

int
ctl_2fa_required(struct req *r)
{
	const char	*v;

	return store_setting_get(r->store, r->arena, "auth.require_2fa",
	    &v) == 1 && strcmp(v, "1") == 0;
}

