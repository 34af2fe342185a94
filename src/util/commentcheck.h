/*
 * commentcheck.h: what a reader's comment must be before it is stored.
 * Pure functions, no I/O, so that they are unit-tested (t/unit/).
 */
#ifndef GAZETTE_COMMENTCHECK_H
#define GAZETTE_COMMENTCHECK_H

#include <stddef.h>

struct arena;

#define COMMENT_NAME_MAX	80	/* characters (code points) */
#define COMMENT_BODY_MAX	5000	/* characters; CR LF counts as one */

enum comment_problem {
	CP_OK,
	CP_NAME_UTF8,		/* not valid UTF-8 */
	CP_NAME_CONTROL,	/* control characters, line breaks, tabs */
	CP_NAME_EMPTY,		/* empty or only white space */
	CP_NAME_LONG,
	CP_BODY_UTF8,
	CP_BODY_CONTROL,	/* control characters other than CR LF tab */
	CP_BODY_EMPTY,
	CP_BODY_LONG,
};

/*
 * Check a comment as posted (name[0..nlen), body[0..blen); either may
 * be NULL for a missing field).  Returns the first problem found, name
 * first; on CP_OK, *clean_name is the name with its white space folded
 * (text_squish), owned by the arena.  The body is stored as typed.
 */
enum comment_problem comment_check(struct arena *, const char *name,
	    size_t nlen, const char *body, size_t blen,
	    const char **clean_name);

/* 1 if the problem is with the name field (else with the body). */
int	 comment_problem_name(enum comment_problem);

/* The body's length as comment_check() counts it (code points, CR LF one). */
size_t	 comment_length(const char *s, size_t n);

/*
 * A copy of s[0..n) safe to show again in a form: every malformed UTF-8
 * byte and every control character (but tab, CR and LF when multiline)
 * becomes U+FFFD.  Owned by the arena.
 */
char	*comment_scrub(struct arena *, const char *s, size_t n, int multiline);

#endif
