/*
 * 03-text: UTF-8 checks, control characters, white space, slugs and ids
 * (src/util/text.c).
 */
#include <stdio.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/text.h"
#include "tap.h"

static struct arena	 A;

#define VALID(s)	utf8_valid((s), sizeof(s) - 1)
#define CTRL(s, ml)	text_has_control((s), sizeof(s) - 1, (ml))

static void
test_utf8(void)
{
	ok(VALID(""), "the empty string is valid");
	ok(VALID("plain ASCII ~"), "ASCII");
	ok(VALID("a\0b"), "NUL is valid UTF-8 (other checks refuse it)");
	ok(VALID("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"), "2, 3 and 4 bytes");
	ok(VALID("\xc2\x80"), "U+0080, the first 2-byte");
	ok(VALID("\xdf\xbf"), "U+07FF, the last 2-byte");
	ok(VALID("\xe0\xa0\x80"), "U+0800, the first 3-byte");
	ok(VALID("\xef\xbf\xbf"), "U+FFFF");
	ok(VALID("\xf0\x90\x80\x80"), "U+10000, the first 4-byte");
	ok(VALID("\xf4\x8f\xbf\xbf"), "U+10FFFF, the last code point");
	ok(VALID("\xed\x9f\xbf"), "U+D7FF, just below the surrogates");
	ok(VALID("\xee\x80\x80"), "U+E000, just above them");
	ok(VALID("\xef\xbb\xbf"), "a BOM is valid");

	ok(!VALID("\xc0\x80"), "overlong NUL (C0 80)");
	ok(!VALID("\xc0\xaf"), "overlong '/' (C0 AF)");
	ok(!VALID("\xc1\xbf"), "overlong 2-byte (C1 BF)");
	ok(!VALID("\xe0\x80\xaf"), "overlong 3-byte '/'");
	ok(!VALID("\xe0\x9f\xbf"), "overlong U+07FF in 3 bytes");
	ok(!VALID("\xf0\x80\x80\xaf"), "overlong 4-byte '/'");
	ok(!VALID("\xf0\x8f\xbf\xbf"), "overlong U+FFFF in 4 bytes");
	ok(!VALID("\xed\xa0\x80"), "surrogate U+D800");
	ok(!VALID("\xed\xbf\xbf"), "surrogate U+DFFF");
	ok(!VALID("\xed\xa0\xbd\xed\xb8\x80"), "a CESU-8 surrogate pair");
	ok(!VALID("\xf4\x90\x80\x80"), "U+110000, above the last");
	ok(!VALID("\xf5\x80\x80\x80"), "lead byte F5");
	ok(!VALID("\xf7\xbf\xbf\xbf"), "lead byte F7");
	ok(!VALID("\xf8\x88\x80\x80\x80"), "5-byte form");
	ok(!VALID("\xfc\x84\x80\x80\x80\x80"), "6-byte form");
	ok(!VALID("\xfe"), "byte FE");
	ok(!VALID("\xff"), "byte FF");
	ok(!VALID("\x80"), "a lone continuation byte");
	ok(!VALID("a\xbf" "b"), "a continuation byte between letters");
	ok(!VALID("\xc3"), "a truncated 2-byte at the end");
	ok(!VALID("\xe2\x82"), "a truncated 3-byte at the end");
	ok(!VALID("\xf0\x9f\x98"), "a truncated 4-byte at the end");
	ok(!VALID("\xc3" "a"), "a 2-byte cut by ASCII");
	ok(!VALID("\xe2\x82" "a"), "a 3-byte cut by ASCII");
	ok(!VALID("\xf0\x9f\x98" "a"), "a 4-byte cut by ASCII");
	ok(!VALID("\xe2\x82\xc3\xa9"), "a 3-byte cut by a 2-byte");
	ok(!utf8_valid("\xc3\xa9", 1), "n cuts a sequence: invalid");
	ok(utf8_valid("\xc3\xa9\xff", 2), "bytes past n are not read");

	is_int(utf8_len("h\xc3\xa9llo", 6), 5, "utf8_len counts code points");
	is_int(utf8_len("\xf0\x9f\x98\x80", 4), 1, "a 4-byte one is one");
	is_int(utf8_len("", 0), 0, "empty");
}

static void
test_control(void)
{
	ok(!CTRL("Hello, world", 0), "plain text");
	ok(!CTRL("", 0), "empty");
	ok(CTRL("a\tb", 0), "tab, single line");
	ok(!CTRL("a\tb", 1), "tab, multiline");
	ok(CTRL("a\nb", 0), "LF, single line");
	ok(!CTRL("a\nb", 1), "LF, multiline");
	ok(CTRL("a\rb", 0), "CR, single line");
	ok(!CTRL("a\r\nb", 1), "CR LF, multiline");
	ok(CTRL("\0", 1), "NUL");
	ok(CTRL("a\x01", 1), "U+0001");
	ok(CTRL("\x08", 1), "backspace");
	ok(CTRL("\x0b", 1), "vertical tab, even multiline");
	ok(CTRL("\x0c", 1), "form feed, even multiline");
	ok(CTRL("\x1b[31m", 1), "an escape sequence");
	ok(CTRL("\x1f", 1), "U+001F");
	ok(!CTRL(" ", 0), "space is not a control");
	ok(!CTRL("~", 0), "tilde is not");
	ok(CTRL("\x7f", 1), "DEL");
	ok(CTRL("\xc2\x80", 1), "C1: U+0080");
	ok(CTRL("a\xc2\x85z", 1), "C1: U+0085 (NEL)");
	ok(CTRL("\xc2\x9f", 1), "C1: U+009F");
	ok(!CTRL("\xc2\xa0", 0), "U+00A0 (NBSP) is not a control");
	ok(!CTRL("\xc2\xa9", 0), "U+00A9 is not");
	ok(!CTRL("\xc3\x80", 0), "U+00C0 is not");
	ok(!CTRL("\xe2\x80\x99", 0), "U+2019 is not");
	ok(!CTRL("\xc2", 0), "a lone C2 at the end is no control");
	ok(!text_has_control("a\x01", 1, 0), "bytes past n are not read");
}

static void
test_squish(void)
{
	is_str(text_plain_spaces(&A, "Wire\xc2\xa0" "copy \xe2\x80\xaf" "a\xe2\x80\x87" "b  \n\n    code\t\nend \xc2\xa0"),
	    "Wire copy  a b  \n\n    code\t\nend  ", "no-break spaces plain, the rest kept");
	is_str(text_plain_spaces(&A, "caf\xc3\xa9 \xe2\x80\x94 ok"), "caf\xc3\xa9 \xe2\x80\x94 ok",
	    "other characters untouched");
	is_str(text_squish(&A, "  a  b  "), "a b", "ASCII spaces");
	is_str(text_squish(&A, "a\t\n\r\f\v b"), "a b", "every ASCII space");
	is_str(text_squish(&A, "\xc2\xa0" "a\xc2\xa0\xc2\xa0" "b\xc2\xa0"),
	    "a b", "U+00A0 (NBSP) folds and trims");
	is_str(text_squish(&A, "a\xe2\x80\x89" "b"), "a b", "U+2009 thin space");
	is_str(text_squish(&A, "a\xe2\x80\x80" "b\xe2\x80\x8a" "c"), "a b c",
	    "U+2000 and U+200A");
	is_str(text_squish(&A, "a\xe2\x80\xaf" "b"), "a b",
	    "U+202F narrow NBSP");
	is_str(text_squish(&A, "a\xe2\x81\x9f" "b"), "a b",
	    "U+205F math space");
	is_str(text_squish(&A, "a\xe3\x80\x80" "b"), "a b",
	    "U+3000 ideographic space");
	is_str(text_squish(&A, "a\xe1\x9a\x80" "b"), "a b",
	    "U+1680 ogham space mark");
	is_str(text_squish(&A, "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c"), "a b c",
	    "U+2028 and U+2029 line and paragraph separators");
	is_str(text_squish(&A, "a\xc2\x85" "b"), "a b", "U+0085 (NEL)");
	is_str(text_squish(&A, " \xc2\xa0\t\xe3\x80\x80 a"), "a",
	    "a mixed run is one space, or none at the start");
	is_str(text_squish(&A, "a\xe2\x80\x8b" "b"), "a\xe2\x80\x8b" "b",
	    "U+200B (zero width, not a space) is kept");
	is_str(text_squish(&A, "\xe2\x80\x9cquoted\xe2\x80\x9d"),
	    "\xe2\x80\x9cquoted\xe2\x80\x9d", "quotes are kept");
	is_str(text_squish(&A, "caf\xc3\xa9"), "caf\xc3\xa9", "letters kept");
	is_str(text_squish(&A, ""), "", "empty");
	is_str(text_squish(&A, " \t\xc2\xa0 "), "", "only spaces");
	ok(text_squish(&A, NULL) == NULL, "NULL in, NULL out");
	is_str(text_squish(&A, "a\xc2"), "a\xc2", "a truncated C2 at the end");
	is_str(text_squish(&A, "a\xe2\x80"), "a\xe2\x80",
	    "a truncated E2 80 at the end");

	ok(text_blank(""), "blank: empty");
	ok(text_blank(NULL), "blank: NULL");
	ok(text_blank(" \t\r\n"), "blank: ASCII spaces");
	ok(text_blank("\xc2\xa0"), "blank: NBSP");
	ok(text_blank("\xe3\x80\x80\xe2\x80\x89"), "blank: Unicode spaces");
	ok(!text_blank("a"), "not blank: a letter");
	ok(!text_blank("  .  "), "not blank: a dot");
	ok(!text_blank("\xc2"), "not blank: a stray byte");
	ok(!text_blank("\xe2\x80\x8b"), "not blank: zero width space");
}

static const char *
slug(const char *s)
{
	return text_slugify(&A, s);
}

static void
test_slugify(void)
{
	struct buf	 b = BUF_INIT, want = BUF_INIT;
	const char	*s;
	int		 i;

	is_str(slug("Hello, World!"), "hello-world", "basic");
	is_str(slug("  leading and trailing  "), "leading-and-trailing",
	    "no hyphen at either end");
	is_str(slug("a--b__c..d  e"), "a-b-c-d-e", "runs of punctuation");
	is_str(slug("C++ & C#"), "c-c", "symbols separate");
	is_str(slug("???abc???"), "abc", "punctuation at the ends");
	is_str(slug(""), "", "empty input, empty slug");
	is_str(slug("   "), "", "only spaces");
	is_str(slug("!!! ... ---"), "", "only punctuation");
	is_str(slug("\xe6\x9d\xb1\xe4\xba\xac"), "", "no Latin or Cyrillic");
	is_str(slug("I \xe2\x9d\xa4 NY"), "i-ny", "an emoji separates");
	is_str(slug("a\xff" "b"), "a-b", "an invalid byte separates");
	is_str(slug("a\xc3"), "a", "a truncated sequence at the end");

	is_str(slug("Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e"),
	    "cafe-creme-brulee", "Latin-1 accents fold");
	is_str(slug("Stra\xc3\x9f" "e"), "strasse", "sharp s");
	is_str(slug("\xc3\x86r\xc3\xb8sk\xc3\xb8" "bing"), "aeroskobing",
	    "AE and o with stroke");
	is_str(slug("\xc3\x9e\xc3\xb3r"), "thor", "thorn");
	is_str(slug("1 \xc3\x97 2 \xc3\xb7 3"), "1-2-3",
	    "multiplication and division signs separate");
	is_str(slug("\xc5\x81\xc3\xb3" "d\xc5\xba"), "lodz",
	    "Latin Extended-A: L with stroke, z with acute");
	is_str(slug("\xc5\xa0koda"), "skoda", "S with caron");
	is_str(slug("\xc5\x9al\xc4\x85sk"), "slask", "S with acute, a ogonek");
	is_str(slug("\xc5\x92uvre"), "oeuvre", "OE ligature");
	is_str(slug("\xc4\xb2ssel"), "ijssel", "IJ ligature");
	is_str(slug("\xc4\xb0stanbul"), "istanbul", "I with dot above");
	is_str(slug("\xc4\x90\xc4\x91" "ak"), "ddak", "D with stroke");
	is_str(slug("K\xc3\xb6ni\xc4\x9f"), "konig", "g with breve");
	is_str(slug("\xc5\xbd\xc3\xbal\xc5\xbe"), "zulz", "z with caron");
	is_str(slug("\xc5\xa3\xc5\xa5\xc5\xaf\xc5\xb5\xc5\xb7\xc5\xbf"),
	    "ttuwys", "the end of Latin Extended-A");
	is_str(slug("\xc4\xb7\xc4\xb8\xc4\xbc\xc5\x88\xc5\x8d\xc5\x99"),
	    "kklnor", "the middle of Latin Extended-A");

	is_str(slug("\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"),
	    "moskva", "Cyrillic");
	is_str(slug("\xd0\xa9\xd1\x83\xd0\xba\xd0\xb0"), "shchuka",
	    "shcha is four letters");
	is_str(slug("\xd0\xa1\xd1\x8a\xd0\xb5\xd0\xb7\xd0\xb4"), "sezd",
	    "the hard sign disappears");
	is_str(slug("\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0"), "elka", "yo is e");
	is_str(slug("\xd0\xa7\xd0\xb5\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb5 \xd0\xbc\xd0\xbe\xd1\x80\xd0\xb5"),
	    "chernoe-more", "ch and a space");
	is_str(slug("\xd0\xa3\xd0\xba\xd1\x80\xd0\xb0\xd1\x97\xd0\xbd\xd0\xb0"),
	    "ukrayina", "Ukrainian yi");
	is_str(slug("\xd0\x84\xd0\xb2\xd1\x80\xd0\xbe\xd0\xbf\xd0\xb0 "
	    "\xd1\x96 \xd2\x91\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xba"),
	    "yevropa-i-ganok", "Ukrainian ye, i and ghe with upturn");
	is_str(slug("\xd0\x91\xd0\xb5\xd0\xbb\xd0\xb0\xd1\x80\xd1\x83\xd1\x81"
	    "\xd1\x8c \xd1\x9e"), "belarus-u", "Belarusian short u");

	is_str(slug("Russia\xe2\x80\x99s rights"), "russias-rights",
	    "a typographic apostrophe joins (Russia\xe2\x80\x99s)");
	is_str(slug("Russia's"), "russias", "an ASCII apostrophe joins");
	is_str(slug("rock 'n' roll"), "rock-n-roll",
	    "quotes at word edges vanish");

	/* Numbers. */
	is_str(slug("3,000 homes"), "3000-homes", "3,000 is one number");
	is_str(slug("1.5 million"), "15-million", "1.5 is one number");
	is_str(slug("1,234,567 votes"), "1234567-votes", "several groups");
	is_str(slug("v1.2.3"), "v123", "a version");
	is_str(slug("In 2017, 40 men"), "in-2017-40-men",
	    "a comma after a number and a space separates");
	is_str(slug("3, 000"), "3-000", "a comma and a space separate");
	is_str(slug("3 ,000"), "3-000", "a space and a comma separate");
	is_str(slug("3,,000"), "3-000", "two commas separate");
	is_str(slug("3.a"), "3-a", "a period before a letter separates");
	is_str(slug("a.3"), "a-3", "a period after a letter separates");
	is_str(slug("Ends in 3."), "ends-in-3", "a final period");
	is_str(slug(".5"), "5", "a leading period");
	is_str(slug("3;000"), "3-000", "other punctuation still separates");

	/* Length: cut at a word boundary within SLUG_MAX. */
	for (i = 0; i < 40; i++)
		buf_printf(&b, "%sword%02d", i ? " " : "", i);
	s = slug(buf_cstr(&b));
	for (i = 0; i < 40 && want.len + (i ? 1 : 0) + 6 <= SLUG_MAX; i++)
		buf_printf(&want, "%sword%02d", i ? "-" : "", i);
	is_str(s, buf_cstr(&want), "a long headline is cut after a whole word");
	ok(strlen(s) <= SLUG_MAX && slug_valid(s), "and the cut slug is valid");
	buf_reset(&b);
	buf_reset(&want);
	/* Ten-letter words: eleven of them fill SLUG_MAX exactly. */
	for (i = 0; i < 12; i++)
		buf_puts(&b, "abcdefghij ");
	s = slug(buf_cstr(&b));
	is_int(strlen(s), SLUG_MAX, "words that fill SLUG_MAX exactly are kept");
	ok(s[SLUG_MAX - 1] == 'j' && slug_valid(s), "whole, ending the slug");
	buf_reset(&b);
	for (i = 0; i < 10; i++)
		buf_puts(&b, "abcdefghij ");
	buf_puts(&b, "abcdefghijk");
	s = slug(buf_cstr(&b));
	is_int(strlen(s), 109, "a word one letter too long is left out");
	ok(slug_valid(s), "and no hyphen is left at the end");
	buf_reset(&b);
	for (i = 0; i < 10; i++)
		buf_puts(&b, "abcdefghij ");
	buf_puts(&b, "abcdefgh \xd0\xa9");	/* shch: four letters */
	s = slug(buf_cstr(&b));
	is_int(strlen(s), 118,
	    "a transliteration that does not fit is left out whole");
	ok(slug_valid(s), "and the slug is valid");
	buf_reset(&b);
	for (i = 0; i < 200; i++)
		buf_putc(&b, 'x');
	s = slug(buf_cstr(&b));
	is_int(strlen(s), SLUG_MAX, "one long word is cut at SLUG_MAX");
	ok(slug_valid(s), "and is a valid slug");
	buf_reset(&b);
	for (i = 0; i < 100; i++)
		buf_puts(&b, "\xd0\xa9");
	s = slug(buf_cstr(&b));
	ok(strlen(s) <= SLUG_MAX && slug_valid(s),
	    "multi-letter transliterations stay within SLUG_MAX");
	buf_free(&b);
	buf_free(&want);
}

static void
test_slug_valid(void)
{
	char	 s[SLUG_MAX + 2];

	ok(slug_valid("a"), "one letter");
	ok(slug_valid("3000-homes"), "digits and hyphens");
	ok(slug_valid("a-b-c"), "hyphens between");
	ok(!slug_valid(""), "empty");
	ok(!slug_valid(NULL), "NULL");
	ok(!slug_valid("-a"), "leading hyphen");
	ok(!slug_valid("a-"), "trailing hyphen");
	ok(!slug_valid("-"), "only a hyphen");
	ok(!slug_valid("a--b"), "double hyphen");
	ok(!slug_valid("A"), "upper case");
	ok(!slug_valid("a_b"), "underscore");
	ok(!slug_valid("a.b"), "period");
	ok(!slug_valid(".."), "dot-dot");
	ok(!slug_valid("a/b"), "slash");
	ok(!slug_valid("a b"), "space");
	ok(!slug_valid("caf\xc3\xa9"), "non-ASCII");
	ok(!slug_valid("a%20b"), "percent");
	memset(s, 'a', SLUG_MAX);
	s[SLUG_MAX] = '\0';
	ok(slug_valid(s), "SLUG_MAX bytes");
	s[SLUG_MAX] = 'a';
	s[SLUG_MAX + 1] = '\0';
	ok(!slug_valid(s), "SLUG_MAX + 1 bytes");
	ok(slug_valid(slug("Russia\xe2\x80\x99s 3,000 \xd0\xa9!")),
	    "text_slugify's output is valid");
}

static void
test_parse_id(void)
{
	long long	 v = -7;

	ok(parse_id("1", &v) && v == 1, "1");
	ok(parse_id("42", &v) && v == 42, "42");
	ok(parse_id("9007199254740992", &v) && v == 9007199254740992LL,
	    "2^53");
	v = -7;
	ok(!parse_id("9007199254740993", &v) && v == -7,
	    "2^53 + 1 is refused, and *out untouched");
	ok(!parse_id("99999999999999999", &v), "17 digits");
	ok(!parse_id("99999999999999999999999", &v), "23 digits");
	ok(!parse_id("0", &v), "0");
	ok(!parse_id("007", &v), "leading zeros");
	ok(!parse_id("-1", &v), "negative");
	ok(!parse_id("+1", &v), "plus sign");
	ok(!parse_id(" 1", &v), "leading space");
	ok(!parse_id("1 ", &v), "trailing space");
	ok(!parse_id("1a", &v), "trailing junk");
	ok(!parse_id("0x10", &v), "hex");
	ok(!parse_id("1e3", &v), "exponent");
	ok(!parse_id("", &v), "empty");
	ok(!parse_id(NULL, &v), "NULL");
}

int
main(void)
{
	arena_init(&A, 0);
	test_utf8();
	test_control();
	test_squish();
	test_slugify();
	test_slug_valid();
	test_parse_id();
	arena_free(&A);
	return done_testing();
}
