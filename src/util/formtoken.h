/*
 * formtoken.h: the signed token in the readers' comment form.
 *
 * The comment form is anonymous and its page is cached, so it cannot
 * carry a session's CSRF token.  It carries instead the time the form
 * was rendered and the article it belongs to, signed with a server
 * secret (HMAC-SHA-512-256, libsodium's crypto_auth):
 *
 *     <unix seconds>.<base64url of the MAC over "comment:<id>:<seconds>">
 *
 * A valid token proves the form came from this site for this article,
 * and tells how long ago: too young means a robot, too old an expired
 * page.  The token holds no personal data and needs no storage.
 */
#ifndef GAZETTE_FORMTOKEN_H
#define GAZETTE_FORMTOKEN_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define FORMTOKEN_KEYBYTES	32	/* crypto_auth_KEYBYTES */
#define FORMTOKEN_MAX		80	/* longer field values are not tokens */

/* The token for article_id rendered at time t, owned by the arena. */
char	*formtoken_make(struct arena *, const unsigned char *key,
	    long long article_id, int64_t t);

/*
 * 1 if token is well-formed and signed with key for article_id; its time
 * goes to *t.  0 for anything else (malformed, other article, forged).
 * The comparison of the MAC takes constant time.
 */
int	 formtoken_check(const unsigned char *key, long long article_id,
	    const char *token, int64_t *t);

/*
 * Hex text <-> bytes, for secrets kept in the settings table.  The hex
 * result is owned by the arena; hex_decode returns 0, or -1 unless hex
 * is exactly 2 * n hex digits.
 */
char	*formtoken_hex(struct arena *, const unsigned char *, size_t n);
int	 formtoken_unhex(const char *hex, unsigned char *out, size_t n);

#endif
