/*
 * 02-router: router_match() (src/http/router.c) against a small table
 * made for the test, then against the site's real table (ctl_routes in
 * src/ctl/routes.c): typed parameters, 404 against 405 with the right
 * Allow mask, HEAD as GET, and paths that must never match.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/ctl/ctl.h"
#include "../../src/http/router.h"
#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/text.h"
#include "tap.h"

#define M(m)	(1u << (m))

static int h_root(struct req *r) { (void)r; return 200; }
static int h_show(struct req *r) { (void)r; return 200; }
static int h_post(struct req *r) { (void)r; return 303; }
static int h_edit(struct req *r) { (void)r; return 200; }
static int h_month(struct req *r) { (void)r; return 200; }
static int h_thing(struct req *r) { (void)r; return 204; }
static int h_three(struct req *r) { (void)r; return 200; }
static int h_four(struct req *r) { (void)r; return 200; }

static const struct route T[] = {
	{ HTTP_GET,    "/",                     h_root,  0, 0, CACHE_PAGE, 0, NULL },
	{ HTTP_GET,    "/articles/:slug",       h_show,  0, 0, CACHE_PAGE, 0, NULL },
	{ HTTP_POST,   "/articles/:slug",       h_post,  0, 0, CACHE_NONE, 1024, NULL },
	{ HTTP_GET,    "/articles/:id/edit",    h_edit,  0, 0, CACHE_NONE, 0, NULL },
	{ HTTP_GET,    "/archive/:year/:month", h_month, 0, 0, CACHE_PAGE, 0, NULL },
	{ HTTP_DELETE, "/things/:id",           h_thing, 0, 0, CACHE_NONE, 0, NULL },
	{ HTTP_PUT,    "/things/:id",           h_thing, 0, 0, CACHE_NONE, 0, NULL },
	{ HTTP_GET,    "/t/:tag/:id/:year",     h_three, 0, 0, CACHE_PAGE, 0, NULL },
	{ HTTP_GET,    "/f/:slug/:slug/:slug/:slug", h_four, 0, 0, CACHE_PAGE, 0, NULL },
};
#define NT (sizeof(T) / sizeof(T[0]))

static struct arena	 A;
static const struct route *found;
static const char	*params[ROUTE_MAXPARAM];
static long long	 nums[ROUTE_MAXPARAM];
static unsigned		 allow;

static enum route_result
run(const struct route *table, size_t n, enum http_method m, const char *path)
{
	memset(params, 0, sizeof(params));
	memset(nums, 0, sizeof(nums));
	return router_match(&A, table, n, m, path, &found, params, nums,
	    &allow);
}

static enum route_result
t(enum http_method m, const char *path)
{
	return run(T, NT, m, path);
}

/* 1 if GET path finds the route with handler h, params as listed. */
static int
finds(const char *path, int (*h)(struct req *), const char *p0,
    const char *p1, const char *p2)
{
	if (t(HTTP_GET, path) != ROUTE_FOUND || found->handler != h)
		return 0;
	return ((p0 == NULL && params[0] == NULL) ||
	    (p0 && params[0] && strcmp(p0, params[0]) == 0)) &&
	    ((p1 == NULL && params[1] == NULL) ||
	    (p1 && params[1] && strcmp(p1, params[1]) == 0)) &&
	    ((p2 == NULL && params[2] == NULL) ||
	    (p2 && params[2] && strcmp(p2, params[2]) == 0));
}

static int
not_found(enum http_method m, const char *path)
{
	return t(m, path) == ROUTE_NOT_FOUND && found == NULL && allow == 0;
}

static void
test_table(void)
{
	char	 path[400], slug[SLUG_MAX + 2];

	/* Found, with HEAD as GET. */
	ok(t(HTTP_GET, "/") == ROUTE_FOUND && found == &T[0], "GET /");
	ok(t(HTTP_HEAD, "/") == ROUTE_FOUND && found == &T[0],
	    "HEAD / finds the GET route");
	ok(t(HTTP_POST, "/") == ROUTE_BAD_METHOD && found == NULL,
	    "POST / is 405");
	is_int(allow, M(HTTP_GET) | M(HTTP_HEAD), "Allow: GET, HEAD");
	ok(finds("/articles/hello-world", h_show, "hello-world", NULL, NULL),
	    ":slug is passed on");
	ok(t(HTTP_POST, "/articles/hello-world") == ROUTE_FOUND &&
	    found == &T[2] && strcmp(params[0], "hello-world") == 0,
	    "POST to the same pattern finds the POST route");
	ok(t(HTTP_PUT, "/articles/hello-world") == ROUTE_BAD_METHOD,
	    "PUT to it is 405");
	is_int(allow, M(HTTP_GET) | M(HTTP_HEAD) | M(HTTP_POST),
	    "Allow: GET, HEAD, POST");
	ok(t(HTTP_OTHER, "/articles/x") == ROUTE_BAD_METHOD,
	    "an unknown method on a known path is 405");
	ok(t(HTTP_DELETE, "/things/5") == ROUTE_FOUND && found == &T[5],
	    "DELETE");
	ok(t(HTTP_GET, "/things/5") == ROUTE_BAD_METHOD,
	    "GET where only DELETE and PUT are routed is 405");
	is_int(allow, M(HTTP_DELETE) | M(HTTP_PUT),
	    "Allow: DELETE, PUT (no HEAD without GET)");
	ok(t(HTTP_HEAD, "/things/5") == ROUTE_BAD_METHOD &&
	    allow == (M(HTTP_DELETE) | M(HTTP_PUT)), "HEAD there is 405 too");
	ok(not_found(HTTP_DELETE, "/things/x"),
	    "a path whose parameter is invalid is 404, not 405");

	/* :id */
	ok(finds("/articles/42/edit", h_edit, "42", NULL, NULL), ":id 42");
	ok(finds("/articles/9007199254740992/edit", h_edit,
	    "9007199254740992", NULL, NULL), ":id 2^53");
	ok(not_found(HTTP_GET, "/articles/9007199254740993/edit"),
	    ":id above 2^53");
	ok(not_found(HTTP_GET, "/articles/0/edit"), ":id 0");
	ok(not_found(HTTP_GET, "/articles/042/edit"), ":id with a leading 0");
	ok(not_found(HTTP_GET, "/articles/-1/edit"), ":id with a sign");
	ok(not_found(HTTP_GET, "/articles/+1/edit"), ":id with a plus");
	ok(not_found(HTTP_GET, "/articles/1e3/edit"), ":id 1e3");
	ok(not_found(HTTP_GET, "/articles/99999999999999999999/edit"),
	    ":id of 20 digits");
	ok(not_found(HTTP_GET, "/articles/42/edit/"),
	    "a trailing slash after the pattern");

	/* :year and :month */
	ok(finds("/archive/2024/03", h_month, "2024", "03", NULL),
	    ":year and :month");
	ok(finds("/archive/1970/01", h_month, "1970", "01", NULL),
	    "the first year and month");
	ok(finds("/archive/9999/12", h_month, "9999", "12", NULL),
	    "the last year and month");
	ok(not_found(HTTP_GET, "/archive/1969/12"), ":year before 1970");
	ok(not_found(HTTP_GET, "/archive/02024/03"), ":year of five digits");
	ok(not_found(HTTP_GET, "/archive/824/03"), ":year of three digits");
	ok(not_found(HTTP_GET, "/archive/abcd/03"), ":year of letters");
	ok(not_found(HTTP_GET, "/archive/2024/00"), ":month 00");
	ok(not_found(HTTP_GET, "/archive/2024/13"), ":month 13");
	ok(not_found(HTTP_GET, "/archive/2024/3"), ":month of one digit");
	ok(not_found(HTTP_GET, "/archive/2024/003"), ":month of three digits");
	ok(not_found(HTTP_GET, "/archive/2024/1a"), ":month with a letter");
	ok(not_found(HTTP_GET, "/archive/2024"), "a missing segment");

	/* Three parameters; four never match. */
	ok(finds("/t/human-rights/7/2017", h_three, "human-rights", "7",
	    "2017"), "three parameters, in order");
	ok(nums[0] == 0 && nums[1] == 7 && nums[2] == 2017,
	    "the router hands over the values of :id and :year, 0 for a slug");
	ok(run(T, NT, HTTP_PUT, "/things/9007199254740992") == ROUTE_FOUND &&
	    nums[0] == 9007199254740992LL,
	    "the largest :id (2^53) is handed over whole");
	ok(not_found(HTTP_GET, "/f/a/b/c/d"),
	    "a pattern with more than ROUTE_MAXPARAM parameters never matches");

	/* Slugs. */
	ok(not_found(HTTP_GET, "/articles/Hello"), "an upper-case slug");
	ok(not_found(HTTP_GET, "/articles/a_b"), "a slug with '_'");
	ok(not_found(HTTP_GET, "/articles/-a"), "a slug starting with '-'");
	ok(not_found(HTTP_GET, "/articles/a-"), "a slug ending with '-'");
	ok(not_found(HTTP_GET, "/articles/a--b"), "a slug with '--'");
	ok(not_found(HTTP_GET, "/articles/\xc3\xa9t\xc3\xa9"),
	    "a slug with UTF-8");
	ok(not_found(HTTP_GET, "/articles/a b"), "a slug with a space");
	ok(not_found(HTTP_GET, "/articles/.."), "'..' as a slug");
	ok(not_found(HTTP_GET, "/articles/."), "'.' as a slug");
	ok(not_found(HTTP_GET, "/articles/../articles/x"),
	    "'..' is not resolved");
	ok(not_found(HTTP_GET, "/articles/a%2Fb"),
	    "an escape the router is given raw is no slug");
	memset(slug, 'a', SLUG_MAX);
	slug[SLUG_MAX] = '\0';
	snprintf(path, sizeof(path), "/articles/%s", slug);
	ok(finds(path, h_show, slug, NULL, NULL), "a slug of SLUG_MAX bytes");
	slug[SLUG_MAX] = 'a';
	slug[SLUG_MAX + 1] = '\0';
	snprintf(path, sizeof(path), "/articles/%s", slug);
	ok(not_found(HTTP_GET, path), "a slug one byte longer");

	/* Shapes of paths. */
	ok(not_found(HTTP_GET, ""), "the empty path");
	ok(not_found(HTTP_GET, "articles/x"), "a path without a leading '/'");
	ok(not_found(HTTP_GET, "//"), "'//'");
	ok(not_found(HTTP_GET, "/articles/"), "an empty parameter");
	ok(not_found(HTTP_GET, "/articles"), "a missing parameter");
	ok(not_found(HTTP_GET, "/articles/x/"), "a trailing slash");
	ok(not_found(HTTP_GET, "/articles//x"), "an empty segment");
	ok(not_found(HTTP_GET, "//articles/x"), "a leading empty segment");
	ok(not_found(HTTP_GET, "/ARTICLES/x"), "literals are case-sensitive");
	ok(not_found(HTTP_GET, "/articlesx/y"), "literals match whole");
	ok(not_found(HTTP_GET, "/article/x"), "a literal prefix is no match");
	ok(not_found(HTTP_GET, "/nowhere"), "an unknown path");
	ok(run(T, 0, HTTP_GET, "/") == ROUTE_NOT_FOUND, "an empty table");
}

/* A path for a pattern with every parameter given a valid value. */
static const char *
sample_path(const char *pattern, const char *bad_param)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *e, *out;
	size_t		 n;

	for (p = pattern; *p != '\0'; p = e) {
		if (*p != ':') {
			e = p + 1;
			buf_putc(&b, *p);
			continue;
		}
		/* A name is lower-case letters; a suffix may follow it. */
		for (e = p + 1; *e >= 'a' && *e <= 'z'; e++)
			continue;
		n = (size_t)(e - p - 1);
		if (bad_param != NULL)
			buf_puts(&b, bad_param);
		else if (n == 2 && memcmp(p + 1, "id", 2) == 0)
			buf_puts(&b, "42");
		else if (n == 4 && memcmp(p + 1, "year", 4) == 0)
			buf_puts(&b, "2024");
		else if (n == 5 && memcmp(p + 1, "month", 5) == 0)
			buf_puts(&b, "06");
		else
			buf_puts(&b, "zq-sample-7");
	}
	out = arena_strdup(&A, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* Checks of the table itself, for every route others may add. */
static void
test_real_table_shape(void)
{
	size_t		 i, j;
	const char	*p, *e;
	int		 bad_dup = 0, bad_shape = 0, bad_param = 0, bad_body = 0;
	int		 nparam;

	ok(ctl_nroutes > 0, "ctl_routes has %zu routes", ctl_nroutes);
	for (i = 0; i < ctl_nroutes; i++) {
		const struct route *r = &ctl_routes[i];
		size_t len = strlen(r->pattern);

		if (r->pattern[0] != '/' || (len > 1 && r->pattern[len - 1] == '/') ||
		    strstr(r->pattern, "//") != NULL || r->handler == NULL ||
		    r->method == HTTP_HEAD || r->method >= HTTP_OTHER) {
			bad_shape++;
			diag("route %zu (%s) is malformed", i, r->pattern);
		}
		nparam = 0;
		for (p = r->pattern; (p = strchr(p, ':')) != NULL; p = e) {
			for (e = p + 1; *e >= 'a' && *e <= 'z'; e++)
				continue;
			nparam++;
			if (!((e - p == 5 && memcmp(p, ":slug", 5) == 0) ||
			    (e - p == 4 && memcmp(p, ":tag", 4) == 0) ||
			    (e - p == 3 && memcmp(p, ":id", 3) == 0) ||
			    (e - p == 5 && memcmp(p, ":year", 5) == 0) ||
			    (e - p == 6 && memcmp(p, ":month", 6) == 0))) {
				bad_param++;
				diag("route %s: parameter '%.*s' is not one "
				    "router.h knows", r->pattern, (int)(e - p), p);
			}
		}
		if (nparam > ROUTE_MAXPARAM) {
			bad_param++;
			diag("route %s has too many parameters", r->pattern);
		}
		if ((r->method == HTTP_POST) != (r->max_body > 0)) {
			bad_body++;
			diag("route %s %s: max_body %zu", http_method_name(r->method),
			    r->pattern, r->max_body);
		}
		for (j = 0; j < i; j++)
			if (ctl_routes[j].method == r->method &&
			    strcmp(ctl_routes[j].pattern, r->pattern) == 0) {
				bad_dup++;
				diag("route %s %s is listed twice",
				    http_method_name(r->method), r->pattern);
			}
	}
	is_int(bad_shape, 0, "every pattern starts with '/', has no empty or "
	    "trailing segment, a handler and a routable method");
	is_int(bad_param, 0, "every parameter is a type router.h documents, "
	    "at most ROUTE_MAXPARAM per pattern");
	is_int(bad_body, 0, "POST routes, and only they, take a body");
	is_int(bad_dup, 0, "no method and pattern is listed twice");
}

static void
test_real_table(void)
{
	size_t		 i, j;
	const char	*path;
	enum route_result rr;
	unsigned	 want;
	int		 bad_found = 0, bad_head = 0, bad_405 = 0, bad_404 = 0;
	int		 m;

	/* The reader's routes, by name. */
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/") == ROUTE_FOUND &&
	    found->handler == ctl_front_index, "GET / is the front page");
	ok(run(ctl_routes, ctl_nroutes, HTTP_HEAD, "/") == ROUTE_FOUND &&
	    found->handler == ctl_front_index, "HEAD / too");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/articles/some-story") ==
	    ROUTE_FOUND && found->handler == ctl_article_show &&
	    strcmp(params[0], "some-story") == 0, "GET /articles/:slug");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/tags") == ROUTE_FOUND &&
	    found->handler == ctl_tag_index, "GET /tags");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/tags/human-rights") ==
	    ROUTE_FOUND && found->handler == ctl_tag_show &&
	    strcmp(params[0], "human-rights") == 0, "GET /tags/:slug");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/tags/") ==
	    ROUTE_NOT_FOUND, "/tags/ (trailing slash) is 404");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/articles/Bad_Slug") ==
	    ROUTE_NOT_FOUND, "/articles/Bad_Slug is 404");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/articles/..") ==
	    ROUTE_NOT_FOUND, "/articles/.. is 404");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/.git/config") ==
	    ROUTE_NOT_FOUND, "/.git/config is 404");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "/articles") ==
	    ROUTE_NOT_FOUND, "/articles (no slug) is 404");
	ok(run(ctl_routes, ctl_nroutes, HTTP_GET, "") == ROUTE_NOT_FOUND,
	    "the empty path is 404");

	/*
	 * Every route: its sample path finds it (HEAD too for GET), a
	 * method no route of that path takes is 405 with the Allow mask
	 * of exactly the methods that path takes, and an invalid
	 * parameter is 404.
	 */
	for (i = 0; i < ctl_nroutes; i++) {
		const struct route *r = &ctl_routes[i];

		path = sample_path(r->pattern, NULL);
		rr = run(ctl_routes, ctl_nroutes, r->method, path);
		if (rr != ROUTE_FOUND || found->method != r->method ||
		    strcmp(found->pattern, r->pattern) != 0) {
			bad_found++;
			diag("%s %s: not routed to %s", http_method_name(
			    r->method), path, r->pattern);
		}
		if (r->method == HTTP_GET &&
		    (run(ctl_routes, ctl_nroutes, HTTP_HEAD, path) !=
		    ROUTE_FOUND || found->method != HTTP_GET)) {
			bad_head++;
			diag("HEAD %s is not routed", path);
		}
		/* The methods this path takes, from the table itself. */
		want = 0;
		for (j = 0; j < ctl_nroutes; j++)
			if (strcmp(sample_path(ctl_routes[j].pattern, NULL),
			    path) == 0) {
				want |= M(ctl_routes[j].method);
				if (ctl_routes[j].method == HTTP_GET)
					want |= M(HTTP_HEAD);
			}
		for (m = 0; m < HTTP__MAX; m++) {
			if (want & M(m))
				continue;
			rr = run(ctl_routes, ctl_nroutes, (enum http_method)m,
			    path);
			if (rr != ROUTE_BAD_METHOD || allow != want) {
				bad_405++;
				diag("%s %s: %d, Allow mask %#x, expected 405 "
				    "and %#x", http_method_name(
				    (enum http_method)m), path, (int)rr, allow,
				    want);
			}
		}
		if (strchr(r->pattern, ':') != NULL) {
			path = sample_path(r->pattern, "Not_Valid");
			rr = run(ctl_routes, ctl_nroutes, r->method, path);
			if (rr == ROUTE_FOUND && strcmp(found->pattern,
			    r->pattern) == 0) {
				bad_404++;
				diag("%s accepted an invalid parameter", path);
			}
		}
	}
	is_int(bad_found, 0, "every route's sample path finds it");
	is_int(bad_head, 0, "HEAD finds every GET route");
	is_int(bad_405, 0, "every other method is 405 with the exact Allow mask");
	is_int(bad_404, 0, "no route takes an invalid parameter");
}

static void
test_methods(void)
{
	int	 m;

	is_int(http_method_parse("GET"), HTTP_GET, "GET parses");
	is_int(http_method_parse("HEAD"), HTTP_HEAD, "HEAD parses");
	is_int(http_method_parse("POST"), HTTP_POST, "POST parses");
	is_int(http_method_parse("get"), HTTP_OTHER, "methods are case-sensitive");
	is_int(http_method_parse("GETX"), HTTP_OTHER, "no prefix match");
	is_int(http_method_parse(""), HTTP_OTHER, "empty");
	is_int(http_method_parse(NULL), HTTP_OTHER, "NULL");
	is_int(http_method_parse("OTHER"), HTTP_OTHER, "'OTHER' is not a method");
	for (m = 0; m < HTTP_OTHER; m++)
		if ((int)http_method_parse(http_method_name(
		    (enum http_method)m)) != m)
			break;
	is_int(m, HTTP_OTHER, "every method's name parses back to it");
	is_str(http_method_name(HTTP__MAX), "OTHER", "out of range is OTHER");
}

int
main(void)
{
	arena_init(&A, 0);
	test_table();
	test_real_table_shape();
	test_real_table();
	test_methods();
	arena_free(&A);
	return done_testing();
}
