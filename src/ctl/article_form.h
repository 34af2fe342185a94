/*
 * article_form.h: reading and checking the article
 * form, shared by the article and revision controllers.
 */
#ifndef GAZETTE_ARTICLE_FORM_H
#define GAZETTE_ARTICLE_FORM_H

#include "../store/store.h"
#include "../view/forms.h"

struct req;

#define AF_BODY_MAX	(1024 * 1024)	/* bytes of Markdown */

/* An empty form for a new article. */
void	 article_form_new(struct article_form *);

/* The form for a stored article (status, values, defaults). */
void	 article_form_load(struct req *, struct article_form *,
	    const struct article *);

/*
 * Read the posted form into f (values as typed, cleaned) for action
 * ("save", "submit", "publish", "unpublish" or "preview") and check it.  When it
 * is valid, fill e for store_article_save(): status, times, revision
 * kind, rendered body, a unique slug.  Returns the number of fields in
 * error (0: e is ready), or -1 on a store error.
 */
int	 article_form_check(struct req *, struct article_form *,
	    const char *action, struct article_edit *e);

/* Read the posted fields into f as typed, without checking them. */
void	 article_form_read(struct req *, struct article_form *);

/* The article readers would see from a checked edit (for a preview). */
void	 article_form_preview(struct req *, const struct article_edit *,
	    struct article *out);

/*
 * An edit that saves a stored article as it is, by the current editor:
 * the caller changes the status or content and sets the kind.
 */
void	 article_edit_from(struct req *, const struct article *,
	    struct article_edit *);

#define AF_AUTHORS_MAX	10	/* account authors of one article */

/* The article's account authors as the form's field: "jane, kim". */
const char *article_authors_field(struct req *, const struct article *);

/*
 * An Authors field's accounts: login names separated by commas, in
 * byline order, a name given twice counted once, at most
 * AF_AUTHORS_MAX, into out (that long) and *n.  Returns 0 with *err
 * what is wrong with the field (an unknown name, too many) or NULL; -1
 * on a store error.
 */
struct author;
int	 article_authors_parse(struct req *, const char *field,
	    struct author *out, size_t *n, const char **err);

/* The edit e sets the article's account authors to these n. */
void	 article_edit_authors(struct req *, struct article_edit *e,
	    const struct author *authors, size_t n);

/* The article's tags as the form's field: "Russia, Putin". */
const char *article_tags_field(struct req *, const struct article *);

#endif
