/*
 * 10-timefmt: the hand-written time formatting agrees with the C
 * library's, in zones with summer time, half-hour and 45-minute
 * offsets, across four centuries of dates; HTTP dates round-trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../src/util/arena.h"
#include "../../src/util/timefmt.h"
#include "tap.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* In a child (a fresh per-thread offset memo per zone): 0 if all agree. */
static int
check_zone(const char *zone)
{
	struct arena	 a;
	struct tm	 tm;
	char		 want[128], iso[64];
	long long	 t;
	long		 off;
	int		 bad = 0;
	time_t		 tt;

	setenv("TZ", zone, 1);
	tzset();
	arena_init(&a, 0);
	for (t = -86400LL * 365 * 30; t < 4102444800LL; t += 7919 * 13) {
		tt = (time_t)t;
		localtime_r(&tt, &tm);
		strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%S", &tm);
		off = tm.tm_gmtoff / 60;
		snprintf(want, sizeof(want), "%s%c%02ld:%02ld", iso,
		    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
		if (strcmp(time_iso(&a, t), want) != 0 && bad++ < 3)
			printf("# %s %lld: %s, want %s\n", zone, t,
			    time_iso(&a, t), want);
		snprintf(want, sizeof(want), "%d %s %d, %02d:%02d", tm.tm_mday,
		    month_names[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		    tm.tm_min);
		if (strcmp(time_human(&a, t), want) != 0 && bad++ < 3)
			printf("# %s %lld: %s, want %s\n", zone, t,
			    time_human(&a, t), want);
		snprintf(want, sizeof(want), "%d %.3s %d", tm.tm_mday,
		    month_names[tm.tm_mon], tm.tm_year + 1900);
		if (strcmp(time_short(&a, t), want) != 0 && bad++ < 3)
			printf("# %s %lld: %s, want %s\n", zone, t,
			    time_short(&a, t), want);
		if (time_http_parse(time_http(&a, t)) != (t < 0 ? 0 : t) &&
		    t >= 0 && bad++ < 3)
			printf("# %lld: HTTP date does not round-trip\n", t);
		arena_reset(&a);
	}
	arena_free(&a);
	fflush(stdout);
	return bad;
}

int
main(void)
{
	static const char *const zones[] = { "UTC", "Europe/London",
	    "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
	    "Pacific/Chatham" };
	size_t	 i;
	pid_t	 pid;
	int	 status;

	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		fflush(stdout);
		if ((pid = fork()) == 0)
			_exit(check_zone(zones[i]) ? 1 : 0);
		waitpid(pid, &status, 0);
		ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "%s: ISO, human and short times match the C library",
		    zones[i]);
	}
	return done_testing();
}
