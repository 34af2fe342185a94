/*
 * search.c (fuzz harness): what a reader types into the search box
 * through ftsq_build(), on any bytes, NUL included.  Checks what
 * ftsquery.h promises: both strings NUL-terminated within their arrays
 * and valid UTF-8; at most FTSQ_MAXWORDS words, and none means both
 * strings are empty; the match is only FTS5 strings ("..." with every
 * quote inside doubled) one space apart, perhaps a final '*', one string
 * per word, each holding exactly that word; the words are non-empty,
 * at most FTSQ_MAXWORD bytes, hold a letter or digit and no white
 * space or control, and come from the input in its order; the '*' is
 * there exactly when the last word ends in FTSQ_PREFIXMIN letters or
 * digits; and the words, typed again, give the same query.
 */
#include <string.h>

#include "../../src/util/ftsquery.h"
#include "../../src/util/text.h"
#include "fuzz.h"

/* As ftsquery.c counts them: ASCII letters and digits, any non-ASCII. */
static int
wordchar(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The first n-byte needle in hay[0..len), or NULL (memmem is GNU's). */
static const char *
find(const char *hay, size_t len, const char *needle, size_t n)
{
	size_t	 i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* A word of q->words (w, n bytes long), as ftsquery.h describes them. */
static void
check_word(const char *w, size_t n, int last, int prefix)
{
	const unsigned char	*p = (const unsigned char *)w;
	uint32_t		 c;
	size_t			 i, k;
	int			 letters = 0, run = 0;

	FUZZ_CHECK(n > 0 && n <= FTSQ_MAXWORD);
	for (i = 0; i < n; i += k) {
		k = utf8_decode(p + i, n - i, &c);
		FUZZ_CHECK(k > 0);
		/* No white space, control or snippet mark is in a word. */
		FUZZ_CHECK(c > 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0xa0));
		FUZZ_CHECK(!(c >= 0x2000 && c <= 0x200b) && c != 0x3000 &&
		    c != 0x2028 && c != 0x2029 && c != 0xfeff &&
		    c != 0xe000 && c != 0xe001);
		if (wordchar(c)) {
			letters = 1;
			run++;
		} else
			run = 0;
	}
	FUZZ_CHECK(letters);
	if (last)
		FUZZ_CHECK(prefix == (run >= FTSQ_PREFIXMIN));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ftsq	 q, again;
	const char		*in = (const char *)data, *m, *w, *wend, *from;
	const char		*at;
	char			 unq[2 * FTSQ_MAXWORD + 1];
	size_t			 ulen, wlen, mlen;
	int			 rc, i;

	/* Garbage first, so that a missing NUL or byte left shows. */
	memset(&q, 0xa5, sizeof(q));
	rc = ftsq_build(&q, in, size);
	FUZZ_CHECK(rc == q.nwords);
	FUZZ_CHECK(q.nwords >= 0 && q.nwords <= FTSQ_MAXWORDS);
	FUZZ_CHECK(q.prefix == 0 || q.prefix == 1);
	FUZZ_CHECK(memchr(q.match, '\0', sizeof(q.match)) != NULL);
	FUZZ_CHECK(memchr(q.words, '\0', sizeof(q.words)) != NULL);
	mlen = strlen(q.match);
	FUZZ_CHECK(utf8_valid(q.match, mlen));
	FUZZ_CHECK(utf8_valid(q.words, strlen(q.words)));
	if (q.nwords == 0) {
		FUZZ_CHECK(q.match[0] == '\0' && q.words[0] == '\0');
		FUZZ_CHECK(q.prefix == 0);
		return 0;
	}

	/*
	 * The match: STRING (' ' STRING)* ['*'], STRING being '"', then
	 * bytes that are not '"' or '""' pairs, then '"'; string i, its
	 * quotes undoubled, is word i of q.words.
	 */
	m = q.match;
	w = q.words;
	from = in;
	for (i = 0; i < q.nwords; i++) {
		FUZZ_CHECK(*m++ == '"');
		ulen = 0;
		for (;;) {
			FUZZ_CHECK(*m != '\0');
			if (*m == '"' && m[1] != '"')
				break;
			FUZZ_CHECK(ulen < sizeof(unq));
			unq[ulen++] = *m;
			m += *m == '"' ? 2 : 1;
		}
		m++;	/* the closing quote */
		if (i + 1 < q.nwords)
			FUZZ_CHECK(*m++ == ' ');

		wend = strchr(w, ' ');
		FUZZ_CHECK((wend == NULL) == (i + 1 == q.nwords));
		wlen = wend ? (size_t)(wend - w) : strlen(w);
		FUZZ_CHECK(wlen == ulen && memcmp(w, unq, ulen) == 0);
		check_word(w, wlen, i + 1 == q.nwords, q.prefix);
		/* Nothing invented: each word is in the input, in order. */
		at = find(from, size - (size_t)(from - in), w, wlen);
		FUZZ_CHECK(at != NULL);
		from = at + wlen;
		w += wlen + (wend != NULL);
	}
	if (q.prefix)
		FUZZ_CHECK(*m++ == '*');
	FUZZ_CHECK(*m == '\0');
	FUZZ_CHECK(*w == '\0');

	/* The kept words, typed into the box, make the same query. */
	memset(&again, 0x5a, sizeof(again));
	FUZZ_CHECK(ftsq_build(&again, q.words, strlen(q.words)) == q.nwords);
	FUZZ_CHECK(again.prefix == q.prefix);
	FUZZ_CHECK(strcmp(again.match, q.match) == 0);
	FUZZ_CHECK(strcmp(again.words, q.words) == 0);
	return 0;
}
