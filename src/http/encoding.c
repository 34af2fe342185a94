/*
 * encoding.c: Accept-Encoding and compression.  See encoding.h.
 */
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "../util/buf.h"
#include "encoding.h"

#define GZIP_LEVEL	6
#define BR_QUALITY	5

/*
 * The q-value at p (after "q="): 0 when it is zero (0, 0., 0.0, 0.000),
 * 1 otherwise, -1 if malformed.
 */
static int
q_nonzero(const char *p, size_t n)
{
	size_t	 i;

	if (n == 0 || (p[0] != '0' && p[0] != '1'))
		return -1;
	if (n > 1 && (p[1] != '.' || n > 5))
		return -1;
	for (i = 2; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return -1;
	if (p[0] == '1') {
		for (i = 2; i < n; i++)
			if (p[i] != '0')
				return -1;
		return 1;
	}
	for (i = 2; i < n; i++)
		if (p[i] != '0')
			return 1;
	return 0;
}

enum http_encoding
http_accept_encoding(const char *v)
{
	/* For each coding: 1 accepted, 0 refused, -1 not listed. */
	int		 br = -1, gz = -1, any = -1, ok;
	const char	*p, *name, *end, *q;
	size_t		 n;

	if (v == NULL)
		return ENC_IDENTITY;
	for (p = v; *p != '\0'; ) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		name = p;
		while (*p != '\0' && *p != ',' && *p != ';' && *p != ' ' &&
		    *p != '\t')
			p++;
		n = (size_t)(p - name);
		ok = 1;
		/* Parameters: only q matters. */
		while (*p == ' ' || *p == '\t')
			p++;
		while (*p == ';') {
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			end = p;
			while (*end != '\0' && *end != ',' && *end != ';')
				end++;
			q = end;
			while (q > p && (q[-1] == ' ' || q[-1] == '\t'))
				q--;
			if (q - p >= 2 && (p[0] == 'q' || p[0] == 'Q') &&
			    p[1] == '=')
				ok = q_nonzero(p + 2, (size_t)(q - p - 2));
			p = end;
		}
		if (ok < 0)
			ok = 0;	/* a malformed q: not accepted */
		if (n == 2 && strncasecmp(name, "br", 2) == 0)
			br = ok;
		else if ((n == 4 && strncasecmp(name, "gzip", 4) == 0) ||
		    (n == 6 && strncasecmp(name, "x-gzip", 6) == 0))
			gz = ok;
		else if (n == 1 && *name == '*')
			any = ok;
		/* Anything else (a stray character): skip to the next. */
		while (*p != '\0' && *p != ',')
			p++;
	}
	if (br == 1 || (br == -1 && any == 1))
		return ENC_BR;
	if (gz == 1 || (gz == -1 && any == 1))
		return ENC_GZIP;
	return ENC_IDENTITY;
}

const char *
http_encoding_name(enum http_encoding e)
{
	switch (e) {
	case ENC_GZIP:
		return "gzip";
	case ENC_BR:
		return "br";
	default:
		return NULL;
	}
}

const char *
http_encoding_etag(enum http_encoding e)
{
	switch (e) {
	case ENC_GZIP:
		return "-gz";
	case ENC_BR:
		return "-br";
	default:
		return "";
	}
}

static int
gzip_to(const char *in, size_t n, struct buf *out)
{
	z_stream	 z;
	uLong		 bound;
	int		 rc;

	memset(&z, 0, sizeof(z));
	/* 15 + 16: a gzip header and trailer around the deflate stream. */
	if (deflateInit2(&z, GZIP_LEVEL, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	bound = deflateBound(&z, (uLong)n);
	buf_reserve(out, bound + 1);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out->data + out->len;
	z.avail_out = (uInt)bound;
	rc = deflate(&z, Z_FINISH);
	if (rc == Z_STREAM_END)
		out->len += z.total_out;
	deflateEnd(&z);
	return rc == Z_STREAM_END ? 0 : -1;
}

static int
br_to(const char *in, size_t n, struct buf *out)
{
	size_t	 len = BrotliEncoderMaxCompressedSize(n);

	if (len == 0)
		return -1;
	buf_reserve(out, len + 1);
	if (!BrotliEncoderCompress(BR_QUALITY, BROTLI_DEFAULT_WINDOW,
	    BROTLI_MODE_TEXT, n, (const uint8_t *)in, &len,
	    (uint8_t *)out->data + out->len))
		return -1;
	out->len += len;
	return 0;
}

int
http_decompress_br(const char *in, size_t n, size_t plain, struct buf *out)
{
	size_t	 len = plain;

	buf_reserve(out, plain + 1);
	if (BrotliDecoderDecompress(n, (const uint8_t *)in, &len,
	    (uint8_t *)out->data + out->len) != BROTLI_DECODER_RESULT_SUCCESS ||
	    len != plain)
		return -1;
	out->len += len;
	out->data[out->len] = '\0';
	return 0;
}

int
http_compress(enum http_encoding enc, const char *in, size_t n,
    struct buf *out)
{
	int	 rc;

	if (n > 0xffffffffu)
		return -1;
	switch (enc) {
	case ENC_GZIP:
		rc = gzip_to(in, n, out);
		break;
	case ENC_BR:
		rc = br_to(in, n, out);
		break;
	default:
		return -1;
	}
	if (rc == 0)
		out->data[out->len] = '\0';
	return rc;
}
