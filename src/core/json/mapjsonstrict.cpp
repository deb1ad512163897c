#include "mapjsonstrict.h"

#include <algorithm>

namespace crosswalk::mapjson {

namespace {

using json = nlohmann::json;

// A key quoted in a message: at most 80 bytes, control characters as \uXXXX (json::dump
// escapes them and replaces broken UTF-8), so the message stays one clean line.
std::string quotedKey(const std::string& key)
{
    std::string shown = key.size() > 80 ? key.substr(0, 80) : key;
    while (!shown.empty() && shown.size() < key.size() && (static_cast<unsigned char>(shown.back()) & 0xC0u) == 0x80u)
        shown.pop_back();
    if (!shown.empty() && shown.size() < key.size() && static_cast<unsigned char>(shown.back()) >= 0xC0u)
        shown.pop_back();
    std::string out = json(shown).dump(-1, ' ', false, json::error_handler_t::replace);
    if (shown.size() < key.size())
        out.insert(out.size() - 1, "...");
    return out;
}

} // namespace

json::parser_callback_t DuplicateKeys::callback()
{
    return [this](int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start: {
            std::string path = childPath();
            m_stack.push_back(Frame{event == json::parse_event_t::object_start, std::move(path), {}, {}, 0});
            break;
        }
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!m_stack.empty())
                m_stack.pop_back();
            break;
        case json::parse_event_t::key:
            if (parsed.is_string())
                onKey(parsed.get_ref<const std::string&>());
            break;
        case json::parse_event_t::value:
            if (!m_stack.empty() && !m_stack.back().object)
                ++m_stack.back().next;
            break;
        }
        return true;
    };
}

std::string DuplicateKeys::childPath()
{
    if (m_stack.empty())
        return {};
    Frame& parent = m_stack.back();
    if (parent.object)
        return parent.path.empty() ? parent.key : parent.path + "." + parent.key;
    return parent.path + "[" + std::to_string(parent.next++) + "]";
}

void DuplicateKeys::onKey(const std::string& key)
{
    if (m_stack.empty())
        return;
    Frame& frame = m_stack.back();
    frame.key = key;
    const auto at = std::lower_bound(frame.keys.begin(), frame.keys.end(), key);
    if (at == frame.keys.end() || *at != key) {
        frame.keys.insert(at, key);
        return;
    }
    if (++m_count <= kMaxReported)
        m_problems.push_back({frame.path, "duplicate key " + quotedKey(key) +
                                              "; a key may appear once in an object (which one was meant?)"});
}

std::vector<ImportProblem> DuplicateKeys::problems() const
{
    std::vector<ImportProblem> all = m_problems;
    if (m_count > kMaxReported)
        all.push_back({"", "and " + std::to_string(m_count - kMaxReported) + " more duplicate keys"});
    return all;
}

std::optional<std::string> utf16ToUtf8(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const auto ascii = [&](std::size_t i) { return byte(i) != 0 && byte(i) < 0x80; };
    bool little = false;
    std::size_t start = 0;
    if (text.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
        little = true;
        start = 2;
    } else if (text.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
        start = 2;
    } else if (text.size() >= 4 && ascii(0) && byte(1) == 0 && ascii(2) && byte(3) == 0) {
        little = true; // "{\0\n\0" : UTF-16LE without a mark
    } else if (text.size() >= 4 && byte(0) == 0 && ascii(1) && byte(2) == 0 && ascii(3)) {
        // "\0{\0\n" : UTF-16BE without a mark
    } else {
        return std::nullopt;
    }
    const auto refuse = [](std::string message) {
        throw ImportError(std::vector<ImportProblem>{{"", std::move(message)}});
    };
    if ((text.size() - start) % 2 != 0)
        refuse("the file is UTF-16 text with an odd number of bytes; it may be truncated. Save it as UTF-8");
    std::string out;
    out.reserve(text.size() / 2 + text.size() / 8);
    const auto unit = [&](std::size_t i) {
        return little ? static_cast<unsigned>(byte(i) | (byte(i + 1) << 8)) : static_cast<unsigned>((byte(i) << 8) | byte(i + 1));
    };
    for (std::size_t i = start; i < text.size(); i += 2) {
        unsigned cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const unsigned low = i + 3 < text.size() ? unit(i + 2) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                refuse("the file is UTF-16 text with a broken character at byte " + std::to_string(i) +
                       "; save it as UTF-8");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            refuse("the file is UTF-16 text with a broken character at byte " + std::to_string(i) +
                   "; save it as UTF-8");
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

} // namespace crosswalk::mapjson
