/*
 * timefmt.h: times as readers and protocols need them.  Shown times are
 * in the site's time zone (TZ is set once at start-up from --timezone);
 * protocol times are UTC.  Results are owned by the arena.
 */
#ifndef GAZETTE_TIMEFMT_H
#define GAZETTE_TIMEFMT_H

#include <stdint.h>

struct arena;

/* "25 November 2026, 14:07" in the site's zone. */
char	*time_human(struct arena *, int64_t);

/* "25 Nov 2026" in the site's zone. */
char	*time_short(struct arena *, int64_t);

/* "2026-11-25T14:07:00+01:00" in the site's zone (for <time>, JSON-LD). */
char	*time_iso(struct arena *, int64_t);

/* "2026-11-25T13:07:00Z" (Atom, sitemaps). */
char	*time_utc(struct arena *, int64_t);

/* "Wed, 25 Nov 2026 13:07:00 GMT" (HTTP). */
char	*time_http(struct arena *, int64_t);

/* Parse an HTTP date; 0 if malformed. */
int64_t	 time_http_parse(const char *);

/* "2026-11-25T14:07" in the site's zone, for <input type=datetime-local>. */
char	*time_local_input(struct arena *, int64_t);

/* Parse that form (seconds optional); returns 0 if malformed. */
int64_t	 time_local_parse(const char *);

/* Year and month (1-12) of t in the site's zone. */
void	 time_year_month(int64_t, int *year, int *month);

/* Unix time of the first second of year/month in the site's zone. */
int64_t	 time_month_start(int year, int month);

/* "November" for 11 (archives); "" outside 1..12. */
const char *time_month_name(int month);

#endif
