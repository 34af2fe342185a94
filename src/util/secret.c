/*
 * secret.c: passwords, tokens and keyed hashes.  See secret.h.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "log.h"
#include "secret.h"

#define PW_WAIT_MS	300	/* longest wait for a hashing slot: a few
				   hashes' time, so that a login flood
				   cannot hold every worker thread */

static sem_t		 pw_slots;
static pthread_once_t	 pw_once = PTHREAD_ONCE_INIT;
static char		 dummy_hash[PW_HASH_MAX];

int
secret_init(void)
{
	if (sodium_init() < 0) {
		LOG_ERR("sodium_init failed");
		return -1;
	}
	return 0;
}

static void
b64(char *out, size_t outlen, const unsigned char *in, size_t inlen)
{
	sodium_bin2base64(out, outlen, in, inlen,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void
token_new(char out[TOKEN_LEN + 1])
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	b64(out, TOKEN_LEN + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

void
token_hash(const char *token, unsigned char out[TOKEN_HASH_LEN])
{
	crypto_generichash(out, TOKEN_HASH_LEN, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

int
token_equal(const char *a, const char *b)
{
	size_t	 n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b) || n == 0)
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

void
keyed_hex(const char *key, const char *s, char out[33])
{
	unsigned char	 k[crypto_generichash_KEYBYTES], h[16];

	crypto_generichash(k, sizeof(k), (const unsigned char *)key,
	    strlen(key), NULL, 0);
	crypto_generichash(h, sizeof(h), (const unsigned char *)s, strlen(s),
	    k, sizeof(k));
	sodium_bin2hex(out, 33, h, sizeof(h));
}

void
pw_random(char out[PW_RANDOM_LEN + 1])
{
	unsigned char	 raw[PW_RANDOM_LEN * 3 / 4];

	randombytes_buf(raw, sizeof(raw));
	b64(out, PW_RANDOM_LEN + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

/* The process-wide hashing slots, made on first use. */
static void
pw_setup(void)
{
	char	 pw[PW_RANDOM_LEN + 1];

	if (sem_init(&pw_slots, 0, PW_CONCURRENT) != 0)
		abort();
	/* A hash of a password nobody knows, for unknown names. */
	pw_random(pw);
	if (crypto_pwhash_str(dummy_hash, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		abort();
}

/* Take a hashing slot, waiting at most PW_WAIT_MS; 0 or -1. */
static int
slot_take(void)
{
	struct timespec	 ts;

	pthread_once(&pw_once, pw_setup);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += PW_WAIT_MS * 1000000L;
	ts.tv_sec += ts.tv_nsec / 1000000000L;
	ts.tv_nsec %= 1000000000L;
	while (sem_timedwait(&pw_slots, &ts) != 0)
		if (errno != EINTR) {
			LOG_ERR("no password hashing slot came free");
			return -1;
		}
	return 0;
}

int
pw_hash(const char *pw, char out[PW_HASH_MAX])
{
	int	 rc;

	if (slot_take() < 0)
		return -1;
	rc = crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	sem_post(&pw_slots);
	return rc == 0 ? 0 : -1;
}

int
pw_verify(const char *hash, const char *pw)
{
	int	 rc;

	if (slot_take() < 0)
		return -1;
	rc = crypto_pwhash_str_verify(hash ? hash : dummy_hash, pw,
	    strlen(pw));
	sem_post(&pw_slots);
	return hash != NULL && rc == 0;
}
