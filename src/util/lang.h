/*
 * lang.h: the one rule for the language of the site and of an article,
 * which every page, feed and preview that declares a language asks.
 */
#ifndef GAZETTE_LANG_H
#define GAZETTE_LANG_H

/* The site's own language (BCP 47): its interface, pages and feeds. */
#define SITE_LANG	"en"

/*
 * The language of an article with this headline: "ru" when it holds
 * Cyrillic letters (U+0400..U+04FF), else the site's.  Static strings.
 */
const char	*lang_of_headline(const char *headline);

/* The Open Graph locale for a language of lang_of_headline(). */
const char	*lang_locale(const char *lang);

#endif
