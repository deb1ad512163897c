#pragma once

// Helpers for the tests of the importers of other tools' formats: draw.io's page
// compression (to write fixtures the way draw.io saves them), lookups by name.

#include "crosswalk/interchange/interchangeresult.h"
#include "crosswalk/json/mapjson.h"

#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace crosswalk::test {

/// encodeURIComponent, as draw.io applies it before deflating a page.
inline std::string urlEncode(std::string_view text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || std::string_view("-_.!~*'()").find(c) != std::string_view::npos) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 15]);
        }
    }
    return out;
}

/// Raw deflate (no zlib header), as draw.io compresses.
inline std::string rawDeflate(std::string_view data)
{
    z_stream stream{};
    // Big inputs (the inflate bombs) at the fastest level: the test is about inflating them.
    const int level = data.size() > (1u << 20) ? 1 : 9;
    REQUIRE(deflateInit2(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

inline std::string base64(std::string_view data)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8) | static_cast<unsigned char>(data[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out.push_back(alphabet[(v >> shift) & 63]);
    }
    if (i + 1 == data.size()) {
        const unsigned v = static_cast<unsigned char>(data[i]) << 16;
        out += {alphabet[(v >> 18) & 63], alphabet[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == data.size()) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8);
        out += {alphabet[(v >> 18) & 63], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], '='};
    }
    return out;
}

/// A page's <mxGraphModel> XML as draw.io stores it by default.
inline std::string compressPage(std::string_view modelXml)
{
    return base64(rawDeflate(urlEncode(modelXml)));
}

/// An .drawio file with the given pages: {name, body} where body is either an
/// <mxGraphModel> element or a compressed page.
inline std::string mxfile(std::initializer_list<std::pair<std::string, std::string>> pages)
{
    std::string out = "<mxfile host=\"app.diagrams.net\" type=\"device\">";
    for (const auto& [name, body] : pages)
        out += "<diagram id=\"d-" + name + "\" name=\"" + name + "\">" + body + "</diagram>";
    return out + "</mxfile>";
}

inline const Lane& laneNamed(const Map& map, std::string_view name)
{
    const auto it = std::find_if(map.lanes.begin(), map.lanes.end(), [&](const Lane& l) { return l.name == name; });
    INFO("lane " << name);
    REQUIRE(it != map.lanes.end());
    return *it;
}

inline const Step& stepLabelled(const Map& map, std::string_view label)
{
    const auto it = std::find_if(map.steps.begin(), map.steps.end(), [&](const Step& s) { return s.label == label; });
    INFO("step " << label);
    REQUIRE(it != map.steps.end());
    return *it;
}

/// The name of a step's lane.
inline std::string laneOf(const Map& map, const Step& step)
{
    const Lane* lane = map.lane(step.lane);
    return lane ? lane->name : std::string();
}

/// Whether any note in the list mentions the text.
inline bool mentions(const std::vector<InterchangeNote>& notes, std::string_view text)
{
    return std::any_of(notes.begin(), notes.end(),
                       [&](const InterchangeNote& n) { return n.toString().find(text) != std::string::npos; });
}

/// The message of the ImportError the call throws ("" when it throws none).
template <typename F> std::string refusal(F&& call)
{
    try {
        call();
    } catch (const ImportError& e) {
        return e.what();
    }
    return {};
}

} // namespace crosswalk::test
