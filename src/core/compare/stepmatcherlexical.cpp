// StepMatcher, part two: which words of the two maps are related through WordNet
// (synonyms, derivations, broader terms) or opposed, computed once per pair of maps.

#include "crosswalk/compare/stepmatcher.h"

#include "crosswalk/compare/lexicon.h"

#include <algorithm>
#include <unordered_map>

namespace crosswalk {
namespace {

bool plainWord(const std::string& surface)
{
    if (surface.size() < 3)
        return false;
    return std::all_of(surface.begin(), surface.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

} // namespace

void StepMatcher::buildLexicalNeighbours(const Lexicon& lexicon, const std::vector<std::string>& surface,
                                         const std::vector<char>& inA, const std::vector<char>& inB)
{
    const std::size_t n = surface.size();
    std::vector<const WordKnowledge*> knowledge(n, nullptr);
    for (std::size_t t = 0; t < n; ++t)
        if (plainWord(surface[t]))
            knowledge[t] = &lexicon.lookup(surface[t]);
    // Tokens of B by the synsets they name or derive from (their senses) and by their
    // broader terms. Two broader terms never link words (siblings are not the same thing),
    // so a word of A looks up its broader terms among B's senses only.
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> sensesB;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> broaderB;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> exactSensesA;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> exactSensesB;
    for (std::size_t t = 0; t < n; ++t) {
        if (!knowledge[t])
            continue;
        for (const LexicalConcept& c : knowledge[t]->concepts) {
            const auto u = static_cast<std::uint32_t>(t);
            if (inB[t]) {
                if (c.relation == LexicalRelation::Sense || c.relation == LexicalRelation::Derived)
                    sensesB[c.synset].push_back(u);
                else if (c.relation != LexicalRelation::Antonym)
                    broaderB[c.synset].push_back(u);
                if (c.relation == LexicalRelation::Sense)
                    exactSensesB[c.synset].push_back(u);
            }
            if (inA[t] && c.relation == LexicalRelation::Sense)
                exactSensesA[c.synset].push_back(u);
        }
    }
    std::vector<std::uint32_t> seen;
    for (std::size_t t = 0; t < n; ++t) {
        if (!knowledge[t] || !inA[t])
            continue;
        seen.clear();
        const auto visit = [&](const std::vector<std::uint32_t>& tokens) {
            for (std::uint32_t u : tokens)
                if (u != t)
                    seen.push_back(u);
        };
        for (const LexicalConcept& c : knowledge[t]->concepts) {
            if (c.relation == LexicalRelation::Antonym) {
                if (const auto it = exactSensesB.find(c.synset); it != exactSensesB.end())
                    for (std::uint32_t u : it->second)
                        if (u != t)
                            m_opposites[t].push_back(u);
                continue;
            }
            if (const auto it = sensesB.find(c.synset); it != sensesB.end())
                visit(it->second);
            if (c.relation == LexicalRelation::Sense || c.relation == LexicalRelation::Derived)
                if (const auto it = broaderB.find(c.synset); it != broaderB.end())
                    visit(it->second);
        }
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (std::uint32_t u : seen) {
            const WordKnowledge& x = *knowledge[t];
            const WordKnowledge& y = *knowledge[u];
            double similarity = 0.0;
            for (const std::string& lemma : x.lemmas)
                if (std::find(y.lemmas.begin(), y.lemmas.end(), lemma) != y.lemmas.end())
                    similarity = 0.95; // "met" ~ "meeting": one lemma, two stems
            if (Lexicon::conceptOpposite(x.concepts, y.concepts))
                continue;
            similarity = std::max(similarity, Lexicon::conceptSimilarity(x.concepts, y.concepts));
            if (similarity >= 0.5)
                m_related[t].emplace_back(u, static_cast<float>(similarity));
        }
    }
    // B's opposites of A's words, the other way round.
    for (std::size_t u = 0; u < n; ++u) {
        if (!knowledge[u] || !inB[u])
            continue;
        for (const LexicalConcept& c : knowledge[u]->concepts)
            if (c.relation == LexicalRelation::Antonym)
                if (const auto it = exactSensesA.find(c.synset); it != exactSensesA.end())
                    for (std::uint32_t t : it->second)
                        if (t != u)
                            m_opposites[t].push_back(static_cast<std::uint32_t>(u));
    }
    for (auto& list : m_opposites) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
}

} // namespace crosswalk
