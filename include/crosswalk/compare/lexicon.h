#pragma once

// English lexical knowledge for comparison, read from the WordNet 3.0 database files
// (Debian's wordnet-base puts them in /usr/share/wordnet). Plain C++, no libwn: the index
// files are searched in memory (they are sorted) and synsets are read from the data files
// at their byte offsets on first use, so loading costs a few milliseconds whatever the
// size of the maps.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosswalk {

/// How a synset relates to a word: one of the word's own senses, a sense derived from
/// or to it (evaluate ~ evaluation), a broader sense one or two levels up, or an opposite.
enum class LexicalRelation : std::uint8_t { Sense, Derived, Hypernym, Hypernym2, Antonym };

/// One concept a word reaches: a synset (part of speech in the top byte, byte offset in
/// the data file below) and how the word reaches it.
struct LexicalConcept {
    std::uint64_t synset = 0;
    LexicalRelation relation = LexicalRelation::Sense;
};

/// What WordNet knows of one word: its lemmas and the concepts it reaches.
struct WordKnowledge {
    bool known = false;                   // some part of speech lists the word
    std::vector<std::string> lemmas;      // base forms ("interviews" -> "interview")
    std::vector<LexicalConcept> concepts; // sorted by synset, then relation
};

/// WordNet's database, read lazily. Thread-safe: look-ups are cached behind a mutex.
class Lexicon {
public:
    /// Reads the index and exception files of dir; available() is false when they are
    /// missing or unreadable (the matcher then compares words alone).
    explicit Lexicon(const std::filesystem::path& dir);
    ~Lexicon();
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    /// The process-wide lexicon: $CROSSWALK_WORDNET_DIR if set, else /usr/share/wordnet.
    static const Lexicon& shared();

    bool available() const { return m_available; }
    const std::filesystem::path& directory() const { return m_dir; }

    /// What WordNet knows of a lower-case word (cached).
    const WordKnowledge& lookup(std::string_view word) const;
    /// How alike two lower-case words are in meaning, in [0, 1]: 1 for the same lemma,
    /// 0.9 for synonyms, about 0.8 for derivations, 0.55-0.7 for a broader term; 0 when
    /// WordNet knows of no link.
    double similarity(std::string_view x, std::string_view y) const;
    /// True when one word names the opposite of the other (approve ~ disapprove).
    bool opposite(std::string_view x, std::string_view y) const;

    /// Similarity of two concept lists (as WordKnowledge::concepts), as similarity().
    static double conceptSimilarity(const std::vector<LexicalConcept>& x, const std::vector<LexicalConcept>& y);
    static bool conceptOpposite(const std::vector<LexicalConcept>& x, const std::vector<LexicalConcept>& y);

private:
    struct Pos {
        char tag = 'n';
        std::string index;                                        // index.<pos>, whole
        std::unordered_map<std::string, std::vector<std::string>> exceptions; // <pos>.exc
        std::unique_ptr<std::ifstream> data;                      // data.<pos>, read at offsets
    };
    struct Synset {
        std::vector<std::string> words;
        std::vector<std::pair<char, std::uint64_t>> pointers; // relation symbol ('@', '+', '!', '&'), synset
    };
    // The index line's synset offsets for a lemma; empty when not listed.
    std::vector<std::uint64_t> indexOffsets(const Pos& pos, std::string_view lemma) const;
    std::vector<std::string> morphy(const Pos& pos, std::string_view word) const;
    const Synset& synset(std::uint64_t key) const;
    WordKnowledge build(std::string_view word) const;

    std::filesystem::path m_dir;
    bool m_available = false;
    std::vector<Pos> m_pos;
    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, WordKnowledge> m_words;
    mutable std::unordered_map<std::uint64_t, Synset> m_synsets;
};

} // namespace crosswalk
