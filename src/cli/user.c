/*
 * user.c: gazette user, the editors' accounts.
 *
 *   user add NAME [--role admin|editor|contributor]
 *                 [--display "Full Name"]
 *                 [--random-password]
 *   user passwd NAME [--random-password]
 *   user list
 *   user role NAME admin|editor|contributor
 *   user 2fa-reset NAME      (a lost phone: two-factor sign-in off)
 *   user disable NAME
 *   user enable NAME
 *
 * A password is read from standard input: typed twice without echo on
 * a terminal, or one line from a pipe.  With --random-password one is
 * made up and printed, alone, on standard output (scripts/run relies on
 * that); it is shown only this once.  Passwords are never logged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/secret.h"
#include "../util/text.h"
#include "../util/timefmt.h"
#include "cli.h"


/* Read one line from f into buf; 0, or -1 at end of input or if too long. */
static int
read_line(FILE *f, char *buf, size_t size)
{
	size_t	 n;

	if (fgets(buf, (int)size, f) == NULL)
		return -1;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(f))
		return -1;	/* longer than the buffer */
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

/* Prompt on the terminal with echo off and read a line; 0 or -1. */
static int
read_hidden(const char *prompt, char *buf, size_t size)
{
	struct termios	 old, quiet;
	int		 rc, restore;

	fputs(prompt, stderr);
	fflush(stderr);
	restore = tcgetattr(STDIN_FILENO, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	rc = read_line(stdin, buf, size);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	return rc;
}

/*
 * The new password into pw (PW_MAX + 2 bytes): made up, typed twice on
 * a terminal, or one line of standard input.  Returns 0, or -1 after
 * saying why.
 */
static int
get_password(int random, char *pw, size_t size)
{
	char	 again[PW_MAX + 2];
	size_t	 n;

	if (random) {
		pw_random(pw);
		return 0;
	}
	if (isatty(STDIN_FILENO)) {
		if (read_hidden("Password: ", pw, size) < 0 ||
		    read_hidden("Password again: ", again, sizeof(again)) < 0) {
			fprintf(stderr, "gazette: user: no password read\n");
			return -1;
		}
		if (strcmp(pw, again) != 0) {
			sodium_memzero(again, sizeof(again));
			fprintf(stderr, "gazette: user: the passwords differ\n");
			return -1;
		}
		sodium_memzero(again, sizeof(again));
	} else if (read_line(stdin, pw, size) < 0) {
		fprintf(stderr, "gazette: user: no password on standard input "
		    "(one line, at most %d bytes)\n", PW_MAX);
		return -1;
	}
	n = strlen(pw);
	if (n < PW_MIN || n > PW_MAX) {
		fprintf(stderr, "gazette: user: a password has %d to %d bytes\n",
		    PW_MIN, PW_MAX);
		return -1;
	}
	return 0;
}

/* One line saying what is wrong; gazette help has the usage. */
static int
usage(const char *cmd, const char *why, const char *arg)
{
	fprintf(stderr, "gazette: user%s%s: %s%s%s%s (see gazette help)\n",
	    cmd ? " " : "", cmd ? cmd : "", why, arg ? " '" : "",
	    arg ? arg : "", arg ? "'" : "");
	return 2;
}

static int
user_add(struct store *s, int argc, char *argv[])
{
	const char	*name = NULL, *display = NULL;
	char		 pw[PW_MAX + 2], hash[PW_HASH_MAX];
	enum role	 role = ROLE_EDITOR;
	int		 i, random = 0, rc;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc) {
			if ((role = role_parse(argv[++i])) == ROLE_NONE) {
				fprintf(stderr, "gazette: user add: --role is "
				    "admin, editor or contributor\n");
				return 2;
			}
		} else if (strcmp(argv[i], "--display") == 0 && i + 1 < argc)
			display = argv[++i];
		else if (strcmp(argv[i], "--random-password") == 0)
			random = 1;
		else if (argv[i][0] != '-' && name == NULL)
			name = argv[i];
		else
			return usage("add", "unexpected argument", argv[i]);
	}
	if (name == NULL)
		return usage("add", "give the account's NAME", NULL);
	if (!account_name_ok(name)) {
		fprintf(stderr, "gazette: user add: '%s': a name has 1 to %d "
		    "characters a-z, 0-9, '.', '_', '-', starting with a "
		    "letter or digit\n", name, ACCOUNT_NAME_MAX);
		return 2;
	}
	if (display == NULL)
		display = name;
	if (!account_display_ok(display)) {
		fprintf(stderr, "gazette: user add: the display name must be "
		    "1 to %d characters of UTF-8 text\n", ACCOUNT_DISPLAY_MAX);
		return 2;
	}
	if (get_password(random, pw, sizeof(pw)) < 0)
		return 1;
	rc = pw_hash(pw, hash);
	if (rc == 0)
		rc = store_user_add(s, name, display, role, hash,
		    (int64_t)time(NULL));
	if (rc == 1)
		fprintf(stderr, "gazette: user add: '%s' exists already\n",
		    name);
	else if (rc == 0) {
		if (random)
			printf("%s\n", pw);
		else
			printf("added %s '%s'\n", role_name(role), name);
	}
	sodium_memzero(pw, sizeof(pw));
	return rc == 0 ? 0 : 1;
}

static int
user_passwd(struct store *s, int argc, char *argv[])
{
	const char	*name = NULL;
	char		 pw[PW_MAX + 2], hash[PW_HASH_MAX];
	int		 i, random = 0, rc;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--random-password") == 0)
			random = 1;
		else if (argv[i][0] != '-' && name == NULL)
			name = argv[i];
		else
			return usage("passwd", "unexpected argument", argv[i]);
	}
	if (name == NULL)
		return usage("passwd", "give the account's NAME", NULL);
	if (get_password(random, pw, sizeof(pw)) < 0)
		return 1;
	rc = pw_hash(pw, hash) < 0 ? -1 : store_user_passwd(s, name, hash);
	if (rc == 0)
		fprintf(stderr, "gazette: user passwd: no user '%s'\n", name);
	else if (rc == 1) {
		if (random)
			printf("%s\n", pw);
		else
			printf("password of '%s' changed; its sessions ended\n",
			    name);
	}
	sodium_memzero(pw, sizeof(pw));
	return rc == 1 ? 0 : 1;
}

static int
user_list(struct store *s, struct arena *a)
{
	struct user	*u;
	int		 n, i;

	if ((n = store_users_all(s, a, &u)) < 0)
		return 1;
	for (i = 0; i < n; i++)
		printf("%-20s %-11s %-9s %s  %s\n", u[i].name,
		    role_name(u[i].role),
		    u[i].disabled ? "disabled" : u[i].invited ? "invited" :
		    "active",
		    time_short(a, u[i].created_at), u[i].display);
	return 0;
}

static int
user_role(struct store *s, int argc, char *argv[])
{
	enum role	 role;
	int		 rc;

	if (argc != 2)
		return usage("role", "give the account's NAME and its ROLE",
		    NULL);
	if ((role = role_parse(argv[1])) == ROLE_NONE)
		return usage("role", "a role is admin, editor or contributor:",
		    argv[1]);
	store_audit_next(s, (int64_t)time(NULL), 0, "", "user.role", argv[0],
	    role_name(role));
	if ((rc = store_user_role(s, argv[0], role)) == 0)
		fprintf(stderr, "gazette: user role: no user '%s'\n", argv[0]);
	else if (rc == 1) {
		printf("'%s' is now %s\n", argv[0], role_name(role));
	}
	return rc == 1 ? 0 : 1;
}

static int
user_2fa_reset(struct store *s, struct arena *a, const char *name)
{
	struct user	 u;
	int		 rc;

	if ((rc = store_user_by_name(s, a, name, &u)) == 0)
		fprintf(stderr, "gazette: user 2fa-reset: no user '%s'\n", name);
	if (rc <= 0)
		return 1;
	store_audit_next(s, (int64_t)time(NULL), 0, "", "2fa.reset", name, "");
	if (store_totp_reset(s, u.id) < 0)
		return 1;
	printf("two-factor sign-in of '%s' is off; its recovery codes are "
	    "gone\n", name);
	return 0;
}

static int
user_disable(struct store *s, const char *name, int disabled)
{
	int	 rc;

	store_audit_next(s, (int64_t)time(NULL), 0, "", disabled ?
	    "user.disable" : "user.enable", name, "");
	if ((rc = store_user_disable(s, name, disabled)) == 0)
		fprintf(stderr, "gazette: user: no user '%s'\n", name);
	else if (rc == 1)
		printf("'%s' %s\n", name, disabled ?
		    "disabled; its sessions ended" : "enabled");
	return rc == 1 ? 0 : 1;
}

int
cli_user(int argc, char *argv[])
{
	struct store	*s;
	struct arena	 a;
	const char	*cmd;
	int		 rc;

	if (argc < 2)
		return usage(NULL, "missing command: add, passwd, list, "
		    "role, 2fa-reset, disable or enable", NULL);
	cmd = argv[1];
	if (strcmp(cmd, "add") != 0 && strcmp(cmd, "passwd") != 0 &&
	    strcmp(cmd, "list") != 0 && strcmp(cmd, "disable") != 0 &&
	    strcmp(cmd, "enable") != 0 && strcmp(cmd, "role") != 0 &&
	    strcmp(cmd, "2fa-reset") != 0)
		return usage(NULL, "unknown command", cmd);
	if (strcmp(cmd, "list") == 0 && argc != 2)
		return usage(cmd, "unexpected argument", argv[2]);
	if ((strcmp(cmd, "disable") == 0 || strcmp(cmd, "enable") == 0 ||
	    strcmp(cmd, "2fa-reset") == 0) && argc != 3)
		return argc < 3 ? usage(cmd, "give the account's NAME", NULL) :
		    usage(cmd, "unexpected argument", argv[3]);
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (strcmp(cmd, "add") == 0)
		rc = user_add(s, argc - 2, argv + 2);
	else if (strcmp(cmd, "passwd") == 0)
		rc = user_passwd(s, argc - 2, argv + 2);
	else if (strcmp(cmd, "list") == 0)
		rc = user_list(s, &a);
	else if (strcmp(cmd, "role") == 0)
		rc = user_role(s, argc - 2, argv + 2);
	else if (strcmp(cmd, "2fa-reset") == 0)
		rc = user_2fa_reset(s, &a, argv[2]);
	else
		rc = user_disable(s, argv[2], strcmp(cmd, "disable") == 0);
	arena_free(&a);
	store_close(s);
	return rc;
}
