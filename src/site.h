/*
 * site.h: the settings an admin changes from /admin/settings while the
 * site runs: its name, the line under it, and the comment policy.  The
 * flags (config.h) give their values until an admin saves others,
 * which the database keeps (settings table, keys "site.*") and which
 * then win over the flags, at this start and the next.
 *
 * Readers take site() once per use; a save makes a new version current
 * with one atomic store, so no lock is held while pages are made.  Old
 * versions are kept until site_free() (saves are rare and small).
 */
#ifndef GAZETTE_SITE_H
#define GAZETTE_SITE_H

#include <stdint.h>

#include "config.h"

struct store;

#define SITE_TITLE_MAX		100	/* characters */
#define SITE_TAGLINE_MAX	200	/* characters */

struct site {
	const char	*title;		/* 1 to SITE_TITLE_MAX characters */
	const char	*tagline;	/* 0 to SITE_TAGLINE_MAX characters */
	enum moderation	 moderation;
	int		 comment_close_days;	/* 0: never */
	long long	 logo;		/* media library image (0: none), the
					   publisher's logo for search engines */
};

/* The current settings; before site_load(), the flags' values. */
const struct site *site(void);

/*
 * Make the flags' values, overridden by those saved in the store,
 * current.  Returns 0, or -1 (logged) if the store cannot be read.
 */
int	 site_load(struct store *);

/*
 * Save s (checked with site_check() first) in the store and make it
 * current.  Returns 0, or -1 (logged) and nothing changed.
 */
int	 site_save(struct store *, const struct site *);

/*
 * NULL if s may be saved, else what is wrong with it, for the admin.
 * close_days is checked here too: 0 to 36500.
 */
const char *site_check(const struct site *);

/* Parse a number of days for comment_close_days (0..36500); 0 or -1. */
int	 site_days_parse(const char *, int *days);

/*
 * The generation that labels cached pages and validators: the store's,
 * with the count of settings versions in its top bits.  Read before
 * site() and any data, a page labelled with it never shows older
 * settings than the label says; a save (committed, then made current)
 * changes it, so that no page made before is served after.
 */
uint64_t site_generation(uint64_t store_gen);

/* Free every version (at exit). */
void	 site_free(void);

#endif
