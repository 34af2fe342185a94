/*
 * text.h: small text helpers with no dependencies: UTF-8 checks,
 * whitespace normalisation, slugs.  All results are owned by the arena
 * passed in.
 */
#ifndef GAZETTE_TEXT_H
#define GAZETTE_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct buf;

#define SLUG_MAX	120	/* bytes; longer slugs are cut at a word */

/* 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates, >U+10FFFF). */
int	 utf8_valid(const char *s, size_t n);

/*
 * Decode one code point from s[0..n).  Returns its length in bytes and
 * stores it in *cp, or returns 0 for a malformed sequence (overlong,
 * surrogate, beyond U+10FFFF, or cut short).
 */
size_t	 utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/*
 * Append code point c to b as UTF-8; NUL, a surrogate or a value past
 * U+10FFFF goes in as U+FFFD.
 */
void	 utf8_put(struct buf *b, unsigned long c);

/* The value of hexadecimal digit c, or -1. */
int	 hex_digit(int c);

/* Number of code points in well-formed UTF-8. */
size_t	 utf8_len(const char *s, size_t n);

/*
 * 1 if s[0..n) holds a C0 control character (or DEL, or a C1 control
 * U+0080..U+009F).  Tab, CR and LF are allowed when multiline is set.
 */
int	 text_has_control(const char *s, size_t n, int multiline);

/*
 * Make s[0..n) fit for a page or a feed.  HTML
 * and XML allow neither malformed UTF-8 nor control characters, and a
 * form that comes back "as typed" would otherwise carry them.  Returns
 * 0 when s is fine as it is (nothing is written), or 1 after appending
 * to out a copy in which every malformed sequence and every control
 * character but tab, CR and LF (C0, DEL, C1) is U+FFFD.
 */
int	 text_displayable(struct buf *out, const char *s, size_t n);

/*
 * A copy of s with every run of white space (ASCII and Unicode spaces
 * such as U+00A0) folded into one ASCII space, and no leading or
 * trailing space.
 */
char	*text_squish(struct arena *, const char *s);

/*
 * A copy of s with the no-break spaces of pasted wire copy (U+00A0,
 * U+2007, U+202F) made ASCII spaces, as the importer folds them; line
 * breaks and other white space stay, so that Markdown keeps its
 * meaning (indented code, two spaces for a line break).
 */
char	*text_plain_spaces(struct arena *, const char *s);

/* 1 if s is empty or only white space (ASCII or Unicode, as above). */
int	 text_blank(const char *s);

/*
 * A URL slug for s: lower-case ASCII letters and digits separated by
 * single hyphens, with common Latin accents folded and Cyrillic
 * transliterated, at most SLUG_MAX bytes (cut after a whole word when
 * there is one).  Apostrophes join ("Russia's" gives "russias"), and so
 * does a comma or period between digits ("3,000" gives "3000").  May
 * return "" when s has no letters or digits; callers choose a fallback.
 */
char	*text_slugify(struct arena *, const char *s);

/* 1 if s is a well-formed slug as text_slugify() makes them. */
int	 slug_valid(const char *s);

/* 1 if s is a decimal integer in 1..2^53 with no sign or junk; stores it. */
int	 parse_id(const char *s, long long *out);

#endif
