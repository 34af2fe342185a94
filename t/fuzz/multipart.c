/*
 * multipart.c (fuzz harness): an upload body through mp_feed().
 * The input's first byte picks where to cut the rest in two; the body
 * is parsed whole, in those two pieces, and one byte at a time.
 * Checks: the three parses agree on the result, the parts and every
 * content byte; no part has an empty name or a file name holding a
 * slash; no more than MP_PARTS_MAX parts; content never exceeds the
 * input.
 */
#include <string.h>

#include "../../src/http/multipart.h"
#include "fuzz.h"

struct rec {
	char	*data;		/* every part's content, end to end */
	size_t	 len, cap;
	int	 parts, open;
};

static void
put(struct rec *r, const char *s, size_t n)
{
	FUZZ_CHECK(r->len + n <= r->cap);
	memcpy(r->data + r->len, s, n);
	r->len += n;
}

static int
begin(void *arg, const struct mp_part *p)
{
	struct rec *r = arg;

	FUZZ_CHECK(!r->open);
	FUZZ_CHECK(p->name[0] != '\0');
	FUZZ_CHECK(strlen(p->name) <= MP_NAME_MAX);
	FUZZ_CHECK(strchr(p->filename, '/') == NULL);
	FUZZ_CHECK(strchr(p->filename, '\\') == NULL);
	FUZZ_CHECK(p->has_filename || p->filename[0] == '\0');
	r->open = 1;
	r->parts++;
	FUZZ_CHECK(r->parts <= MP_PARTS_MAX);
	return 0;
}

static int
data(void *arg, const char *s, size_t n)
{
	struct rec *r = arg;

	FUZZ_CHECK(r->open && n > 0);
	put(r, s, n);
	return 0;
}

static int
end(void *arg)
{
	struct rec *r = arg;

	FUZZ_CHECK(r->open);
	r->open = 0;
	return 0;
}

static const struct mp_cb cb = { begin, data, end };

/*
 * Parse body[0..n) in pieces of step bytes, or (step 0) in two pieces
 * cut at cut; returns mp_feed's or mp_finish's result.
 */
static int
parse(const char *body, size_t n, size_t step, size_t cut, struct rec *r)
{
	struct multipart mp;
	size_t		 i, k;
	int		 rc = 0;

	mp_init(&mp, "XyZ", &cb, r);
	if (step == 0) {
		rc = mp_feed(&mp, body, cut);
		if (rc == 0)
			rc = mp_feed(&mp, body + cut, n - cut);
	} else
		for (i = 0; i < n && rc == 0; i += k) {
			k = n - i < step ? n - i : step;
			rc = mp_feed(&mp, body + i, k);
		}
	if (rc == 0)
		rc = mp_finish(&mp);
	FUZZ_CHECK(rc == 0 || mp.error != NULL);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t size)
{
	struct rec	 r[3];
	const char	*body;
	size_t		 n, cut;
	int		 rc[3], i;

	if (size < 1)
		return 0;
	body = (const char *)in + 1;
	n = size - 1;
	cut = n == 0 ? 0 : in[0] % (n + 1);
	for (i = 0; i < 3; i++) {
		memset(&r[i], 0, sizeof(r[i]));
		r[i].cap = n;
		r[i].data = malloc(n + 1);
		if (r[i].data == NULL)
			abort();
	}
	rc[0] = parse(body, n, n == 0 ? 1 : n, 0, &r[0]);
	rc[1] = parse(body, n, 0, cut, &r[1]);
	rc[2] = parse(body, n, 1, 0, &r[2]);
	for (i = 1; i < 3; i++) {
		FUZZ_CHECK(rc[i] == rc[0]);
		FUZZ_CHECK(r[i].parts == r[0].parts);
		FUZZ_CHECK(r[i].len == r[0].len);
		FUZZ_CHECK(memcmp(r[i].data, r[0].data, r[0].len) == 0);
	}
	for (i = 0; i < 3; i++)
		free(r[i].data);
	return 0;
}
