/*
 * ftsquery.c: readers' search text as a safe FTS5 query.  See ftsquery.h.
 */
#include <stdint.h>
#include <string.h>

#include "ftsquery.h"
#include "text.h"

/* 1 if c separates words: white space, controls, the snippet marks. */
static int
separator(uint32_t c)
{
	if (c <= 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0))
		return 1;	/* C0, space, DEL, C1, no-break space */
	if (c >= 0x2000 && c <= 0x200b)
		return 1;	/* en quad .. zero width space */
	switch (c) {
	case 0x1680:		/* Ogham space mark */
	case 0x180e:		/* Mongolian vowel separator */
	case 0x2028:		/* line separator */
	case 0x2029:		/* paragraph separator */
	case 0x202f:		/* narrow no-break space */
	case 0x205f:		/* medium mathematical space */
	case 0x3000:		/* ideographic space */
	case 0xfeff:		/* byte order mark */
	case 0xe000:		/* snippet marks (snippet.h) */
	case 0xe001:
		return 1;
	default:
		return 0;
	}
}

/* 1 if c makes a word worth searching for: a letter or digit. */
static int
wordchar(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

int
ftsq_build(struct ftsq *q, const char *in, size_t n)
{
	const unsigned char	*p = (const unsigned char *)in;
	const unsigned char	*end = p + n;
	unsigned char		 word[FTSQ_MAXWORD];
	size_t			 wlen, k, i, mlen = 0, tlen = 0;
	uint32_t		 c;
	int			 letters, run, full, last_run = 0;

	q->nwords = 0;
	q->prefix = 0;
	while (in != NULL && p < end && q->nwords < FTSQ_MAXWORDS) {
		/* Skip what separates words; a malformed byte is one too. */
		if ((k = utf8_decode(p, (size_t)(end - p), &c)) == 0) {
			p++;
			continue;
		}
		if (separator(c)) {
			p += k;
			continue;
		}
		/* One word, up to the next separator; kept up to the limit. */
		wlen = 0;
		letters = run = full = 0;
		while (p < end) {
			k = utf8_decode(p, (size_t)(end - p), &c);
			if (k == 0 || separator(c))
				break;
			if (!full && wlen + k <= FTSQ_MAXWORD) {
				memcpy(word + wlen, p, k);
				wlen += k;
				if (wordchar(c)) {
					letters = 1;
					run++;
				} else
					run = 0;
			} else
				full = 1;
			p += k;
		}
		if (!letters)
			continue;

		/* The word as an FTS5 string: quotes inside are doubled. */
		if (q->nwords > 0) {
			q->match[mlen++] = ' ';
			q->words[tlen++] = ' ';
		}
		q->match[mlen++] = '"';
		for (i = 0; i < wlen; i++) {
			if (word[i] == '"')
				q->match[mlen++] = '"';
			q->match[mlen++] = (char)word[i];
		}
		q->match[mlen++] = '"';
		memcpy(q->words + tlen, word, wlen);
		tlen += wlen;
		q->nwords++;
		last_run = run;
	}
	/* "word"* : FTS5 makes the string's last token a prefix. */
	if (q->nwords > 0 && last_run >= FTSQ_PREFIXMIN) {
		q->match[mlen++] = '*';
		q->prefix = 1;
	}
	q->match[mlen] = '\0';
	q->words[tlen] = '\0';
	return q->nwords;
}
