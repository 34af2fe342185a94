/*
 * 50-ftsquery.c: the search box's text as an FTS5 query (ftsquery.c).
 * Known inputs give known queries; then many random inputs are checked
 * against the grammar the sanitiser promises: only quoted strings with
 * doubled quotes inside, one space apart, perhaps a final "*".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/ftsquery.h"
#include "../../src/util/text.h"
#include "tap.h"

static struct ftsq q;

static const char *
match(const char *in)
{
	ftsq_build(&q, in, strlen(in));
	return q.match;
}

/*
 * 1 if m is in the promised grammar: STRING (" " STRING)* ["*"], where
 * STRING is '"' (any byte but '"', or '""')+ '"'.  Counts the strings.
 */
static int
well_formed(const char *m, int *nstrings)
{
	const char	*p = m;

	*nstrings = 0;
	if (*p == '\0')
		return 1;
	for (;;) {
		if (*p++ != '"')
			return 0;
		for (;;) {
			if (*p == '\0')
				return 0;
			if (*p == '"' && p[1] == '"') {
				p += 2;
				continue;
			}
			if (*p == '"')
				break;
			p++;
		}
		p++;
		(*nstrings)++;
		if (*p == '\0')
			return 1;
		if (*p == '*')
			return p[1] == '\0';
		if (*p++ != ' ')
			return 0;
	}
}

/* A small deterministic generator, so that failures repeat. */
static uint32_t	 seed = 12345;

static uint32_t
rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

int
main(void)
{
	static const char *const pieces[] = { "\"", "AND", "OR", "NOT", "*",
	    "NEAR(", "NEAR", "-", "(", ")", "^", ":", "+", "{", "}", " ",
	    "\t", "\n", "\xc2\xa0", "\xe2\x80\x83", "word", "Чечня", "é",
	    "\xee\x80\x80", "\xee\x80\x81", "\xff", "\xc3", "\xed\xa0\x80",
	    "\x00", "''", "\\", "headline:", "col:word", ",", ".", "\"\"" };
	char		 in[512];
	size_t		 len, i, np = sizeof(pieces) / sizeof(pieces[0]);
	int		 k, n, bad = 0, round;

	/* Plain words: each quoted, the last one a prefix. */
	is_str(match("chechnya"), "\"chechnya\"*", "one word, a prefix");
	is_str(match("Putin Chechnya"), "\"Putin\" \"Chechnya\"*",
	    "two words");
	is_str(q.words, "Putin Chechnya", "the words, for display");
	is_int(q.nwords, 2, "two words counted");
	is_str(match("  lots   of\tspace \n"), "\"lots\" \"of\" \"space\"*",
	    "runs of white space separate words");
	is_str(match("to be or"), "\"to\" \"be\" \"or\"",
	    "a short last word is not a prefix");
	is_str(match("don't"), "\"don't\"", "a word ending in a short run is "
	    "not a prefix");

	/* FTS5 syntax is plain text. */
	is_str(match("\""), "", "a lone quote: nothing to search");
	is_int(q.nwords, 0, "and no words");
	is_str(match("AND"), "\"AND\"*", "AND is a word");
	is_str(match("a AND b"), "\"a\" \"AND\" \"b\"", "AND between words");
	is_str(match("*"), "", "a lone star: nothing");
	is_str(match("NEAR("), "\"NEAR(\"", "NEAR( is text");
	is_str(match("NEAR(a b)"), "\"NEAR(a\" \"b)\"", "NEAR(a b) is text");
	is_str(match("-"), "", "a lone minus: nothing");
	is_str(match("-word"), "\"-word\"*", "a leading minus is text");
	is_str(match("("), "", "a lone parenthesis: nothing");
	is_str(match("say \"hi\""), "\"say\" \"\"\"hi\"\"\"",
	    "quotes inside a word are doubled");
	is_str(match("a\"b"), "\"a\"\"b\"", "a quote in the middle");
	is_str(match("headline:putin"), "\"headline:putin\"*",
	    "column filters are text");
	is_str(match("^start"), "\"^start\"*", "initial-token marks are text");

	/* Other scripts, spaces and bytes. */
	is_str(match("Чечня"), "\"Чечня\"*", "Cyrillic words");
	is_str(match("библиотека\xc2\xa0наводнение"),
	    "\"библиотека\" \"наводнение\"*", "a no-break space separates");
	is_str(match("caf\xc3\xa9"), "\"caf\xc3\xa9\"*", "accents are kept");
	is_str(match("bad\xffutf"), "\"bad\" \"utf\"*",
	    "a malformed byte separates words");
	is_str(match("a\xee\x80\x80" "b\xee\x80\x81" "c"), "\"a\" \"b\" \"c\"",
	    "the snippet marks separate words");
	ftsq_build(&q, "one\0two", 7);
	is_str(q.match, "\"one\" \"two\"*", "a NUL byte separates words");
	is_str(match(""), "", "empty input");
	ftsq_build(&q, NULL, 0);
	is_int(q.nwords, 0, "NULL input");

	/* Bounds. */
	memset(in, 'x', 300);
	in[300] = '\0';
	match(in);
	is_int(strlen(q.words), FTSQ_MAXWORD, "a long word is cut");
	for (i = 0; i < 40; i++)
		memcpy(in + 3 * i, "ab ", 3);
	in[120] = '\0';
	match(in);
	is_int(q.nwords, FTSQ_MAXWORDS, "at most FTSQ_MAXWORDS words");
	for (i = 0; i < 100; i++)
		memcpy(in + 2 * i, "\xd0\xb6", 2);	/* ж */
	in[199] = '\0';		/* half a character at the end */
	match(in);
	ok(utf8_valid(q.words, strlen(q.words)), "cut at a character boundary");
	is_int(strlen(q.words), FTSQ_MAXWORD, "and to the limit");
	memset(in, '"', 300);
	memcpy(in, "a", 1);
	in[300] = '\0';
	match(in);
	ok(strlen(q.match) < FTSQ_MATCHMAX, "doubled quotes fit");

	/* Random mixtures of the nasty pieces and random bytes. */
	for (round = 0; round < 20000; round++) {
		len = 0;
		n = (int)(rnd() % 30);
		for (k = 0; k < n; k++) {
			if (rnd() % 4 == 0) {
				in[len++] = (char)(rnd() & 0xff);
				continue;
			}
			i = rnd() % np;
			/* "\x00" is one NUL byte. */
			if (pieces[i][0] == '\0') {
				in[len++] = '\0';
				continue;
			}
			if (len + strlen(pieces[i]) >= sizeof(in))
				break;
			memcpy(in + len, pieces[i], strlen(pieces[i]));
			len += strlen(pieces[i]);
		}
		ftsq_build(&q, in, len);
		if (!well_formed(q.match, &k) || k != q.nwords ||
		    q.nwords > FTSQ_MAXWORDS ||
		    strlen(q.match) >= FTSQ_MATCHMAX ||
		    strlen(q.words) >= FTSQ_WORDSMAX ||
		    !utf8_valid(q.match, strlen(q.match)) ||
		    !utf8_valid(q.words, strlen(q.words))) {
			if (bad++ < 5)
				printf("# bad query from %zu bytes: %s\n", len,
				    q.match);
		}
	}
	is_int(bad, 0, "20000 random inputs give well-formed queries");
	return done_testing();
}
