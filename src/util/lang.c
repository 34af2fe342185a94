/*
 * lang.c: the language rule.  See lang.h.
 */
#include <string.h>

#include "lang.h"

const char *
lang_of_headline(const char *headline)
{
	const unsigned char *s = (const unsigned char *)headline;

	/* U+0400..U+04FF are encoded with a lead byte D0..D3. */
	for (; s != NULL && *s != '\0'; s++)
		if (*s >= 0xd0 && *s <= 0xd3)
			return "ru";
	return SITE_LANG;
}

const char *
lang_locale(const char *lang)
{
	return strcmp(lang, "ru") == 0 ? "ru_RU" : "en_GB";
}
