/*
 * role.h: the roles of accounts, in increasing power.  A route names
 * the least role it needs (src/ctl/routes.c); a higher one may too.
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

#endif
