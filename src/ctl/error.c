/*
 * error.c: the error page every 4xx and 5xx answer carries.
 */
#include "../util/buf.h"
#include "../view/page.h"
#include "ctl.h"

void
ctl_error_page(struct req *r, int status)
{
	struct page	*p;

	p = page_new(ctl_vctx(r), "error.tpl", http_reason(status), "/");
	page_noindex(p);
	fill_error(p->body, status, http_reason(status), r->resp.error);
	if (ctl_page(r, p, status) != status) {
		/* The templates failed: a bare page rather than nothing. */
		buf_reset(r->resp.body);
		buf_puts(r->resp.body, "<!DOCTYPE html><title>Error</title>"
		    "<p>The site could not answer this request.</p>\n");
	}
	r->resp.rendered = 1;
}
