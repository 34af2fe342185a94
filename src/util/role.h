/*
 * role.h: the roles of accounts, in increasing power, and what makes
 * an account's name and display name valid.  A route names the least
 * role it needs (src/ctl/routes.c); a higher one may too.
 */
#ifndef GAZETTE_ROLE_H
#define GAZETTE_ROLE_H

enum role {
	ROLE_NONE,		/* anonymous: no session needed */
	ROLE_CONTRIBUTOR,	/* writes and submits their own drafts */
	ROLE_EDITOR,		/* publishes, edits any article, moderates */
	ROLE_ADMIN,		/* also accounts and settings */
	ROLE__MAX
};

/* The role's name as stored and typed ("editor"); "" for ROLE_NONE. */
const char	*role_name(enum role);

/* The role named s, or ROLE_NONE for anything else (NULL included). */
enum role	 role_parse(const char *s);

#define ACCOUNT_NAME_MAX	32	/* bytes of a login name */
#define ACCOUNT_DISPLAY_MAX	100	/* characters of a display name */
#define ACCOUNT_BIO_MAX		1000	/* characters of a short bio */

/* 1 if name is a valid login name: 1 to 32 of [a-z0-9._-], starting
 * with a letter or digit. */
int		 account_name_ok(const char *name);

/* 1 if s is a valid display name: 1 to 100 characters of UTF-8 text,
 * not blank, on one line. */
int		 account_display_ok(const char *s);

/* 1 if s is a valid bio: up to 1000 characters of UTF-8 text, several
 * lines allowed. */
int		 account_bio_ok(const char *s);

#endif
