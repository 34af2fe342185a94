/*
 * display.c (fuzz harness): any bytes through text_displayable(), as
 * every template value passes it (src/view/bridge.cc).  Checks: it
 * answers 0 exactly for valid UTF-8 without controls (tab, CR and LF
 * allowed), and then writes nothing, so that the value is used as it
 * came; otherwise it appends (what the buffer held stays) valid UTF-8
 * without controls, at most 3 bytes per input byte, which is the input
 * with each malformed byte and each control character replaced by
 * U+FFFD and everything else kept in order; and what it wrote is
 * displayable as it is.
 */
#include <string.h>

#include "../../src/util/buf.h"
#include "../../src/util/text.h"
#include "fuzz.h"

#define BEFORE	"<p>"
#define FFFD	"\xef\xbf\xbd"

/* 1 if c stays as it is: not a control character (but tab, CR, LF). */
static int
displayable(uint32_t c)
{
	return c == '\t' || c == '\n' || c == '\r' ||
	    (c >= 0x20 && !(c >= 0x7f && c <= 0x9f));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf		 out = BUF_INIT, again = BUF_INIT;
	const unsigned char	*p = data, *end = data + size, *o, *oend;
	const char		*s;
	uint32_t		 c;
	size_t			 k, n;
	int			 rc, clean;

	clean = utf8_valid((const char *)data, size) &&
	    !text_has_control((const char *)data, size, 1);
	buf_puts(&out, BEFORE);
	rc = text_displayable(&out, (const char *)data, size);
	FUZZ_CHECK(rc == 0 || rc == 1);
	FUZZ_CHECK(rc == !clean);
	FUZZ_CHECK(out.len >= strlen(BEFORE) &&
	    memcmp(out.data, BEFORE, strlen(BEFORE)) == 0);
	if (rc == 0) {
		FUZZ_CHECK(out.len == strlen(BEFORE));
		buf_free(&out);
		return 0;
	}

	s = out.data + strlen(BEFORE);
	n = out.len - strlen(BEFORE);
	FUZZ_CHECK(n <= 3 * size);
	FUZZ_CHECK(strlen(s) == n);	/* no NUL */
	FUZZ_CHECK(utf8_valid(s, n));
	FUZZ_CHECK(!text_has_control(s, n, 1));

	/*
	 * Walk both: a good character is copied as it is; a control
	 * character, and each byte of a malformed sequence, is one U+FFFD
	 * (text.c's choice).  U+FFFD in the input is good, copied as such.
	 */
	o = (const unsigned char *)s;
	oend = o + n;
	while (p < end) {
		k = utf8_decode(p, (size_t)(end - p), &c);
		if (k > 0 && displayable(c)) {
			FUZZ_CHECK((size_t)(oend - o) >= k &&
			    memcmp(o, p, k) == 0);
			o += k;
			p += k;
			continue;
		}
		FUZZ_CHECK(oend - o >= 3 && memcmp(o, FFFD, 3) == 0);
		o += 3;
		p += k > 0 ? k : 1;
	}
	FUZZ_CHECK(o == oend);

	FUZZ_CHECK(text_displayable(&again, s, n) == 0 && again.len == 0);
	buf_free(&out);
	buf_free(&again);
	return 0;
}
