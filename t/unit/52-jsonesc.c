/*
 * 52-jsonesc.c: JSON string escaping for JSON-LD (jsonesc.c).
 */
#include <string.h>

#include "../../src/util/buf.h"
#include "../../src/util/jsonesc.h"
#include "tap.h"

static struct buf b = BUF_INIT;

static const char *
esc(const char *s, size_t n)
{
	buf_reset(&b);
	json_escape_str(&b, s, n);
	return buf_cstr(&b);
}

#define ESC(s) esc((s), strlen(s))

int
main(void)
{
	const char	*out;

	is_str(ESC("plain"), "plain", "plain text unchanged");
	is_str(ESC("Чечня é"), "Чечня é", "UTF-8 unchanged");
	is_str(ESC("a</script><b>"), "a\\u003c/script\\u003e\\u003cb\\u003e",
	    "</script> cannot end the element");
	is_str(ESC("\"q\" 'a' & \\"),
	    "\\u0022q\\u0022 \\u0027a\\u0027 \\u0026 \\\\",
	    "quotes, ampersand and backslash");
	is_str(ESC("a\nb\rc\td"), "a\\nb\\rc\\td", "line ends and tabs");
	is_str(esc("\x01\x1f\x7f", 3), "\\u0001\\u001f\\u007f",
	    "control characters");
	is_str(esc("a\0b", 3), "a\\u0000b", "a NUL byte");
	is_str(ESC("\xe2\x80\xa8\xe2\x80\xa9"), "\\u2028\\u2029",
	    "JavaScript line separators");
	is_str(ESC("x\xffy\xc3"), "x\\ufffdy\\ufffd", "malformed UTF-8");
	out = ESC("<>&'\"");
	ok(strpbrk(out, "<>&'\"") == NULL, "no HTML-special character left");
	buf_free(&b);
	return done_testing();
}
