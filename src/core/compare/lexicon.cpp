// Reading WordNet's database files directly: sorted index files searched in memory,
// synsets read at their byte offsets, lemmas found as WordNet's own morphy() does.

#include "crosswalk/compare/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <tuple>

namespace crosswalk {
namespace {

// Senses of a word beyond the first few are rare and mostly unrelated to processes
// ("enter" as in "enrol" is its eighth); counting them would link unrelated steps.
constexpr std::size_t kSensesPerPos = 3;

bool readWhole(const std::filesystem::path& file, std::string& out)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

std::size_t posIndex(char tag)
{
    switch (tag) {
    case 'n':
        return 0;
    case 'v':
        return 1;
    case 'a':
    case 's':
        return 2;
    default:
        return 3;
    }
}

std::uint64_t synsetKey(std::size_t pos, std::uint64_t offset)
{
    return (static_cast<std::uint64_t>(pos) << 32) | offset;
}

double relationFactor(LexicalRelation r)
{
    switch (r) {
    case LexicalRelation::Sense:
        return 1.0;
    case LexicalRelation::Derived:
        return 0.9;
    case LexicalRelation::Hypernym:
        return 0.75;
    case LexicalRelation::Hypernym2:
        return 0.6;
    case LexicalRelation::Antonym:
        return 0.0;
    }
    return 0.0;
}

bool broader(LexicalRelation r)
{
    return r == LexicalRelation::Hypernym || r == LexicalRelation::Hypernym2;
}

// WordNet's detachment rules (morph.c), per part of speech: suffix -> ending.
struct Rule {
    std::string_view suffix;
    std::string_view ending;
};
constexpr Rule kNounRules[] = {{"s", ""},     {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},  {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

std::vector<std::string_view> fields(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ')
            ++j;
        if (j > i)
            out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

std::uint64_t number(std::string_view text, int base = 10)
{
    std::uint64_t value = 0;
    for (char c : text) {
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            break;
        value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(digit);
    }
    return value;
}

} // namespace

Lexicon::Lexicon(const std::filesystem::path& dir) : m_dir(dir)
{
    static constexpr std::pair<char, const char*> kNames[] = {{'n', "noun"}, {'v', "verb"}, {'a', "adj"}, {'r', "adv"}};
    m_pos.resize(4);
    bool ok = true;
    for (std::size_t p = 0; p < 4; ++p) {
        Pos& pos = m_pos[p];
        pos.tag = kNames[p].first;
        const std::string name = kNames[p].second;
        ok = ok && readWhole(dir / ("index." + name), pos.index);
        pos.data = std::make_unique<std::ifstream>(dir / ("data." + name), std::ios::binary);
        ok = ok && static_cast<bool>(*pos.data);
        std::string exceptions;
        if (readWhole(dir / (name + ".exc"), exceptions)) {
            std::istringstream lines(exceptions);
            std::string line;
            while (std::getline(lines, line)) {
                const auto f = fields(line);
                if (f.size() < 2)
                    continue;
                auto& bases = pos.exceptions[std::string(f[0])];
                for (std::size_t k = 1; k < f.size(); ++k)
                    bases.emplace_back(f[k]);
            }
        }
    }
    m_available = ok;
}

Lexicon::~Lexicon() = default;

const Lexicon& Lexicon::shared()
{
    static const Lexicon lexicon([] {
        const char* dir = std::getenv("CROSSWALK_WORDNET_DIR");
        return std::filesystem::path(dir && *dir ? dir : "/usr/share/wordnet");
    }());
    return lexicon;
}

std::vector<std::uint64_t> Lexicon::indexOffsets(const Pos& pos, std::string_view lemma) const
{
    // Binary search over the sorted lines of the index, as WordNet's bin_search() does:
    // jump to the middle, back up to the start of its line, compare the first field.
    const std::string& text = pos.index;
    std::size_t lo = 0;
    std::size_t hi = text.size();
    while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        std::size_t start = text.rfind('\n', mid == 0 ? 0 : mid - 1);
        start = (start == std::string::npos || mid == 0) ? 0 : start + 1;
        if (start < lo)
            start = lo;
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string_view line(text.data() + start, end - start);
        const std::string_view key = line.substr(0, line.find(' '));
        const int order = line.rfind("  ", 0) == 0 ? -1 : key.compare(lemma); // licence lines sort first
        if (order == 0) {
            // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            const auto f = fields(line);
            if (f.size() < 4)
                return {};
            const std::size_t synsets = number(f[2]);
            const std::size_t pointers = number(f[3]);
            const std::size_t first = 4 + pointers + 2;
            std::vector<std::uint64_t> out;
            for (std::size_t k = first; k < f.size() && k < first + synsets; ++k)
                out.push_back(number(f[k]));
            return out;
        }
        if (order < 0)
            lo = end + 1;
        else
            hi = start;
    }
    return {};
}

std::vector<std::string> Lexicon::morphy(const Pos& pos, std::string_view word) const
{
    std::vector<std::string> out;
    const auto add = [&](std::string lemma) {
        if (std::find(out.begin(), out.end(), lemma) == out.end() && !indexOffsets(pos, lemma).empty())
            out.push_back(std::move(lemma));
    };
    if (const auto it = pos.exceptions.find(std::string(word)); it != pos.exceptions.end())
        for (const std::string& base : it->second)
            add(base);
    add(std::string(word));
    if (!out.empty())
        return out;
    const Rule* rules = nullptr;
    std::size_t count = 0;
    if (pos.tag == 'n') {
        rules = kNounRules;
        count = std::size(kNounRules);
    } else if (pos.tag == 'v') {
        rules = kVerbRules;
        count = std::size(kVerbRules);
    } else if (pos.tag == 'a') {
        rules = kAdjRules;
        count = std::size(kAdjRules);
    }
    for (std::size_t r = 0; r < count; ++r) {
        const Rule& rule = rules[r];
        if (word.size() > rule.suffix.size() + 1 && word.substr(word.size() - rule.suffix.size()) == rule.suffix)
            add(std::string(word.substr(0, word.size() - rule.suffix.size())) + std::string(rule.ending));
    }
    return out;
}

const Lexicon::Synset& Lexicon::synset(std::uint64_t key) const
{
    const auto found = m_synsets.find(key);
    if (found != m_synsets.end())
        return found->second;
    Synset& s = m_synsets[key];
    const Pos& pos = m_pos[static_cast<std::size_t>(key >> 32)];
    std::ifstream& in = *pos.data;
    in.clear();
    in.seekg(static_cast<std::streamoff>(key & 0xFFFFFFFFu));
    std::string line;
    if (!std::getline(in, line))
        return s;
    // offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]...
    const std::string_view body(line.data(), std::min(line.size(), line.find(" | ")));
    const auto f = fields(body);
    if (f.size() < 4)
        return s;
    const std::size_t words = number(f[3], 16);
    std::size_t k = 4;
    for (std::size_t w = 0; w < words && k + 1 < f.size(); ++w, k += 2) {
        std::string lemma(f[k]);
        if (const auto paren = lemma.find('('); paren != std::string::npos)
            lemma.erase(paren); // adjective markers: "galore(ip)"
        std::transform(lemma.begin(), lemma.end(), lemma.begin(),
                       [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
        s.words.push_back(std::move(lemma));
    }
    if (k >= f.size())
        return s;
    const std::size_t pointers = number(f[k++]);
    for (std::size_t p = 0; p < pointers && k + 3 < f.size() + 1 && k + 2 < f.size(); ++p, k += 4) {
        const std::string_view symbol = f[k];
        const std::uint64_t offset = number(f[k + 1]);
        const std::size_t target = posIndex(f[k + 2].empty() ? 'n' : f[k + 2][0]);
        char kind = 0;
        if (symbol == "@" || symbol == "@i")
            kind = '@';
        else if (symbol == "+" || symbol == "\\" || symbol == "&" || symbol == "<")
            kind = '+'; // derivation, pertainym, similar adjective, participle: the same idea
        else if (symbol == "!")
            kind = '!';
        if (kind)
            s.pointers.emplace_back(kind, synsetKey(target, offset));
    }
    return s;
}

WordKnowledge Lexicon::build(std::string_view word) const
{
    WordKnowledge k;
    if (!m_available || word.empty())
        return k;
    for (std::size_t p = 0; p < m_pos.size(); ++p) {
        const Pos& pos = m_pos[p];
        for (const std::string& lemma : morphy(pos, word)) {
            k.known = true;
            if (std::find(k.lemmas.begin(), k.lemmas.end(), lemma) == k.lemmas.end())
                k.lemmas.push_back(lemma);
            const auto offsets = indexOffsets(pos, lemma);
            for (std::size_t s = 0; s < offsets.size() && s < kSensesPerPos; ++s) {
                const std::uint64_t key = synsetKey(p, offsets[s]);
                k.concepts.push_back({key, LexicalRelation::Sense});
                for (const auto& [kind, target] : synset(key).pointers) {
                    // Broader terms of rarer senses link unrelated words ("file" as in
                    // "single file" is a "line"): only the most frequent sense's count.
                    if (kind == '@' && s > 0)
                        continue;
                    if (kind == '+') {
                        k.concepts.push_back({target, LexicalRelation::Derived});
                    } else if (kind == '!') {
                        k.concepts.push_back({target, LexicalRelation::Antonym});
                    } else if (kind == '@') {
                        k.concepts.push_back({target, LexicalRelation::Hypernym});
                        for (const auto& [kind2, target2] : synset(target).pointers)
                            if (kind2 == '@')
                                k.concepts.push_back({target2, LexicalRelation::Hypernym2});
                    }
                }
            }
        }
    }
    std::sort(k.concepts.begin(), k.concepts.end(), [](const LexicalConcept& x, const LexicalConcept& y) {
        return std::tie(x.synset, x.relation) < std::tie(y.synset, y.relation);
    });
    k.concepts.erase(std::unique(k.concepts.begin(), k.concepts.end(),
                                 [](const LexicalConcept& x, const LexicalConcept& y) {
                                     return x.synset == y.synset && x.relation == y.relation;
                                 }),
                     k.concepts.end());
    return k;
}

const WordKnowledge& Lexicon::lookup(std::string_view word) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_words.find(std::string(word));
    if (it != m_words.end())
        return it->second;
    return m_words.emplace(std::string(word), build(word)).first->second;
}

double Lexicon::conceptSimilarity(const std::vector<LexicalConcept>& x, const std::vector<LexicalConcept>& y)
{
    double best = 0.0;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < x.size() && j < y.size()) {
        if (x[i].synset < y[j].synset) {
            ++i;
        } else if (y[j].synset < x[i].synset) {
            ++j;
        } else {
            const std::uint64_t key = x[i].synset;
            std::size_t i2 = i;
            std::size_t j2 = j;
            while (i2 < x.size() && x[i2].synset == key)
                ++i2;
            while (j2 < y.size() && y[j2].synset == key)
                ++j2;
            for (std::size_t p = i; p < i2; ++p)
                for (std::size_t q = j; q < j2; ++q) {
                    const LexicalRelation a = x[p].relation;
                    const LexicalRelation b = y[q].relation;
                    // Two words under the same broader term are siblings, not the same thing.
                    if ((broader(a) && broader(b)) || a == LexicalRelation::Antonym || b == LexicalRelation::Antonym)
                        continue;
                    best = std::max(best, 0.9 * relationFactor(a) * relationFactor(b));
                }
            i = i2;
            j = j2;
        }
    }
    return best;
}

bool Lexicon::conceptOpposite(const std::vector<LexicalConcept>& x, const std::vector<LexicalConcept>& y)
{
    const auto opposes = [](const std::vector<LexicalConcept>& p, const std::vector<LexicalConcept>& q) {
        for (const LexicalConcept& c : p) {
            if (c.relation != LexicalRelation::Antonym)
                continue;
            for (const LexicalConcept& d : q)
                if (d.synset == c.synset && d.relation == LexicalRelation::Sense)
                    return true;
        }
        return false;
    };
    return opposes(x, y) || opposes(y, x);
}

double Lexicon::similarity(std::string_view x, std::string_view y) const
{
    if (x == y)
        return 1.0;
    const WordKnowledge& a = lookup(x);
    const WordKnowledge& b = lookup(y);
    for (const std::string& lemma : a.lemmas)
        if (std::find(b.lemmas.begin(), b.lemmas.end(), lemma) != b.lemmas.end())
            return 1.0;
    if (conceptOpposite(a.concepts, b.concepts))
        return 0.0;
    return conceptSimilarity(a.concepts, b.concepts);
}

bool Lexicon::opposite(std::string_view x, std::string_view y) const
{
    return conceptOpposite(lookup(x).concepts, lookup(y).concepts);
}

} // namespace crosswalk
