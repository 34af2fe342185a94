/*
 * input.c: a route's declared inputs, checked once.  See http.h.
 */
#include <string.h>

#include "../util/text.h"
#include "http.h"

#define COUNT_MAX	1000000

/* The value of a decimal count: 1..COUNT_MAX, no sign, no zero first. */
static int
parse_count(const char *s, long long *out)
{
	long long	 v = 0;
	size_t		 i;

	if (s[0] < '1' || s[0] > '9' || strlen(s) > 7)
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	if (v > COUNT_MAX)
		return 0;
	*out = v;
	return 1;
}

/* "T-ID": two ids (a time is one too: positive, at most 2^53). */
static int
parse_cursor(const char *s, struct input_value *v)
{
	const char	*dash = strchr(s, '-');
	char		 num[24];
	size_t		 n;

	if (dash == NULL || (n = (size_t)(dash - s)) == 0 || n >= sizeof(num))
		return 0;
	memcpy(num, s, n);
	num[n] = '\0';
	return parse_id(num, &v->n) && parse_id(dash + 1, &v->n2);
}

/* 1 if s is valid for in, with its parsed value in *v. */
static int
check(const struct input *in, const char *s, struct input_value *v)
{
	size_t	 i;

	v->s = s;
	switch (in->kind) {
	case IN_ID:
		return parse_id(s, &v->n);
	case IN_COUNT:
		return parse_count(s, &v->n);
	case IN_WORD:
		for (i = 0; in->choices != NULL && in->choices[i] != NULL; i++)
			if (strcmp(s, in->choices[i]) == 0) {
				v->n = (long long)i;
				return 1;
			}
		return 0;
	case IN_TEXT:
		return utf8_valid(s, strlen(s)) &&
		    (in->max == 0 || strlen(s) <= in->max);
	case IN_ANY:
		return 1;
	case IN_CURSOR:
		return parse_cursor(s, v);
	}
	return 0;
}

int
http_inputs(struct req *r, const struct input *spec)
{
	const char	*s;
	size_t		 i;

	memset(r->in, 0, sizeof(r->in));
	for (i = 0; spec != NULL && spec[i].name != NULL && i < INPUT_MAX;
	    i++) {
		s = r->method == HTTP_POST ? http_form(r, spec[i].name) :
		    http_query(r, spec[i].name);
		if (s == NULL)
			continue;
		if (!check(&spec[i], s, &r->in[i])) {
			memset(&r->in[i], 0, sizeof(r->in[i]));
			if (spec[i].error == NULL) {
				r->in[i].s = s;	/* the controller decides */
				continue;
			}
			r->resp.error = spec[i].error;
			return 400;
		}
		r->in[i].set = 1;
	}
	return 0;
}
