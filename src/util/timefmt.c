/*
 * timefmt.c: time formatting and parsing.  See timefmt.h.
 */
#define _GNU_SOURCE		/* timegm, tm_gmtoff */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "timefmt.h"

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/*
 * The site's UTC offset at t.  localtime_r() takes a process-wide lock
 * and reads the zone rules on every call, which shows when four threads
 * format a dozen times per page; offsets only change at transitions,
 * which fall on quarter hours, so each thread remembers the offset of
 * the quarter hours it has met.
 */
static long
zone_offset(int64_t t)
{
	static _Thread_local struct {
		int64_t	 quarter;	/* t / 900 + 1; 0: empty */
		long	 off;
	} memo[64];
	int64_t		 q = (t >= 0 ? t / 900 : (t - 899) / 900) + 1;
	size_t		 i = (size_t)((uint64_t)q % 64);
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	if (memo[i].quarter != q) {
		localtime_r(&tt, &tm);
		memo[i].quarter = q;
		memo[i].off = tm.tm_gmtoff;
	}
	return memo[i].off;
}

/* The civil date and time of t in UTC (days-to-civil, H. Hinnant). */
static struct tm
civil(int64_t t)
{
	struct tm	 tm;
	int64_t		 days, secs, z, era, doe, yoe, y, doy, mp;

	memset(&tm, 0, sizeof(tm));
	days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	secs = t - days * 86400;
	tm.tm_hour = (int)(secs / 3600);
	tm.tm_min = (int)(secs / 60 % 60);
	tm.tm_sec = (int)(secs % 60);
	tm.tm_wday = (int)((days % 7 + 11) % 7);	/* 1970-01-01: Thursday */
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	tm.tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm.tm_mon = (int)(mp < 10 ? mp + 2 : mp - 10);
	tm.tm_year = (int)(y + (tm.tm_mon <= 1) - 1900);
	return tm;
}

static struct tm
local(int64_t t)
{
	long		 off = zone_offset(t);
	struct tm	 tm = civil(t + off);

	tm.tm_gmtoff = off;
	return tm;
}

/* Write n as exactly width digits (zero-padded) at p; returns p + width. */
static char *
digits(char *p, long n, int width)
{
	int	 i;

	for (i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + n % 10);
		n /= 10;
	}
	return p + width;
}

/* Write n with no padding at p; returns the end. */
static char *
number(char *p, long n)
{
	char	 tmp[24];
	int	 k = 0;

	if (n < 0) {
		*p++ = '-';
		n = -n;
	}
	do
		tmp[k++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	while (k > 0)
		*p++ = tmp[--k];
	return p;
}

char *
time_human(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);
	char		*out = arena_alloc(a, 48), *p = out;
	size_t		 n = strlen(months[tm.tm_mon]);

	/* "25 November 2026, 14:07" */
	p = number(p, tm.tm_mday);
	*p++ = ' ';
	memcpy(p, months[tm.tm_mon], n);
	p += n;
	*p++ = ' ';
	p = number(p, tm.tm_year + 1900L);
	*p++ = ',';
	*p++ = ' ';
	p = digits(p, tm.tm_hour, 2);
	*p++ = ':';
	p = digits(p, tm.tm_min, 2);
	*p = '\0';
	return out;
}

char *
time_short(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);
	char		*out = arena_alloc(a, 32), *p = out;

	/* "25 Nov 2026" */
	p = number(p, tm.tm_mday);
	*p++ = ' ';
	memcpy(p, months[tm.tm_mon], 3);
	p += 3;
	*p++ = ' ';
	p = number(p, tm.tm_year + 1900L);
	*p = '\0';
	return out;
}

char *
time_iso(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);
	long		 off = tm.tm_gmtoff / 60;
	char		*out = arena_alloc(a, 40), *p = out;

	/* "2026-11-25T14:07:00+01:00" */
	p = digits(p, tm.tm_year + 1900L, 4);
	*p++ = '-';
	p = digits(p, tm.tm_mon + 1, 2);
	*p++ = '-';
	p = digits(p, tm.tm_mday, 2);
	*p++ = 'T';
	p = digits(p, tm.tm_hour, 2);
	*p++ = ':';
	p = digits(p, tm.tm_min, 2);
	*p++ = ':';
	p = digits(p, tm.tm_sec, 2);
	*p++ = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	p = digits(p, off / 60, 2);
	*p++ = ':';
	p = digits(p, off % 60, 2);
	*p = '\0';
	return out;
}

char *
time_utc(struct arena *a, int64_t t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	gmtime_r(&tt, &tm);
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
}

static const char *const wdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	"Fri", "Sat" };
static const char *const mons[] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

char *
time_http(struct arena *a, int64_t t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	gmtime_r(&tt, &tm);
	return arena_printf(a, "%s, %02d %s %04d %02d:%02d:%02d GMT",
	    wdays[tm.tm_wday], tm.tm_mday, mons[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int64_t
time_http_parse(const char *s)
{
	struct tm	 tm;
	char		 wd[4], mon[4];
	int		 i, n = 0;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || strlen(s) != 29)
		return 0;
	if (sscanf(s, "%3s, %2d %3s %4d %2d:%2d:%2d GMT%n", wd, &tm.tm_mday,
	    mon, &tm.tm_year, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 7 ||
	    n != 29)
		return 0;
	for (i = 0; i < 12 && strcmp(mon, mons[i]) != 0; i++)
		continue;
	if (i == 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60 || tm.tm_year < 1970)
		return 0;
	tm.tm_mon = i;
	tm.tm_year -= 1900;
	return (int64_t)timegm(&tm);
}

char *
time_local_input(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);

	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

int64_t
time_local_parse(const char *s)
{
	struct tm	 tm;
	int		 n = 0, len;
	time_t		 t;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL)
		return 0;
	len = (int)strlen(s);
	if (len != 16 && len != 19)
		return 0;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &n) != 5 || n != 16)
		return 0;
	if (len == 19 && (sscanf(s + 16, ":%2d%n", &tm.tm_sec, &n) != 1 ||
	    n != 3))
		return 0;
	if (tm.tm_year < 1970 || tm.tm_year > 9999 || tm.tm_mon < 1 ||
	    tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return 0;
	return (int64_t)t;
}

void
time_year_month(int64_t t, int *year, int *month)
{
	struct tm	 tm = local(t);

	*year = tm.tm_year + 1900;
	*month = tm.tm_mon + 1;
}

int64_t
time_month_start(int year, int month)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

const char *
time_month_name(int month)
{
	return month >= 1 && month <= 12 ? months[month - 1] : "";
}
