/*
 * formtoken.c: the comment form's signed token.  See formtoken.h.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "formtoken.h"

#define MAC_B64	(sodium_base64_ENCODED_LEN(crypto_auth_BYTES, \
		    sodium_base64_VARIANT_URLSAFE_NO_PADDING))

/* The MAC of the token's message for article_id and time t. */
static void
token_mac(const unsigned char *key, long long article_id, long long t,
    unsigned char mac[crypto_auth_BYTES])
{
	char	 msg[64];
	int	 n;

	n = snprintf(msg, sizeof(msg), "comment:%lld:%lld", article_id, t);
	crypto_auth(mac, (const unsigned char *)msg, (unsigned long long)n,
	    key);
}

char *
formtoken_make(struct arena *a, const unsigned char *key, long long article_id,
    int64_t t)
{
	unsigned char	 mac[crypto_auth_BYTES];
	char		 b64[MAC_B64];

	token_mac(key, article_id, (long long)t, mac);
	sodium_bin2base64(b64, sizeof(b64), mac, sizeof(mac),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_printf(a, "%lld.%s", (long long)t, b64);
}

int
formtoken_check(const unsigned char *key, long long article_id,
    const char *token, int64_t *t)
{
	unsigned char	 mac[crypto_auth_BYTES], want[crypto_auth_BYTES];
	const char	*dot, *end;
	long long	 v = 0;
	size_t		 maclen, i;

	if (token == NULL || strlen(token) > FORMTOKEN_MAX ||
	    (dot = strchr(token, '.')) == NULL)
		return 0;
	/* The time: 1 to 12 digits, no sign, no leading zero. */
	if (dot == token || dot - token > 12 || token[0] == '0')
		return 0;
	for (i = 0; token + i < dot; i++) {
		if (token[i] < '0' || token[i] > '9')
			return 0;
		v = v * 10 + (token[i] - '0');
	}
	if (sodium_base642bin(mac, sizeof(mac), dot + 1, strlen(dot + 1),
	    NULL, &maclen, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    maclen != sizeof(mac) || *end != '\0')
		return 0;
	token_mac(key, article_id, v, want);
	if (sodium_memcmp(mac, want, sizeof(mac)) != 0)
		return 0;
	*t = (int64_t)v;
	return 1;
}

char *
formtoken_hex(struct arena *a, const unsigned char *bin, size_t n)
{
	char	*hex = arena_alloc(a, n * 2 + 1);

	sodium_bin2hex(hex, n * 2 + 1, bin, n);
	return hex;
}

int
formtoken_unhex(const char *hex, unsigned char *out, size_t n)
{
	size_t	 len;
	const char *end;

	if (hex == NULL || strlen(hex) != n * 2)
		return -1;
	if (sodium_hex2bin(out, n, hex, n * 2, NULL, &len, &end) != 0 ||
	    len != n || *end != '\0')
		return -1;
	return 0;
}
