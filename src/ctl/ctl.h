/*
 * ctl.h: the controllers, one file per resource, and the route table.
 *
 * A controller takes a parsed request whose route parameters are
 * already validated, asks the store, fills a view, renders, and returns
 * the HTTP status.  An error status without a rendered body gets the
 * site's error page from ctl_error_page().
 */
#ifndef GAZETTE_CTL_H
#define GAZETTE_CTL_H

#include <stddef.h>

#include "../http/http.h"
#include "../http/router.h"

extern const struct route ctl_routes[];
extern const size_t ctl_nroutes;

/*
 * Run route's controller after the checks its flags ask for (editor
 * session, CSRF token, same-site origin).  Returns the HTTP status.
 */
int	 ctl_dispatch(struct req *, const struct route *);

/* Render the error page for status into the response body. */
void	 ctl_error_page(struct req *, int status);

/* front.c */
int	 ctl_front_index(struct req *);

/* article.c */
int	 ctl_article_show(struct req *);

/* tag.c */
int	 ctl_tag_index(struct req *);
int	 ctl_tag_show(struct req *);

/* Readers find articles (issue 5). */
/* search.c */
int	 ctl_search(struct req *);

/* feed.c */
int	 ctl_feed_site(struct req *);
int	 ctl_feed_tag(struct req *);

/* archive.c */
int	 ctl_archive_index(struct req *);
int	 ctl_archive_month(struct req *);

/* sitemap.c */
int	 ctl_sitemap(struct req *);
int	 ctl_sitemap_part(struct req *);
int	 ctl_robots(struct req *);

#endif
