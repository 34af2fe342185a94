/*
 * driver.c: replay files through a fuzz harness without libFuzzer.
 *
 *   build/replay/NAME FILE|DIR...
 *
 * Calls the harness's LLVMFuzzerTestOneInput() once per file (a folder's
 * files in name order; a missing folder is skipped), prints one line per
 * file and "replayed N inputs" at the end, and exits 0.  A crash, a
 * failed check or a sanitizer report ends the process early with an
 * error status, which t/08-fuzz-replay.t reports.  Built with the normal
 * compiler, so that `make test` (and `make test SAN=1`, with the
 * sanitizers) replays every seed and every past crasher.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static size_t	 nrun;

static int
run_file(const char *path)
{
	FILE		*f;
	uint8_t		*data = NULL, *bigger;
	size_t		 len = 0, cap = 0, n;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((bigger = realloc(data, cap)) == NULL)
				abort();
			data = bigger;
		}
		if ((n = fread(data + len, 1, cap - len, f)) == 0)
			break;
		len += n;
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", path);
		fclose(f);
		free(data);
		return -1;
	}
	fclose(f);
	printf("%s (%zu bytes)\n", path, len);
	fflush(stdout);
	/* A copy of exactly len bytes, so that ASan sees any overread. */
	if ((bigger = malloc(len ? len : 1)) == NULL)
		abort();
	memcpy(bigger, data, len);
	free(data);
	LLVMFuzzerTestOneInput(bigger, len);
	free(bigger);
	nrun++;
	return 0;
}

static int
run_dir(const char *dir)
{
	struct dirent	**names;
	char		  path[4096];
	int		  n, i, rc = 0;

	if ((n = scandir(dir, &names, NULL, alphasort)) < 0)
		return errno == ENOENT ? 0 : -1;
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.' && rc == 0) {
			snprintf(path, sizeof(path), "%s/%s", dir,
			    names[i]->d_name);
			rc = run_file(path);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct stat	 st;
	int		 i;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0) {
			if (errno == ENOENT)
				continue;	/* no crashers yet */
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		if ((S_ISDIR(st.st_mode) ? run_dir(argv[i]) :
		    run_file(argv[i])) < 0)
			return 1;
	}
	printf("replayed %zu inputs\n", nrun);
	return 0;
}
