/*
 * generate_text.c: the made-up text of `gazette generate`; see
 * generate.h.  A sentence is a clause or two of noun phrases and a
 * verb, sometimes a quotation; a body is paragraphs with now and then a
 * heading, a list, a block quote, a bold lead-in or a link to a tag.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "generate.h"
#include "generate_words.h"

#define NSURNAMES	1500		/* people: first name and surname */
#define NPLACES		400

/* splitmix64: small, fast and good enough; the same on every machine. */
static uint64_t
rnd(struct gen *g)
{
	uint64_t	 z = (g->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
double
gen_unit(struct gen *g)
{
	return (double)(rnd(g) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform in [0, n). */
size_t
gen_below(struct gen *g, size_t n)
{
	return (size_t)(gen_unit(g) * (double)n);
}

int
gen_chance(struct gen *g, double p)
{
	return gen_unit(g) < p;
}

static void
zipf_init(struct gen_zipf *z, size_t n)
{
	size_t	 i;
	double	 sum = 0;

	if ((z->cum = calloc(n, sizeof(*z->cum))) == NULL)
		abort();
	z->n = n;
	for (i = 0; i < n; i++)
		z->cum[i] = sum += 1.0 / (double)(i + 1);
}

static size_t
zipf_draw(struct gen *g, const struct gen_zipf *z)
{
	double	 u = gen_unit(g) * z->cum[z->n - 1];
	size_t	 lo = 0, hi = z->n - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (z->cum[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Note that word i is in the article's indexed text. */
static void
mark(struct gen *g, size_t i)
{
	if (g->npend == g->cappend) {
		g->cappend = g->cappend ? g->cappend * 2 : 256;
		if ((g->pend = realloc(g->pend, g->cappend * sizeof(*g->pend))) ==
		    NULL)
			abort();
	}
	g->pend[g->npend++] = i;
}

/* Append a vocabulary word; it counts for the article if indexed. */
static void
put_word(struct gen *g, struct buf *b, size_t i)
{
	struct gen_word	*w = &g->words[i];

	if (g->space)
		buf_putc(b, ' ');
	if (g->cap && w->text[0] >= 'a' && w->text[0] <= 'z') {
		buf_putc(b, (char)(w->text[0] - 'a' + 'A'));
		buf_puts(b, w->text + 1);
	} else
		buf_puts(b, w->text);
	g->space = 1;
	g->cap = 0;
	if (g->doc > 0)
		mark(g, i);
}

/* Count the words written since the last call for the article. */
static void
marks_keep(struct gen *g)
{
	struct gen_word	*w;
	size_t		 i;

	for (i = 0; i < g->npend; i++) {
		w = &g->words[g->pend[i]];
		if (w->last != g->doc) {
			w->last = g->doc;
			w->df++;
		}
	}
	g->npend = 0;
}

/* Forget them: the text they were in was thrown away. */
static void
marks_drop(struct gen *g)
{
	g->npend = 0;
}

/* Append a function word ("the", "in"), never counted. */
static void
put_fn(struct gen *g, struct buf *b, const char *s)
{
	if (g->space)
		buf_putc(b, ' ');
	if (g->cap && s[0] >= 'a' && s[0] <= 'z') {
		buf_putc(b, (char)(s[0] - 'a' + 'A'));
		buf_puts(b, s + 1);
	} else
		buf_puts(b, s);
	g->space = 1;
	g->cap = 0;
}

/* Punctuation right after the previous word. */
static void
put_punct(struct gen *g, struct buf *b, const char *s)
{
	buf_puts(b, s);
	g->space = 1;
}

static size_t
topic_word(struct gen *g)
{
	int	 t = g->topic[gen_chance(g, 0.7) ? 0 : 1];

	return g->topics + (size_t)t * GEN_TOPIC_WORDS + gen_below(g, GEN_TOPIC_WORDS);
}

static void
person(struct gen *g, struct buf *b, int full)
{
	size_t	 k = gen_below(g, 3);

	if (full)
		put_word(g, b, g->firsts + g->first[k]);
	put_word(g, b, g->surnames + g->person[k]);
}

/* A noun phrase: "the new harbour", "Anna Balren", "Kodovford". */
static void
noun_phrase(struct gen *g, struct buf *b)
{
	double		 r = gen_unit(g);
	size_t		 adj = 0, noun;
	const char	*det;
	int		 has_adj;

	if (r < 0.10) {
		person(g, b, gen_chance(g, 0.5));
		return;
	}
	if (r < 0.16) {
		put_word(g, b, g->places + g->place);
		return;
	}
	has_adj = gen_chance(g, 0.3);
	if (has_adj)
		adj = g->adjs + zipf_draw(g, &g->zadjs);
	noun = gen_chance(g, 0.55) ? topic_word(g) :
	    g->nouns + zipf_draw(g, &g->znouns);
	det = gen_determiners[gen_below(g, gen_ndeterminers)];
	if (strcmp(det, "a") == 0 &&
	    strchr("aeiou", g->words[has_adj ? adj : noun].text[0]) != NULL)
		det = "an";
	put_fn(g, b, det);
	if (has_adj)
		put_word(g, b, adj);
	put_word(g, b, noun);
}

/* "the council approved a new plan for the harbour" */
static void
clause(struct gen *g, struct buf *b)
{
	noun_phrase(g, b);
	put_word(g, b, g->verbs + zipf_draw(g, &g->zverbs));
	noun_phrase(g, b);
	if (gen_chance(g, 0.45)) {
		put_fn(g, b, gen_prepositions[gen_below(g, gen_nprepositions)]);
		noun_phrase(g, b);
	}
	if (gen_chance(g, 0.15)) {
		put_fn(g, b, gen_prepositions[gen_below(g, gen_nprepositions)]);
		noun_phrase(g, b);
	}
}

void
gen_sentence(struct gen *g, struct buf *b)
{
	double	 r = gen_unit(g);

	g->cap = 1;
	if (r < 0.12) {
		/* A quotation, with typographic quotes. */
		if (g->space)
			buf_putc(b, ' ');
		buf_puts(b, "\xe2\x80\x9c");
		g->space = 0;
		clause(g, b);
		put_punct(g, b, ",\xe2\x80\x9d");
		put_fn(g, b, "said");
		person(g, b, 1);
	} else if (r < 0.25) {
		clause(g, b);
		put_punct(g, b, ",");
		put_fn(g, b, "and");
		clause(g, b);
	} else
		clause(g, b);
	put_punct(g, b, ".");
}

void
gen_summary(struct gen *g, struct buf *b)
{
	g->space = 0;
	gen_sentence(g, b);
	marks_keep(g);
}

static void
paragraph(struct gen *g, struct buf *b, int sentences)
{
	int	 i;

	g->space = 0;
	for (i = 0; i < sentences; i++)
		gen_sentence(g, b);
	buf_puts(b, "\n\n");
}

/* One block of an article's body: a paragraph mostly. */
static void
block(struct gen *g, struct buf *b, const size_t *tags, size_t ntags,
    int first)
{
	double	 r = gen_unit(g);
	int	 i, n;

	g->space = 0;
	if (!first && r < 0.10) {
		buf_puts(b, "## ");
		g->cap = 1;
		if (gen_chance(g, 0.5))
			put_word(g, b, g->adjs + zipf_draw(g, &g->zadjs));
		put_word(g, b, topic_word(g));
		put_fn(g, b, gen_prepositions[gen_below(g, gen_nprepositions)]);
		noun_phrase(g, b);
		buf_puts(b, "\n\n");
	} else if (!first && r < 0.16) {
		n = 3 + (int)gen_below(g, 3);
		for (i = 0; i < n; i++) {
			buf_puts(b, "- ");
			g->space = 0;
			g->cap = 1;
			clause(g, b);
			buf_putc(b, '\n');
		}
		buf_putc(b, '\n');
	} else if (!first && r < 0.22) {
		buf_puts(b, "> ");
		g->space = 0;
		gen_sentence(g, b);
		gen_sentence(g, b);
		buf_puts(b, "\n\n");
	} else if (!first && r < 0.27 && ntags > 0) {
		/* A link to one of the article's topics. */
		paragraph(g, b, 1 + (int)gen_below(g, 3));
		b->len -= 2;
		b->data[b->len] = '\0';
		n = (int)gen_below(g, ntags);
		put_fn(g, b, "See");
		put_fn(g, b, "also");
		buf_puts(b, " [");
		g->space = 0;
		put_word(g, b, g->tag_words[tags[n]][0]);
		if (g->tag_words[tags[n]][1] != (size_t)-1)
			put_word(g, b, g->tag_words[tags[n]][1]);
		buf_puts(b, "](/tags/");
		buf_puts(b, g->tag_slugs[tags[n]]);
		buf_puts(b, ").\n\n");
	} else if (gen_chance(g, 0.1)) {
		/* Bold lead-in. */
		buf_puts(b, "**");
		g->cap = 1;
		noun_phrase(g, b);
		buf_puts(b, "**");
		put_punct(g, b, ":");
		n = 2 + (int)gen_below(g, 4);
		for (i = 0; i < n; i++)
			gen_sentence(g, b);
		buf_puts(b, "\n\n");
	} else
		paragraph(g, b, 2 + (int)gen_below(g, 4));
}

/* "Harbour ferries approved for Kodovford" */
void
gen_headline(struct gen *g, struct buf *b)
{
	g->space = 0;
	g->cap = 1;
	if (gen_chance(g, 0.25))
		put_word(g, b, g->surnames + g->person[0]);
	else {
		if (gen_chance(g, 0.3))
			put_word(g, b, g->adjs + zipf_draw(g, &g->zadjs));
		put_word(g, b, topic_word(g));
	}
	put_word(g, b, g->verbs + zipf_draw(g, &g->zverbs));
	if (gen_chance(g, 0.4))
		put_word(g, b, g->adjs + zipf_draw(g, &g->zadjs));
	put_word(g, b, topic_word(g));
	if (gen_chance(g, 0.5))
		put_word(g, b, g->nouns + zipf_draw(g, &g->znouns));
	if (gen_chance(g, 0.35)) {
		put_fn(g, b, gen_prepositions[gen_below(g, gen_nprepositions)]);
		put_word(g, b, g->places + g->place);
	}
	marks_keep(g);
}

void
gen_full_name(struct gen *g, struct buf *b)
{
	put_word(g, b, g->firsts + gen_below(g, gen_nfirst_names));
	put_word(g, b, g->surnames + zipf_draw(g, &g->zsurnames));
}

/* Choose the article's tags (distinct), people, place and topics. */
size_t
gen_cast(struct gen *g, size_t *tags)
{
	size_t	 n, i, j, t;
	int	 again;

	n = 3 + gen_below(g, 4);
	if (n > g->ntags)
		n = g->ntags;
	for (i = 0; i < n; i++) {
		do {
			t = zipf_draw(g, &g->ztags);
			for (again = 0, j = 0; j < i; j++)
				if (tags[j] == t)
					again = 1;
		} while (again);
		tags[i] = t;
	}
	g->topic[0] = g->tag_topic[tags[0]];
	g->topic[1] = g->tag_topic[tags[n > 1 ? 1 : 0]];
	for (i = 0; i < 3; i++) {
		g->person[i] = zipf_draw(g, &g->zsurnames);
		g->first[i] = gen_below(g, gen_nfirst_names);
	}
	g->place = zipf_draw(g, &g->zplaces);
	/* The tags' names are in the index too. */
	for (i = 0; i < n; i++)
		for (j = 0; j < 2; j++)
			if (g->tag_words[tags[i]][j] != (size_t)-1)
				mark(g, g->tag_words[tags[i]][j]);
	marks_keep(g);
	return n;
}

/* Add a word to the vocabulary; s is copied. */
static size_t
vocab_add(struct gen *g, const char *s, size_t *cap)
{
	if (g->nwords == *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		if ((g->words = realloc(g->words, *cap * sizeof(*g->words))) ==
		    NULL)
			abort();
	}
	memset(&g->words[g->nwords], 0, sizeof(*g->words));
	if ((g->words[g->nwords].text = strdup(s)) == NULL)
		abort();
	return g->nwords++;
}

/* 1 if the lower-case form of s is already a word. */
static int
vocab_has(const struct gen *g, const char *s)
{
	size_t	 i;

	for (i = 0; i < g->nwords; i++)
		if (strcasecmp(g->words[i].text, s) == 0)
			return 1;
	return 0;
}

/*
 * Build the vocabulary: the lists of generate_words.c, then invented
 * surnames and places that clash with no word already there.  Returns
 * 0, or -1 if generate_words.c holds a duplicate or a bad word.
 */
static int
vocab_init(struct gen *g)
{
	size_t		 cap = 0, i, k;
	char		 name[64];
	const char	*p;

	g->nouns = g->nwords;
	for (i = 0; i < gen_nnouns; i++)
		vocab_add(g, gen_nouns[i], &cap);
	g->verbs = g->nwords;
	for (i = 0; i < gen_nverbs; i++)
		vocab_add(g, gen_verbs[i], &cap);
	g->adjs = g->nwords;
	for (i = 0; i < gen_nadjectives; i++)
		vocab_add(g, gen_adjectives[i], &cap);
	g->topics = g->nwords;
	for (i = 0; i < GEN_TOPICS; i++)
		for (k = 0; k < GEN_TOPIC_WORDS; k++)
			vocab_add(g, gen_topics[i][k], &cap);
	g->firsts = g->nwords;
	for (i = 0; i < gen_nfirst_names; i++)
		vocab_add(g, gen_first_names[i], &cap);
	/* Check what was written by hand before inventing names. */
	for (i = 0; i < g->nwords; i++) {
		for (p = g->words[i].text; *p != '\0'; p++)
			if (!((*p >= 'a' && *p <= 'z') ||
			    (p == g->words[i].text && *p >= 'A' && *p <= 'Z')))
				break;
		if (*p != '\0' || p == g->words[i].text) {
			fprintf(stderr, "gazette: generate: bad vocabulary word "
			    "'%s'\n", g->words[i].text);
			return -1;
		}
		for (k = 0; k < i; k++)
			if (strcasecmp(g->words[i].text, g->words[k].text) == 0) {
				fprintf(stderr, "gazette: generate: vocabulary "
				    "word '%s' is listed twice\n",
				    g->words[i].text);
				return -1;
			}
	}
	g->surnames = g->nwords;
	for (k = 0; g->nwords - g->surnames < NSURNAMES; k++) {
		snprintf(name, sizeof(name), "%s%s",
		    gen_syllable_open[k % gen_nsyllable_open],
		    gen_syllable_closed[(k / gen_nsyllable_open) %
		    gen_nsyllable_closed]);
		if (k >= gen_nsyllable_open * gen_nsyllable_closed)
			break;
		name[0] = (char)(name[0] - 'a' + 'A');
		if (!vocab_has(g, name))
			vocab_add(g, name, &cap);
	}
	g->nsurnames = g->nwords - g->surnames;
	g->places = g->nwords;
	for (k = 0; g->nwords - g->places < NPLACES; k++) {
		if (k >= gen_nsyllable_open * gen_nsyllable_closed)
			break;
		/* Other syllables than the surnames', and an ending. */
		snprintf(name, sizeof(name), "%s%s%s",
		    gen_syllable_open[(k * 7) % gen_nsyllable_open],
		    gen_syllable_closed[(k / gen_nsyllable_open + 3) %
		    gen_nsyllable_closed],
		    gen_place_endings[(k + k / 3) % gen_nplace_endings]);
		name[0] = (char)(name[0] - 'a' + 'A');
		if (!vocab_has(g, name))
			vocab_add(g, name, &cap);
	}
	g->nplaces = g->nwords - g->places;
	zipf_init(&g->znouns, gen_nnouns);
	zipf_init(&g->zverbs, gen_nverbs);
	zipf_init(&g->zadjs, gen_nadjectives);
	zipf_init(&g->zsurnames, g->nsurnames);
	zipf_init(&g->zplaces, g->nplaces);
	return 0;
}

/* A text of at least min and at most max bytes, built block by block. */
void
gen_body(struct gen *g, struct buf *out, struct buf *tmp, const size_t *tags,
    size_t ntags)
{
	size_t	 target = GEN_BODY_MIN + gen_below(g, GEN_BODY_MAX - GEN_BODY_MIN);
	int	 tries = 0;

	buf_reset(out);
	while (out->len < target) {
		buf_reset(tmp);
		block(g, tmp, tags, ntags, out->len == 0);
		if (out->len + tmp->len > GEN_BODY_MAX && tries++ < 50) {
			marks_drop(g);
			if (out->len >= GEN_BODY_MIN)
				break;
			continue;
		}
		buf_append(out, tmp->data, tmp->len);
		marks_keep(g);
	}
	while (out->len > 0 && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
}

/* "By Anna Balren", or two names; never counted. */
void
gen_byline(struct gen *g, struct buf *b)
{
	g->space = 0;
	put_fn(g, b, "By");
	gen_full_name(g, b);
	if (gen_chance(g, 0.15)) {
		put_fn(g, b, "and");
		gen_full_name(g, b);
	}
}

void
gen_dateline(struct gen *g, struct buf *b)
{
	const char	*p;

	if (!gen_chance(g, 0.6))
		return;
	for (p = g->words[g->places + g->place].text; *p != '\0'; p++)
		buf_putc(b, *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
}

static int
word_order(const void *x, const void *y)
{
	const struct gen_word *a = x, *b = y;

	if (a->df != b->df)
		return a->df > b->df ? -1 : 1;
	return strcasecmp(a->text, b->text);
}

/* The vocabulary with its counts, most common first; 0 or -1. */
int
gen_words_write(struct gen *g, const char *path)
{
	FILE	*f;
	size_t	 i;
	char	*p;

	qsort(g->words, g->nwords, sizeof(*g->words), word_order);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "gazette: generate: %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < g->nwords && g->words[i].df > 0; i++) {
		for (p = g->words[i].text; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		fprintf(f, "%s\t%lld\n", g->words[i].text, g->words[i].df);
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "gazette: generate: %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * The tags' names: first every topic word on its own ("Harbour"), then
 * an adjective with each ("Coastal harbour").
 */
static void
tags_init(struct gen *g, size_t n)
{
	const size_t	 ntw = GEN_TOPICS * GEN_TOPIC_WORDS;
	size_t		 i, j, tw, adj, word;
	struct buf	 name = BUF_INIT;

	g->ntags = n;
	g->tag_names = calloc(n, sizeof(*g->tag_names));
	g->tag_slugs = calloc(n, sizeof(*g->tag_slugs));
	g->tag_words = calloc(n, sizeof(*g->tag_words));
	g->tag_topic = calloc(n, sizeof(*g->tag_topic));
	if (g->tag_names == NULL || g->tag_slugs == NULL ||
	    g->tag_words == NULL || g->tag_topic == NULL)
		abort();
	for (i = 0; i < n; i++) {
		j = i < ntw ? i : i - ntw;
		/* Topic-major order, so that the first tags span all topics. */
		tw = (j % GEN_TOPICS) * GEN_TOPIC_WORDS + j / GEN_TOPICS %
		    GEN_TOPIC_WORDS;
		word = g->topics + tw;
		g->tag_topic[i] = (int)(j % GEN_TOPICS);
		buf_reset(&name);
		if (i < ntw) {
			g->tag_words[i][0] = word;
			g->tag_words[i][1] = (size_t)-1;
		} else {
			adj = g->adjs + (j / ntw) % gen_nadjectives;
			buf_puts(&name, g->words[adj].text);
			buf_putc(&name, ' ');
			g->tag_words[i][0] = adj;
			g->tag_words[i][1] = word;
		}
		buf_puts(&name, g->words[word].text);
		name.data[0] = (char)(name.data[0] - 'a' + 'A');
		if ((g->tag_names[i] = strdup(name.data)) == NULL)
			abort();
	}
	buf_free(&name);
	zipf_init(&g->ztags, n);
}

int
gen_init(struct gen *g, uint64_t seed, size_t ntags)
{
	memset(g, 0, sizeof(*g));
	g->rng = seed;
	if (vocab_init(g) < 0)
		return -1;
	tags_init(g, ntags);
	return 0;
}

void
gen_free(struct gen *g)
{
	size_t	 i;

	for (i = 0; i < g->nwords; i++)
		free(g->words[i].text);
	for (i = 0; i < g->ntags; i++)
		free(g->tag_names[i]);
	free(g->words);
	free(g->pend);
	free(g->tag_names);
	free(g->tag_slugs);
	free(g->tag_words);
	free(g->tag_topic);
	free(g->znouns.cum);
	free(g->zverbs.cum);
	free(g->zadjs.cum);
	free(g->ztags.cum);
	free(g->zsurnames.cum);
	free(g->zplaces.cum);
	memset(g, 0, sizeof(*g));
}
