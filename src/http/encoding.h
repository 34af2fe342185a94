/*
 * encoding.h: content codings of reader pages (gzip, Brotli).
 *
 * A page is compressed once per version of it, by the app, and kept so
 * in its page cache and in nginx's; each client gets the form it
 * accepts.  nginx passes the app only the class it chose from the
 * client's Accept-Encoding (conf/gazette-http.conf.in), which is also
 * part of its cache key, so the two always agree.
 */
#ifndef GAZETTE_ENCODING_H
#define GAZETTE_ENCODING_H

#include <stddef.h>

struct buf;

enum http_encoding {
	ENC_IDENTITY,
	ENC_GZIP,
	ENC_BR,
	ENC__MAX
};

/*
 * The best coding that an Accept-Encoding value allows, Brotli first,
 * then gzip, else identity.  A coding listed with q=0 is refused;
 * "*" stands for any coding not listed.  NULL or garbage: identity.
 */
enum http_encoding http_accept_encoding(const char *value);

/* "br", "gzip", or NULL for identity. */
const char	*http_encoding_name(enum http_encoding);

/* What an entity tag of that coding ends with: "-br", "-gz", "". */
const char	*http_encoding_etag(enum http_encoding);

/*
 * Append in (n bytes) to out in coding enc (gzip at level 6, Brotli at
 * quality 5: a tenth of a millisecond for a 10 KB page).  0, or -1 (out
 * then holds nothing new).
 */
int		 http_compress(enum http_encoding enc, const char *in,
		    size_t n, struct buf *out);

/*
 * Append the page that Brotli data in (n bytes) holds, plain bytes of
 * it, to out.  0, or -1 if in is not that (out then holds nothing new).
 */
int		 http_decompress_br(const char *in, size_t n, size_t plain,
		    struct buf *out);

#endif
