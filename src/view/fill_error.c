/*
 * fill_error.c: error.tpl.
 */
#include "page.h"
#include "view.h"

void
fill_error(struct view *v, int status, const char *reason,
    const char *message)
{
	const char	*heading, *text;

	switch (status) {
	case 400:
		heading = "That request was not understood";
		text = "Something in the address or the form was malformed.";
		break;
	case 403:
		heading = "Not allowed";
		text = "You are not allowed to do that, or the form had "
		    "expired. Go back, reload the page and try again.";
		break;
	case 404:
		heading = "Page not found";
		text = "There is no page at this address. It may have been "
		    "mistyped, or the article may not be published yet.";
		break;
	case 405:
		heading = "Method not allowed";
		text = "This address does not accept that kind of request.";
		break;
	case 410:
		heading = "This article has been withdrawn";
		text = "The article that was here has been withdrawn by the "
		    "editors.";
		break;
	case 413:
		heading = "Too large";
		text = "What you sent is larger than this site accepts.";
		break;
	case 429:
		heading = "Too many requests";
		text = "Please wait a little before trying again.";
		break;
	default:
		if (status >= 500) {
			heading = "Something went wrong";
			text = "The site could not answer this request. Please "
			    "try again in a moment.";
		} else {
			heading = reason;
			text = "The request could not be answered.";
		}
		break;
	}
	view_set(v, "HEADING", heading);
	view_set(v, "MESSAGE", message != NULL ? message : text);
}
