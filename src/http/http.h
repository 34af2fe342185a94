/*
 * http.h: the request and response as controllers see them.
 *
 * Controllers never touch libfcgi: src/http/server.c fills a struct req
 * from the FastCGI parameters and body, the router picks the controller,
 * and the controller fills req->resp.  Everything hanging off a request
 * is owned by its arena and lives until the response has been sent.
 */
#ifndef GAZETTE_HTTP_H
#define GAZETTE_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"
#include "../util/role.h"
#include "../util/urlencode.h"
#include "encoding.h"

struct arena;
struct editor;
struct store;

enum http_method {
	HTTP_GET,
	HTTP_HEAD,
	HTTP_POST,
	HTTP_PUT,
	HTTP_DELETE,
	HTTP_PATCH,
	HTTP_OPTIONS,
	HTTP_OTHER,	/* anything else: always 405 or 501 */
	HTTP__MAX
};

/* One decoded name=value pair from a query string, form or cookie. */
struct kv {
	const char	*key;
	const char	*val;	/* NUL-terminated; never holds a NUL byte */
	size_t		 vlen;
};

/*
 * How a response may be cached.  Each route declares one; the response
 * layer turns it into Cache-Control (and X-Accel-Expires for the
 * project's own nginx microcache).
 */
enum cache_policy {
	CACHE_NONE,	/* private, no-store: editor pages, cookies, POST */
	CACHE_PAGE,	/* reader page: shared caches 1 s, browsers 10 s */
	CACHE_FEED,	/* feeds and sitemaps: shared 1 s, feed readers 300 s */
	CACHE__MAX
};

#define ROUTE_MAXPARAM	3

/*
 * The editor's session cookie.  The __Host- prefix (which browsers
 * accept only with Secure, Path=/ and no Domain) is used when the site
 * is served over https.  nginx's microcache is bypassed when either is
 * present.
 */
#define SESSION_COOKIE		"gazette_session"
#define SESSION_COOKIE_HTTPS	"__Host-gazette_session"

struct resp {
	int		 status;
	const char	*content_type;	/* default text/html; charset=utf-8 */
	struct buf	*body;		/* the worker's reusable body buffer */
	struct buf	 headers;	/* extra "Name: value\r\n" lines */
	enum cache_policy cache;
	int64_t		 expires;	/* content changes by itself then (0: never) */
	const char	*etag;		/* quoted entity tag, or NULL */
	int64_t		 last_modified;	/* unix time, or 0 */
	const char	*error;		/* message for the error page, or NULL */
	int		 rendered;	/* body holds a full page already */
	int		 sets_cookie;	/* http_set_cookie() was called */
	int		 unstorable;	/* a write committed while it was made:
					   no shared cache may keep it */
	enum http_encoding encoding;	/* the body's coding */
	int		 kept;		/* the page cache took this rendering */
};

/*
 * The file part of a multipart/form-data body, in a temporary file
 * that is removed when the request ends (src/http/upload.c).
 */
struct upload {
	const char	*path;		/* the temporary file */
	const char	*filename;	/* as the browser named it, no folder */
	const char	*ctype;		/* as the browser labelled it, or "" */
	long long	 size;		/* bytes */
};

/*
 * What a route reads from the query string (GET) or the form (POST),
 * declared beside its controller and named in the route table, and
 * checked before the controller runs (input.c): the controller gets
 * parsed values in r->in[], in the order of the declaration, and a
 * value that is malformed answers 400 with the declaration's message.
 * An input declared without a message is optional in form: a malformed
 * value is no error but is left unset, its text still in s
 * (input_bad()), for the controller to ignore (an unknown ?done=
 * notice) or refuse in its own turn: after the checks that come first,
 * or with the form again.  The inputs are checked before the route's
 * guards (ctl_dispatch()), so a route behind one (a role, a CSRF
 * token) declares its inputs without a message: whoever the guards
 * turn away gets their answer (the login form, 403), not a 400.
 * Names not declared are ignored (links carry tracking parameters).
 * A declaration ends with an entry whose name is NULL.
 */
enum input_kind {
	IN_ID,		/* a positive decimal id, at most 2^53 */
	IN_COUNT,	/* a positive decimal number up to 1,000,000 */
	IN_WORD,	/* one of choices[] */
	IN_TEXT,	/* valid UTF-8 of at most max bytes (0: any length) */
	IN_ANY,		/* any bytes: taken as plain words (a search) */
	IN_CURSOR,	/* a listing's place: "T-ID", two positive
			   decimal numbers (a time and an id) */
};

struct input {
	const char		*name;
	enum input_kind		 kind;
	size_t			 max;		/* IN_TEXT */
	const char *const	*choices;	/* IN_WORD: NULL-terminated */
	const char		*error;		/* why a bad value is refused
						   (NULL: it is left unset) */
};

#define INPUT_MAX	20	/* inputs one route may declare */

struct input_value {
	int		 set;		/* present (and valid) */
	const char	*s;		/* the value as sent, for every kind;
					   also when it was malformed and
					   left unset (no error declared) */
	long long	 n;		/* IN_ID, IN_COUNT: the number;
					   IN_WORD: the index in choices[];
					   IN_CURSOR: the time */
	long long	 n2;		/* IN_CURSOR: the id */
};

/* 1 if v was sent but is malformed: left unset, declared without a
 * message, for the controller to refuse in its turn. */
static inline int
input_bad(const struct input_value *v)
{
	return v->s != NULL && !v->set;
}

struct req {
	struct arena	*arena;
	struct store	*store;		/* this worker's database connection */
	enum http_method method;
	const char	*method_name;
	const char	*uri;		/* the raw request target, for logs */
	const char	*path;		/* decoded; no NUL, starts with '/' */
	const char	*query_raw;	/* as sent, for canonical links */
	struct kv	*query;
	size_t		 nquery;
	struct kv	*form;		/* urlencoded or multipart POST body */
	size_t		 nform;
	struct upload	*upload;	/* a multipart body's file, or NULL */
	struct kv	*cookies;
	size_t		 ncookies;
	const char	*remote_addr;	/* the client, as nginx saw it */
	const char	*host;
	const char	*origin;
	const char	*referer;
	const char	*if_none_match;
	const char	*if_modified_since;
	enum http_encoding accept;	/* the best coding the client takes */
	const char	*param[ROUTE_MAXPARAM]; /* from the route's :names */
	long long	 num[ROUTE_MAXPARAM];	/* their values when numbers
					   (:id, :year, :month), checked */
	struct input_value in[INPUT_MAX]; /* the route's declared inputs */
	int64_t		 now;		/* request time, unix seconds */
	uint64_t	 gen;		/* store generation read before the
					   controller ran (0: not read) */
	int64_t		 changed_at;	/* time of the store's last write */
	int		 cache_slot;	/* renders for cache_get() (-1: no) */
	struct editor	*editor;	/* the logged-in editor, or NULL */
	struct resp	 resp;
};

/*
 * Check r's query string (GET, HEAD) or form (POST) against the
 * declaration spec and fill r->in[].  Returns 0, or 400 with
 * r->resp.error set.
 */
int		 http_inputs(struct req *, const struct input *spec);

/* Query and form values: the first value of name, or NULL. */
const char	*http_query(const struct req *, const char *name);
const char	*http_form(const struct req *, const char *name);
const char	*http_cookie(const struct req *, const char *name);

/* All values of a repeated form field "name[]", in order. */
size_t		 http_form_all(const struct req *, const char *name,
		    const char ***out);

/*
 * Add a response header.  Returns -1 (and adds nothing) if the name or
 * value holds a CR, LF or other control byte.
 */
int		 http_header(struct req *, const char *name, const char *value);

/*
 * Answer 303 See Other to a path inside this site (it must start with a
 * single '/').  Returns the status, or 500 if the target is unsafe,
 * which callers prevent by building targets from validated parts.
 */
int		 http_redirect(struct req *, int status, const char *path);

/* Set the conditional-GET validators; returns 1 if the client's copy is
 * current (the controller then returns 304 without rendering). */
int		 http_not_modified(struct req *, const char *etag,
		    int64_t last_modified);

/*
 * 1 if the app sends this answer compressed, in the coding the client
 * takes (r->accept): a reader's GET or HEAD of a page that caches
 * share, the same for every reader.  Its entity tag then names the
 * coding too.
 */
int		 http_compressible(const struct req *);

/* The reason phrase for a status ("Not Found"). */
const char	*http_reason(int status);

/*
 * Percent-decoding and urlencoded parsing (urlenc.c), free of libfcgi so
 * that they can be unit-tested and fuzzed.
 */

/*
 * Decode src[0..n) into dst (at least n+1 bytes), '+' as space when
 * plus is set.  Returns the decoded length, or -1 for a malformed escape
 * or an encoded NUL byte.
 */
long		 url_decode(char *dst, const char *src, size_t n, int plus);

#define HTTP_MAXPAIRS	512	/* more pairs in one query or body: 400 */

/*
 * Parse "a=1&b=2" into pairs owned by the arena.  Empty pieces are
 * skipped; a name without '=' gets the empty value.  Returns 0, or -1
 * for malformed encoding, a NUL byte, or too many pairs.  A name that
 * appears twice is an error too, unless it ends in "[]".
 */
int		 url_parse_pairs(struct arena *, const char *s, size_t n,
		    struct kv **out, size_t *nout);

/*
 * Parse a Cookie header: "a=1; b=2".  Malformed pieces are skipped and
 * the first of duplicated names wins; never fails.
 */
void		 cookie_parse(struct arena *, const char *s, struct kv **out,
		    size_t *nout);


/*
 * Set a cookie for the whole site (Path=/) that
 * scripts cannot read (HttpOnly), sent on top-level navigation from
 * elsewhere but not on cross-site POSTs (SameSite=Lax), and only over
 * https when the site is (Secure).  max_age 0 deletes it.  Returns -1
 * (and sets nothing) if the name or value is not a cookie token.
 */
int		 http_set_cookie(struct req *, const char *name,
		    const char *value, long max_age);

#endif
