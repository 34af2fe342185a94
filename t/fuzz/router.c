/*
 * router.c (fuzz harness): a method and path through router_match() on
 * the site's real route table (src/ctl/routes.c), and the path through
 * the validators the router uses.  The first byte picks the method, the
 * rest is the path (as a C string).  Checks: a found route has the
 * method asked for (GET for HEAD) and valid parameters; a 405 has a
 * non-empty Allow mask without the method asked for; a valid slug is
 * its own slug; text_slugify() always makes a valid slug or ""; an id
 * that parses prints back the same.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../../src/ctl/ctl.h"
#include "../../src/http/router.h"
#include "../../src/util/arena.h"
#include "../../src/util/text.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	const struct route *found;
	const char	*params[ROUTE_MAXPARAM], *slug;
	long long	 nums[ROUTE_MAXPARAM];
	enum http_method m;
	enum route_result rr;
	unsigned	 allow;
	char		*path, num[32];
	long long	 id;
	size_t		 i;

	if (size == 0)
		return 0;
	arena_init(&a, 0);
	m = (enum http_method)(data[0] % HTTP__MAX);
	path = arena_strndup(&a, (const char *)data + 1, size - 1);

	memset(params, 0, sizeof(params));
	memset(nums, 0, sizeof(nums));
	rr = router_match(&a, ctl_routes, ctl_nroutes, m, path, &found,
	    params, nums, &allow);
	switch (rr) {
	case ROUTE_FOUND:
		FUZZ_CHECK(found != NULL);
		FUZZ_CHECK(found->method == (m == HTTP_HEAD ? HTTP_GET : m));
		for (i = 0; i < ROUTE_MAXPARAM && params[i] != NULL; i++)
			FUZZ_CHECK(slug_valid(params[i]) ||
			    parse_id(params[i], &id));
		break;
	case ROUTE_BAD_METHOD:
		FUZZ_CHECK(found == NULL && allow != 0);
		FUZZ_CHECK((allow & (1u << m)) == 0);
		break;
	case ROUTE_NOT_FOUND:
		FUZZ_CHECK(found == NULL && allow == 0);
		break;
	}

	if (slug_valid(path))
		FUZZ_CHECK(strcmp(text_slugify(&a, path), path) == 0);
	slug = text_slugify(&a, path);
	FUZZ_CHECK(*slug == '\0' || slug_valid(slug));
	if (parse_id(path, &id)) {
		FUZZ_CHECK(id > 0 && id <= (1LL << 53));
		snprintf(num, sizeof(num), "%lld", id);
		FUZZ_CHECK(strcmp(num, path) == 0);
	}
	arena_free(&a);
	return 0;
}
