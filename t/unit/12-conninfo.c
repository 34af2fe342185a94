/*
 * 12-conninfo: database names as logs show them, passwords masked
 * (src/util/conninfo.c).
 */
#include <string.h>

#include "../../src/util/conninfo.h"
#include "tap.h"

static char	 buf[256];

static int
shows(const char *where, const char *want)
{
	conninfo_shown(where, buf, sizeof(buf));
	if (strcmp(buf, want) != 0) {
		printf("# got  %s\n# want %s\n", buf, want);
		return 0;
	}
	return 1;
}

int
main(void)
{
	ok(shows("var/gazette.db", "var/gazette.db"), "a file path as it is");
	ok(shows("/srv/my password=x.db", "/srv/my password=***"),
	    "even a path is masked where it looks like a password");
	ok(shows("host=/tmp dbname=site user=app",
	    "host=/tmp dbname=site user=app"), "no password: as it is");
	ok(shows("host=a,b dbname=site password=s3cret user=app",
	    "host=a,b dbname=site password=*** user=app"),
	    "a keyword string's password");
	ok(shows("host=a password = 'it\\'s x' user=app",
	    "host=a password = *** user=app"), "a quoted one, spaces around =");
	ok(shows("host=a sslpassword=k dbname=d", "host=a sslpassword=*** dbname=d"),
	    "sslpassword too");
	ok(shows("postgresql://app:s3cret@db1,db2/site?target_session_attrs=read-write",
	    "postgresql://app:***@db1,db2/site?target_session_attrs=read-write"),
	    "a URI's user:password@");
	ok(shows("postgres://app@db/site?password=x&sslmode=require",
	    "postgres://app@db/site?password=***&sslmode=require"),
	    "a URI's password= parameter");
	ok(shows("postgresql://a:b:c@h/d", "postgresql://a:***@h/d"),
	    "a password holding a colon");
	ok(shows("postgresql://h/d", "postgresql://h/d"), "a URI without one");
	conninfo_shown("password=abcdefgh", buf, 12);
	ok(strcmp(buf, "password=**") == 0, "truncated to fit, masked still");
	return done_testing();
}
