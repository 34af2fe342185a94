/*
 * wire.c: the wire-copy parser.  See wire.h.  It reads untrusted files,
 * so it is strict about encoding and bounded everywhere; it is fuzzed.
 */
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "text.h"
#include "wire.h"

struct line {
	const char	*s;
	size_t		 n;
};

/* 1 if the line starts with white space (ASCII or U+00A0). */
static int
indented(const struct line *l)
{
	return l->n > 0 && (l->s[0] == ' ' || l->s[0] == '\t' ||
	    (l->n > 1 && (unsigned char)l->s[0] == 0xc2 &&
	    (unsigned char)l->s[1] == 0xa0));
}

/* 1 if s[0..n) holds U+FEFF (EF BB BF). */
static int
find_feff(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i + 2 < n; i++)
		if ((unsigned char)s[i] == 0xef &&
		    (unsigned char)s[i + 1] == 0xbb &&
		    (unsigned char)s[i + 2] == 0xbf)
			return 1;
	return 0;
}

static char *
squish_n(struct arena *a, const char *s, size_t n)
{
	return text_squish(a, arena_strndup(a, s, n));
}

int
tags_split(struct arena *a, const char *field, const char ***out,
    const char **err)
{
	const char	**tags, *p, *comma, *slug;
	const char	**slugs;
	size_t		  n = 0, i, cap = 1;
	char		 *t;

	for (p = field; *p != '\0'; p++)
		if (*p == ',')
			cap++;
	if (cap > WIRE_MAX_TAGS * 4) {
		*err = "too many tags";
		return -1;
	}
	tags = arena_calloc(a, cap, sizeof(*tags));
	slugs = arena_calloc(a, cap, sizeof(*slugs));
	for (p = field; ; p = comma + 1) {
		comma = strchr(p, ',');
		t = squish_n(a, p, comma ? (size_t)(comma - p) : strlen(p));
		slug = text_slugify(a, t);
		if (*t != '\0' && *slug != '\0') {
			for (i = 0; i < n && strcmp(slugs[i], slug) != 0; i++)
				continue;
			if (i == n) {
				if (utf8_len(t, strlen(t)) > WIRE_MAX_TAG_LEN) {
					*err = "a tag is longer than 60 characters";
					return -1;
				}
				if (n == WIRE_MAX_TAGS) {
					*err = "more than 20 tags";
					return -1;
				}
				slugs[n] = slug;
				tags[n++] = t;
			}
		}
		if (comma == NULL)
			break;
	}
	*out = tags;
	return (int)n;
}

/* Length of an upper-case letter at s (A-Z, or Cyrillic А-Я and Ё), or 0. */
static size_t
upper_len(const unsigned char *s)
{
	if (*s >= 'A' && *s <= 'Z')
		return 1;
	if (s[0] == 0xd0 && ((s[1] >= 0x90 && s[1] <= 0xaf) || s[1] == 0x81))
		return 2;
	return 0;
}

/*
 * If p starts with a dateline ("PORT ARDENT — "), return the place and
 * set *rest to the text after the dash; else return NULL.
 */
static const char *
dateline_split(struct arena *a, const char *p, const char **rest)
{
	static const char *const dashes[] = { " \xe2\x80\x94 ", " \xe2\x80\x93 ",
	    " - " };
	const unsigned char *s = (const unsigned char *)p;
	size_t		 i = 0, k, letters = 0, d;

	while (i < 60 && s[i] != '\0') {
		if ((k = upper_len(s + i)) > 0) {
			letters++;
			i += k;
		} else if (s[i] == ' ' || s[i] == ',' || s[i] == '.' ||
		    s[i] == '\'' || s[i] == '-') {
			for (d = 0; d < 3; d++)
				if (strncmp(p + i, dashes[d], strlen(dashes[d])) == 0)
					break;
			if (d < 3) {
				if (letters < 2 || s[i + strlen(dashes[d])] == '\0')
					return NULL;
				*rest = p + i + strlen(dashes[d]);
				return arena_strndup(a, p, i);
			}
			i++;
		} else
			return NULL;
	}
	return NULL;
}

/* Take the byline, dateline and source line out of the paragraphs. */
static void
wire_fields(struct arena *a, struct wire *w)
{
	const char	*first, *last, *rest;
	size_t		 n, i;

	w->byline = w->dateline = w->source = "";
	if (w->nparas >= 2) {
		first = w->paras[0];
		n = strlen(first);
		if (strncmp(first, "By ", 3) == 0 && utf8_len(first, n) <= 60 &&
		    strchr(".!?:", first[n - 1]) == NULL) {
			w->byline = first;
			for (i = 1; i < w->nparas; i++)
				w->paras[i - 1] = w->paras[i];
			w->nparas--;
		}
	}
	if (w->nparas >= 2) {
		last = w->paras[w->nparas - 1];
		if (strncmp(last, "Source:", 7) == 0) {
			w->source = last;
			w->nparas--;
		}
	}
	if ((w->dateline = dateline_split(a, w->paras[0], &rest)) != NULL)
		w->paras[0] = rest;
	else
		w->dateline = "";
}

int
wire_parse(struct arena *a, const char *data, size_t len, struct wire *w,
    const char **err)
{
	struct line	*lines;
	size_t		 nlines = 0, i, j, start, nblocks = 0, b, first;
	size_t		*bstart, *bend;	/* blocks: runs of non-blank lines */
	size_t		 marker, tagblock;
	struct buf	 body = BUF_INIT;
	const char	*p, *end, *e;
	char		*t, *copy;

	memset(w, 0, sizeof(*w));
	if (len == 0) {
		*err = "empty file";
		return -1;
	}
	if (memchr(data, '\0', len) != NULL) {
		*err = "binary file (it holds NUL bytes)";
		return -1;
	}
	if (!utf8_valid(data, len)) {
		*err = "not UTF-8 text";
		return -1;
	}
	if (text_has_control(data, len, 1)) {
		*err = "binary file (it holds control characters)";
		return -1;
	}
	/*
	 * U+FEFF: a byte-order mark at the start, and anywhere else a
	 * stray one from files joined together.  It is invisible, and
	 * Markdown would drop it at the start of the body, so it goes.
	 */
	if (find_feff(data, len)) {
		copy = arena_alloc(a, len);
		for (i = j = 0; i < len; i++) {
			if (i + 2 < len && memcmp(data + i, "\xef\xbb\xbf",
			    3) == 0) {
				i += 2;
				continue;
			}
			copy[j++] = data[i];
		}
		data = copy;
		len = j;
	}

	/* Lines, with LF, CR LF or CR endings. */
	for (i = 0; i < len; i++)
		if (data[i] == '\n' || data[i] == '\r')
			nlines++;
	lines = arena_calloc(a, nlines + 1, sizeof(*lines));
	nlines = 0;
	end = data + len;
	for (p = data; p < end; p = e + 1) {
		for (e = p; e < end && *e != '\n' && *e != '\r'; e++)
			continue;
		lines[nlines].s = p;
		lines[nlines++].n = (size_t)(e - p);
		if (e + 1 < end && *e == '\r' && e[1] == '\n')
			e++;
		if (e >= end)
			break;
	}

	/* Blocks: runs of lines that are not blank. */
	bstart = arena_calloc(a, nlines + 1, sizeof(*bstart));
	bend = arena_calloc(a, nlines + 1, sizeof(*bend));
	for (i = 0; i < nlines; ) {
		while (i < nlines && text_blank(squish_n(a, lines[i].s,
		    lines[i].n)))
			i++;
		if (i == nlines)
			break;
		start = i;
		while (i < nlines && !text_blank(squish_n(a, lines[i].s,
		    lines[i].n)))
			i++;
		bstart[nblocks] = start;
		bend[nblocks++] = i;
	}
	if (nblocks == 0) {
		*err = "no headline (the file is blank)";
		return -1;
	}

	w->headline = squish_n(a, lines[bstart[0]].s, lines[bstart[0]].n);
	if (utf8_len(w->headline, strlen(w->headline)) > WIRE_MAX_HEADLINE) {
		*err = "the headline (first line) is longer than 300 characters";
		return -1;
	}

	/* The Comments marker: a block whose first line is "Comments". */
	for (marker = 1; marker < nblocks; marker++) {
		t = squish_n(a, lines[bstart[marker]].s, lines[bstart[marker]].n);
		if (strcasecmp(t, "Comments") == 0)
			break;
	}
	/* The tag line: the last block before it, one indented line. */
	tagblock = 0;
	if (marker > 1 && bend[marker - 1] - bstart[marker - 1] == 1 &&
	    indented(&lines[bstart[marker - 1]]))
		tagblock = marker - 1;

	w->paras = arena_calloc(a, nblocks + 1, sizeof(*w->paras));
	for (b = 0; b < (tagblock ? tagblock : marker); b++) {
		/* The headline's own block may run on into a paragraph. */
		first = b == 0 ? bstart[0] + 1 : bstart[b];
		if (first >= bend[b])
			continue;
		buf_reset(&body);
		for (j = first; j < bend[b]; j++) {
			if (j > first)
				buf_putc(&body, ' ');
			buf_append(&body, lines[j].s, lines[j].n);
		}
		w->paras[w->nparas++] = text_squish(a, buf_cstr(&body));
	}
	if (w->nparas == 0) {
		buf_free(&body);
		*err = "no body text after the headline";
		return -1;
	}
	wire_fields(a, w);

	if (tagblock) {
		w->tags_field = squish_n(a, lines[bstart[tagblock]].s,
		    lines[bstart[tagblock]].n);
		i = (size_t)tags_split(a, w->tags_field, &w->tags, err);
		if ((int)i < 0) {
			buf_free(&body);
			return -1;
		}
		w->ntags = i;
	} else
		w->tags_field = "";

	/* Comments: a block each, author on the first line. */
	w->comments = arena_calloc(a, nblocks + 1, sizeof(*w->comments));
	for (b = marker; b < nblocks; b++) {
		first = b == marker ? bstart[b] + 1 : bstart[b];
		if (first >= bend[b])
			continue;
		if (bend[b] - first < 2) {
			buf_free(&body);
			*err = "a comment has an author line but no text";
			return -1;
		}
		buf_reset(&body);
		for (j = first + 1; j < bend[b]; j++) {
			if (j > first + 1)
				buf_putc(&body, '\n');
			buf_append(&body, lines[j].s, lines[j].n);
		}
		w->comments[w->ncomments].author = squish_n(a, lines[first].s,
		    lines[first].n);
		w->comments[w->ncomments++].body = arena_strdup(a,
		    buf_cstr(&body));
	}
	buf_free(&body);
	return 0;
}

char *
wire_markdown(struct arena *a, const struct wire *w)
{
	struct buf	 md = BUF_INIT;
	const char	*p;
	char		*out;
	size_t		 i;

	for (i = 0; i < w->nparas; i++) {
		if (i > 0)
			buf_puts(&md, "\n\n");
		p = w->paras[i];
		/* What would start a list, heading or quote at a line start. */
		if (*p == '-' || *p == '+' || *p == '=') {
			buf_putc(&md, '\\');
		} else if (*p >= '0' && *p <= '9') {
			while (*p >= '0' && *p <= '9')
				buf_putc(&md, *p++);
			if (*p == '.' || *p == ')')
				buf_putc(&md, '\\');
		}
		for (; *p != '\0'; p++) {
			if (strchr("\\`*_[]<>#!|~&", *p) != NULL)
				buf_putc(&md, '\\');
			buf_putc(&md, *p);
		}
	}
	out = arena_strdup(a, buf_cstr(&md));
	buf_free(&md);
	return out;
}
