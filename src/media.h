/*
 * media.h: photographs.  An upload is decoded and resized in a process
 * of its own (`gazette media-process`, src/cli/media_process.c), never
 * in the server's; media.c starts it, waits for it within a time
 * limit, and moves the files it made into the media folder.
 */
#ifndef GAZETTE_MEDIA_H
#define GAZETTE_MEDIA_H

#define MEDIA_HASH_LEN	20	/* hex digits of a file name's hash */

/* What processing an upload gave. */
struct media_result {
	int	 status;		/* 0: done; else 415, 422, 500 or 503 */
	char	 message[256];		/* why not, for the editor */
	char	 hash[MEDIA_HASH_LEN + 1];
	int	 width, height;		/* the largest variant's */
	char	 widths[128];		/* "320,640,960", ascending */
};

/*
 * Make the media folder and its .tmp folder (uploads, staging) if
 * missing.  Returns 0, or -1 (logged).
 */
int	 media_init(void);

/*
 * Process the image file at path in a separate process, limited in
 * time and memory.  On success its files are in the media folder.  On
 * any failure (a refused format, a decoder that crashed or hung)
 * nothing is left behind and res->status and res->message say why.
 * At most --threads - 1 run at once (one worker thread is always left
 * for readers); beyond, 503 at once.  Returns res->status.
 */
int	 media_process(const char *path, struct media_result *res);

/*
 * Remove the files of an image (hash, and the widths it was made in,
 * "320,640") from the media folder.  Missing files are no error.
 */
void	 media_remove(const char *hash, const char *widths);

/*
 * Put every file of the folder from_dir (but dot-files) into to_dir,
 * which exists: a hard link where both are on one file system (the
 * files are written once and never changed: their names carry their
 * content's hash), else a copy; a file already there is kept.  Returns
 * the number of files, or -1 after saying why.
 */
long	 media_copy_files(const char *from_dir, const char *to_dir);

#endif
