/*
 * jsonesc.h: text as the inside of a JSON string, safe in HTML too.
 *
 * For JSON-LD in <script type="application/ld+json"> (see the x-json
 * template modifier in src/view/bridge.cc).  The output is valid JSON
 * string content for any input, and holds none of < > & ' " at all,
 * so that it can neither end the script element ("</script>") nor an
 * HTML attribute.
 */
#ifndef GAZETTE_JSONESC_H
#define GAZETTE_JSONESC_H

#include <stddef.h>

struct buf;

/*
 * Append s[0..n) to b, escaped: " \ and control characters as JSON
 * requires; < > & ' and " as \u003c \u003e \u0026 \u0027 \u0022;
 * U+2028 and U+2029 as \u2028 \u2029 (line ends to JavaScript); each
 * byte of malformed UTF-8 as \ufffd.  No quotes are added around it.
 */
void	 json_escape_str(struct buf *b, const char *s, size_t n);

#endif
