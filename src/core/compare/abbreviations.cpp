// Writing out abbreviations before labels are compared.

#include "crosswalk/compare/abbreviations.h"

#include <algorithm>

namespace crosswalk {
namespace {

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isWordChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Two to six capitals (a digit or '&' may follow the first): "PS", "CSO", "EOY", "P&L".
bool looksLikeAbbreviation(std::string_view text)
{
    if (text.size() < 2 || text.size() > 6 || !isUpper(text.front()))
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) { return isUpper(c) || c == '&' || (c >= '0' && c <= '9'); });
}

// Small words initials often skip ("Director of School Leadership" -> DSL).
bool isSmallWord(const std::string& word)
{
    static const char* const kSmall[] = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&"};
    std::string lower = word;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return std::any_of(std::begin(kSmall), std::end(kSmall), [&](const char* s) { return lower == s; });
}

// Words of a text, split at anything but letters and digits; hyphens split ("Mid-year").
std::vector<std::string> splitWords(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (isWordChar(c)) {
            current += c;
        } else if (!current.empty()) {
            out.push_back(current);
            current.clear();
        }
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

char lowerInitial(const std::string& word)
{
    const char c = word.front();
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The last words of `words` whose initials spell `letters`, with or without small words;
// empty when none do.
std::string phraseFor(const std::vector<std::string>& words, const std::string& letters)
{
    std::string wanted;
    for (char c : letters)
        if (c != '&')
            wanted += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (bool skipSmall : {false, true}) {
        // Walk back from the end, matching initials right to left.
        std::size_t k = wanted.size();
        std::size_t w = words.size();
        while (k > 0 && w > 0) {
            const std::string& word = words[w - 1];
            if (skipSmall && isSmallWord(word) && k < wanted.size()) {
                --w;
                continue;
            }
            if (lowerInitial(word) != wanted[k - 1])
                break;
            --k;
            --w;
        }
        if (k == 0) {
            std::string phrase;
            for (std::size_t i = w; i < words.size(); ++i)
                phrase += (phrase.empty() ? "" : " ") + words[i];
            return phrase;
        }
    }
    return {};
}

// Whether text ends with phrase, ignoring case, spaces and hyphens ("Beginning-of-year ").
bool endsWithPhrase(const std::string& text, const std::string& phrase)
{
    const auto letters = [](const std::string& s) {
        std::string out;
        for (char c : s)
            if (isWordChar(c))
                out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        return out;
    };
    const std::string t = letters(text);
    const std::string p = letters(phrase);
    return !p.empty() && t.size() >= p.size() && t.compare(t.size() - p.size(), p.size(), p) == 0;
}

} // namespace

void Abbreviations::define(const std::string& abbreviation, const std::string& phrase, int strength)
{
    auto it = m_meanings.find(abbreviation);
    if (it == m_meanings.end() || it->second.second < strength)
        m_meanings[abbreviation] = {phrase, strength};
}

Abbreviations Abbreviations::of(const std::vector<const Map*>& maps)
{
    Abbreviations out;
    // The school year's own, which districts use without defining.
    out.define("BOY", "beginning of year", 0);
    out.define("MOY", "middle of year", 0);
    out.define("EOY", "end of year", 0);
    for (const Map* map : maps) {
        // Lane names of two or more words make their initials ("Principal Supervisor": PS).
        for (const Lane& lane : map->lanes) {
            std::vector<std::string> words = splitWords(lane.name);
            words.erase(std::remove_if(words.begin(), words.end(), isSmallWord), words.end());
            if (words.size() < 2 || words.size() > 5)
                continue;
            std::string initials;
            for (const std::string& w : words)
                initials += static_cast<char>(lowerInitial(w) - 'a' + 'A');
            if (looksLikeAbbreviation(initials))
                out.define(initials, lane.name, 1);
        }
        // "Phrase (ABBR)" in a label or lane name.
        std::vector<std::string> texts;
        for (const Step& step : map->steps)
            texts.push_back(step.label);
        for (const Lane& lane : map->lanes)
            texts.push_back(lane.name);
        for (const std::string& text : texts) {
            std::size_t open = text.find('(');
            while (open != std::string::npos) {
                const std::size_t close = text.find(')', open);
                if (close == std::string::npos)
                    break;
                const std::string inside = text.substr(open + 1, close - open - 1);
                if (looksLikeAbbreviation(inside)) {
                    const std::string phrase = phraseFor(splitWords(std::string_view(text).substr(0, open)), inside);
                    if (!phrase.empty())
                        out.define(inside, phrase, 2);
                }
                open = text.find('(', close);
            }
        }
    }
    return out;
}

std::string Abbreviations::meaning(const std::string& abbreviation) const
{
    const auto it = m_meanings.find(abbreviation);
    return it == m_meanings.end() ? std::string() : it->second.first;
}

std::string Abbreviations::expand(std::string_view label) const
{
    std::string out;
    std::size_t i = 0;
    while (i < label.size()) {
        if (!isWordChar(label[i])) {
            out += label[i++];
            continue;
        }
        std::size_t j = i;
        while (j < label.size() && (isWordChar(label[j]) || label[j] == '&'))
            ++j;
        const std::string word(label.substr(i, j - i));
        const std::string phrase = looksLikeAbbreviation(word) ? meaning(word) : std::string();
        if (phrase.empty()) {
            out += word;
        } else if (i > 0 && label[i - 1] == '(' && j < label.size() && label[j] == ')' &&
                   endsWithPhrase(out.substr(0, out.size() - 1), phrase)) {
            // "(BOY)" right after "Beginning of year": the definition itself; drop it.
            out.pop_back();
            ++j;
            if (!out.empty() && out.back() == ' ' && j < label.size() && label[j] == ' ')
                ++j; // one space between the words either side
        } else {
            out += phrase;
        }
        i = j;
    }
    return out;
}

} // namespace crosswalk
