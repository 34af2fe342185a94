/*
 * article_desk.c: the newsroom's article list, with its filters
 * (status, author, tag, words of the headline) kept across its pages,
 * and bulk publish, unpublish and delete: a confirmation page that
 * says what will change for each article, then the change itself.
 *
 * Each article of a bulk action is saved as its own form would save
 * it: one transaction with its revision, its purge outbox rows and its
 * audit row.  What may be done is checked article by article, as on
 * its form: an article that would not change, or may not, is left as
 * it is and the confirmation page says why.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/text.h"
#include "../view/forms.h"
#include "../view/page.h"
#include "../view/view.h"
#include "article_form.h"
#include "ctl.h"
#include "listing.h"

#define DESK_PAGE	50	/* articles a page */
#define BULK_MAX	200	/* articles in one bulk action */
#define WORDS_MAX	200	/* characters of a headline search */

/* The list's statuses, as the address names them, and what each is. */
static const char *const status_names[] = {
	"draft", "published", "scheduled", "withdrawn", "all", NULL
};
static const struct {
	const char		*title;
	int			 status;	/* -1: any */
	enum article_when	 when;
} statuses[] = {
	{ "Drafts", ARTICLE_DRAFT, WHEN_ANY },
	{ "Published articles", ARTICLE_PUBLISHED, WHEN_LIVE },
	{ "Scheduled articles", ARTICLE_PUBLISHED, WHEN_SCHEDULED },
	{ "Withdrawn articles", ARTICLE_DELETED, WHEN_ANY },
	{ "All articles", -1, WHEN_ANY },
};
CHOICES_MATCH(status_names, statuses);
#define NSTATUSES (sizeof(statuses) / sizeof(statuses[0]))

/* The notices after a bulk action (?done=WORD&n=COUNT). */
static const char *const bulk_done[] = {
	"published", "unpublished", "deleted", NULL
};

/*
 * The list's address: the cursor (listing.h) and the filters, which
 * desk_filters() checks, then a bulk action's notice (an unknown or
 * incomplete one is ignored).
 */
enum {
	IN_DESK_STATUS = IN_LIST_AFTER + 1, IN_DESK_AUTHOR, IN_DESK_TAG,
	IN_DESK_WORDS, IN_DESK_DONE, IN_DESK_COUNT
};
const struct input ctl_admin_articles_in[] = {
	[IN_LIST_BEFORE] = { "before", IN_CURSOR, 0, NULL, NULL },
	[IN_LIST_AFTER] = { "after", IN_CURSOR, 0, NULL, NULL },
	[IN_DESK_STATUS] = { "status", IN_WORD, 0, status_names, NULL },
	[IN_DESK_AUTHOR] = { "author", IN_ANY, 0, NULL, NULL },
	[IN_DESK_TAG] = { "tag", IN_ANY, 0, NULL, NULL },
	[IN_DESK_WORDS] = { "q", IN_ANY, 0, NULL, NULL },
	[IN_DESK_DONE] = { "done", IN_WORD, 0, bulk_done, NULL },
	[IN_DESK_COUNT] = { "n", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * Read the list's filters from the query: ?status= (draft when none),
 * ?author= (a login name), ?tag= (a tag's slug), ?q= (words of the
 * headline).  0, or 400 with a message.
 */
static int
desk_filters(struct req *r, struct desk_view *d)
{
	struct user	 u;
	struct tag	 t;
	const struct input_value *s = &r->in[IN_DESK_STATUS];
	size_t		 i = 0;	/* none or empty: drafts */
	int		 rc;

	memset(d, 0, sizeof(*d));
	if (s->set)
		i = (size_t)s->n;
	else if (s->s != NULL && *s->s != '\0') {
		r->resp.error = "Lists are of drafts, published, scheduled, "
		    "withdrawn or all articles (?status=).";
		return 400;
	}
	d->status = status_names[i];
	d->title = statuses[i].title;
	d->filter.status = statuses[i].status;
	d->filter.when = statuses[i].when;
	d->author = r->in[IN_DESK_AUTHOR].s;
	d->tag = r->in[IN_DESK_TAG].s;
	d->words = r->in[IN_DESK_WORDS].s;
	if (d->author == NULL)
		d->author = "";
	if (d->tag == NULL)
		d->tag = "";
	if (d->words == NULL)
		d->words = "";
	if (!utf8_valid(d->words, strlen(d->words)) ||
	    text_has_control(d->words, strlen(d->words), 0) ||
	    utf8_len(d->words, strlen(d->words)) > WORDS_MAX) {
		r->resp.error = "A headline search is up to 200 characters "
		    "of text on one line.";
		return 400;
	}
	d->words = text_squish(r->arena, d->words);
	d->filter.words = d->words;
	if (*d->author != '\0') {
		if (strlen(d->author) > ACCOUNT_NAME_MAX ||
		    (rc = store_user_by_name(r->store, r->arena, d->author,
		    &u)) == 0) {
			r->resp.error = "There is no such account (?author= "
			    "takes a login name).";
			return 400;
		}
		if (rc < 0)
			return 500;
		d->filter.author_id = u.id;
	}
	if (*d->tag != '\0') {
		if (!slug_valid(d->tag) || (rc = store_tag_by_slug(r->store,
		    r->arena, d->tag, &t)) == 0) {
			r->resp.error = "There is no such topic (?tag= takes "
			    "a topic's address, such as harbour-news).";
			return 400;
		}
		if (rc < 0)
			return 500;
		d->filter.tag_id = t.id;
	}
	return 0;
}

/* The list's address with its filters (and extra, "" or "&..."). */
static const char *
desk_url(struct req *r, const struct desk_view *d, const char *extra)
{
	return arena_printf(r->arena, "/admin/articles?status=%s%s%s%s%s%s%s%s",
	    d->status,
	    *d->author ? "&author=" : "", *d->author ?
	    url_encode(r->arena, d->author) : "",
	    *d->tag ? "&tag=" : "", *d->tag ? d->tag : "",
	    *d->words ? "&q=" : "", *d->words ?
	    url_encode(r->arena, d->words) : "", extra);
}

/* The notice after a bulk action, by ?done= and ?n=, or NULL. */
static const char *
bulk_notice(struct req *r)
{
	const struct input_value *done = &r->in[IN_DESK_DONE];
	long long	 count = r->in[IN_DESK_COUNT].n;

	if (!done->set || !r->in[IN_DESK_COUNT].set)
		return NULL;
	return arena_printf(r->arena, "%lld article%s %s.", count,
	    count == 1 ? "" : "s", strcmp(done->s, "deleted") == 0 ?
	    "withdrawn" : done->s);
}

/*
 * GET /admin/articles[?status=draft|published|scheduled|withdrawn|all]
 *     [&author=NAME][&tag=SLUG][&q=WORDS][&before=T-ID] (editors)
 * The newsroom's articles, drafts by default, most recently changed
 * first, DESK_PAGE a page; T in the cursor is the last row's
 * modified_at, and the link to the next page keeps the filters.  Each
 * row can be picked for a bulk action.
 * Raises HTTP 400 for an unknown status, account or tag, an overlong
 * search or a malformed cursor, 404 for a cursor past the end, 200.
 */
int
ctl_admin_articles(struct req *r)
{
	struct desk_view	 d;
	struct listing		 l;
	struct page		*p;
	struct user		*accounts;
	const char		*flash;
	size_t			 i;
	int			 rc, n, na;

	if ((rc = desk_filters(r, &d)) != 0)
		return rc;
	if ((rc = listing_cursor(r, &l)) != 0)
		return rc;
	if (l.after) {
		r->resp.error = "This list goes to older articles only "
		    "(?before=).";
		return 400;
	}
	n = store_articles_filtered(r->store, r->arena, &d.filter, r->now,
	    l.have_cursor ? &l.cursor : NULL, DESK_PAGE + 1, &l.rows);
	if (n < 0 || (na = store_users_all(r->store, r->arena,
	    &accounts)) < 0)
		return 500;
	if (n == 0 && l.have_cursor)
		return 404;
	d.rows = l.rows;
	d.n = n > DESK_PAGE ? DESK_PAGE : n;
	if (n > DESK_PAGE)
		d.older_url = desk_url(r, &d, arena_printf(r->arena,
		    "&before=%lld-%lld", (long long)l.rows[DESK_PAGE - 1].modified_at,
		    l.rows[DESK_PAGE - 1].id));
	d.accounts = accounts;
	d.naccounts = na;
	p = page_new(ctl_vctx(r), "admin_articles.tpl", d.title, "/admin/articles");
	page_noindex(p);
	if ((flash = bulk_notice(r)) != NULL)
		page_flash(p, flash);
	fill_article_desk(ctl_vctx(r), p->body, &d);
	for (i = 0; i < NSTATUSES; i++)
		fill_article_desk_status(ctl_vctx(r), p->body, status_names[i],
		    statuses[i].title, strcmp(status_names[i], d.status) == 0);
	return ctl_page(r, p, 200);
}

/* What a bulk action does to articles; the form names it as
 * action_names[] do. */
static const struct {
	const char	*verb;		/* the confirmation's button */
	const char	*done;		/* ?done= afterwards */
} actions[] = {
	[BULK_PUBLISH] = { "Publish", "published" },
	[BULK_UNPUBLISH] = { "Unpublish", "unpublished" },
	[BULK_DELETE] = { "Delete", "deleted" },
};
static const char *const action_names[BULK__MAX + 1] = {
	[BULK_PUBLISH] = "publish",
	[BULK_UNPUBLISH] = "unpublish",
	[BULK_DELETE] = "delete",
};

/* The bulk forms: action, then the picked articles (ctl_picked()). */
#define NO_BULK_ACTION	"Choose publish, unpublish or delete."
const struct input ctl_article_bulk_in[] = {
	{ "action", IN_WORD, 0, action_names, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * The bulk action the form asks for, and the articles it names, each
 * with what would become of it (or why nothing would): 0, or the
 * status to answer (400 for an unknown action, no article or a
 * malformed or repeated number, 500).
 */
static int
bulk_plan(struct req *r, struct bulk_item **out, size_t *nout,
    enum bulk_action *act)
{
	const char	**vals;
	struct bulk_item *items;
	struct review	 rv;
	struct media	 lead;
	size_t		 n, i, j;
	int		 rc;

	if (!r->in[0].set) {		/* none, or an unknown one */
		r->resp.error = NO_BULK_ACTION;
		return 400;
	}
	*act = (enum bulk_action)r->in[0].n;
	n = ctl_picked(r, &vals);
	if (n == 0 || n > BULK_MAX) {
		r->resp.error = n == 0 ? "Pick at least one article first." :
		    "At most 200 articles at once.";
		return 400;
	}
	items = arena_calloc(r->arena, n, sizeof(*items));
	for (i = 0; i < n; i++) {
		struct bulk_item *it = &items[i];
		long long	  id;

		if (!parse_id(vals[i], &id)) {
			r->resp.error = "An article number is malformed.";
			return 400;
		}
		for (j = 0; j < i; j++)
			if (items[j].a.id == id) {
				r->resp.error = "An article is named twice.";
				return 400;
			}
		if ((rc = store_article_by_id(r->store, r->arena, id,
		    &it->a)) < 0)
			return 500;
		if (rc == 0) {
			it->a.id = id;
			it->a.headline = "";
			it->why = "There is no such article.";
			continue;
		}
		/* What this account may do with it, as on its form. */
		if ((rc = ctl_article_may(r, &it->a, &rv)) != 0) {
			if (rc != 403)
				return rc;
			it->why = r->resp.error;
			r->resp.error = NULL;
			continue;
		}
		if (r->editor->role < ROLE_EDITOR) {
			it->why = "Only an editor may publish, unpublish or "
			    "delete.";
			continue;
		}
		switch (*act) {
		case BULK_PUBLISH:
			if (it->a.status == ARTICLE_PUBLISHED) {
				it->why = "It is published already.";
				break;
			}
			if (text_blank(it->a.body_md)) {
				it->why = "It has no text yet.";
				break;
			}
			if ((rc = store_article_lead(r->store, r->arena,
			    it->a.id, &lead)) < 0)
				return 500;
			if (rc == 1 && *lead.alt == '\0') {
				it->why = "Its lead photograph needs alt text "
				    "first.";
				break;
			}
			it->change = it->a.published_at > r->now ?
			    "will be scheduled" : "will be published";
			break;
		case BULK_UNPUBLISH:
			if (it->a.status != ARTICLE_PUBLISHED)
				it->why = "It is not published.";
			else
				it->change = "will become a draft";
			break;
		default:
			if (it->a.status == ARTICLE_DELETED)
				it->why = "It is withdrawn already.";
			else
				it->change = "will be withdrawn (readers get "
				    "410 Gone)";
			break;
		}
	}
	*out = items;
	*nout = n;
	return 0;
}

/*
 * POST /admin/articles/bulk (csrf, action=publish|unpublish|delete,
 * id[]) (editors)
 * The confirmation: what the action would do to each picked article,
 * or why it would leave it alone; nothing changes yet.
 * Raises HTTP 400 for an unknown action, no article, too many, or a
 * malformed or repeated number, 200 with the page.
 */
int
ctl_article_bulk(struct req *r)
{
	struct bulk_item	*items;
	struct page		*p;
	enum bulk_action	 act;
	size_t			 n;
	int			 rc;

	if ((rc = bulk_plan(r, &items, &n, &act)) != 0)
		return rc;
	p = page_new(ctl_vctx(r), "admin_bulk.tpl", arena_printf(r->arena, "%s "
	    "articles?", actions[act].verb), "/admin/articles");
	page_noindex(p);
	fill_article_bulk(ctl_vctx(r), p->body, action_names[act],
	    actions[act].verb, items, n);
	return ctl_page(r, p, 200);
}

/*
 * POST /admin/articles/bulk/confirm (csrf, action, id[]) (editors)
 * Does what the confirmation said, article by article, each in its
 * own transaction with its revision, purges and audit row; an article
 * whose state changed meanwhile so that the action no longer applies
 * is left alone.
 * Raises the statuses of ctl_article_bulk, 303 to the list of all
 * articles with the number changed.
 */
int
ctl_article_bulk_do(struct req *r)
{
	struct bulk_item	*items;
	struct article_edit	 e;
	enum bulk_action	 act;
	size_t			 n, i;
	int			 rc, changed = 0;

	if ((rc = bulk_plan(r, &items, &n, &act)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		const struct article *a = &items[i].a;

		if (items[i].change == NULL)
			continue;
		article_edit_from(r, a, &e);
		switch (act) {
		case BULK_PUBLISH:
			e.status = ARTICLE_PUBLISHED;
			if (e.published_at == 0)
				e.published_at = r->now;
			e.kind = "publish";
			ctl_audit_next(r, e.published_at > r->now ?
			    "article.schedule" : "article.publish",
			    arena_printf(r->arena, "article %lld", a->id),
			    a->headline);
			break;
		case BULK_UNPUBLISH:
			e.status = ARTICLE_DRAFT;
			e.kind = "unpublish";
			ctl_audit_next(r, "article.unpublish", arena_printf(
			    r->arena, "article %lld", a->id), a->headline);
			break;
		default:
			e.status = ARTICLE_DELETED;
			e.kind = "delete";
			ctl_audit_next(r, "article.delete", arena_printf(
			    r->arena, "article %lld", a->id), a->headline);
			break;
		}
		if (store_article_save(r->store, &e) != 0)
			return 500;
		changed++;
	}
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles?status=all&done=%s&n=%d", actions[act].done,
	    changed));
}
