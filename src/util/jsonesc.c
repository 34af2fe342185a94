/*
 * jsonesc.c: JSON string escaping.  See jsonesc.h.
 */
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "jsonesc.h"
#include "text.h"

void
json_escape_str(struct buf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*end = p + n;
	uint32_t		 c;
	size_t			 k;
	char			 esc[8];

	while (p < end) {
		if ((k = utf8_decode(p, (size_t)(end - p), &c)) == 0) {
			buf_puts(b, "\\ufffd");
			p++;
			continue;
		}
		switch (c) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '"':
		case '\'':
		case '<':
		case '>':
		case '&':
		case 0x7f:
		case 0x2028:
		case 0x2029:
			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)c);
			buf_puts(b, esc);
			break;
		default:
			if (c < 0x20) {
				snprintf(esc, sizeof(esc), "\\u%04x",
				    (unsigned)c);
				buf_puts(b, esc);
			} else
				buf_append(b, p, k);
		}
		p += k;
	}
}
