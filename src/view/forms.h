/*
 * forms.h: what the article form shows, shared by
 * the controller that checks it (src/ctl/article_form.c) and the fill
 * function that shows it again (src/view/fill_article_form.c).
 */
#ifndef GAZETTE_FORMS_H
#define GAZETTE_FORMS_H

#include <stdint.h>

#include "../model.h"

/* The article form's fields, in the order the form shows them. */
enum af_field {
	AF_HEADLINE,
	AF_SUMMARY,
	AF_BYLINE,
	AF_AUTHORS,	/* account authors' login names, comma-separated */
	AF_DATELINE,
	AF_SOURCE,
	AF_PUBLISHED,	/* publication time, site's zone, datetime-local */
	AF_BODY,	/* Markdown */
	AF_TAGS,	/* comma-separated */
	AF_SLUG,
	AF_CHANGE,	/* typo, update or correction (live articles) */
	AF_NOTE,	/* the public note of an update or correction */
	AF__MAX
};

struct article_form {
	long long	 id;		/* 0: a new article */
	enum article_status status;	/* as stored (a new one: draft) */
	int		 live;		/* published and due: changes need a kind */
	int		 scheduled;	/* published, not yet due */
	const char	*slug;		/* as stored, for links */
	int64_t		 published_at;	/* as stored (0: never) */
	enum comments_mode comments;
	const char	*val[AF__MAX];	/* as typed, or as stored */
	const char	*err[AF__MAX];	/* message next to the field, or NULL */
	const char	*error;		/* message above the form, or NULL */
	/* Review: what the signed-in account may do, and the queue. */
	int		 may_publish;	/* an editor: publish, unpublish, delete */
	int64_t		 submitted_at;	/* waiting for review since; 0: not */
	const char	*review_note;	/* the note it was returned with, or "" */
	/* Conflicts: the newest revision when the form was made, the
	 * article as stored, and the other editor's version (or NULL). */
	long long	 base_rev;
	const struct article *stored;
	struct revision	*theirs;
	/* Signing in again to save: the form goes to ACTION/login with
	 * the action first pressed; name as typed; message above. */
	/* What rendering changed, told with a preview (NULL: nothing). */
	const char	*render_note[3];
	int		 relogin;
	const char	*relogin_name;
	const char	*relogin_action;
	const char	*relogin_message;
	const struct media *lead;	/* the stored lead photograph, or NULL */
	/* The accounts the authors field may name (a hint), and the
	 * authors it names once checked. */
	const struct user *accounts;
	int		 naccounts;
	struct author	*authors;
	size_t		 nauthors;
};

/* The newsroom's article list (ctl/article_desk.c, fill_desk.c). */
struct desk_view {
	struct article_filter filter;
	const char	*status;	/* as the address names it: "draft" */
	const char	*title;
	const char	*author;	/* the filters as asked ("": none) */
	const char	*tag;
	const char	*words;
	const struct article *rows;
	int		 n;
	const char	*older_url;	/* the next page, filters kept, or NULL */
	const struct user *accounts;	/* for the author filter */
	int		 naccounts;
};

/* A bulk action on articles, and what it does to one of them. */
enum bulk_action {
	BULK_PUBLISH,
	BULK_UNPUBLISH,
	BULK_DELETE,
	BULK__MAX
};
struct bulk_item {
	struct article	 a;
	const char	*change;	/* what will become of it, or NULL */
	const char	*why;		/* why nothing will (change NULL) */
};

#endif
