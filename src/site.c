/*
 * site.c: the settings an admin changes while the site runs.  See
 * site.h.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/log.h"
#include "util/text.h"

#define CLOSE_DAYS_MAX	36500

struct version {
	struct site	 s;
	char		*title;		/* owned copies of s's strings */
	char		*tagline;
	struct version	*older;		/* freed by site_free() */
};

static _Atomic(struct version *) current;
static _Atomic(uint64_t) versions;	/* versions published so far */
static const char *const keys[] = {
	"site.title", "site.tagline", "site.comment_moderation",
	"site.comment_close_days", "site.logo",
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

/* The flags' values, until site_load(). */
static const struct site *
flags(struct site *s)
{
	s->title = cfg.title;
	s->tagline = cfg.tagline;
	s->moderation = cfg.moderation;
	s->comment_close_days = cfg.comment_close_days;
	s->logo = 0;
	return s;
}

const struct site *
site(void)
{
	struct version	*v = atomic_load(&current);
	static struct site fallback;

	return v != NULL ? &v->s : flags(&fallback);
}

int
site_days_parse(const char *s, int *days)
{
	char	*end;
	long	 n;

	if (s == NULL)
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 0 ||
	    n > CLOSE_DAYS_MAX)
		return -1;
	*days = (int)n;
	return 0;
}

/* A line of text: valid UTF-8, no control character, at most max. */
static int
line_ok(const char *s, size_t max)
{
	size_t	 n = strlen(s);

	return utf8_valid(s, n) && !text_has_control(s, n, 0) &&
	    utf8_len(s, n) <= max;
}

const char *
site_check(const struct site *s)
{
	if (s->title == NULL || text_blank(s->title))
		return "The site needs a name.";
	if (!line_ok(s->title, SITE_TITLE_MAX))
		return "The name must be one line of at most 100 characters.";
	if (s->tagline == NULL || !line_ok(s->tagline, SITE_TAGLINE_MAX))
		return "The line under the name must be one line of at most "
		    "200 characters.";
	if ((unsigned)s->moderation >= MODERATION_N)
		return "Comment moderation is open, first-time or all.";
	if (s->comment_close_days < 0 ||
	    s->comment_close_days > CLOSE_DAYS_MAX)
		return "Comments close after 0 (never) to 36500 days.";
	if (s->logo < 0)
		return "The logo is a media library image's number, or none.";
	return NULL;
}

/* Make a copy of s the current version. */
static int
publish(const struct site *s)
{
	struct version	*v;

	if ((v = calloc(1, sizeof(*v))) == NULL ||
	    (v->title = strdup(s->title)) == NULL ||
	    (v->tagline = strdup(s->tagline)) == NULL) {
		if (v != NULL)
			free(v->title);
		free(v);
		LOG_ERR("out of memory");
		return -1;
	}
	v->s = *s;
	v->s.title = v->title;
	v->s.tagline = v->tagline;
	v->older = atomic_load(&current);
	atomic_store(&current, v);
	/* After the swap: a page labelled with this count shows v or later. */
	atomic_fetch_add(&versions, 1);
	return 0;
}

int
site_load(struct store *st)
{
	struct site	 s, f;
	struct arena	 a;
	const char	*val[NKEYS] = { NULL, NULL, NULL, NULL, NULL };
	char		*end;
	size_t		 i;
	int		 rc = 0;

	flags(&s);
	arena_init(&a, 0);
	/* A key never saved leaves its value NULL: the flag's. */
	for (i = 0; i < NKEYS; i++)
		if (store_setting_get(st, &a, keys[i], &val[i]) < 0) {
			arena_free(&a);
			return -1;
		}
	if (val[0] != NULL)
		s.title = val[0];
	if (val[1] != NULL)
		s.tagline = val[1];
	if (val[2] != NULL && moderation_parse(val[2], &s.moderation) < 0)
		LOG_ERR("settings: %s '%s' ignored", keys[2], val[2]);
	if (val[3] != NULL && site_days_parse(val[3], &s.comment_close_days) < 0)
		LOG_ERR("settings: %s '%s' ignored", keys[3], val[3]);
	if (val[4] != NULL) {
		s.logo = strtoll(val[4], &end, 10);
		if (*end != '\0' || s.logo < 0) {
			LOG_ERR("settings: %s '%s' ignored", keys[4], val[4]);
			s.logo = 0;
		}
	}
	/* The flags are taken as given; what was saved must be valid. */
	if ((val[0] || val[1] || val[2] || val[3]) && site_check(&s) != NULL) {
		LOG_ERR("settings: saved site settings ignored: %s",
		    site_check(&s));
		s = *flags(&f);
	}
	rc = publish(&s);
	arena_free(&a);
	return rc;
}

int
site_save(struct store *st, const struct site *s)
{
	char		 days[16], logo[32];
	const char	*val[NKEYS];

	if (site_check(s) != NULL)
		return -1;
	snprintf(days, sizeof(days), "%d", s->comment_close_days);
	val[0] = s->title;
	val[1] = s->tagline;
	val[2] = moderation_name(s->moderation);
	val[3] = days;
	snprintf(logo, sizeof(logo), "%lld", s->logo);
	val[4] = logo;
	/* Saved first: a failed save changes nothing anyone sees. */
	if (store_settings_save(st, keys, val, NKEYS) < 0)
		return -1;
	return publish(s);
}

uint64_t
site_generation(uint64_t store_gen)
{
	return store_gen + ((atomic_load(&versions) & 0xffff) << 48);
}

void
site_free(void)
{
	struct version	*v = atomic_exchange(&current, NULL), *older;

	for (; v != NULL; v = older) {
		older = v->older;
		free(v->title);
		free(v->tagline);
		free(v);
	}
}
