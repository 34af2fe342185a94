/*
 * media_process.c: `gazette media-process STAGE FILE`, the process
 * that decodes an untrusted upload.  The server starts it for each
 * upload (src/media.c) and reads one line from its standard output:
 *
 *   ok HASH WIDTH HEIGHT W1,W2,...    the files are in STAGE
 *   error STATUS MESSAGE              415 or 422, nothing is usable
 *
 * It limits itself first (address space, CPU time, file size) and
 * closes every inherited descriptor but the standard three, so that a
 * hostile file that crashes or hangs a decoder costs this process
 * only.  libvips may load JPEG, PNG, WebP, GIF (its first frame) and
 * HEIF (HEIC, AVIF): every other loader is blocked, and the format is
 * found from the content, never the name.  The image's size is read
 * from its header and refused above --media-max-mpx before any pixel
 * is decoded.
 *
 * Each output is oriented by its EXIF tag, in sRGB, and carries no
 * metadata at all: every field libvips read (EXIF with GPS, XMP, IPTC,
 * ICC profiles, comments) is removed before saving, since libvips
 * 8.14's strip option leaves EXIF in WebP files.  Outputs, named
 * HASH-WIDTH.webp/.jpg and HASH-og-16x9/4x3/1x1.jpg, where HASH is the
 * start of the upload's SHA-256:
 *   widths 320, 640, 960, 1280, 1920 below the image's own, and its own
 *   when that is not larger than 1920 (never upscaled), WebP and JPEG;
 *   link preview crops 1200 wide (16:9, 4:3, 1:1), JPEG.
 */
#include <sys/resource.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>
#include <vips/vips.h>

#include "../config.h"
#include "../media.h"
#include "cli.h"

static const int widths[] = { 320, 640, 960, 1280, 1920 };
#define NWIDTHS	(sizeof(widths) / sizeof(widths[0]))
#define WIDEST	1920

static const struct {
	const char	*name;
	int		 w, h;
} crops[] = {
	{ "og-16x9", 1200, 675 },
	{ "og-4x3", 1200, 900 },
	{ "og-1x1", 1200, 1200 },
};
#define NCROPS	(sizeof(crops) / sizeof(crops[0]))

/* The loaders allowed, by libvips class name. */
static const char *const loaders[] = {
	"VipsForeignLoadJpegFile",
	"VipsForeignLoadPngFile",
	"VipsForeignLoadWebpFile",
	"VipsForeignLoadNsgifFile",
	"VipsForeignLoadHeifFile",
};
static const char *const loader_bases[] = {
	"VipsForeignLoadJpeg",
	"VipsForeignLoadPng",
	"VipsForeignLoadWebp",
	"VipsForeignLoadNsgif",
	"VipsForeignLoadHeif",
};
#define NLOADERS (sizeof(loaders) / sizeof(loaders[0]))

static int
refuse(int status, const char *message)
{
	printf("error %d %s\n", status, message);
	fflush(stdout);
	return 1;
}

/* The first 20 hex digits of the file's SHA-256 into hex (21 bytes). */
static int
file_hash(const char *path, char hex[21])
{
	crypto_hash_sha256_state st;
	unsigned char	 buf[65536], h[crypto_hash_sha256_BYTES];
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	crypto_hash_sha256_init(&st);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		crypto_hash_sha256_update(&st, buf, (unsigned long long)n);
	close(fd);
	if (n < 0)
		return -1;
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, 21, h, 10);
	return 0;
}

/*
 * A copy of in without any metadata field: only the pixels and their
 * description (size, bands, format, interpretation) remain.
 */
static VipsImage *
bare(VipsImage *in)
{
	VipsImage	*out;
	gchar		**fields;
	int		 i;

	if (vips_copy(in, &out, NULL) != 0)
		return NULL;
	fields = vips_image_get_fields(out);
	for (i = 0; fields[i] != NULL; i++)
		(void)vips_image_remove(out, fields[i]);
	g_strfreev(fields);
	return out;
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put_le32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = (v >> 24) & 0xff;
}

/*
 * Remove the EXIF and XMP chunks from a WebP file in buf[0..*n) and
 * clear their flags in its VP8X chunk: libvips 8.14 writes a small EXIF
 * block of its own into every WebP, even with strip.  Returns 0, or -1
 * if the file is not the RIFF container expected.
 */
static int
webp_strip(unsigned char *buf, size_t *n)
{
	size_t		 in = 12, out = 12, len;
	uint32_t	 size;

	if (*n < 12 || memcmp(buf, "RIFF", 4) != 0 ||
	    memcmp(buf + 8, "WEBP", 4) != 0)
		return -1;
	while (in + 8 <= *n) {
		size = le32(buf + in + 4);
		len = 8 + (size_t)size + (size & 1);
		if (len > *n - in)
			return -1;
		if (memcmp(buf + in, "EXIF", 4) == 0 ||
		    memcmp(buf + in, "XMP ", 4) == 0) {
			in += len;
			continue;
		}
		if (memcmp(buf + in, "VP8X", 4) == 0 && size >= 1)
			buf[in + 8] &= (unsigned char)~0x0c;
		memmove(buf + out, buf + in, len);
		in += len;
		out += len;
	}
	if (in != *n)
		return -1;
	put_le32(buf + 4, (uint32_t)(out - 8));
	*n = out;
	return 0;
}

/* Write buf[0..n) to path; 0 or -1. */
static int
write_file(const char *path, const void *buf, size_t n)
{
	FILE	*f;
	int	 rc;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	rc = fwrite(buf, 1, n, f) == n ? 0 : -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* Save in (sRGB) as STAGE/HASH-suffix.jpg and, if webp, .webp. */
static int
save(VipsImage *in, const char *stage, const char *hash,
    const char *suffix, int webp)
{
	VipsImage	*clean, *flat = NULL;
	char		 path[4096];
	void		*buf;
	size_t		 n;
	int		 rc = -1;

	if ((clean = bare(in)) == NULL)
		return -1;
	if (webp) {
		snprintf(path, sizeof(path), "%s/%s-%s.webp", stage, hash,
		    suffix);
		if (vips_webpsave_buffer(clean, &buf, &n, "Q", 75, "strip",
		    TRUE, NULL) != 0)
			goto out;
		rc = webp_strip(buf, &n) == 0 ? write_file(path, buf, n) : -1;
		g_free(buf);
		if (rc != 0)
			goto out;
		rc = -1;
	}
	/* JPEG has no transparency: flatten it onto white. */
	if (vips_image_hasalpha(clean)) {
		VipsArrayDouble *white = vips_array_double_newv(3,
		    255.0, 255.0, 255.0);

		rc = vips_flatten(clean, &flat, "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (rc != 0)
			goto out;
		rc = -1;
	}
	snprintf(path, sizeof(path), "%s/%s-%s.jpg", stage, hash, suffix);
	if (vips_jpegsave(flat ? flat : clean, path, "Q", 80, "strip", TRUE,
	    "optimize_coding", TRUE, "interlace", TRUE, NULL) != 0)
		goto out;
	rc = 0;
out:
	if (flat)
		g_object_unref(flat);
	g_object_unref(clean);
	return rc;
}

/* Lower the process's limits before any untrusted byte is read. */
static void
limit_self(void)
{
	struct rlimit	 rl;

	int		 rc = 0;

	/*
	 * SIGXCPU at the soft limit, so that the server tells a decoder
	 * that ran out of time from one that crashed; SIGKILL a second on.
	 */
	rl.rlim_cur = (rlim_t)cfg.media_timeout;
	rl.rlim_max = (rlim_t)cfg.media_timeout + 1;
	rc |= setrlimit(RLIMIT_CPU, &rl);
	rl.rlim_cur = rl.rlim_max = (rlim_t)256 << 20;
	rc |= setrlimit(RLIMIT_FSIZE, &rl);
#if !defined(__SANITIZE_ADDRESS__)
	/* AddressSanitizer reserves terabytes of shadow memory. */
	rl.rlim_cur = rl.rlim_max = (rlim_t)cfg.media_memory << 20;
	rc |= setrlimit(RLIMIT_AS, &rl);
#endif
	/* A sandbox that forbids setrlimit: the server's timeout remains. */
	if (rc != 0)
		fprintf(stderr, "media-process: cannot set resource limits: "
		    "%s\n", strerror(errno));
}

/*
 * A test-only fault (GAZETTE_MEDIA_FAULT=crash|hang|memory), to show
 * that a decoder's failure costs this process only.
 */
static void
fault(void)
{
	const char	*f = getenv("GAZETTE_MEDIA_FAULT");
	volatile unsigned long spin = 0;
	char		*p;

	if (f == NULL)
		return;
	if (strcmp(f, "crash") == 0)
		abort();
	if (strcmp(f, "hang") == 0)
		for (;;)
			spin++;
	if (strcmp(f, "memory") == 0)
		for (;;) {
			if ((p = malloc(64 << 20)) == NULL)
				abort();
			memset(p, 1, 64 << 20);
		}
}

/* When the process started, for report(). */
static struct timespec	 started;

/*
 * One line for the server's log (and make bench): the image, the time
 * taken and the process's peak memory (VmHWM).
 */
static void
report(int w, int h, const char *made)
{
	struct timespec	 now;
	char		 line[256];
	long		 hwm = -1;
	FILE		*f;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((f = fopen("/proc/self/status", "r")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (sscanf(line, "VmHWM: %ld kB", &hwm) == 1)
				break;
		fclose(f);
	}
	fprintf(stderr, "media-process: %dx%d, widths %s and 3 crops in "
	    "%.0f ms, peak memory %ld KiB\n", w, h, made,
	    (double)(now.tv_sec - started.tv_sec) * 1e3 +
	    (double)(now.tv_nsec - started.tv_nsec) / 1e6, hwm);
}

static int
process(const char *stage, const char *in)
{
	VipsImage	*head, *thumb = NULL, *srgb = NULL, *base = NULL;
	VipsImage	*v, *crop;
	const char	*loader;
	char		 hash[21], list[128];
	uint64_t	 w, h;
	size_t		 i, len = 0;
	int		 ok = 0, rc, bw, bh, any = 0;

	if ((loader = vips_foreign_find_load(in)) == NULL)
		return refuse(415, "This is not an image Gazette takes: "
		    "send a JPEG, PNG, WebP, GIF or HEIC photograph.");
	for (i = 0; i < NLOADERS; i++)
		if (strcmp(loader, loaders[i]) == 0)
			ok = 1;
	if (!ok)
		return refuse(415, "This kind of file is not accepted: send "
		    "a JPEG, PNG, WebP, GIF or HEIC photograph.");
	/* The header only: no pixel is decoded yet. */
	if ((head = vips_image_new_from_file(in, "access",
	    VIPS_ACCESS_SEQUENTIAL, NULL)) == NULL)
		return refuse(422, "The image's header cannot be read: the "
		    "file is damaged or incomplete.");
	w = (uint64_t)vips_image_get_width(head);
	h = (uint64_t)vips_image_get_height(head);
	g_object_unref(head);
	if (w == 0 || h == 0 || w * h > (uint64_t)cfg.media_max_mpx * 1000000)
		return refuse(422, "The image is too large: at most "
		    "100 megapixels, please.");
	fault();
	if (file_hash(in, hash) < 0)
		return refuse(422, "The upload cannot be read.");

	/* Decoded once, shrunk on load, oriented, then kept in memory. */
	if (vips_thumbnail(in, &thumb, WIDEST, "height", VIPS_MAX_COORD,
	    "size", VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_TRUNCATED,
	    NULL) != 0 ||
	    vips_colourspace(thumb, &srgb, VIPS_INTERPRETATION_sRGB,
	    NULL) != 0 ||
	    (base = vips_image_copy_memory(srgb)) == NULL) {
		fprintf(stderr, "media-process: %s", vips_error_buffer());
		ok = refuse(422, "The image cannot be decoded: the file is "
		    "damaged or incomplete.");
		goto out;
	}
	bw = vips_image_get_width(base);
	bh = vips_image_get_height(base);
	list[0] = '\0';
	/* Every listed width below the image's (at most WIDEST), then its own. */
	for (i = 0; i <= NWIDTHS; i++) {
		int tw = i < NWIDTHS ? widths[i] : bw;
		char suffix[16];

		if (i < NWIDTHS && tw >= bw)
			continue;
		if (tw == bw) {
			v = base;
			g_object_ref(v);
		} else if (vips_thumbnail_image(base, &v, tw, "height",
		    VIPS_MAX_COORD, NULL) != 0)
			goto fail;
		snprintf(suffix, sizeof(suffix), "%d", tw);
		rc = save(v, stage, hash, suffix, 1);
		g_object_unref(v);
		if (rc != 0)
			goto fail;
		len += (size_t)snprintf(list + len, sizeof(list) - len,
		    "%s%d", any ? "," : "", tw);
		any = 1;
	}
	for (i = 0; i < NCROPS; i++) {
		if (vips_thumbnail_image(base, &crop, crops[i].w, "height",
		    crops[i].h, "crop", VIPS_INTERESTING_ATTENTION, NULL) != 0)
			goto fail;
		rc = save(crop, stage, hash, crops[i].name, 0);
		g_object_unref(crop);
		if (rc != 0)
			goto fail;
	}
	printf("ok %s %d %d %s\n", hash, bw, bh, list);
	fflush(stdout);
	report(bw, bh, list);
	ok = 0;
	goto out;
fail:
	fprintf(stderr, "media-process: %s", vips_error_buffer());
	ok = refuse(422, "The image could not be converted.");
out:
	if (base)
		g_object_unref(base);
	if (srgb)
		g_object_unref(srgb);
	if (thumb)
		g_object_unref(thumb);
	return ok;
}

int
cli_media_process(int argc, char *argv[])
{
	size_t	 i;
	int	 rc;

	if (argc != 3) {
		fprintf(stderr, "usage: gazette media-process STAGE FILE\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &started);
	limit_self();
	/* Nothing of the server's (its sockets, its database) stays. */
	closefrom(3);
	if (VIPS_INIT("gazette"))
		return refuse(422, "The image library cannot start.");
	vips_cache_set_max(0);
	vips_concurrency_set(2);
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	for (i = 0; i < NLOADERS; i++)
		vips_operation_block_set(loader_bases[i], FALSE);
	rc = process(argv[1], argv[2]);
	vips_shutdown();
	return rc;
}
