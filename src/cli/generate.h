/*
 * generate.h: the text of `gazette generate` (generate_text.c), made
 * from the vocabulary in generate_words.c by a seeded random stream.
 * The command itself, which writes the database, is generate.c.
 *
 * Everything is deterministic: the same seed and the same calls in the
 * same order give the same text.  Words follow a Zipf law, and each
 * article leans on the topics of its first two tags.  For every article
 * (gen->doc set to its number + 1), the generator counts which words of
 * the vocabulary its indexed text holds (headline, summary, body, tag
 * names), so that it can list them with the number of articles each is
 * found in.
 */
#ifndef GAZETTE_GENERATE_H
#define GAZETTE_GENERATE_H

#include <stddef.h>
#include <stdint.h>

struct buf;

#define GEN_BODY_MIN	2048		/* bytes of Markdown */
#define GEN_BODY_MAX	6144
#define GEN_MAX_TAGS	6		/* per article; at least 3 */

/* A vocabulary word, with how many articles carry it in the index. */
struct gen_word {
	char		*text;		/* names capitalised, others not */
	long long	 df;		/* articles it occurs in */
	long long	 last;		/* the last article counted (doc) */
};

/* A Zipf law (s = 1) over n ranks, by its cumulative weights. */
struct gen_zipf {
	double		*cum;
	size_t		 n;
};

struct gen {
	uint64_t	 rng;
	struct gen_word	*words;
	size_t		 nwords;
	/* Where each list starts in words[]. */
	size_t		 nouns, verbs, adjs, topics, firsts, surnames, places;
	size_t		 nsurnames, nplaces;
	struct gen_zipf	 znouns, zverbs, zadjs, ztags, zsurnames, zplaces;

	/* The tags, by rank (0 the most used). */
	size_t		 ntags;
	char		**tag_names;	/* "Harbour", "Coastal harbour" */
	const char	**tag_slugs;	/* set by the caller, for links */
	size_t		(*tag_words)[2]; /* the words of the name, or -1 */
	int		*tag_topic;

	/* The article being written. */
	long long	 doc;		/* its number + 1; 0: text not indexed */
	int		 topic[2];	/* leaning on these topics */
	size_t		 person[3];	/* people it mentions (surname index) */
	size_t		 first[3];
	size_t		 place;
	size_t		*pend;		/* words written but not yet counted */
	size_t		 npend, cappend;
	int		 space;		/* a space is due before the next word */
	int		 cap;		/* the next word starts a sentence */
};

/*
 * Prepare a generator with the vocabulary and ntags tag names.  Returns
 * 0, or -1 (with a message) if generate_words.c holds a duplicate or a
 * malformed word.  gen_free() releases what it holds.
 */
int	 gen_init(struct gen *, uint64_t seed, size_t ntags);
void	 gen_free(struct gen *);

/* Uniform in [0, 1); uniform in [0, n); 1 with probability p. */
double	 gen_unit(struct gen *);
size_t	 gen_below(struct gen *, size_t n);
int	 gen_chance(struct gen *, double p);

/*
 * Start an article: choose its 3-6 distinct tags (indexes into the tag
 * names, written to tags[GEN_MAX_TAGS]), its people, place and topics.
 * Returns the number of tags.
 */
size_t	 gen_cast(struct gen *, size_t *tags);

/* Texts, appended to the buffer. */
void	 gen_headline(struct gen *, struct buf *);
void	 gen_sentence(struct gen *, struct buf *);
void	 gen_summary(struct gen *, struct buf *);	/* one sentence */
void	 gen_full_name(struct gen *, struct buf *);
void	 gen_byline(struct gen *, struct buf *);
/* A place name in capitals, or nothing (four times in ten). */
void	 gen_dateline(struct gen *, struct buf *);

/* Markdown of GEN_BODY_MIN to GEN_BODY_MAX bytes; tmp is scratch. */
void	 gen_body(struct gen *, struct buf *out, struct buf *tmp,
	    const size_t *tags, size_t ntags);

/*
 * Write every vocabulary word found in at least one article, with the
 * number of articles, most common first: "word<TAB>count" per line, in
 * lower case.  Reorders the vocabulary: call it last.  0, or -1.
 */
int	 gen_words_write(struct gen *, const char *path);

#endif
