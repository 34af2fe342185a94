/*
 * bridge.cc: the only C++ in Gazette, a thin extern "C" layer over
 * ctemplate.  Every entry point catches every exception, so that no C++
 * type or exception crosses into C; an allocation failure aborts, as it
 * does in the C code.
 */
#include <dirent.h>
#include <string.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>
#include <ctemplate/template_modifiers.h>

extern "C" {
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/jsonesc.h"
#include "../util/log.h"
#include "../util/text.h"
}
#include "view.h"

using ctemplate::TemplateDictionary;

/* The opaque struct view is a TemplateDictionary. */
static TemplateDictionary *
dict(struct view *v)
{
	return reinterpret_cast<TemplateDictionary *>(v);
}

static struct view *
view_of(TemplateDictionary *d)
{
	return reinterpret_cast<struct view *>(d);
}

/* Writes expanded text straight into a struct buf: no copy. */
class BufEmitter : public ctemplate::ExpandEmitter {
public:
	explicit BufEmitter(struct buf *b) : b_(b) {}
	void Emit(char c) override { buf_putc(b_, c); }
	void Emit(const std::string &s) override
	{
		buf_append(b_, s.data(), s.size());
	}
	void Emit(const char *s) override { buf_puts(b_, s); }
	void Emit(const char *s, size_t n) override { buf_append(b_, s, n); }
private:
	struct buf *b_;
};

/*
 * {{VALUE:x-json}}: the value as the inside of a JSON string,
 * for JSON-LD in <script type="application/ld+json">.  The auto-escaper
 * takes a script element for JavaScript, and its JavaScript escaping
 * (\x3c) is not valid JSON; ctemplate's own :json_escape is, for most
 * text, but lets control characters through raw, which JSON forbids.
 * This one (json_escape_str() in util/jsonesc.c) gives valid JSON for
 * any input, with none of < > & ' " left in it, so "</script>" cannot
 * end the element and no HTML context can be broken out of either:
 * that is why it is registered as XSS-safe, which makes the
 * auto-escaper add nothing after it.  Use it only inside a quoted JSON
 * string (never in a URL attribute: it does not check schemes).
 */
class JsonStringModifier : public ctemplate::TemplateModifier {
public:
	void Modify(const char *in, size_t n, const ctemplate::PerExpandData *,
	    ctemplate::ExpandEmitter *out, const std::string &) const override
	{
		struct buf b = BUF_INIT;

		json_escape_str(&b, in, n);
		if (b.len > 0)
			out->Emit(b.data, b.len);
		buf_free(&b);
	}
};

static JsonStringModifier json_string_modifier;

extern "C" int
view_init(const char *dir)
{
	try {
		ctemplate::TemplateCache *cache =
		    ctemplate::mutable_default_template_cache();
		std::vector<std::string> names;
		DIR *d;
		struct dirent *e;
		static bool modifiers;

		/* Modifiers are looked up when a template is parsed. */
		if (!modifiers)
			modifiers = ctemplate::AddXssSafeModifier("x-json",
			    &json_string_modifier);

		if (!cache->SetTemplateRootDirectory(dir)) {
			LOG_ERR("templates: bad folder %s", dir);
			return -1;
		}
		if ((d = opendir(dir)) == NULL) {
			LOG_ERR("templates: cannot open %s", dir);
			return -1;
		}
		while ((e = readdir(d)) != NULL) {
			size_t n = strlen(e->d_name);
			if (n > 4 && strcmp(e->d_name + n - 4, ".tpl") == 0)
				names.push_back(e->d_name);
		}
		closedir(d);
		if (names.empty()) {
			LOG_ERR("templates: none in %s", dir);
			return -1;
		}
		for (const std::string &n : names)
			if (!cache->LoadTemplate(n, ctemplate::STRIP_BLANK_LINES)) {
				LOG_ERR("templates: %s/%s does not load",
				    dir, n.c_str());
				return -1;
			}
		return 0;
	} catch (...) {
		LOG_ERR("templates: exception while loading");
		return -1;
	}
}

extern "C" void
view_reload(void)
{
	try {
		ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(
		    ctemplate::TemplateCache::LAZY_RELOAD);
	} catch (...) {
		LOG_ERR("templates: exception while reloading");
	}
}

extern "C" void
view_global(const char *key, const char *value)
{
	try {
		TemplateDictionary::SetGlobalValue(key, value);
	} catch (...) {
		abort();
	}
}

static void
view_delete(void *p)
{
	delete reinterpret_cast<TemplateDictionary *>(p);
}

extern "C" struct view *
view_new(struct arena *a)
{
	try {
		TemplateDictionary *d = new TemplateDictionary("page");
		arena_defer(a, view_delete, d);
		return view_of(d);
	} catch (...) {
		abort();
	}
}

/*
 * Every value passes text_displayable() on its way
 * in, so that no page or feed carries malformed UTF-8 or a control
 * character, whatever a form, a query or the database held.  The
 * dictionary copies the value, so the cleaned copy can go at once.
 */
static void
set_value(struct view *v, const char *key, const char *value, size_t len,
    bool shared = false)
{
	struct buf	 clean = BUF_INIT;
	const char	*s = value;

	if (text_displayable(&clean, value, len)) {
		s = clean.data;
		len = clean.len;
	}
	/* A template-global value: includes see it too (SetValue's don't). */
	if (shared)
		dict(v)->SetTemplateGlobalValue(key,
		    ctemplate::TemplateString(s, len));
	else
		dict(v)->SetValue(key, ctemplate::TemplateString(s, len));
	buf_free(&clean);
}

extern "C" void
view_set(struct view *v, const char *key, const char *value)
{
	try {
		set_value(v, key, value ? value : "", value ? strlen(value) : 0);
	} catch (...) {
		abort();
	}
}

extern "C" void
view_set_shared(struct view *v, const char *key, const char *value)
{
	try {
		set_value(v, key, value ? value : "", value ? strlen(value) : 0,
		    true);
	} catch (...) {
		abort();
	}
}

extern "C" void
view_setn(struct view *v, const char *key, const char *value, size_t len)
{
	try {
		set_value(v, key, value, len);
	} catch (...) {
		abort();
	}
}

extern "C" void
view_set_int(struct view *v, const char *key, long long value)
{
	try {
		char s[32];
		snprintf(s, sizeof(s), "%lld", value);
		dict(v)->SetValue(key, s);
	} catch (...) {
		abort();
	}
}

extern "C" void
view_show(struct view *v, const char *section)
{
	try {
		dict(v)->ShowSection(section);
	} catch (...) {
		abort();
	}
}

extern "C" struct view *
view_row(struct view *v, const char *section)
{
	try {
		return view_of(dict(v)->AddSectionDictionary(section));
	} catch (...) {
		abort();
	}
}

extern "C" struct view *
view_include(struct view *v, const char *marker, const char *template_name)
{
	try {
		TemplateDictionary *d = dict(v)->AddIncludeDictionary(marker);
		d->SetFilename(template_name);
		return view_of(d);
	} catch (...) {
		abort();
	}
}

extern "C" int
view_render(struct view *v, const char *template_name, struct buf *out)
{
	try {
		BufEmitter em(out);
		if (!ctemplate::mutable_default_template_cache()->ExpandWithData(
		    template_name, ctemplate::STRIP_BLANK_LINES, dict(v), NULL,
		    &em)) {
			LOG_ERR("templates: %s failed to expand", template_name);
			return -1;
		}
		return 0;
	} catch (...) {
		LOG_ERR("templates: exception expanding %s", template_name);
		return -1;
	}
}
