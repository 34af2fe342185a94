/*
 * 40-comment.c: the pure parts of posting a comment (issue 4): the
 * signed form token and the validation of name and body.
 */
#include <string.h>

#include <sodium.h>

#include "../../src/util/arena.h"
#include "../../src/util/commentcheck.h"
#include "../../src/util/formtoken.h"
#include "tap.h"

static void
test_token(struct arena *a)
{
	unsigned char	 key[FORMTOKEN_KEYBYTES], other[FORMTOKEN_KEYBYTES];
	char		*tok, *bad;
	int64_t		 t = 0;
	unsigned char	 back[4];

	randombytes_buf(key, sizeof(key));
	randombytes_buf(other, sizeof(other));
	tok = formtoken_make(a, key, 42, 1700000000);
	ok(strncmp(tok, "1700000000.", 11) == 0, "token starts with its time");
	is_int(strlen(tok), 11 + 43, "and a 43-character MAC");
	ok(formtoken_check(key, 42, tok, &t), "a fresh token checks");
	is_int(t, 1700000000, "its time is read back");
	ok(!formtoken_check(key, 43, tok, &t), "not for another article");
	ok(!formtoken_check(other, 42, tok, &t), "not under another key");
	bad = arena_strdup(a, tok);
	bad[0] = '2';
	ok(!formtoken_check(key, 42, bad, &t), "a changed time fails");
	bad = arena_strdup(a, tok);
	bad[strlen(bad) - 2] = bad[strlen(bad) - 2] == 'A' ? 'B' : 'A';
	ok(!formtoken_check(key, 42, bad, &t), "a changed MAC fails");
	ok(!formtoken_check(key, 42, "", &t), "empty fails");
	ok(!formtoken_check(key, 42, "1700000000", &t), "no MAC fails");
	ok(!formtoken_check(key, 42, "1700000000.", &t), "empty MAC fails");
	ok(!formtoken_check(key, 42, ".abc", &t), "no time fails");
	ok(!formtoken_check(key, 42, "-1.abc", &t), "a sign fails");
	ok(!formtoken_check(key, 42, arena_printf(a, "0%s", tok), &t),
	    "a leading zero fails");
	ok(!formtoken_check(key, 42, arena_printf(a, "%s=", tok), &t),
	    "trailing junk fails");
	ok(!formtoken_check(key, 42, NULL, &t), "NULL fails");
	is_int(formtoken_unhex(formtoken_hex(a, (const unsigned char *)"\x01\xab\xff\x00", 4), back, 4), 0, "hex round trip");
	ok(memcmp(back, "\x01\xab\xff\x00", 4) == 0, "same bytes back");
	is_int(formtoken_unhex("01ab", back, 4), -1, "short hex refused");
	is_int(formtoken_unhex("01ab02zz", back, 4), -1, "non-hex refused");
}

static enum comment_problem
check(struct arena *a, const char *name, const char *body, const char **clean)
{
	return comment_check(a, name, name ? strlen(name) : 0, body,
	    body ? strlen(body) : 0, clean);
}

static void
test_check(struct arena *a)
{
	const char	*clean;
	char		 name[200], body[6000 * 2 + 1];
	size_t		 i;

	is_int(check(a, "  Ann   Lee ", "Hello", &clean), CP_OK, "a plain comment");
	is_str(clean, "Ann Lee", "the name's white space is folded");
	is_int(check(a, NULL, "x", &clean), CP_NAME_EMPTY, "no name field");
	is_int(check(a, "", "x", &clean), CP_NAME_EMPTY, "empty name");
	is_int(check(a, "   ", "x", &clean), CP_NAME_EMPTY, "blank name");
	is_int(check(a, "\xc2\xa0", "x", &clean), CP_NAME_EMPTY, "a no-break space is blank");
	is_int(check(a, "a\tb", "x", &clean), CP_NAME_CONTROL, "a tab in the name");
	is_int(check(a, "a\nb", "x", &clean), CP_NAME_CONTROL, "a line break in the name");
	is_int(check(a, "\xc0\xbc", "x", &clean), CP_NAME_UTF8, "overlong UTF-8 in the name");
	is_int(check(a, "Ann", NULL, &clean), CP_BODY_EMPTY, "no body");
	is_int(check(a, "Ann", "\r\n \t\r\n", &clean), CP_BODY_EMPTY, "a blank body");
	is_int(check(a, "Ann", "a\x01", &clean), CP_BODY_CONTROL, "SOH in the body");
	is_int(check(a, "Ann", "\x1b[31mred", &clean), CP_BODY_CONTROL, "ESC in the body");
	is_int(check(a, "Ann", "a\x7f", &clean), CP_BODY_CONTROL, "DEL in the body");
	is_int(check(a, "Ann", "a\xc2\x85", &clean), CP_BODY_CONTROL, "a C1 control in the body");
	is_int(check(a, "Ann", "one\r\n\r\ntwo\tthree", &clean), CP_OK, "CR LF and tabs are fine");
	is_int(check(a, "Ann", "\xc0\xbc", &clean), CP_BODY_UTF8, "overlong '<' in the body");
	is_int(check(a, "Ann", "\xed\xa0\x80", &clean), CP_BODY_UTF8, "a surrogate in the body");
	is_int(check(a, "Ann", "ab\xff", &clean), CP_BODY_UTF8, "a stray byte in the body");

	for (i = 0; i < 80; i++)
		memcpy(name + i * 2, "\xd0\xaf", 2);	/* Cyrillic Ya */
	name[160] = '\0';
	is_int(check(a, name, "x", &clean), CP_OK, "80 two-byte characters is a name");
	memcpy(name + 160, "a", 2);
	is_int(check(a, name, "x", &clean), CP_NAME_LONG, "81 is too long");

	for (i = 0; i < 5000; i++)
		memcpy(body + i * 2, "\xd0\xaf", 2);
	body[10000] = '\0';
	is_int(check(a, "Ann", body, &clean), CP_OK, "5000 characters is a comment");
	memcpy(body + 10000, "a", 2);
	is_int(check(a, "Ann", body, &clean), CP_BODY_LONG, "5001 is too long");
	for (i = 0; i < 2500; i++)
		memcpy(body + i * 3, "x\r\n", 3);
	body[7500] = '\0';
	is_int(comment_length(body, strlen(body)), 5000, "CR LF counts as one");
	is_int(check(a, "Ann", body, &clean), CP_OK, "so 2500 short lines fit");
	ok(comment_problem_name(CP_NAME_LONG) && !comment_problem_name(CP_BODY_LONG),
	    "problems name their field");
}

static void
test_scrub(struct arena *a)
{
	is_str(comment_scrub(a, "ok <b>", 6, 1), "ok <b>", "plain text is kept (escaping is the template's)");
	is_str(comment_scrub(a, "a\xff" "b", 3, 1), "a\xef\xbf\xbd" "b", "a stray byte becomes U+FFFD");
	is_str(comment_scrub(a, "\xc0\xbc", 2, 1), "\xef\xbf\xbd\xef\xbf\xbd", "overlong bytes each become U+FFFD");
	is_str(comment_scrub(a, "a\x01\r\n\tb", 6, 1), "a\xef\xbf\xbd\r\n\tb", "controls go, line breaks stay");
	is_str(comment_scrub(a, "a\nb", 3, 0), "a\xef\xbf\xbd" "b", "one-line fields lose line breaks");
	is_str(comment_scrub(a, "\xd0\xaf\xe2\x82", 4, 1), "\xd0\xaf\xef\xbf\xbd\xef\xbf\xbd", "a cut sequence at the end");
	is_str(comment_scrub(a, NULL, 0, 1), "", "NULL gives empty");
}

int
main(void)
{
	struct arena	 a;

	if (sodium_init() < 0) {
		tap_skip_all("libsodium does not start");
		return 0;
	}
	arena_init(&a, 0);
	test_token(&a);
	test_check(&a);
	test_scrub(&a);
	arena_free(&a);
	return done_testing();
}
