/*
 * generate_words.h: the vocabulary `gazette generate` writes with.
 *
 * Plain English words in four lists (nouns, past-tense verbs,
 * adjectives, and nouns grouped by topic), plus the syllables and first
 * names that make up people and places.  Every word is lower-case ASCII
 * letters only, so that the search index splits text exactly where the
 * generator does, and no word appears in two lists.  The function words
 * (articles, prepositions) are kept apart: they are not vocabulary and
 * are never offered as search words.
 */
#ifndef GAZETTE_GENERATE_WORDS_H
#define GAZETTE_GENERATE_WORDS_H

#include <stddef.h>

#define GEN_TOPICS		24
#define GEN_TOPIC_WORDS		15

extern const char *const gen_nouns[];
extern const size_t gen_nnouns;
extern const char *const gen_verbs[];
extern const size_t gen_nverbs;
extern const char *const gen_adjectives[];
extern const size_t gen_nadjectives;

/* GEN_TOPICS rows of GEN_TOPIC_WORDS nouns: "harbour", "ferry", ... */
extern const char *const gen_topics[GEN_TOPICS][GEN_TOPIC_WORDS];

/* Capitalised first names; surnames and places are built from syllables. */
extern const char *const gen_first_names[];
extern const size_t gen_nfirst_names;
extern const char *const gen_syllable_open[];	/* "ba": consonant, vowel */
extern const size_t gen_nsyllable_open;
extern const char *const gen_syllable_closed[];	/* "ren": c, v, c */
extern const size_t gen_nsyllable_closed;
extern const char *const gen_place_endings[];	/* "ford", "mouth" */
extern const size_t gen_nplace_endings;

/* Words that hold sentences together; never counted as vocabulary. */
extern const char *const gen_determiners[];
extern const size_t gen_ndeterminers;
extern const char *const gen_prepositions[];
extern const size_t gen_nprepositions;

#endif
