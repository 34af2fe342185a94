/*
 * json.c (fuzz harness): any bytes through json_escape_str(), as the
 * x-json template modifier gives it a value for JSON-LD.  Checks: it
 * appends (what the buffer held stays); the output is valid UTF-8 and
 * holds no control character, DEL, U+2028 or U+2029 raw, and none of
 * < > & ' " at all; it parses as the body of a JSON string (every
 * backslash starts one of JSON's escapes, \u with four hex digits and
 * no surrogate); and, decoded, it is the input with each malformed
 * byte made U+FFFD.
 */
#include <string.h>

#include "../../src/util/buf.h"
#include "../../src/util/jsonesc.h"
#include "../../src/util/text.h"
#include "fuzz.h"

#define BEFORE	"{\"name\":\""	/* as if in the middle of a document */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf		 out = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	const unsigned char	*p, *end;
	const char		*s;
	uint32_t		 c;
	size_t			 k, n, i;
	int			 d;

	buf_puts(&out, BEFORE);
	json_escape_str(&out, (const char *)data, size);
	FUZZ_CHECK(out.len >= strlen(BEFORE) &&
	    memcmp(out.data, BEFORE, strlen(BEFORE)) == 0);
	s = out.data + strlen(BEFORE);
	n = out.len - strlen(BEFORE);
	FUZZ_CHECK(strlen(s) == n);	/* no NUL in it either */
	FUZZ_CHECK(utf8_valid(s, n));

	/* What the input should decode to: malformed bytes as U+FFFD. */
	p = data;
	end = data + size;
	while (p < end) {
		if ((k = utf8_decode(p, (size_t)(end - p), &c)) == 0) {
			utf8_put(&want, 0xfffd);
			p++;
		} else {
			buf_append(&want, p, k);
			p += k;
		}
	}

	/* Parse the output as a JSON string's body, decoding it. */
	p = (const unsigned char *)s;
	end = p + n;
	while (p < end) {
		k = utf8_decode(p, (size_t)(end - p), &c);
		FUZZ_CHECK(k > 0);
		FUZZ_CHECK(c >= 0x20 && c != 0x7f && c != 0x2028 &&
		    c != 0x2029);
		FUZZ_CHECK(c != '<' && c != '>' && c != '&' && c != '\'' &&
		    c != '"');
		if (c != '\\') {
			buf_append(&got, p, k);
			p += k;
			continue;
		}
		FUZZ_CHECK(p + 1 < end);
		switch (p[1]) {
		case '"':  buf_putc(&got, '"');  p += 2; break;
		case '\\': buf_putc(&got, '\\'); p += 2; break;
		case '/':  buf_putc(&got, '/');  p += 2; break;
		case 'b':  buf_putc(&got, '\b'); p += 2; break;
		case 'f':  buf_putc(&got, '\f'); p += 2; break;
		case 'n':  buf_putc(&got, '\n'); p += 2; break;
		case 'r':  buf_putc(&got, '\r'); p += 2; break;
		case 't':  buf_putc(&got, '\t'); p += 2; break;
		case 'u':
			FUZZ_CHECK(end - p >= 6);
			for (c = 0, i = 2; i < 6; i++) {
				FUZZ_CHECK((d = hex_digit(p[i])) >= 0);
				c = c << 4 | (uint32_t)d;
			}
			/* Only BMP characters are escaped: no pairs. */
			FUZZ_CHECK(c < 0xd800 || c > 0xdfff);
			/* utf8_put() makes NUL a U+FFFD; JSON's \u0000 is NUL. */
			if (c == 0)
				buf_putc(&got, '\0');
			else
				utf8_put(&got, c);
			p += 6;
			break;
		default:
			FUZZ_CHECK(!"a backslash starts no JSON escape");
		}
	}
	FUZZ_CHECK(got.len == want.len);
	FUZZ_CHECK(got.len == 0 || memcmp(got.data, want.data, got.len) == 0);
	buf_free(&out);
	buf_free(&want);
	buf_free(&got);
	return 0;
}
