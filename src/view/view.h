/*
 * view.h: the C face of the template engine (ctemplate), in bridge.cc.
 *
 * A view is a dictionary of values for one template.  view_new() makes
 * a root view whose memory is released when the arena passed in is
 * reset; the views returned by view_row() and view_include() belong to
 * their root.  A view belongs to one thread.  Templates are loaded once
 * at start-up into one process-wide cache.
 */
#ifndef GAZETTE_VIEW_H
#define GAZETTE_VIEW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct arena;
struct buf;
struct view;

/*
 * Load and check every *.tpl file in dir.  Returns 0, or -1 after
 * logging which template failed.  Call before starting threads.
 */
int		 view_init(const char *dir);

/* Reload the templates that changed on disk (on SIGHUP). */
void		 view_reload(void);

/* A value every template sees (site title, base URL); start-up only. */
void		 view_global(const char *key, const char *value);

/* A new root view; freed when the arena is reset. */
struct view	*view_new(struct arena *);

void		 view_set(struct view *, const char *key, const char *value);
/* A value the root view and every view under it see, includes too. */
void		 view_set_shared(struct view *, const char *key,
		    const char *value);
void		 view_setn(struct view *, const char *key, const char *value,
		    size_t len);
void		 view_set_int(struct view *, const char *key, long long value);
void		 view_show(struct view *, const char *section);

/* A new row of a repeated section (shows the section). */
struct view	*view_row(struct view *, const char *section);

/* The view for an {{>MARKER}} include, which will expand template. */
struct view	*view_include(struct view *, const char *marker,
		    const char *template_name);

/*
 * Expand template with the view's values, appending to out.  Returns 0,
 * or -1 if the template is missing or broken (logged).
 */
int		 view_render(struct view *, const char *template_name,
		    struct buf *out);

#ifdef __cplusplus
}
#endif

#endif
