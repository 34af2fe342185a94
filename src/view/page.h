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

#include "../util/role.h"

struct arena;
struct buf;
struct editor;
struct view;
struct article;
struct comment;
struct tag;
struct cursor;
struct media;
struct buf;

/*
 * What every view of one request may need besides its data.  The
 * controllers make it from the request (ctl_vctx()); views never see
 * the request itself.
 */
struct vctx {
	struct arena	*arena;		/* the request's: owns what views make */
	int64_t		 now;		/* the request's time, unix seconds */
	const struct editor *editor;	/* signed in (with the CSRF token), or NULL */
	const char	*search;	/* the words in the search box, or NULL */
};

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
struct page	*page_new(const struct vctx *, const char *tpl, const char *title,
		    const char *path);

/* The meta description (defaults to the site's tagline). */
void		 page_describe(struct page *, const char *);

/* Extra head elements from template tpl; returns their view. */
struct view	*page_head(struct page *, const char *tpl);

/* Ask search engines not to index (editor pages, errors, search). */
void		 page_noindex(struct page *);

/*
 * Render the page, appending to out.  Returns 0, or -1 if a template
 * failed (logged; out is then emptied).
 */
int		 page_render(const struct vctx *, struct page *, struct buf *out);

/*
 * Fill functions.  Each fills the view of the template it is named
 * after; they take data already fetched and do no I/O.
 */

/*
 * article_list.tpl, included at marker LIST; lead marks the first row.
 * leads (or NULL) holds each article's lead photograph (or NULL): a
 * thumbnail, or the lead story's picture.
 */
void	 fill_article_list(const struct vctx *, struct view *, const char *marker,
	    const struct article *, const struct media *const *leads, int n,
	    int lead);

/*
 * pager.tpl, included at marker PAGER: newer/older links on path for a
 * listing whose first and last rows are given (NULL: no such link).
 */
void	 fill_pager(const struct vctx *, struct view *, const char *path,
	    const struct article *newest, const struct article *oldest);

/* article_show.tpl. */
void	 fill_article_show(const struct vctx *, struct view *,
	    const struct article *, const struct comment *, int ncomments,
	    int more_comments);

/* comment_body.tpl, included at marker in v. */
void	 fill_comment_body(const struct vctx *, struct view *, const char *marker,
	    const char *text);

/* tag_index.tpl and tag_show.tpl. */
void	 fill_tag_index(const struct vctx *, struct view *, const struct tag *,
	    int n);
void	 fill_tag_show(const struct vctx *, struct view *, const struct tag *);

/* error.tpl. */
/* error.tpl: status with its reason phrase ("Not Found"), message. */
void	 fill_error(struct view *, int status, const char *reason,
	    const char *message);

/* Readers' comments, posting. */

/* What the comment form shows besides its fields. */
struct comment_form {
	const char	*token;		/* the signed form token */
	const char	*name;		/* the reader's text, kept, or NULL */
	const char	*body;
	const char	*error;		/* why the post was refused, or NULL */
	int		 error_name;	/* 1: the name field is at fault */
	int		 error_body;	/* 1: the comment field is at fault */
};

/*
 * comment_page.tpl: the comment page of article a, with the form
 * (comment_form.tpl) showing f.
 */
void	 fill_comment_page(const struct vctx *, struct view *,
	    const struct article *a, const struct comment_form *f);

/*
 * Search, feeds, archives, related
 * articles, link-preview metadata and sitemaps.
 */
struct ftsq;
struct archive_month;
struct sitemap_url;
struct sitemap_stats;

/*
 * A response that is not an HTML page (a feed, a sitemap, robots.txt):
 * doc_new() gives the root view of its one template, doc_render()
 * expands it, appending to out: 0, or -1 if the template failed
 * (logged; out is then emptied).
 */
struct view	*doc_new(const struct vctx *);
int		 doc_render(struct view *, const char *tpl, struct buf *out);

/*
 * The description of an article for readers' previews: its summary,
 * the start of its body as plain text (needs body_html), or its
 * headline, the first of them that is not empty.
 */
const char	*fill_article_description(const struct vctx *, const struct article *);

/*
 * search.tpl: the query q, with rows of page page (from 1) of pages
 * (as many as may be shown), out of total matches.
 */
void	 fill_search(const struct vctx *, struct view *, const struct ftsq *q,
	    const struct article *rows, int n, long long total, int page,
	    int pages);

/*
 * feed.tpl: an Atom feed titled title (the site's name alone if NULL)
 * whose own address is self_path and whose HTML page is html_path;
 * the rows need their bodies.
 */
void	 fill_feed(const struct vctx *, struct view *, const char *title,
	    const char *self_path, const char *html_path,
	    const struct article *rows, const struct media *const *leads,
	    int n, int64_t changed);

/* archive_index.tpl and archive_month.tpl. */
void	 fill_archive_index(const struct vctx *, struct view *,
	    const struct archive_month *, int n);
void	 fill_archive_month(const struct vctx *, struct view *, int year, int month,
	    long long count, int64_t earlier, int64_t later);

/* The related articles of article_show.tpl (HAS_RELATED, RELATED). */
void	 fill_article_related(const struct vctx *, struct view *,
	    const struct article *, int n);

/* article_head.tpl: Open Graph, Twitter card and JSON-LD. */
void	 fill_article_head(const struct vctx *, struct view *,
	    const struct article *, const char *description);

/* tag_head.tpl: the tag's feed link. */
void	 fill_tag_head(const struct vctx *, struct view *, const struct tag *);

/* author_show.tpl and author_head.tpl (its feed link). */
struct author;
void	 fill_author_show(const struct vctx *, struct view *, const struct author *);
void	 fill_author_head(const struct vctx *, struct view *, const struct author *);
/*
 * The AUTHORS rows (AUTHOR_NAME, AUTHOR_SLUG, AUTHOR_URL and the
 * separators AND, COMMA) of an article's account authors, for its
 * byline and its JSON-LD.
 */
void	 fill_article_authors(const struct vctx *, struct view *,
	    const struct article *);
/* The author pages of a sitemap (after fill_sitemap()). */
void	 fill_sitemap_authors(const struct vctx *, struct view *,
	    const struct sitemap_url *, int n);

/*
 * sitemap.tpl: pages (1: the front page and topic index, with newest
 * as their last change) and the urls of tags and articles.
 */
void	 fill_sitemap(const struct vctx *, struct view *, int pages, int64_t newest,
	    const struct sitemap_url *tags, int ntags,
	    const struct sitemap_url *articles, int narticles);

/*
 * sitemap_index.tpl: nfiles sitemaps, /sitemap-1.xml upwards, the i-th
 * last changed at lastmod[i - 1] (0: not said).
 */
void	 fill_sitemap_index(const struct vctx *, struct view *, int nfiles,
	    const int64_t *lastmod);
/*
 * Editors.
 */

struct article_form;
struct correction;
struct comment_queued;
struct purge_node;
struct diff_line;
struct revision;
struct tag_use;
struct user;

/* A one-line notice under the masthead ("Saved."). */
void	 page_flash(struct page *, const char *text);

/* The session's CSRF token as CSRF in v, for the forms of a template. */
void	 page_csrf(const struct vctx *, struct view *);

/* login.tpl: name and next as typed; message after a failure. */
void	 fill_login(const struct vctx *, struct view *, const char *name,
	    const char *next, const char *message);

/* admin_index.tpl: the dashboard's lists (pager filled apart). */
void	 fill_admin_index(const struct vctx *, struct view *,
	    const struct article *drafts, int ndrafts,
	    const struct article *scheduled, int nscheduled,
	    const struct article *published, int npublished,
	    const struct article *deleted, int ndeleted,
	    const struct comment_queued *pending, int npending,
	    long long pending_total);

/*
 * admin_index.tpl's cache section: each cache node the app purges (a
 * unix socket by its number, not its path), up to date or how far
 * behind (when its oldest waiting purge was written, and the last
 * error).  Nothing shows without nodes.
 */
/* The editors' review queue, in admin_index.tpl (fill_review.c). */
struct review;
void	 fill_admin_queue(const struct vctx *, struct view *,
	    const struct article *, const struct review *, int n);
/* admin_desk.tpl: a contributor's own articles and their review. */
void	 fill_admin_desk(const struct vctx *, struct view *,
	    const struct article *, const struct review *, int n);
void	 fill_admin_caches(const struct vctx *, struct view *,
	    const struct purge_node *nodes, int n);

/*
 * admin_articles.tpl: the newsroom's article list, its filters as
 * asked, a row for each status it offers (fill_article_desk_status()),
 * and the bulk actions' form.
 */
struct desk_view;
void	 fill_article_desk(const struct vctx *, struct view *,
	    const struct desk_view *);
void	 fill_article_desk_status(const struct vctx *, struct view *,
	    const char *value, const char *label, int selected);
/*
 * admin_bulk.tpl: what bulk action (its form's name and its button's
 * verb) would do to each item, or why not, and the form that does it.
 */
struct bulk_item;
void	 fill_article_bulk(const struct vctx *, struct view *, const char *action,
	    const char *verb, const struct bulk_item *, size_t n);

/* settings.tpl: the site settings form with s's values, message. */
struct site;
void	 fill_settings(const struct vctx *, struct view *, const struct site *s,
	    const char *message);

/*
 * A word-by-word difference as rows of section (fill_revision.c): each
 * row shows one of P_SAME, P_DEL, P_INS with the piece's text in T.
 */
struct diff_word;
void	 fill_diff_words(struct view *, const char *section,
	    const struct diff_word *, size_t n);

/*
 * Accounts in the browser (fill_account.c).
 */
/* user_index.tpl: every account with the admin's actions; the invite
 * form holds name, display and role as typed (NULL: empty), message
 * above it (NULL: none). */
void	 fill_user_index(const struct vctx *, struct view *, const struct user *,
	    int n, const char *name, const char *display, enum role,
	    const char *message);
/* user_link.tpl: a one-time link for u, shown once. */
void	 fill_user_link(const struct vctx *, struct view *, const struct user *u,
	    int invite, const char *link, int64_t expires);
/* account.tpl: the signed-in account u, its sessions, display and bio
 * as typed (or stored), message (NULL: none). */
struct session_row;
void	 fill_account(const struct vctx *, struct view *, const struct user *u,
	    const char *display, const char *bio,
	    const struct session_row *, int nsessions, const char *message);
/* twofactor.tpl: enrolment (uri and its QR matrix, width x width),
 * the recovery codes just made (codes: RECOVERY_CODES of them, or
 * NULL), or the state with left codes; required by an admin. */
void	 fill_twofactor(const struct vctx *, struct view *, const struct user *u,
	    const char *secret, const char *uri, const unsigned char *qr, int width,
	    const char **codes, int left, int required, const char *message);
/* audit_index.tpl: rows newest first; older: the cursor of the next
 * page (0: none). */
struct audit_row;
void	 fill_audit_index(const struct vctx *, struct view *,
	    const struct audit_row *, int n, long long older);
/* password_set.tpl: the form a link opens for u. */
void	 fill_password_set(const struct vctx *, struct view *, const struct user *u,
	    int invite, const char *token, const char *message);

/* article_form.tpl; with preview, the article as it would appear. */
void	 fill_article_form(const struct vctx *, struct view *,
	    const struct article_form *, const struct article *preview);

/* article_preview.tpl: a stored article as readers would see it. */
void	 fill_article_preview(const struct vctx *, struct view *,
	    const struct article *);

/* article_delete.tpl: the confirmation. */
void	 fill_article_delete(const struct vctx *, struct view *,
	    const struct article *);

/* article_show.tpl's updates and corrections (after fill_article_show). */
void	 fill_article_notes(const struct vctx *, struct view *,
	    const struct correction *, int n);

/* correction_index.tpl; older: the cursor of the next page, or NULL. */
void	 fill_correction_index(const struct vctx *, struct view *,
	    const struct correction *, int n, const struct correction *older);

/*
 * A revision as one text, its fields a line each ("Headline: ..."),
 * then its body: what differences are made of.  With meta, its slug and
 * status too.  Authors NULL (not recorded) reads "(not recorded)".
 */
const char *revision_text(struct arena *, const struct revision *,
	    int meta);

/*
 * revision_index.tpl: the revisions, and the difference between
 * revisions from and to (diff NULL: none chosen).
 */
void	 fill_revision_index(const struct vctx *, struct view *,
	    const struct article *, const struct revision *, int n,
	    const struct revision *from, const struct revision *to,
	    const struct diff_line *diff, size_t ndiff);

/* tag_admin.tpl; message: an error shown above the list, or NULL. */
void	 fill_tag_admin(const struct vctx *, struct view *, const struct tag_use *,
	    int n, const char *message);

struct arena;
/*
 * Photographs (fill_media.c).  The address of m's variant of width in
 * ext (webp, jpg), and of its link preview crop (16x9, 4x3, 1x1).
 */
const char *media_url(struct arena *, const struct media *, int width,
	    const char *ext);
const char *media_crop_url(struct arena *, const struct media *,
	    const char *crop);
/*
 * picture.tpl for m: WebP and JPEG srcsets, sizes (a media query
 * list), width, height and alt; eager for the page's first picture,
 * else loaded lazily.
 */
void	 fill_picture(const struct vctx *, struct view *, const struct media *,
	    const char *sizes, int eager);
/*
 * media_index.tpl: n images, each with nuses[i] uses[i][]; q: the words
 * searched for, or NULL.
 */
struct media_use;
void	 fill_media_index(const struct vctx *, struct view *, const char *q,
	    const struct media *, int n, const struct media_use *const *uses,
	    const int *nuses, int more, const char *message);
/* article_show.tpl's LEAD: the lead photograph in a <figure>. */
void	 fill_lead_figure(const struct vctx *, struct view *, const struct media *);
/*
 * Append to out the <figure> of library image m shown in an article's
 * text (body_figure.tpl): a lazily loaded <picture>, or with feed one
 * plain JPEG.  Returns 0, or -1 (logged).
 */
int	 fill_body_figure(const struct vctx *, const struct media *m, int feed,
	    struct buf *out);
/*
 * article_head.tpl's image: Open Graph and Twitter card images and the
 * JSON-LD image list from the lead photograph m, or NULL for none.
 */
void	 fill_head_image(const struct vctx *, struct view *, const struct media *);
/* article_head.tpl's publisher logo: the site's logo image m. */
void	 fill_head_logo(const struct vctx *, struct view *, const struct media *);
/* lead_form.tpl: an article's lead image (or NULL) and its forms. */
void	 fill_article_lead(const struct vctx *, struct view *, long long article_id,
	    const struct media *lead);

/* comment_admin.tpl: one page of comments with status show. */
void	 fill_comment_admin(const struct vctx *, struct view *, const char *show,
	    const struct comment_queued *, int n, long long older);

#endif
