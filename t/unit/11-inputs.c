/*
 * 11-inputs: a route's declared inputs (src/http/input.c): each value
 * checked against its kind once, before the controller, which reads
 * parsed values; a bad one answers 400 with the declaration's message,
 * or, declared without one, is left unset with its text for the
 * controller; names not declared are left alone.
 */
#include <string.h>

#include "../../src/http/http.h"
#include "../../src/util/arena.h"
#include "tap.h"

static struct arena	 A;

static const char *const shows[] = { "pending", "approved", NULL };

enum { I_ID, I_COUNT, I_SHOW, I_NOTE, I_Q, I_CURSOR };
static const struct input spec[] = {
	[I_ID] = { "before", IN_ID, 0, NULL, "bad before" },
	[I_COUNT] = { "page", IN_COUNT, 0, NULL, "bad page" },
	[I_SHOW] = { "show", IN_WORD, 0, shows, "bad show" },
	[I_NOTE] = { "note", IN_TEXT, 8, NULL, "bad note" },
	[I_Q] = { "q", IN_ANY, 0, NULL, NULL },
	[I_CURSOR] = { "after", IN_CURSOR, 0, NULL, "bad cursor" },
	{ NULL, 0, 0, NULL, NULL }
};

/* Optional in form: a malformed value is the controller's to judge. */
static const char *const notices[] = { "saved", "deleted", NULL };
enum { O_DONE, O_BASE, O_N };
static const struct input lenient[] = {
	[O_DONE] = { "done", IN_WORD, 0, notices, NULL },
	[O_BASE] = { "base", IN_ID, 0, NULL, NULL },
	[O_N] = { "n", IN_COUNT, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/* Check the query string qs (GET) or form (POST) against spec. */
static int
run_spec(struct req *r, enum http_method m, const char *qs,
    const struct input *sp)
{
	struct kv	*kv;
	size_t		 n;

	memset(r, 0, sizeof(*r));
	r->arena = &A;
	r->method = m;
	if (url_parse_pairs(&A, qs, strlen(qs), &kv, &n) < 0)
		return -1;
	if (m == HTTP_POST) {
		r->form = kv;
		r->nform = n;
	} else {
		r->query = kv;
		r->nquery = n;
	}
	return http_inputs(r, sp);
}

static int
run(struct req *r, enum http_method m, const char *qs)
{
	return run_spec(r, m, qs, spec);
}

int
main(void)
{
	struct req	 r;

	arena_init(&A, 0);

	is_int(run(&r, HTTP_GET, "before=42&page=3&show=approved&note=hello"
	    "&q=%FF%FEx&utm_source=mail"), 0, "a good query passes");
	ok(r.in[I_ID].set && r.in[I_ID].n == 42, "an id arrives parsed");
	ok(r.in[I_COUNT].set && r.in[I_COUNT].n == 3, "a count arrives parsed");
	ok(r.in[I_SHOW].set && r.in[I_SHOW].n == 1 &&
	    strcmp(r.in[I_SHOW].s, "approved") == 0,
	    "a word arrives as its index among the choices, and as sent");
	ok(r.in[I_NOTE].set && strcmp(r.in[I_NOTE].s, "hello") == 0,
	    "text arrives as sent");
	ok(r.in[I_Q].set, "any bytes pass where the route takes plain words");

	is_int(run(&r, HTTP_GET, ""), 0, "no inputs at all pass");
	ok(!r.in[I_ID].set && r.in[I_ID].n == 0 && r.in[I_ID].s == NULL,
	    "an input not sent is not set");

	is_int(run(&r, HTTP_GET, "before=0"), 400, "id 0 is refused");
	ok(strcmp(r.resp.error, "bad before") == 0,
	    "with the declaration's message");
	is_int(run(&r, HTTP_GET, "before=9007199254740993"), 400,
	    "an id above 2^53 is refused");
	is_int(run(&r, HTTP_GET, "before=-1"), 400, "a signed id is refused");
	is_int(run(&r, HTTP_GET, "before=1e3"), 400, "an id with a letter");
	is_int(run(&r, HTTP_GET, "page=1000001"), 400,
	    "a count above a million is refused");
	is_int(run(&r, HTTP_GET, "page=007"), 400,
	    "a count with a leading zero is refused");
	is_int(run(&r, HTTP_GET, "show=rejected"), 400,
	    "a word not among the choices is refused");
	is_int(run(&r, HTTP_GET, "show=Pending"), 400,
	    "words are matched exactly");
	is_int(run(&r, HTTP_GET, "note=123456789"), 400,
	    "text longer than its limit is refused");
	is_int(run(&r, HTTP_GET, "note=%C3%28"), 400,
	    "text that is not UTF-8 is refused");
	ok(!r.in[I_NOTE].set, "and a refused value is not set");

	is_int(run(&r, HTTP_GET, "after=1764633600-42"), 0, "a cursor passes");
	ok(r.in[I_CURSOR].set && r.in[I_CURSOR].n == 1764633600 &&
	    r.in[I_CURSOR].n2 == 42, "as its time and its id");
	is_int(run(&r, HTTP_GET, "after=1764633600"), 400,
	    "a cursor without its id is refused");
	is_int(run(&r, HTTP_GET, "after=-42"), 400, "or without its time");
	is_int(run(&r, HTTP_GET, "after=17x-42"), 400, "or with a letter");
	is_int(run(&r, HTTP_GET, "after=1-0"), 400, "or with id 0");
	is_int(run(&r, HTTP_GET, "after=1-2-3"), 400, "or with a third part");
	is_int(run(&r, HTTP_GET, "after=123456789012345678901234-1"), 400,
	    "or a time too long to be one");

	is_int(run(&r, HTTP_POST, "before=7"), 0, "a POST reads its form");
	ok(r.in[I_ID].set && r.in[I_ID].n == 7, "the form's value arrives");
	r.query = NULL;
	is_int(run(&r, HTTP_POST, "x=1"), 0, "an unknown form field is left alone");

	is_int(run_spec(&r, HTTP_GET, "done=deleted&base=12&n=3", lenient), 0,
	    "good values pass where no message is declared");
	ok(r.in[O_DONE].set && r.in[O_DONE].n == 1 && r.in[O_BASE].set &&
	    r.in[O_BASE].n == 12 && r.in[O_N].set && r.in[O_N].n == 3,
	    "parsed as usual");
	is_int(run_spec(&r, HTTP_GET, "done=exploded&base=x1&n=0", lenient), 0,
	    "malformed values are no error where no message is declared");
	ok(!r.in[O_DONE].set && !r.in[O_BASE].set && !r.in[O_N].set,
	    "they are left unset");
	ok(r.in[O_DONE].s != NULL && strcmp(r.in[O_DONE].s, "exploded") == 0 &&
	    strcmp(r.in[O_BASE].s, "x1") == 0 && strcmp(r.in[O_N].s, "0") == 0,
	    "with their text, for the controller to judge");
	ok(r.in[O_BASE].n == 0 && r.resp.error == NULL,
	    "no number and no message");
	is_int(run_spec(&r, HTTP_GET, "", lenient), 0, "none at all passes");
	ok(!r.in[O_DONE].set && r.in[O_DONE].s == NULL,
	    "and an absent value has no text");

	arena_free(&A);
	return done_testing();
}
