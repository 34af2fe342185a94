/*
 * commenttext.c: paragraphs, lines and links of a plain-text comment.
 */
#include <string.h>

#include "arena.h"
#include "commenttext.h"

/* 1 if the line s[0..n) is only spaces and tabs. */
static int
blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* Length of the address at s (which starts with http:// or https://). */
static size_t
url_len(const char *s, size_t n)
{
	size_t	 i, open = 0, close = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' ||
		    c == 0x7f)
			break;
		open += c == '(';
		close += c == ')';
	}
	/*
	 * Punctuation that ends a sentence is not part of the address, but
	 * a ')' that closes a '(' of the address is ("Foo_(bar)" in
	 * Wikipedia's addresses).
	 */
	while (i > 0 && strchr(".,;:!?')]}", s[i - 1]) != NULL) {
		if (s[i - 1] == ')') {
			if (close <= open)
				break;
			close--;
		}
		i--;
	}
	return i;
}

static int
url_at(const char *s, size_t n)
{
	size_t	 k = 0;

	if (n >= 7 && strncmp(s, "http://", 7) == 0)
		k = 7;
	else if (n >= 8 && strncmp(s, "https://", 8) == 0)
		k = 8;
	/* At least a host letter after the scheme. */
	return k > 0 && url_len(s, n) > k;
}

/* Segments of one line s[0..n). */
static void
split_line(struct arena *a, const char *s, size_t n, struct ct_line *line)
{
	size_t	 i, start = 0, cap = 1, k;

	for (i = 0; i < n; i++)
		if (s[i] == 'h')
			cap += 2;
	line->segs = arena_calloc(a, cap, sizeof(struct ct_seg));
	line->nsegs = 0;
	for (i = 0; i < n; ) {
		/* An address starts a word. */
		if (s[i] == 'h' && (i == 0 || s[i - 1] == ' ' ||
		    s[i - 1] == '(' || s[i - 1] == '\t') && url_at(s + i, n - i)) {
			if (i > start) {
				line->segs[line->nsegs].kind = CT_TEXT;
				line->segs[line->nsegs++].text =
				    arena_strndup(a, s + start, i - start);
			}
			k = url_len(s + i, n - i);
			line->segs[line->nsegs].kind = CT_LINK;
			line->segs[line->nsegs++].text = arena_strndup(a, s + i, k);
			i += k;
			start = i;
			continue;
		}
		i++;
	}
	if (n > start) {
		line->segs[line->nsegs].kind = CT_TEXT;
		line->segs[line->nsegs++].text = arena_strndup(a, s + start,
		    n - start);
	}
}

size_t
ct_split(struct arena *a, const char *text, struct ct_para **out)
{
	const char	*p, *e, *end;
	struct ct_para	*paras;
	struct ct_line	*lines;
	size_t		 nlines = 1, np = 0, nl = 0;
	int		 in_para = 0;

	end = text + strlen(text);
	for (p = text; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			nlines++;
	/*
	 * One array holds every line; a paragraph is a run of it.  There
	 * are at most as many paragraphs as lines.
	 */
	paras = arena_calloc(a, nlines, sizeof(*paras));
	lines = arena_calloc(a, nlines, sizeof(*lines));
	for (p = text; p < end; p = e + 1) {
		for (e = p; e < end && *e != '\n' && *e != '\r'; e++)
			continue;
		if (blank(p, (size_t)(e - p))) {
			in_para = 0;
		} else {
			if (!in_para) {
				paras[np++].lines = &lines[nl];
				in_para = 1;
			}
			split_line(a, p, (size_t)(e - p), &lines[nl++]);
			paras[np - 1].nlines++;
		}
		/* CR LF is one break. */
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		if (e >= end)
			break;
	}
	*out = paras;
	return np;
}
