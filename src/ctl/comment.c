/*
 * comment.c: readers post comments.
 *
 * A reader writes a comment on the article's comment page (GET
 * /articles/<slug>/comments, linked from the article), which is made
 * for each request and never cached: its form carries a token signed
 * with the time of that request, so that the time a post took is
 * measured from when this reader asked for the form, whatever caches
 * keep the article page.  The comment arrives (POST, same address) as
 * name, body, the token and a honeypot field.  Every check
 * that can refuse it runs before anything is written; what is stored
 * (approved, pending, or rejected as spam) is decided and written in
 * one transaction by store_comment_post().  Readers have no accounts:
 * a random "returning author" token in a cookie, stored only hashed,
 * lets the first-time moderation policy recognise an approved author.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../config.h"
#include "../site.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/commentcheck.h"
#include "../util/log.h"
#include "../view/page.h"
#include "../view/view.h"
#include "ctl.h"

#define AUTHOR_COOKIE		"gazette_author"
#define AUTHOR_COOKIE_HTTPS	"__Host-gazette_author"
#define AUTHOR_COOKIE_AGE	(365 * 86400)	/* seconds */
#define AUTHOR_TOKEN_BYTES	32
#define AUTHOR_TOKEN_LEN	43	/* base64url of 32 bytes, no padding */
#define DUPLICATE_WINDOW	600	/* seconds: the same text again is a repeat */
#define TOKEN_SKEW		60	/* seconds a form may seem to come from
					   the future (clock steps) */

/*
 * The comment form: the signed token, then name and body as typed
 * (comment_check() decides, and a refusal gives the form again with
 * the text), and the honeypot.
 */
enum { IN_COMMENT_TOKEN, IN_COMMENT_NAME, IN_COMMENT_BODY, IN_COMMENT_TRAP };
const struct input ctl_comment_in[] = {
	[IN_COMMENT_TOKEN] = { "token", IN_ANY, 0, NULL, NULL },
	[IN_COMMENT_NAME] = { "name", IN_ANY, 0, NULL, NULL },
	[IN_COMMENT_BODY] = { "body", IN_ANY, 0, NULL, NULL },
	[IN_COMMENT_TRAP] = { "website", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/* What the reader is told when a field is at fault. */
static const char *
problem_text(struct req *r, enum comment_problem cp)
{
	const char	*body = r->in[IN_COMMENT_BODY].s;

	switch (cp) {
	case CP_NAME_UTF8:
		return "Your name holds bytes that are not valid text "
		    "(UTF-8). Please type it again.";
	case CP_NAME_CONTROL:
		return "Your name holds line breaks, tabs or other control "
		    "characters. Please type it on one line.";
	case CP_NAME_EMPTY:
		return "Please give a name to sign your comment with.";
	case CP_NAME_LONG:
		return arena_printf(r->arena, "Your name is longer than %d "
		    "characters. Please shorten it.", COMMENT_NAME_MAX);
	case CP_BODY_UTF8:
		return "Your comment holds bytes that are not valid text "
		    "(UTF-8); they are shown as \xef\xbf\xbd below. Please "
		    "correct them and send it again.";
	case CP_BODY_CONTROL:
		return "Your comment holds control characters that cannot be "
		    "shown; they are marked \xef\xbf\xbd below. Please remove "
		    "them and send it again.";
	case CP_BODY_EMPTY:
		return "Please write a comment before sending.";
	case CP_BODY_LONG:
		return arena_printf(r->arena, "Your comment is %zu characters "
		    "long; at most %d are taken. Please shorten it and send "
		    "it again.", comment_length(body, strlen(body)),
		    COMMENT_BODY_MAX);
	case CP_OK:
		break;
	}
	return "Your comment could not be posted.";
}

/*
 * The comment page of live article a: the form, showing f, with the
 * given status (200, or 4xx when a post was refused and comes back with
 * the reader's text).  Never cached (the route says CACHE_NONE), and
 * not for search engines.
 */
static int
comment_page(struct req *r, const struct article *a,
    const struct comment_form *f, int status)
{
	struct page	*p;

	p = page_new(ctl_vctx(r), "comment_page.tpl", arena_printf(r->arena,
	    "Comment on %s", a->headline), arena_printf(r->arena,
	    "/articles/%s/comments", a->slug));
	page_noindex(p);
	fill_comment_page(ctl_vctx(r), p->body, a, f);
	return ctl_page(r, p, status);
}

/*
 * The comment page again, with the reader's text in the form (made
 * safe to show), the message, and token for the next attempt.
 */
static int
refuse(struct req *r, struct article *a, const char *token, const char *msg,
    enum comment_problem cp, int status)
{
	struct comment_form	 f;
	const char		*name = r->in[IN_COMMENT_NAME].s;
	const char		*body = r->in[IN_COMMENT_BODY].s;

	memset(&f, 0, sizeof(f));
	f.token = token;
	f.name = comment_scrub(r->arena, name, name ? strlen(name) : 0, 0);
	f.body = comment_scrub(r->arena, body, body ? strlen(body) : 0, 1);
	f.error = msg;
	f.error_name = cp != CP_OK && comment_problem_name(cp);
	f.error_body = cp != CP_OK && !comment_problem_name(cp);
	return comment_page(r, a, &f, status);
}

/* A live article by current or old slug: 1, 0 (none), -1. */
static int
live_article(struct req *r, struct article *a)
{
	const char	*moved;
	int		 rc;

	rc = store_article_by_slug(r->store, r->arena, r->param[0], a);
	if (rc == 0) {
		/* A form rendered before the slug changed still works. */
		rc = store_article_old_slug(r->store, r->arena, r->param[0],
		    &moved);
		if (rc == 1)
			rc = store_article_by_slug(r->store, r->arena, moved, a);
	}
	if (rc != 1)
		return rc;
	return article_live(a, r->now);
}

/* 1 if s looks like a returning-author token this site made. */
static int
author_token_ok(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != AUTHOR_TOKEN_LEN)
		return 0;
	for (i = 0; i < AUTHOR_TOKEN_LEN; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			return 0;
	return 1;
}

/*
 * The reader's returning-author token from the cookie, or a new one.
 * Owned by the arena.
 */
static const char *
author_token(struct req *r)
{
	unsigned char	 raw[AUTHOR_TOKEN_BYTES];
	const char	*c;
	char		*tok;

	c = http_cookie(r, cfg.https ? AUTHOR_COOKIE_HTTPS : AUTHOR_COOKIE);
	if (author_token_ok(c))
		return c;
	randombytes_buf(raw, sizeof(raw));
	tok = arena_alloc(r->arena, AUTHOR_TOKEN_LEN + 1);
	sodium_bin2base64(tok, AUTHOR_TOKEN_LEN + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return tok;
}

/* "about 40 seconds", "about 12 minutes": for the 429 page. */
static const char *
wait_text(struct arena *a, int secs)
{
	if (secs < 120)
		return arena_printf(a, "%d second%s", secs, secs == 1 ? "" :
		    "s");
	return arena_printf(a, "%d minutes", (secs + 59) / 60);
}

/*
 * GET /articles/:slug/comments
 * The comment form of a live article whose comments are open, with a
 * token signed now.  Cache: none (private, no-store): the page is made
 * for each reader, while the article page stays the same for all.
 * Raises HTTP 404 for an unknown or not live article, or one whose
 * comments are hidden; 403 when its comments are closed; 503 before
 * the secrets are loaded; 200 otherwise.
 */
int
ctl_comment_page(struct req *r)
{
	struct article		 a;
	struct comment_form	 f;
	int			 rc;

	if (!ctl_comment_ready())
		return 503;
	if ((rc = live_article(r, &a)) < 0)
		return 500;
	if (rc == 0 || a.comments == COMMENTS_HIDDEN)
		return 404;
	if (!ctl_comments_open(&a, r->now)) {
		r->resp.error = "Comments are closed for this article.";
		return 403;
	}
	memset(&f, 0, sizeof(f));
	f.token = ctl_comment_token(r->arena, a.id, r->now);
	return comment_page(r, &a, &f, 200);
}

/*
 * POST /articles/:slug/comments
 * Form: token (signed, from the comment page), name, body, website (the
 * honeypot, empty); cookie gazette_author (the returning-author token).
 * The same-site check (Origin, or Referer) has run in ctl_dispatch().
 * Raises HTTP 403 for a missing or forged token, on an article whose
 * comments are closed or hidden, and for an expired form (the comment
 * page again, with the text kept); 404 for an unknown or not live
 * article; 422 for an invalid name or comment and 429 (with
 * Retry-After) past a rate limit, both with the comment page again and
 * the text kept; 500 on a store failure; 303 on success: to the
 * comment's anchor, on the page of the thread that holds it, when it
 * is shown at once, else to the "awaits moderation" notice.  A robot's
 * post (honeypot filled, or sent faster than a person types after
 * opening the comment page) gets the same 303 and is stored as
 * rejected; a repeated post gets the first one's.
 */
int
ctl_comment_create(struct req *r)
{
	struct article		 a;
	struct comment_post	 p;
	enum comment_problem	 cp;
	const char		*token, *name, *body, *trap, *clean, *author;
	int64_t			 t;
	long long		 after;
	int			 rc;

	if (!ctl_comment_ready())
		return 503;
	token = r->in[IN_COMMENT_TOKEN].s;
	if (token == NULL || *token == '\0') {
		r->resp.error = "The form was incomplete. Go back, reload the "
		    "page and try again.";
		return 403;
	}
	if ((rc = live_article(r, &a)) < 0)
		return 500;
	if (rc == 0)
		return 404;
	if (!ctl_comment_token_check(a.id, token, &t) ||
	    t > r->now + TOKEN_SKEW) {
		r->resp.error = "The form was not one this site made for this "
		    "article. Go back, reload the page and try again.";
		return 403;
	}
	if (!ctl_comments_open(&a, r->now)) {
		r->resp.error = "Comments are closed for this article.";
		return 403;
	}
	if (r->now - t > cfg.comment_max_age)
		/* A person's old tab: keep the text, and a token already
		 * old enough to be sent again at once. */
		return refuse(r, &a, ctl_comment_token(r->arena, a.id,
		    r->now - cfg.comment_min_seconds), "This page was open "
		    "too long, so your comment was not posted yet. It is kept "
		    "below: please send it again.", CP_OK, 403);

	name = r->in[IN_COMMENT_NAME].s;
	body = r->in[IN_COMMENT_BODY].s;
	cp = comment_check(r->arena, name, name ? strlen(name) : 0, body,
	    body ? strlen(body) : 0, &clean);
	if (cp != CP_OK)
		return refuse(r, &a, token, problem_text(r, cp), cp, 422);

	memset(&p, 0, sizeof(p));
	p.article_id = a.id;
	p.author = clean;
	p.body = body;
	p.now = r->now;
	p.dup_since = r->now - DUPLICATE_WINDOW;
	p.limit[0] = cfg.comment_rate_minute;
	p.window[0] = cfg.comment_rate_minute_window;
	p.limit[1] = cfg.comment_rate_hour;
	p.window[1] = cfg.comment_rate_hour_window;
	author = author_token(r);
	p.ip_hash = ctl_comment_hash(r->arena, 1, r->remote_addr, NULL);
	p.author_hash = ctl_comment_hash(r->arena, 0, author, NULL);
	p.body_hash = ctl_comment_hash(r->arena, 0, clean, body);
	switch (site()->moderation) {
	case MODERATION_OPEN:
		p.status = COMMENT_APPROVED;
		break;
	case MODERATION_FIRST_TIME:
		p.status = COMMENT_PENDING;
		p.trust_known = 1;
		p.reason = "author not approved yet";
		break;
	case MODERATION_ALL:
		p.status = COMMENT_PENDING;
		p.reason = "every comment is moderated";
		break;
	}
	trap = r->in[IN_COMMENT_TRAP].s;
	if (trap != NULL && *trap != '\0')
		p.spam = "honeypot field filled in";
	else if (r->now - t < cfg.comment_min_seconds)
		p.spam = arena_printf(r->arena, "sent %lld s after the form "
		    "was asked for", (long long)(r->now - t));

	switch (store_comment_post(r->store, &p)) {
	case COMMENT_POSTED:
		if (p.stored == COMMENT_REJECTED)
			log_info("comment %lld set aside as spam: %s", p.id,
			    p.spam);
		break;
	case COMMENT_DUPLICATE:
		break;
	case COMMENT_LIMITED:
		http_header(r, "Retry-After", arena_printf(r->arena, "%d",
		    p.retry_after));
		return refuse(r, &a, token, arena_printf(r->arena, "You have "
		    "posted several comments in a short time. Please wait "
		    "%s before sending this one; it is kept below.",
		    wait_text(r->arena, p.retry_after)), CP_OK, 429);
	default:
		return 500;
	}
	/* The token is refreshed for a year at every post. */
	http_set_cookie(r, cfg.https ? AUTHOR_COOKIE_HTTPS : AUTHOR_COOKIE,
	    author, AUTHOR_COOKIE_AGE);
	if (p.answer == COMMENT_APPROVED) {
		/*
		 * To the page of the thread that shows it, at an address of
		 * its own (?comment=ID): no cache, the reader's browser
		 * included, holds a copy of it from before the post.
		 */
		after = store_comment_page(r->store, a.id, p.id,
		    CTL_COMMENTS_PAGE);
		if (after > 0)
			return http_redirect(r, 303, arena_printf(r->arena,
			    "/articles/%s?comments_after=%lld&comment=%lld"
			    "#comment-%lld", a.slug, after, p.id, p.id));
		return http_redirect(r, 303, arena_printf(r->arena,
		    "/articles/%s?comment=%lld#comment-%lld", a.slug, p.id,
		    p.id));
	}
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/articles/%s?comment=pending#comments", a.slug));
}
