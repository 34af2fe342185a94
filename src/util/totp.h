/*
 * totp.h: two-factor codes (TOTP, RFC 6238: HMAC-SHA1, 30-second
 * steps, 6 digits) through Debian's liboath, and the QR code that
 * enrols a phone, through libqrencode.
 */
#ifndef GAZETTE_TOTP_H
#define GAZETTE_TOTP_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define TOTP_SECRET_BYTES	20	/* 160 bits, as RFC 4226 advises */
#define TOTP_B32_LEN		32	/* base32 of 20 bytes, no padding */
#define TOTP_STEP		30	/* seconds */
#define TOTP_DIGITS		6

/* Start liboath; once, before threads.  0 or -1. */
int	 totp_init(void);

/* A new random secret, base32 (A-Z2-7) into out. */
void	 totp_secret_new(char out[TOTP_B32_LEN + 1]);

/*
 * Check code against the base32 secret at time now, accepting the step
 * before and after too (clocks drift).  Returns 1 with *step set to
 * the time step the code belongs to (so that the caller can refuse
 * the same step twice), 0 for a wrong code, -1 for a bad secret.
 */
int	 totp_check(const char *secret_b32, int64_t now, const char *code,
	    long long *step);

/* The code of digits digits for a raw secret at time now, into out
 * (digits + 1 bytes): 0 or -1.  For tests (RFC 6238's vectors). */
int	 totp_generate(const char *secret, size_t len, int64_t now,
	    unsigned digits, char *out);

/*
 * The QR code of text as a width x width matrix of 0 (light) and 1
 * (dark) in the arena, or NULL.
 */
unsigned char *qr_matrix(struct arena *, const char *text, int *width);

#endif
