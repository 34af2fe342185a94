/*
 * text.c: UTF-8 checks, whitespace folding and slugs.  See text.h.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "text.h"

/* See text.h. */
size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	 c;
	size_t		 len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;	/* continuation byte, overlong lead, or > U+10FFFF */
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 k;

	while (n > 0) {
		if ((k = utf8_decode(p, n, &cp)) == 0)
			return 0;
		p += k;
		n -= k;
	}
	return 1;
}

void
utf8_put(struct buf *b, unsigned long c)
{
	char	 u[4];

	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		buf_putc(b, (char)c);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		buf_append(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		buf_append(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		buf_append(b, u, 4);
	}
}

int
hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t
utf8_len(const char *s, size_t n)
{
	size_t	 i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

int
text_has_control(const char *s, size_t n, int multiline)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
			if (!multiline)
				return 1;
			continue;
		}
		if (p[i] < 0x20 || p[i] == 0x7f)
			return 1;
		/* C1 controls are U+0080..U+009F: C2 80 .. C2 9F. */
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9f)
			return 1;
	}
	return 0;
}

/* 1 if code point c may not appear in a page or a feed. */
static int
undisplayable(uint32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r')
		return 0;
	return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

int
text_displayable(struct buf *out, const char *s, size_t n)
{
	static const char	 fffd[] = "\xef\xbf\xbd";	/* U+FFFD */
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 i, k, clean;

	/* Fast path: most values are clean, and are used as they are. */
	for (i = 0; i < n; i += k)
		if ((k = utf8_decode(p + i, n - i, &c)) == 0 ||
		    undisplayable(c))
			break;
	if (i == n)
		return 0;
	clean = i;
	buf_reserve(out, n + 16);
	buf_append(out, s, clean);
	for (i = clean; i < n; i += k) {
		if ((k = utf8_decode(p + i, n - i, &c)) == 0) {
			/* One malformed byte at a time, each a U+FFFD. */
			buf_append(out, fffd, 3);
			k = 1;
		} else if (undisplayable(c))
			buf_append(out, fffd, 3);
		else
			buf_append(out, s + i, k);
	}
	return 1;
}

/*
 * Length of the white space at s, or 0 if s does not start with white
 * space.  These are Unicode's White_Space characters: ASCII space, tab
 * and newlines, U+0085, U+00A0 (which wire copy brings), U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
 */
static size_t
space_len(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\f' || *s == '\v')
		return 1;
	if (s[0] == 0xc2 && (s[1] == 0xa0 || s[1] == 0x85))
		return 2;
	if (s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80)
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0x8a)
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x80 &&
	    (s[2] == 0xa8 || s[2] == 0xa9 || s[2] == 0xaf))
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f)
		return 3;
	if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

char *
text_squish(struct arena *a, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*out, *q;
	size_t			 k;
	int			 pending = 0;

	if (s == NULL)
		return NULL;
	out = q = arena_alloc(a, strlen(s) + 1);
	while (*p != '\0') {
		if ((k = space_len(p)) > 0) {
			pending = q != out;
			p += k;
			continue;
		}
		if (pending) {
			*q++ = ' ';
			pending = 0;
		}
		*q++ = (char)*p++;
	}
	*q = '\0';
	return out;
}

int
text_blank(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 k;

	if (s == NULL)
		return 1;
	while (*p != '\0') {
		if ((k = space_len(p)) == 0)
			return 0;
		p += k;
	}
	return 1;
}

/*
 * ASCII for a code point, for slugs: Latin-1 and Latin Extended-A
 * letters lose their accents, Cyrillic is transliterated.  Writes up to
 * four letters to out and returns their number; returns -1 when there is
 * no equivalent (the character then separates words).
 */
static int
translit(uint32_t c, char out[5])
{
	static const char *const latin1[] = {	/* U+00C0 .. U+00FF */
		"a","a","a","a","a","a","ae","c","e","e","e","e","i","i","i","i",
		"d","n","o","o","o","o","o",NULL,"o","u","u","u","u","y","th","ss",
		"a","a","a","a","a","a","ae","c","e","e","e","e","i","i","i","i",
		"d","n","o","o","o","o","o",NULL,"o","u","u","u","u","y","th","y",
	};
	static const char *const cyr[] = {	/* U+0430 .. U+044F */
		"a","b","v","g","d","e","zh","z","i","y","k","l","m","n","o","p",
		"r","s","t","u","f","kh","ts","ch","sh","shch","","y","","e","yu","ya",
	};
	/* U+0450 .. U+045F: Ukrainian, Belarusian, Serbian, Macedonian. */
	static const char *const cyr_ext[] = {
		"e","e","dj","g","ye","dz","i","yi","j","lj","nj","c","k","i","u","dz",
	};
	/*
	 * U+0100 .. U+017F, Latin Extended-A: the base letter of each, in
	 * runs (A a A a A a, C c ..., D d D d, ...).  The ligatures IJ and
	 * OE (U+0132, U+0133, U+0152, U+0153) are handled above the table.
	 */
	static const char latA[] =
	    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"
	    "iiiiiiiiii" "ii" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo"
	    "oo" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
	    "zzzzzz" "s";
	const char	*t = NULL;

	_Static_assert(sizeof(latA) == 0x80 + 1, "latA covers U+0100..U+017F");
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
		out[0] = (char)c;
		out[1] = '\0';
		return 1;
	}
	if (c >= 0xc0 && c <= 0xff)
		t = latin1[c - 0xc0];
	else if (c == 0x132 || c == 0x133)
		t = "ij";
	else if (c == 0x152 || c == 0x153)
		t = "oe";
	else if (c >= 0x100 && c <= 0x17f) {
		out[0] = latA[c - 0x100];
		out[1] = '\0';
		return 1;
	} else if (c >= 0x400 && c <= 0x40f)
		t = cyr_ext[c - 0x400];
	else if (c >= 0x410 && c <= 0x42f)
		t = cyr[c - 0x410];
	else if (c >= 0x430 && c <= 0x44f)
		t = cyr[c - 0x430];
	else if (c >= 0x450 && c <= 0x45f)
		t = cyr_ext[c - 0x450];
	else if (c == 0x490 || c == 0x491)
		t = "g";
	else if (c == 0x2019 || c == '\'')	/* "Russia's" is one word */
		t = "";
	if (t == NULL)
		return -1;
	strcpy(out, t);
	return (int)strlen(t);
}

char *
text_slugify(struct arena *a, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), k, len = 0, lastcut = 0;
	char			*out, t[5];
	uint32_t		 cp, prev = 0;
	int			 tl, sep = 0;

	out = arena_alloc(a, SLUG_MAX + 1);
	while (n > 0) {
		if ((k = utf8_decode(p, n, &cp)) == 0) {
			k = 1;
			cp = 0xfffd;
		}
		p += k;
		n -= k;
		/*
		 * A comma or period between two digits is part of a number:
		 * "3,000 homes" is "3000-homes", not "3-000-homes".
		 */
		if ((cp == ',' || cp == '.') && prev >= '0' && prev <= '9' &&
		    n > 0 && *p >= '0' && *p <= '9') {
			prev = cp;
			continue;
		}
		prev = cp;
		if ((tl = translit(cp, t)) < 0) {
			sep = len > 0;
			continue;
		}
		if (tl == 0)
			continue;
		if (sep) {
			if (len + 1 >= SLUG_MAX)
				break;
			lastcut = len;
			out[len++] = '-';
			sep = 0;
		}
		if (len + (size_t)tl > SLUG_MAX) {
			/* Cut at the last word boundary, if there is one. */
			if (lastcut > 0)
				len = lastcut;
			break;
		}
		memcpy(out + len, t, (size_t)tl);
		len += (size_t)tl;
	}
	while (len > 0 && out[len - 1] == '-')
		len--;
	out[len] = '\0';
	return out;
}

int
slug_valid(const char *s)
{
	size_t	 i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > SLUG_MAX)
		return 0;
	if (s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '-') {
			if (s[i + 1] == '-')
				return 0;
			continue;
		}
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
			return 0;
	}
	return 1;
}

int
parse_id(const char *s, long long *out)
{
	long long	 v = 0;
	size_t		 i;

	if (s == NULL || s[0] == '\0' || s[0] == '0' || strlen(s) > 16)
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	if (v > (1LL << 53))
		return 0;
	*out = v;
	return 1;
}

char *
text_plain_spaces(struct arena *a, const char *s)
{
	char	*out = arena_alloc(a, strlen(s) + 1), *q = out;

	for (; *s != '\0'; s++) {
		const unsigned char *u = (const unsigned char *)s;

		if (u[0] == 0xc2 && u[1] == 0xa0) {
			*q++ = ' ';
			s++;
			continue;
		}
		if (u[0] == 0xe2 && ((u[1] == 0x80 && u[2] == 0xaf) ||
		    (u[1] == 0x80 && u[2] == 0x87))) {
			*q++ = ' ';
			s += 2;
			continue;
		}
		*q++ = *s;
	}
	*q = '\0';
	return out;
}
