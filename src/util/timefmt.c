/*
 * timefmt.c: time formatting and parsing.  See timefmt.h.
 */
#define _GNU_SOURCE		/* timegm, tm_gmtoff */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "timefmt.h"

static const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

static struct tm
local(int64_t t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	localtime_r(&tt, &tm);
	return tm;
}

char *
time_human(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);

	return arena_printf(a, "%d %s %d, %02d:%02d", tm.tm_mday,
	    months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

char *
time_short(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);

	return arena_printf(a, "%d %.3s %d", tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900);
}

char *
time_iso(struct arena *a, int64_t t)
{
	struct tm	 tm = local(t);
	long		 off = tm.tm_gmtoff / 60;

	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
	    (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
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
