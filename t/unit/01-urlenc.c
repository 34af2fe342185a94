/*
 * 01-urlenc: percent-decoding, urlencoded pairs, cookies and encoding
 * (src/http/urlenc.c), and the request accessors over their results
 * (src/http/request.c).  These see raw bytes from the network.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/http/http.h"
#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "tap.h"

static struct arena	 A;

/* url_decode() of a C string, or NULL if it refused it. */
static const char *
dec(const char *s, int plus)
{
	char	*dst = arena_alloc(&A, strlen(s) + 1);

	return url_decode(dst, s, strlen(s), plus) < 0 ? NULL : dst;
}

/* Parse s; returns what url_parse_pairs() returned. */
static int
pairs(const char *s, struct kv **kv, size_t *n)
{
	return url_parse_pairs(&A, s, strlen(s), kv, n);
}

static const char *
kv_get(const struct kv *kv, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0)
			return kv[i].val;
	return NULL;
}

static void
test_decode(void)
{
	char	 dst[16];
	long	 n;

	is_str(dec("abc", 1), "abc", "plain text decodes to itself");
	is_str(dec("", 1), "", "the empty string decodes to empty");
	is_str(dec("a+b", 1), "a b", "'+' is a space in query strings");
	is_str(dec("a+b", 0), "a+b", "'+' is itself in paths");
	is_str(dec("%41%42", 0), "AB", "upper-case hex escapes");
	is_str(dec("%6a%6A%4e", 0), "jjN", "lower and mixed-case hex escapes");
	is_str(dec("%2B", 1), "+", "an encoded '+' stays '+' even with plus");
	is_str(dec("%25", 0), "%", "%%25 is a percent sign");
	is_str(dec("%25%34%31", 0), "%41", "decoding is done once only");
	is_str(dec("%C3%A9t%C3%A9", 0), "\xc3\xa9t\xc3\xa9", "UTF-8 bytes");
	is_str(dec("%20%0A", 0), " \n", "control bytes other than NUL decode");
	ok(dec("%", 0) == NULL, "a lone '%%' is refused");
	ok(dec("%4", 0) == NULL, "a truncated escape at the end is refused");
	ok(dec("ab%", 0) == NULL, "a trailing '%%' is refused");
	ok(dec("a%4", 0) == NULL, "a one-digit escape at the end is refused");
	ok(dec("%zz", 0) == NULL, "%%zz is refused");
	ok(dec("%4g", 0) == NULL, "a bad second hex digit is refused");
	ok(dec("%g4", 0) == NULL, "a bad first hex digit is refused");
	ok(dec("%%41", 0) == NULL, "'%%' followed by an escape is refused");
	ok(dec("% 41", 0) == NULL, "a space inside an escape is refused");
	ok(dec("%+1", 1) == NULL, "a '+' inside an escape is refused");
	ok(dec("%00", 0) == NULL, "an encoded NUL is refused");
	ok(dec("a%00b", 1) == NULL, "an encoded NUL mid-string is refused");

	n = url_decode(dst, "a\0b", 3, 0);
	is_int(n, -1, "a raw NUL byte in the input is refused");
	n = url_decode(dst, "abcdef", 3, 0);
	is_int(n, 3, "only n bytes are decoded");
	is_str(dst, "abc", "and the result is NUL-terminated");
	n = url_decode(dst, "%41%4", 3, 0);
	is_int(n, 1, "an escape that fits in n is decoded");
	n = url_decode(dst, "%41", 2, 0);
	is_int(n, -1, "an escape cut by n is refused");
	n = url_decode(dst, "%C3%A9", 6, 0);
	is_int(n, 2, "the length counts decoded bytes");
}

static void
test_pairs(void)
{
	struct kv	*kv;
	size_t		 n, i;
	struct buf	 b = BUF_INIT;
	int		 rc;

	rc = pairs("a=1&b=2", &kv, &n);
	ok(rc == 0 && n == 2, "two pairs");
	is_str(kv[0].key, "a", "first key");
	is_str(kv[0].val, "1", "first value");
	is_str(kv[1].key, "b", "second key");
	is_int(kv[1].vlen, 1, "vlen is the value's length");

	rc = pairs("", &kv, &n);
	ok(rc == 0 && n == 0, "the empty string has no pairs");
	rc = pairs("&&a=1&&&b=&", &kv, &n);
	ok(rc == 0 && n == 2, "empty pieces are skipped");
	is_str(kv_get(kv, n, "b"), "", "'b=' has the empty value");
	rc = pairs("flag", &kv, &n);
	ok(rc == 0 && n == 1, "a name without '=' is a pair");
	is_str(kv[0].val, "", "with the empty value");
	is_int(kv[0].vlen, 0, "of length 0");
	rc = pairs("a=1=2", &kv, &n);
	ok(rc == 0 && n == 1, "a value may hold '='");
	is_str(kv[0].val, "1=2", "split at the first '='");

	ok(pairs("=value", &kv, &n) < 0, "'=value' (no name) is refused");
	ok(pairs("a=1&=2", &kv, &n) < 0, "a nameless pair after others too");
	ok(pairs("a=1&a=2", &kv, &n) < 0, "a repeated name is refused");
	ok(pairs("a=1&%61=2", &kv, &n) < 0,
	    "names are compared after decoding");
	ok(pairs("a&a", &kv, &n) < 0, "a repeated flag is refused");
	rc = pairs("a=1&A=2", &kv, &n);
	ok(rc == 0 && n == 2, "names are case-sensitive");
	rc = pairs("t[]=x&t[]=y&u=1&t[]=z", &kv, &n);
	ok(rc == 0 && n == 4, "a name ending in [] may repeat");
	ok(rc == 0 && strcmp(kv[0].val, "x") == 0 &&
	    strcmp(kv[1].val, "y") == 0 && strcmp(kv[3].val, "z") == 0,
	    "and its values keep their order");
	rc = pairs("t%5B%5D=1&t%5b%5d=2", &kv, &n);
	ok(rc == 0 && n == 2, "an encoded [] counts as [] too");
	ok(pairs("t[=1&t[=2", &kv, &n) < 0, "a name ending in '[' may not");

	rc = pairs("q=a%26b%3Dc&r=1", &kv, &n);
	ok(rc == 0 && n == 2, "%%26 and %%3D do not split pairs");
	is_str(kv_get(kv, n, "q"), "a&b=c", "and decode to '&' and '='");
	rc = pairs("q=a+b%2Bc&x+y=1", &kv, &n);
	ok(rc == 0, "'+' in names and values");
	is_str(kv_get(kv, n, "q"), "a b+c", "'+' is a space, %%2B a plus");
	ok(kv_get(kv, n, "x y") != NULL, "also in names");
	rc = pairs("q=%C3%A9", &kv, &n);
	ok(rc == 0 && kv[0].vlen == 2, "vlen counts decoded bytes");

	ok(pairs("q=%zz", &kv, &n) < 0, "a malformed escape in a value");
	ok(pairs("%zz=1", &kv, &n) < 0, "a malformed escape in a name");
	ok(pairs("q=%00", &kv, &n) < 0, "an encoded NUL in a value");
	ok(pairs("%00=1", &kv, &n) < 0, "an encoded NUL in a name");
	ok(pairs("q=abc%", &kv, &n) < 0, "a truncated escape at the end");
	ok(url_parse_pairs(&A, "a=1\0b=2", 7, &kv, &n) < 0,
	    "a raw NUL byte is refused");
	rc = url_parse_pairs(&A, "a=1&b=2", 3, &kv, &n);
	ok(rc == 0 && n == 1 && strcmp(kv[0].val, "1") == 0,
	    "only n bytes are read");
	ok(pairs("a=1&b=%2", &kv, &n) < 0 && kv == NULL && n == 0,
	    "on error nothing is returned");

	/* The bound on pairs. */
	for (i = 0; i < HTTP_MAXPAIRS; i++)
		buf_printf(&b, "%sk%zu=%zu", i ? "&" : "", i, i);
	rc = pairs(buf_cstr(&b), &kv, &n);
	ok(rc == 0 && n == HTTP_MAXPAIRS, "HTTP_MAXPAIRS pairs are accepted");
	is_str(kv_get(kv, n, "k511"), "511", "the last of them is there");
	buf_puts(&b, "&one=more");
	ok(pairs(buf_cstr(&b), &kv, &n) < 0, "one more is refused");
	buf_reset(&b);
	for (i = 0; i <= HTTP_MAXPAIRS; i++)
		buf_puts(&b, "&t[]=1");
	ok(pairs(buf_cstr(&b), &kv, &n) < 0,
	    "repeated [] names count towards the bound");
	buf_reset(&b);
	for (i = 0; i < HTTP_MAXPAIRS * 3; i++)
		buf_putc(&b, '&');
	buf_puts(&b, "a=1");
	rc = pairs(buf_cstr(&b), &kv, &n);
	ok(rc == 0 && n == 1, "a run of empty pieces is skipped");
	buf_reset(&b);
	for (i = 0; i < HTTP_MAXPAIRS * 4 + 1; i++)
		buf_putc(&b, '&');
	ok(pairs(buf_cstr(&b), &kv, &n) < 0,
	    "but not without end: too many pieces is refused");
	buf_free(&b);
}

static void
test_cookies(void)
{
	struct kv	*kv;
	size_t		 n, i;
	struct buf	 b = BUF_INIT;

	cookie_parse(&A, NULL, &kv, &n);
	ok(n == 0, "no Cookie header, no cookies");
	cookie_parse(&A, "", &kv, &n);
	ok(n == 0, "an empty header, no cookies");
	cookie_parse(&A, "a=1; b=2", &kv, &n);
	ok(n == 2, "two cookies");
	is_str(kv_get(kv, n, "a"), "1", "first");
	is_str(kv_get(kv, n, "b"), "2", "second");
	cookie_parse(&A, "  a = 1 ;b=2 ;\tc\t=\t3\t", &kv, &n);
	ok(n == 3, "spaces and tabs around names and values");
	is_str(kv[0].key, "a", "name trimmed");
	is_str(kv[0].val, "1", "value trimmed");
	is_str(kv[2].val, "3", "tabs trimmed");
	is_int(kv[2].vlen, 1, "vlen of a trimmed value");
	cookie_parse(&A, "a=\"quoted value\"", &kv, &n);
	is_str(kv[0].val, "quoted value", "double quotes are removed");
	cookie_parse(&A, "a=\"\"", &kv, &n);
	is_str(kv[0].val, "", "an empty quoted value");
	cookie_parse(&A, "a=\"", &kv, &n);
	is_str(kv[0].val, "\"", "a lone quote is kept");
	cookie_parse(&A, "a=\"x", &kv, &n);
	is_str(kv[0].val, "\"x", "an unbalanced quote is kept");
	cookie_parse(&A, "a=b=c", &kv, &n);
	is_str(kv[0].val, "b=c", "a value may hold '='");
	cookie_parse(&A, "a=%41", &kv, &n);
	is_str(kv[0].val, "%41", "cookie values are not percent-decoded");
	cookie_parse(&A, "a=", &kv, &n);
	ok(n == 1 && kv[0].val[0] == '\0', "an empty value");

	cookie_parse(&A, "a=1; a=2; b=3; a=4", &kv, &n);
	ok(n == 2, "duplicates are dropped");
	is_str(kv_get(kv, n, "a"), "1", "the first of them wins");
	cookie_parse(&A, "junk; =x; b=2;;; ; =; c", &kv, &n);
	ok(n == 1, "malformed pieces are skipped");
	is_str(kv_get(kv, n, "b"), "2", "and the good one is kept");
	cookie_parse(&A, ";;;", &kv, &n);
	ok(n == 0, "only separators");

	for (i = 0; i < 100; i++)
		buf_printf(&b, "c%zu=%zu; ", i, i);
	cookie_parse(&A, buf_cstr(&b), &kv, &n);
	is_int(n, 64, "at most 64 cookies are kept");
	is_str(kv_get(kv, n, "c63"), "63", "the first 64");
	ok(kv_get(kv, n, "c64") == NULL, "not the 65th");
	buf_reset(&b);
	for (i = 0; i < 100; i++)
		buf_puts(&b, "dup=1; junk; ");
	buf_puts(&b, "last=1");
	cookie_parse(&A, buf_cstr(&b), &kv, &n);
	ok(n == 2 && kv_get(kv, n, "last") != NULL,
	    "duplicates and junk do not count towards the bound");
	buf_free(&b);
}

static void
test_encode(void)
{
	char	 all[256], *enc;
	char	*back;
	int	 i;

	is_str(url_encode(&A, ""), "", "empty");
	is_str(url_encode(&A, "AZaz09-_.~"), "AZaz09-_.~",
	    "unreserved characters stay");
	is_str(url_encode(&A, " /?#&=+%"), "%20%2F%3F%23%26%3D%2B%25",
	    "reserved characters are encoded, upper-case hex");
	is_str(url_encode(&A, "\xc3\xa9"), "%C3%A9", "UTF-8 bytes");
	is_str(url_encode(&A, "\x01\x7f\xff"), "%01%7F%FF", "control and high");
	for (i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	enc = url_encode(&A, all);
	back = arena_alloc(&A, strlen(enc) + 1);
	ok(url_decode(back, enc, strlen(enc), 1) == 255 &&
	    memcmp(back, all, 256) == 0,
	    "every byte survives encode then decode (with plus)");
	ok(strspn(enc, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_.~%") == strlen(enc), "the encoding is all safe");
}

static void
test_request(void)
{
	struct req	 r;
	const char	**vals;
	size_t		  n;

	memset(&r, 0, sizeof(r));
	r.arena = &A;
	ok(pairs("q=news&page=2", &r.query, &r.nquery) == 0, "a query");
	ok(pairs("tags[]=a&title=T&tags[]=b", &r.form, &r.nform) == 0,
	    "a form");
	cookie_parse(&A, "s=tok; s=other", &r.cookies, &r.ncookies);
	is_str(http_query(&r, "page"), "2", "http_query");
	ok(http_query(&r, "missing") == NULL, "http_query of a missing name");
	is_str(http_form(&r, "title"), "T", "http_form");
	is_str(http_cookie(&r, "s"), "tok", "http_cookie: the first wins");
	n = http_form_all(&r, "tags[]", &vals);
	ok(n == 2 && strcmp(vals[0], "a") == 0 && strcmp(vals[1], "b") == 0,
	    "http_form_all gives every value in order");
	n = http_form_all(&r, "none[]", &vals);
	ok(n == 0 && vals != NULL, "and none for a missing name");
}

int
main(void)
{
	arena_init(&A, 0);
	test_decode();
	test_pairs();
	test_cookies();
	test_encode();
	test_request();
	arena_free(&A);
	return done_testing();
}
