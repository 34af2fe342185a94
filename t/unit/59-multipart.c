/*
 * 59-multipart: the multipart/form-data parser on bodies as browsers
 * send them and as they should not be: the boundary from Content-Type,
 * fields and a file with their content exact (CRLFs, and beginnings of
 * the delimiter inside the content), file names without folders, and
 * the refusals with their reasons.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/http/multipart.h"
#include "tap.h"

struct rec {
	char	 out[8192];	/* "name[filename]=content;" per part */
	size_t	 len;
};

static void
put(struct rec *r, const char *s, size_t n)
{
	if (r->len + n < sizeof(r->out)) {
		memcpy(r->out + r->len, s, n);
		r->len += n;
		r->out[r->len] = '\0';
	}
}

static int
begin(void *arg, const struct mp_part *p)
{
	struct rec *r = arg;

	put(r, p->name, strlen(p->name));
	if (p->has_filename) {
		put(r, "[", 1);
		put(r, p->filename, strlen(p->filename));
		put(r, "]", 1);
	}
	if (p->ctype[0] != '\0') {
		put(r, "(", 1);
		put(r, p->ctype, strlen(p->ctype));
		put(r, ")", 1);
	}
	put(r, "=", 1);
	return 0;
}

static int
data(void *arg, const char *s, size_t n)
{
	put(arg, s, n);
	return 0;
}

static int
end(void *arg)
{
	put(arg, ";", 1);
	return 0;
}

static const struct mp_cb cb = { begin, data, end };

/*
 * Parse body with boundary, fed in pieces of step bytes; the record
 * into r.  Returns 0, or -1 with *why set.
 */
static int
parse(const char *boundary, const char *body, size_t n, size_t step,
    struct rec *r, const char **why)
{
	struct multipart mp;
	size_t		 i, k;

	memset(r, 0, sizeof(*r));
	mp_init(&mp, boundary, &cb, r);
	*why = NULL;
	for (i = 0; i < n; i += k) {
		k = n - i < step ? n - i : step;
		if (mp_feed(&mp, body + i, k) < 0) {
			*why = mp.error;
			return -1;
		}
	}
	if (mp_finish(&mp) < 0) {
		*why = mp.error;
		return -1;
	}
	return 0;
}

#define BODY(s)	(s), sizeof(s) - 1

int
main(void)
{
	static const char browser[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
	    "tok\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; "
	    "filename=\"C:\\\\Users\\\\me\\\\IMG 1.jpg\"\r\n"
	    "Content-Type: image/jpeg\r\n\r\n"
	    "\xff\xd8\r\n--XyQ\r\n--Xy\r\r\n--X\r\n"
	    "\r\n--XyZ\r\n"
	    "content-disposition: FORM-DATA; NAME=alt\r\n\r\n"
	    "\r\n"
	    "--XyZ--\r\nepilogue";
	static const char *const bad[][2] = {
	    { "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx",
	      "the body ends before its closing boundary" },
	    { "--XyZ\nContent-Disposition: form-data; name=\"a\"\n\nx\n--XyZ--",
	      "a boundary is followed by junk" },
	    { "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--",
	      "a part has no Content-Disposition" },
	    { "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
	      "x\r\n--XyZ--", "a part is not form-data" },
	    { "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n"
	      "x\r\n--XyZ--", "a field name is empty or too long" },
	    { "--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n"
	      "x\r\n--XyZ--", "a field name is empty or too long" },
	    { "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	      "Content-Disposition: form-data; name=b\r\n\r\nx\r\n--XyZ--",
	      "a part has two Content-Disposition headers" },
	    { "--XyZx\r\n", "a boundary is followed by junk" },
	    { "--XyZ\r\nNo colon here\r\n\r\nx\r\n--XyZ--",
	      "a malformed part header" },
	};
	char		 b[MP_BOUNDARY_MAX + 1], big[4096];
	struct rec	 r;
	const char	*why;
	size_t		 i, steps[] = { 1, 2, 7, 64, 100000 };

	/* The boundary parameter. */
	ok(mp_boundary("multipart/form-data; boundary=XyZ", b) == 0 &&
	    strcmp(b, "XyZ") == 0, "a boundary");
	ok(mp_boundary("Multipart/Form-Data; charset=utf-8; "
	    "boundary=\"a b:c\"", b) == 0 && strcmp(b, "a b:c") == 0,
	    "a quoted boundary after another parameter");
	ok(mp_boundary("multipart/form-data; boundary=----WebKitFormBoundary"
	    "7MA4YWxkTrZu0gW", b) == 0, "a browser's boundary");
	ok(mp_boundary("multipart/form-data", b) < 0, "no boundary: refused");
	ok(mp_boundary("multipart/mixed; boundary=x", b) < 0,
	    "another multipart type: refused");
	ok(mp_boundary("application/x-www-form-urlencoded", b) < 0,
	    "urlencoded: refused");
	ok(mp_boundary("multipart/form-data; boundary=", b) < 0,
	    "an empty boundary: refused");
	ok(mp_boundary("multipart/form-data; boundary=\"ab \"", b) < 0,
	    "a boundary ending in a space: refused");
	ok(mp_boundary("multipart/form-data; boundary=a\"b", b) < 0,
	    "a quote in a boundary: refused");
	/* "multipart/form-data; boundary=" and 71 characters. */
	snprintf(big, sizeof(big), "multipart/form-data; boundary=");
	memset(big + strlen(big), 'a', 71);
	big[30 + 71] = '\0';
	ok(mp_boundary(big, b) < 0, "a 71-character boundary: refused");
	big[30 + 70] = '\0';
	ok(mp_boundary(big, b) == 0 && strlen(b) == 70,
	    "70 characters: taken");

	/* A browser's body, in pieces of every size. */
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		ok(parse("XyZ", BODY(browser), steps[i], &r, &why) == 0,
		    "a browser's form, %zu bytes at a time", steps[i]);
		is_str(r.out, "csrf=tok;file[IMG 1.jpg](image/jpeg)="
		    "\xff\xd8\r\n--XyQ\r\n--Xy\r\r\n--X\r\n;alt=;",
		    "... its fields and file, exact (%zu)", steps[i]);
	}

	/* Refusals, with their reasons. */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(parse("XyZ", bad[i][0], strlen(bad[i][0]), 3, &r, &why) < 0,
		    "refused: %s", bad[i][1]);
		is_str(why ? why : "", bad[i][1], "... saying so");
	}

	/* More parts than allowed. */
	{
		char	 many[8192];
		size_t	 n = 0;
		int	 k;

		for (k = 0; k <= MP_PARTS_MAX; k++)
			n += (size_t)snprintf(many + n, sizeof(many) - n,
			    "--XyZ\r\nContent-Disposition: form-data; "
			    "name=\"f%d\"\r\n\r\nx\r\n", k);
		n += (size_t)snprintf(many + n, sizeof(many) - n, "--XyZ--");
		ok(parse("XyZ", many, n, 512, &r, &why) < 0 &&
		    strcmp(why, "the form has too many parts") == 0,
		    "%d parts: refused", MP_PARTS_MAX + 1);
	}
	done_testing();
	return tap_failed != 0;
}
