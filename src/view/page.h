/*
 * page.h: an HTML page: the layout (layout.tpl) around the page's own
 * template, and the fill functions, one per template.
 *
 * Controllers gather their data first, then call page_new(), the fill
 * function for their template, and page_render().
 */
#ifndef GAZETTE_PAGE_H
#define GAZETTE_PAGE_H

#include <stddef.h>
#include <stdint.h>

struct req;
struct view;
struct article;
struct comment;
struct tag;
struct cursor;

struct page {
	struct view	*root;	/* layout.tpl */
	struct view	*body;	/* the page's own template */
	struct view	*head;	/* extra <head> elements, or NULL */
};

/*
 * A page for template tpl titled title ("" for the site's name alone),
 * whose canonical address is path (a site path, already encoded).
 * Owned by the request's arena.
 */
struct page	*page_new(struct req *, const char *tpl, const char *title,
		    const char *path);

/* The meta description (defaults to the site's tagline). */
void		 page_describe(struct page *, const char *);

/* Extra head elements from template tpl; returns their view. */
struct view	*page_head(struct page *, const char *tpl);

/* Ask search engines not to index (editor pages, errors, search). */
void		 page_noindex(struct page *);

/*
 * Render the page into the response body.  Returns status, or 500 if a
 * template failed (logged).
 */
int		 page_render(struct req *, struct page *, int status);

/*
 * Fill functions.  Each fills the view of the template it is named
 * after; they take data already fetched and do no I/O.
 */

/* article_list.tpl, included at marker LIST; lead marks the first row. */
void	 fill_article_list(struct req *, struct view *, const char *marker,
	    const struct article *, int n, int lead);

/*
 * pager.tpl, included at marker PAGER: newer/older links on path for a
 * listing whose first and last rows are given (NULL: no such link).
 */
void	 fill_pager(struct req *, struct view *, const char *path,
	    const struct article *newest, const struct article *oldest);

/* article_show.tpl. */
void	 fill_article_show(struct req *, struct view *,
	    const struct article *, const struct comment *, int ncomments,
	    int more_comments);

/* comment_body.tpl, included at marker in v. */
void	 fill_comment_body(struct req *, struct view *, const char *marker,
	    const char *text);

/* tag_index.tpl and tag_show.tpl. */
void	 fill_tag_index(struct req *, struct view *, const struct tag *,
	    int n);
void	 fill_tag_show(struct req *, struct view *, const struct tag *);

/* error.tpl. */
void	 fill_error(struct view *, int status, const char *message);

/* Readers' comments, posting (issue 4). */

/* What the comment form shows besides its fields. */
struct comment_form {
	int		 open;		/* comments taken now: show the form */
	const char	*token;		/* the signed form token */
	const char	*name;		/* the reader's text, kept, or NULL */
	const char	*body;
	const char	*error;		/* why the post was refused, or NULL */
	int		 error_name;	/* 1: the name field is at fault */
	int		 error_body;	/* 1: the comment field is at fault */
	int		 pending;	/* show "awaits moderation" */
};

/*
 * comment_form.tpl, included at COMMENT_FORM in article_show.tpl (whose
 * comment section must be shown).
 */
void	 fill_comment_form(struct req *, struct view *, const char *slug,
	    const struct comment_form *);

#endif
