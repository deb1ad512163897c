#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace crosswalk {

/// One word of a normalised label: a stemmed word, or a canonical concept ("=visit") that
/// stands for every way districts say the same thing.
struct Token {
    std::string text;
    float weight = 1.0f; // lower for words in parentheses, which qualify rather than name
    bool operator==(const Token&) const = default;
};

/// A group of phrases that mean the same thing in this domain, and the canonical tokens
/// they all become ("walkthrough", "school visit" -> "=visit").
struct SynonymGroup {
    std::vector<std::string> canonical;
    std::vector<std::string> phrases;
};

/// Turns a step label or a lane name into canonical tokens: lower case, punctuation
/// stripped, words stemmed, domain phrases replaced by concepts, stop words dropped.
/// Both maps of a comparison go through the same normaliser, so two labels that say the
/// same thing in different words meet on the same tokens. Deterministic and stateless
/// after construction; safe to share between threads.
class TextNormalizer {
public:
    TextNormalizer(const std::vector<SynonymGroup>& groups, const std::vector<std::string>& stopWords);

    /// The normaliser for step labels (process vocabulary of principal evaluation).
    static const TextNormalizer& forSteps();
    /// The normaliser for lane names (district roles and offices).
    static const TextNormalizer& forRoles();
    /// The normaliser for phase names (seasons, quarters and parts of the school year:
    /// "Fall", "Quarter 1" and "Beginning of year" meet on "=start").
    static const TextNormalizer& forPhases();

    /// Canonical tokens in label order; a concept appears once per phrase that names it.
    std::vector<Token> tokens(std::string_view text) const;
    /// The canonical tokens joined by spaces: equal for labels that say the same thing in
    /// the same way ("Goal-setting conference" and "goal setting meeting").
    std::string key(std::string_view text) const;

    /// Lower-case words (ASCII folded; other UTF-8 bytes kept), split at anything that is
    /// not a letter or digit, each stemmed. Parenthesised words are flagged.
    struct Word {
        std::string text;
        bool inParentheses = false;
    };
    static std::vector<Word> words(std::string_view text);
    /// A light, deterministic English suffix stripper (plurals, -ing, -ed, -ment, -ation,
    /// -al, -ly ...). Not Porter: only what makes paraphrases of this domain meet.
    static std::string stem(std::string_view word);

    /// A token and the lower-case, unstemmed word it came from ("evaluations"); for a
    /// concept of the table, the phrase as written, words joined by '_' as WordNet spells
    /// collocations ("set_up"). Lexical look-ups need the word, not the stem.
    struct SurfaceToken {
        Token token;
        std::string surface;
    };
    std::vector<SurfaceToken> surfaceTokens(std::string_view text) const;
    /// words() without stemming: the lower-case words as written.
    static std::vector<Word> rawWords(std::string_view text);

private:
    static std::vector<Word> split(std::string_view text, bool stemmed);
    struct Phrase {
        std::vector<std::string> words;
        std::size_t group = 0; // index into m_canonical
    };
    std::vector<std::vector<std::string>> m_canonical;
    // First word -> phrases starting with it, longest first, so the longest phrase wins.
    std::unordered_map<std::string, std::vector<Phrase>> m_phrases;
    std::unordered_set<std::string> m_stopWords;
};

} // namespace crosswalk
