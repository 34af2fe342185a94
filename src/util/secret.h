/*
 * secret.h: passwords, session tokens and keyed hashes (libsodium).
 *
 * Passwords are hashed with argon2id (crypto_pwhash_str, INTERACTIVE
 * limits: about 64 MiB and 70 ms per hash).  Because each hash holds
 * that much memory while it runs, at most PW_CONCURRENT run at once in
 * the whole process; a login flood then waits in line (briefly: past
 * PW_WAIT_MS in secret.c the login is answered 503 and Retry-After, so
 * that logins never hold every worker thread) instead of exhausting
 * memory.  Tokens are 256-bit random values in URL-safe
 * base64 without padding; only their BLAKE2b hash is ever stored.
 */
#ifndef GAZETTE_SECRET_H
#define GAZETTE_SECRET_H

#include <stddef.h>

#define TOKEN_LEN	43	/* 32 random bytes, URL-safe base64, no '=' */
#define TOKEN_HASH_LEN	32	/* BLAKE2b-256 */
#define PW_HASH_MAX	128	/* crypto_pwhash_STRBYTES */
#define PW_MIN		8	/* bytes */
#define PW_MAX		1024	/* bytes */
#define PW_RANDOM_LEN	24	/* characters of a generated password */
#define PW_CONCURRENT	2	/* argon2id hashes running at once */

/* sodium_init(); call once at start-up.  Returns 0, or -1. */
int	 secret_init(void);

/* A fresh random token, NUL-terminated, into out[TOKEN_LEN + 1]. */
void	 token_new(char out[TOKEN_LEN + 1]);

/* The BLAKE2b-256 hash of a token, as stored in the database. */
void	 token_hash(const char *token, unsigned char out[TOKEN_HASH_LEN]);

/* 1 if a and b are equal: lengths first, then in constant time. */
int	 token_equal(const char *a, const char *b);

/*
 * Hex of the BLAKE2b-128 of s keyed with key (any length, hashed to a
 * key first), into out[33]: for throttling keys that must not hold a
 * client's address in clear.
 */
void	 keyed_hex(const char *key, const char *s, char out[33]);

/* A random password of PW_RANDOM_LEN URL-safe characters. */
void	 pw_random(char out[PW_RANDOM_LEN + 1]);

/* Hash pw into out.  Returns 0, or -1 (out of memory, or timed out). */
int	 pw_hash(const char *pw, char out[PW_HASH_MAX]);

/*
 * Check pw against a stored hash.  Returns 1 if it matches, 0 if not,
 * -1 if no hashing slot came free in time (the caller answers 503).
 * With hash NULL, spends the same effort on a fixed dummy hash and
 * returns 0, so that an unknown name takes as long as a wrong password.
 */
int	 pw_verify(const char *hash, const char *pw);

#endif
