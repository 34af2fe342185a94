/*
 * 59-totp: two-factor codes through liboath: RFC 6238's SHA-1 test
 * vectors, a new secret's form, codes checked in and out of their
 * window, and a QR code of the right size.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/totp.h"
#include "tap.h"

/* RFC 6238, appendix B: the SHA-1 key and its 8-digit codes. */
static const struct {
	long long	 t;
	const char	*code;
} vec[] = {
	{ 59, "94287082" },
	{ 1111111109, "07081804" },
	{ 1111111111, "14050471" },
	{ 1234567890, "89005924" },
	{ 2000000000, "69279037" },
	{ 20000000000LL, "65353130" },
};

int
main(void)
{
	struct arena	 a;
	char		 out[16], sec[TOTP_B32_LEN + 1], code[8];
	unsigned char	*m;
	long long	 step = 0;
	size_t		 i;
	int		 w = 0, ok_chars = 1;

	ok(totp_init() == 0, "liboath starts");
	for (i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		memset(out, 0, sizeof(out));
		ok(totp_generate("12345678901234567890", 20, vec[i].t, 8,
		    out) == 0 && strcmp(out, vec[i].code) == 0,
		    "RFC 6238 at T=%lld: %s (got %s)", vec[i].t, vec[i].code,
		    out);
	}

	totp_secret_new(sec);
	for (i = 0; i < TOTP_B32_LEN; i++)
		if (!((sec[i] >= 'A' && sec[i] <= 'Z') ||
		    (sec[i] >= '2' && sec[i] <= '7')))
			ok_chars = 0;
	ok(strlen(sec) == TOTP_B32_LEN && ok_chars, "a new secret: 32 "
	    "characters of base32 (%s)", sec);

	/* "12345678901234567890" in base32, as an app would be given it. */
	strcpy(sec, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	totp_generate("12345678901234567890", 20, 1111111109, TOTP_DIGITS,
	    code);
	ok(strcmp(code, "081804") == 0, "six digits: 081804");
	ok(totp_check(sec, 1111111109, code, &step) == 1,
	    "the code is right at its time");
	is_int(step, 1111111109 / 30, "its time step");
	ok(totp_check(sec, 1111111109 + 30, code, &step) == 1,
	    "and one step later (clock drift)");
	ok(totp_check(sec, 1111111109 + 95, code, &step) == 0,
	    "but not three steps later: expired");
	ok(totp_check(sec, 1111111109, "081805", &step) == 0,
	    "a wrong code is refused");
	ok(totp_check(sec, 1111111109, "08180", &step) == 0 &&
	    totp_check(sec, 1111111109, "08180x", &step) == 0 &&
	    totp_check(sec, 1111111109, NULL, &step) == 0,
	    "short, non-digit and missing codes are refused");

	arena_init(&a, 0);
	m = qr_matrix(&a, "otpauth://totp/Gazette:jane?secret="
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gazette", &w);
	ok(m != NULL && w >= 21 && (w - 17) % 4 == 0,
	    "a QR code of a valid size (%d modules)", w);
	/* The three finder patterns: dark corners. */
	ok(m != NULL && m[0] == 1 && m[w - 1] == 1 && m[(w - 1) * w] == 1 &&
	    m[7] == 0 && m[7 * w] == 0,
	    "with its finder patterns in three corners");
	arena_free(&a);
	done_testing();
	return tap_failed != 0;
}
