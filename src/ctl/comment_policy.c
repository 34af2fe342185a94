/*
 * comment_policy.c: when readers may comment, and the secrets that
 * make comments safe to take: the key that signs the comment form's
 * token (and so its epoch, the time the form was asked for) and the
 * salt that hashes readers' addresses.  The article page and the
 * comment controllers both ask here; neither asks the other.
 */
#include <string.h>

#include <sodium.h>

#include "../site.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/formtoken.h"
#include "../util/log.h"
#include "ctl.h"

/* The secrets, read once before the threads start, read-only after. */
static unsigned char	 form_key[FORMTOKEN_KEYBYTES];
static unsigned char	 ip_salt[crypto_generichash_KEYBYTES];
static int		 ready;

/* Read the n-byte secret called key, making it if it is new. */
static int
secret(struct store *s, struct arena *a, const char *key, unsigned char *out,
    size_t n)
{
	unsigned char	 fresh[64];
	const char	*hex;

	randombytes_buf(fresh, n);
	if (store_setting_init(s, a, key, formtoken_hex(a, fresh, n),
	    &hex) < 0)
		return -1;
	sodium_memzero(fresh, sizeof(fresh));
	if (formtoken_unhex(hex, out, n) < 0) {
		LOG_ERR("setting %s is not %zu bytes in hex", key, n);
		return -1;
	}
	return 0;
}

int
ctl_comment_init(struct store *s)
{
	struct arena	 a;
	int		 rc = 0;

	if (sodium_init() < 0) {
		LOG_ERR("libsodium failed to initialise");
		return -1;
	}
	arena_init(&a, 0);
	if (secret(s, &a, "comment_form_key", form_key, sizeof(form_key)) < 0 ||
	    secret(s, &a, "comment_ip_salt", ip_salt, sizeof(ip_salt)) < 0)
		rc = -1;
	arena_free(&a);
	ready = rc == 0;
	return rc;
}

int
ctl_comment_ready(void)
{
	return ready;
}

int64_t
ctl_comment_close_at(const struct article *a)
{
	int	 days = site()->comment_close_days;

	if (days <= 0 || a->published_at <= 0)
		return 0;
	return a->published_at + (int64_t)days * 86400;
}

int
ctl_comments_open(const struct article *a, int64_t now)
{
	int64_t	 closes = ctl_comment_close_at(a);

	return a->comments == COMMENTS_OPEN && (closes == 0 || now < closes);
}

const char *
ctl_comment_token(struct arena *a, long long article_id, int64_t now)
{
	return formtoken_make(a, form_key, article_id, now);
}

int
ctl_comment_token_check(long long article_id, const char *token,
    int64_t *made)
{
	return formtoken_check(form_key, article_id, token, made);
}

unsigned char *
ctl_comment_hash(struct arena *a, int keyed, const char *p1, const char *p2)
{
	crypto_generichash_state st;
	unsigned char	*out = arena_alloc(a, COMMENT_HASH_BYTES);

	crypto_generichash_init(&st, keyed ? ip_salt : NULL, keyed ?
	    crypto_generichash_KEYBYTES : 0, COMMENT_HASH_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)p1,
	    strlen(p1) + 1);	/* the NUL separates the parts */
	if (p2 != NULL)
		crypto_generichash_update(&st, (const unsigned char *)p2,
		    strlen(p2));
	crypto_generichash_final(&st, out, COMMENT_HASH_BYTES);
	return out;
}
