// Turning the bytes of a draw.io file into XML pages: the mxfile wrapper, draw.io's
// compressed pages (base64 of raw deflate of URL-encoded XML), styles and HTML labels.
//
// Safety: pugixml never expands entities beyond the five predefined ones and character
// references, and a DOCTYPE (where entities and external references are declared) is refused
// outright, so neither an entity bomb nor an external entity can do anything. Compressed
// pages are inflated in chunks against one budget for the whole file.

#include "drawio_internal.h"

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/json/mapjson.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>

namespace crosswalk::drawio {
namespace {

[[noreturn]] void refuse(std::string where, std::string message)
{
    throw ImportError({ImportProblem{std::move(where), std::move(message)}});
}

std::string pageWhere(const std::string& name)
{
    return "page \"" + name + "\"";
}

std::string lineOf(std::string_view text, std::ptrdiff_t offset)
{
    const auto end =
        static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size())));
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n');
    return "line " + std::to_string(line);
}

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_doctype;

// Parses XML, refusing a DOCTYPE anywhere before the root element.
void parseXml(pugi::xml_document& doc, std::string_view text, const std::string& where)
{
    const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), kParseOptions, pugi::encoding_utf8);
    if (!parsed)
        refuse(where,
               std::string("not well-formed XML (") + parsed.description() + ", " + lineOf(text, parsed.offset) + ")");
    for (pugi::xml_node node = doc.first_child(); node; node = node.next_sibling())
        if (node.type() == pugi::node_doctype)
            refuse(where, "the XML declares a DOCTYPE; draw.io files have none, and entity declarations (which can "
                          "expand without bound or reach outside the file) are not accepted");
}

std::optional<std::uint8_t> base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return static_cast<std::uint8_t>(c - 'A');
    if (c >= 'a' && c <= 'z')
        return static_cast<std::uint8_t>(c - 'a' + 26);
    if (c >= '0' && c <= '9')
        return static_cast<std::uint8_t>(c - '0' + 52);
    if (c == '+' || c == '-')
        return std::uint8_t{62};
    if (c == '/' || c == '_')
        return std::uint8_t{63};
    return std::nullopt;
}

std::string decodeBase64(std::string_view text, const std::string& where)
{
    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    bool padding = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c)))
            continue;
        if (c == '=') {
            padding = true;
            continue;
        }
        const auto value = base64Value(c);
        if (!value || padding)
            refuse(where, "the compressed page is not valid base64 (character " + std::to_string(i + 1) + ")");
        buffer = (buffer << 6) | *value;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
        }
    }
    if (bits >= 6) // one stray character: no whole byte in it
        refuse(where, "the compressed page is not valid base64 (it is cut short)");
    return out;
}

// Raw deflate (no zlib header), as draw.io writes; `budget` is what the file may still
// inflate to, and shrinks by what this page took.
std::string inflateRaw(std::string_view data, std::size_t& budget, const std::string& where)
{
    z_stream stream{};
    if (inflateInit2(&stream, -15) != Z_OK)
        refuse(where, "could not start decompressing");
    struct Closer {
        z_stream* s;
        ~Closer() { inflateEnd(s); }
    } closer{&stream};

    std::string out;
    std::array<unsigned char, 64 * 1024> chunk{};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size()); // data <= kMaxImportBytes, far below 4 GB
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.next_out = chunk.data();
        stream.avail_out = static_cast<uInt>(chunk.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status == Z_NEED_DICT || status == Z_DATA_ERROR || status == Z_MEM_ERROR)
            refuse(where,
                   std::string("the compressed page is damaged (") + (stream.msg ? stream.msg : "bad data") + ")");
        const std::size_t produced = chunk.size() - stream.avail_out;
        if (produced > budget)
            refuse(where, "the compressed pages inflate to more than " +
                              std::to_string(kMaxDrawioInflatedBytes / (1024 * 1024)) + " MB; not read");
        budget -= produced;
        out.append(reinterpret_cast<const char*>(chunk.data()), produced);
        if (status == Z_BUF_ERROR || (status == Z_OK && produced == 0 && stream.avail_in == 0))
            refuse(where, "the compressed page is cut short");
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// decodeURIComponent, as draw.io encodes the page before deflating it.
std::string urlDecode(std::string_view text, const std::string& where)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        const int hi = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            refuse(where, "the decompressed page is not URL-encoded text (a bad % escape at character " +
                              std::to_string(i + 1) + ")");
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return out;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

Page readDiagram(pugi::xml_node diagram, std::size_t index, std::size_t& budget)
{
    Page page;
    page.name = diagram.attribute("name").as_string();
    if (page.name.empty())
        page.name = "Page-" + std::to_string(index + 1);
    const std::string where = pageWhere(page.name);
    page.doc = std::make_unique<pugi::xml_document>();
    if (pugi::xml_node model = diagram.child("mxGraphModel")) {
        page.model = page.doc->append_copy(model);
        return page;
    }
    const std::string_view body = trim(diagram.child_value());
    if (body.empty())
        return page; // an empty page
    const std::string inflated = inflateRaw(decodeBase64(body, where), budget, where);
    const std::string_view inflatedText = trim(inflated);
    // draw.io URL-encodes the XML before deflating it; very old files deflated it as it was.
    const std::string xml = !inflatedText.empty() && inflatedText.front() == '<' ? std::string(inflatedText)
                                                                                 : urlDecode(inflatedText, where);
    parseXml(*page.doc, xml, where);
    page.model = page.doc->child("mxGraphModel");
    if (!page.model)
        refuse(where, "the decompressed page holds no <mxGraphModel>");
    return page;
}

} // namespace

std::vector<Page> readPages(std::string_view text)
{
    if (text.size() > kMaxImportBytes)
        refuse("", "the file is larger than " + std::to_string(kMaxImportBytes / (1024 * 1024)) + " MB; not read");
    if (trim(text).empty())
        refuse("", "the file is empty");
    pugi::xml_document doc;
    parseXml(doc, text, "");
    const pugi::xml_node root = doc.document_element();
    std::vector<Page> pages;
    const std::string rootName = root.name();
    if (rootName == "mxGraphModel") {
        Page page;
        page.name = "Page-1";
        page.doc = std::make_unique<pugi::xml_document>();
        page.model = page.doc->append_copy(root);
        pages.push_back(std::move(page));
        return pages;
    }
    if (rootName != "mxfile")
        refuse("<" + rootName + ">",
               "not a draw.io file (its root element is <" + rootName + ">, not <mxfile> or <mxGraphModel>)");
    std::size_t budget = kMaxDrawioInflatedBytes;
    std::size_t index = 0;
    for (pugi::xml_node diagram = root.child("diagram"); diagram; diagram = diagram.next_sibling("diagram"))
        pages.push_back(readDiagram(diagram, index++, budget));
    if (pages.empty())
        refuse("<mxfile>", "the file has no pages (<diagram> elements)");
    return pages;
}

Style parseStyle(std::string_view style)
{
    Style out;
    while (!style.empty()) {
        const std::size_t end = std::min(style.find(';'), style.size());
        const std::string_view item = trim(style.substr(0, end));
        style.remove_prefix(std::min(end + 1, style.size()));
        if (item.empty())
            continue;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            out.emplace(std::string(item), std::string());
        else
            out.insert_or_assign(std::string(trim(item.substr(0, eq))), std::string(trim(item.substr(eq + 1))));
    }
    return out;
}

namespace {

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// An HTML entity at the start of text ("&amp;..."): its text and length, if it is one.
std::optional<std::pair<std::string, std::size_t>> entityAt(std::string_view text)
{
    const std::size_t semi = text.find(';');
    if (semi == std::string_view::npos || semi > 12)
        return std::nullopt;
    const std::string_view name = text.substr(1, semi - 1);
    std::string out;
    if (!name.empty() && name[0] == '#') {
        std::uint32_t cp = 0;
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty())
            return std::nullopt;
        for (char c : digits) {
            const int v = hex ? hexValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
            if (v < 0)
                return std::nullopt;
            cp = std::min<std::uint32_t>(cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v), 0x110000u);
        }
        appendUtf8(out, cp);
        return std::make_pair(out, semi + 1);
    }
    static const std::pair<std::string_view, std::uint32_t> named[] = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
        {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"rsquo", 0x2019},
        {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"bull", 0x2022},   {"copy", 0xA9}};
    for (const auto& [entity, cp] : named)
        if (name == entity) {
            appendUtf8(out, cp == 0xA0 ? ' ' : cp);
            return std::make_pair(out, semi + 1);
        }
    return std::nullopt;
}

bool isBlockTag(std::string_view tag)
{
    static const std::string_view blocks[] = {"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"};
    return std::find(std::begin(blocks), std::end(blocks), tag) != std::end(blocks);
}

} // namespace

std::string htmlToText(std::string_view html)
{
    std::string raw;
    raw.reserve(html.size());
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) { // a lone '<': text, not a tag
                raw.push_back(c);
                ++i;
                continue;
            }
            std::string_view tag = html.substr(i + 1, close - i - 1);
            const bool closing = !tag.empty() && tag.front() == '/';
            if (closing)
                tag.remove_prefix(1);
            std::string tagName;
            for (char t : tag) {
                if (!std::isalnum(static_cast<unsigned char>(t)))
                    break;
                tagName.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(t))));
            }
            if (tagName == "br")
                raw.push_back('\n');
            else if (isBlockTag(tagName) && !raw.empty() && raw.back() != '\n')
                raw.push_back('\n');
            i = close + 1;
        } else if (c == '&') {
            if (const auto entity = entityAt(html.substr(i))) {
                raw += entity->first;
                i += entity->second;
            } else {
                raw.push_back(c);
                ++i;
            }
        } else {
            raw.push_back(c == '\t' || c == '\r' || c == '\n' ? ' ' : c); // HTML: source breaks are spaces
            ++i;
        }
    }
    // Collapse runs of spaces, trim each line, drop blank lines at both ends.
    std::string out;
    std::size_t start = 0;
    std::string pendingBreaks;
    while (start <= raw.size()) {
        const std::size_t end = std::min(raw.find('\n', start), raw.size());
        std::string line;
        bool space = false;
        for (char ch : trim(std::string_view(raw).substr(start, end - start))) {
            if (ch == ' ') {
                space = true;
                continue;
            }
            if (space && !line.empty())
                line.push_back(' ');
            space = false;
            line.push_back(ch);
        }
        if (!line.empty()) {
            if (!out.empty())
                out += "\n" + pendingBreaks;
            out += line;
            pendingBreaks.clear();
        } else if (!out.empty()) {
            pendingBreaks += "\n";
        }
        start = end + 1;
    }
    return out;
}

} // namespace crosswalk::drawio

namespace crosswalk {

bool looksLikeDrawio(std::string_view text)
{
    // The root element's name, after any XML declaration, comments and a BOM.
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    const std::size_t limit = std::min<std::size_t>(text.size(), 64 * 1024);
    while (i < limit) {
        i = text.find('<', i);
        if (i == std::string_view::npos || i + 1 >= limit)
            return false;
        const char next = text[i + 1];
        if (next == '?' || next == '!') { // declaration, comment or DOCTYPE: skip past it
            i = text.find('>', i);
            if (i == std::string_view::npos)
                return false;
            ++i;
            continue;
        }
        const std::string_view rest = text.substr(i + 1);
        return rest.rfind("mxfile", 0) == 0 || rest.rfind("mxGraphModel", 0) == 0;
    }
    return false;
}

} // namespace crosswalk
