/*
 * totp.c: TOTP with liboath and QR codes with libqrencode.  See totp.h.
 */
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include "arena.h"
#include "totp.h"

int
totp_init(void)
{
	return oath_init() == OATH_OK ? 0 : -1;
}

void
totp_secret_new(char out[TOTP_B32_LEN + 1])
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned char	 raw[TOTP_SECRET_BYTES];
	size_t		 i, bit;

	randombytes_buf(raw, sizeof(raw));
	/* 160 bits are 32 groups of 5. */
	for (i = 0; i < TOTP_B32_LEN; i++) {
		unsigned v = 0;

		for (bit = 0; bit < 5; bit++) {
			size_t b = i * 5 + bit;

			v = (v << 1) | ((raw[b / 8] >> (7 - b % 8)) & 1);
		}
		out[i] = b32[v];
	}
	out[TOTP_B32_LEN] = '\0';
	sodium_memzero(raw, sizeof(raw));
}

int
totp_check(const char *secret_b32, int64_t now, const char *code,
    long long *step)
{
	char		*raw = NULL;
	size_t		 len = 0, i;
	uint64_t	 counter = 0;
	int		 pos = 0, rc;

	if (code == NULL || strlen(code) != TOTP_DIGITS)
		return 0;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	if (oath_base32_decode(secret_b32, strlen(secret_b32), &raw,
	    &len) != OATH_OK)
		return -1;
	rc = oath_totp_validate3(raw, len, (time_t)now, TOTP_STEP, 0, 1,
	    &pos, &counter, code);
	sodium_memzero(raw, len);
	free(raw);
	if (rc < 0)
		return 0;
	*step = (long long)counter;
	return 1;
}

int
totp_generate(const char *secret, size_t len, int64_t now, unsigned digits,
    char *out)
{
	return oath_totp_generate(secret, len, (time_t)now, TOTP_STEP, 0,
	    digits, out) == OATH_OK ? 0 : -1;
}

unsigned char *
qr_matrix(struct arena *a, const char *text, int *width)
{
	QRcode		*q;
	unsigned char	*m;
	int		 i, n;

	if ((q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return NULL;
	n = q->width * q->width;
	m = arena_alloc(a, (size_t)n);
	for (i = 0; i < n; i++)
		m[i] = q->data[i] & 1;
	*width = q->width;
	QRcode_free(q);
	return m;
}
