#pragma once

// Shared by the draw.io reader's parts (drawio_decode.cpp, drawio_read.cpp) and the writer.

#include <pugixml.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace crosswalk::drawio {

/// One page (<diagram>) of a draw.io file, its model decoded to plain XML.
struct Page {
    std::string name;                        // the page's name, or "Page-N"
    std::unique_ptr<pugi::xml_document> doc; // holds the <mxGraphModel> (empty for an empty page)
    pugi::xml_node model;                    // the <mxGraphModel> element, or null
};

/// The pages of a draw.io file: <mxfile> with <diagram> pages, plain or compressed (base64
/// of raw deflate of URL-encoded XML), or a bare <mxGraphModel>. Refuses (ImportError) text
/// that is not such XML, declares a DOCTYPE (entities), is damaged, or inflates past
/// kMaxDrawioInflatedBytes.
std::vector<Page> readPages(std::string_view text);

/// A cell's style "rounded=1;whiteSpace=wrap;ellipse": key -> value; a bare word (the
/// shape name draw.io writes first, "ellipse", "swimlane", "text") is a key with value "".
using Style = std::map<std::string, std::string, std::less<>>;
Style parseStyle(std::string_view style);

/// An HTML label as plain text: tags dropped, <br> and block ends as line breaks, entities
/// decoded, spaces collapsed, each line trimmed.
std::string htmlToText(std::string_view html);

} // namespace crosswalk::drawio
