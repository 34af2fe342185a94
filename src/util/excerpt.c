/*
 * excerpt.c: descriptions and names for metadata.  See excerpt.h.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "excerpt.h"
#include "text.h"

/* Tags whose edges separate words (the others are inline: <em>). */
static int
block_tag(const char *name, size_t n)
{
	static const char *const blocks[] = { "p", "br", "li", "ul", "ol",
	    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr",
	    "div", "table", "tr", "td", "th", "dd", "dt", "dl" };
	size_t	 i;

	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (strlen(blocks[i]) == n && strncasecmp(name, blocks[i], n) == 0)
			return 1;
	return 0;
}

/* Decode the reference at p ("&amp;"); returns bytes used, 0 if none. */
static size_t
reference(const char *p, struct buf *b)
{
	static const struct { const char *name; char c; } named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		{ "&quot;", '"' }, { "&apos;", '\'' },
	};
	unsigned long	 c;
	char		*end;
	size_t		 i;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strncmp(p, named[i].name, strlen(named[i].name)) == 0) {
			buf_putc(b, named[i].c);
			return strlen(named[i].name);
		}
	if (p[1] != '#')
		return 0;
	if (p[2] == 'x' || p[2] == 'X')
		c = isxdigit((unsigned char)p[3]) ? strtoul(p + 3, &end, 16) : 0;
	else
		c = isdigit((unsigned char)p[2]) ? strtoul(p + 2, &end, 10) : 0;
	if (c == 0 || *end != ';' || end - p > 10)
		return 0;
	utf8_put(b, c);
	return (size_t)(end - p) + 1;
}

char *
text_excerpt(struct arena *a, const char *html, size_t max)
{
	struct buf	 plain = BUF_INIT;
	const char	*p = html, *name, *text;
	char		*out, *cut;
	size_t		 n, k, len, limit = 2 * max + 64;

	/*
	 * Stop reading well past max: the rest would be cut anyway.  But
	 * white space folds and tags go, so the text read may still be
	 * short of max: then read on (twice as far each time) until it is
	 * longer or there is no more, lest it be cut with no ellipsis.
	 * Stop between characters only: a space cut in two would not fold.
	 */
	for (;;) {
		while (p != NULL && *p != '\0' && (plain.len < limit ||
		    ((unsigned char)*p & 0xc0) == 0x80)) {
			if (*p == '<') {
				name = p + 1 + (p[1] == '/');
				for (n = 0; isalnum((unsigned char)name[n]); n++)
					continue;
				if (block_tag(name, n))
					buf_putc(&plain, ' ');
				while (*p != '\0' && *p != '>')
					p++;
				if (*p == '>')
					p++;
			} else if (*p == '&' && (k = reference(p, &plain)) > 0)
				p += k;
			else
				buf_putc(&plain, *p++);
		}
		text = text_squish(a, buf_cstr(&plain));
		if ((len = strlen(text)) > max || p == NULL || *p == '\0')
			break;
		limit *= 2;
	}
	buf_free(&plain);
	if (len <= max)
		return arena_strdup(a, text);

	/* Cut at the last space that leaves room for the ellipsis. */
	n = max >= 3 ? max - 3 : 0;
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;	/* not inside a character */
	for (k = n; k > n / 2 && text[k] != ' '; k--)
		continue;
	if (text[k] == ' ')
		n = k;
	out = arena_alloc(a, n + 4);
	memcpy(out, text, n);
	cut = out + n;
	while (cut > out && (cut[-1] == ' ' || cut[-1] == ',' ||
	    cut[-1] == ';' || cut[-1] == ':'))
		cut--;
	memcpy(cut, "\xe2\x80\xa6", 4);
	return out;
}

char *
byline_name(struct arena *a, const char *byline)
{
	const char	*s;

	s = text_squish(a, byline ? byline : "");
	if (strncasecmp(s, "by ", 3) == 0)
		s += 3;
	return arena_strdup(a, s);
}
