// Issue 19, finding 8: every SVG export passes an XML parser (pugixml, not Qt's own reader),
// with everything escaped: each demo map in colour and in greyscale, and maps whose every
// text field holds markup, entities, quotes, CDATA ends, bidirectional overrides, emoji and
// the longest label allowed, or control characters that a workspace of an older version
// might still hold.

#include "crosswalk/demo/demo.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/model/validate.h"
#include "ui/export/mapexporter.h"
#include "ui/print/exportfonts.h"
#include "ui/print/exportoptions.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <QApplication>
#include <QRegularExpression>

#include <string>
#include <vector>

using namespace crosswalk;

namespace {

/// Problems with the SVG as XML text: what pugixml does not check (it leaves an unknown
/// "&name;" alone and takes any byte in text) is checked on the raw bytes.
std::vector<std::string> xmlProblems(const QByteArray& svg)
{
    std::vector<std::string> problems;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(svg.constData(), static_cast<std::size_t>(svg.size()),
                        pugi::parse_default | pugi::parse_declaration | pugi::parse_doctype, pugi::encoding_utf8);
    if (!parsed)
        problems.push_back(std::string("pugixml: ") + parsed.description() + " at byte " +
                           std::to_string(parsed.offset));
    if (std::string(doc.document_element().name()) != "svg")
        problems.push_back("the root element is not svg");
    // No script, no event handler, no foreign content anywhere.
    struct Walker : pugi::xml_tree_walker {
        std::vector<std::string>* out;
        bool for_each(pugi::xml_node& node) override
        {
            const std::string name = node.name();
            if (name == "script" || name == "foreignObject" || name == "iframe")
                out->push_back("element " + name);
            for (const pugi::xml_attribute& a : node.attributes())
                if (std::string(a.name()).rfind("on", 0) == 0)
                    out->push_back(std::string("attribute ") + a.name() + " on " + name);
            return true;
        }
    } walker;
    walker.out = &problems;
    doc.traverse(walker);

    const std::string text = svg.toStdString();
    static const QRegularExpression reference(QStringLiteral("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);"));
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            problems.push_back("control character " + std::to_string(c) + " at byte " + std::to_string(i));
        if (c == '&' && !reference.match(QString::fromStdString(text.substr(i, 12))).hasMatch())
            problems.push_back("an unescaped & at byte " + std::to_string(i) + ": " + text.substr(i, 12));
    }
    if (QString::fromUtf8(svg).toUtf8() != svg)
        problems.push_back("not valid UTF-8");
    // A character reference must name a character XML allows (&#0; or &#x1b; is not well-formed).
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    for (auto it = numeric.globalMatch(QString::fromUtf8(svg)); it.hasNext();) {
        const auto m = it.next();
        const uint cp = m.captured(2).toUInt(nullptr, m.captured(1).isEmpty() ? 10 : 16);
        if ((cp < 0x20 && cp != 9 && cp != 10 && cp != 13) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            problems.push_back("a reference to a character XML forbids: " + m.captured(0).toStdString());
    }
    return problems;
}

std::vector<ExportOptions> svgOptions(const Map& map)
{
    std::vector<ExportOptions> all;
    for (const bool grey : {false, true})
        for (const bool facilitation : {false, true}) {
            ExportOptions o;
            o.format = ExportOptions::Format::Svg;
            o.greyscale = grey;
            o.includeVotes = o.includeParkingLot = facilitation;
            all.push_back(o);
        }
    ExportOptions view;
    view.format = ExportOptions::Format::Svg;
    view.currentView = true;
    view.viewRect = QRectF(100, 50, 900, 500);
    all.push_back(view);
    (void)map;
    return all;
}

void requireWellFormed(const Map& map, const std::string& what)
{
    for (const ExportOptions& o : svgOptions(map)) {
        const QByteArray svg = MapExporter::svg(map, o);
        const auto problems = xmlProblems(svg);
        INFO(what << (o.greyscale ? ", greyscale" : "") << (o.includeVotes ? ", votes and parking lot" : "")
                  << (o.currentView ? ", current view" : ""));
        INFO((problems.empty() ? std::string() : problems.front()));
        CHECK(problems.empty());
    }
}

const std::vector<std::string> kHostile = {
    "</title><script>alert(1)</script>",
    "<svg onload=\"alert(1)\">",
    "]]> <![CDATA[ x ]]>",
    "&amp; &lt; &#0; &#x1b; &bogus; & alone",
    "\"double\" and 'single' quotes",
    "<?xml version=\"1.0\"?> <!DOCTYPE x [<!ENTITY e \"boom\">]> &e;",
    "evil\u202Efdp.exe \u200B zero width",
    "\xF0\x9F\x98\x80 emoji and \xE4\xB8\xAD\xE6\x96\x87",
    "2025/26 evaluation -- of <principals>",
};

} // namespace

TEST_CASE("Every demo map's SVG passes an XML parser", "[export][hardening]")
{
    ExportFonts::ensureLoaded();
    for (std::size_t i = 0; i < demoMapTexts().size(); ++i) {
        const Map map = parseMapJson(demoMapTexts()[i]).map;
        requireWellFormed(map, "demo map " + std::to_string(i) + " " + map.props.title);
    }
}

TEST_CASE("SVG of maps with hostile text in every field passes an XML parser", "[export][hardening]")
{
    ExportFonts::ensureLoaded();
    for (std::size_t h = 0; h < kHostile.size(); ++h) {
        Map map = parseMapJson(demoMapTexts()[h % demoMapTexts().size()]).map;
        const std::string& t = kHostile[h];
        map.props.title = t;
        map.props.district = t;
        map.props.focus = t;
        for (Lane& lane : map.lanes)
            lane.name = t;
        for (Phase& phase : map.phases)
            phase.name = t;
        for (std::size_t k = 0; k < map.steps.size(); ++k)
            map.steps[k].label = k % 2 ? t : t + " " + t;
        for (Flow& flow : map.flows)
            flow.label = t;
        for (Annotation& a : map.annotations)
            a.text = t;
        if (!map.steps.empty()) {
            map.stickyNotes.push_back(StickyNote{"n-h", map.steps[0].id, t, "#FFE680"});
            map.parkingLot.push_back(ParkingItem{"q-h", t, "", false});
            map.votes[map.steps[0].id] = 3;
        }
        REQUIRE(validateMap(map).empty()); // all of it is text an import accepts
        requireWellFormed(map, "hostile text " + std::to_string(h));
    }
    // The longest label allowed.
    Map map = parseMapJson(demoMapTexts()[0]).map;
    std::string longest;
    while (longest.size() + 9 <= kMaxLabelBytes)
        longest += "<&\"'>&lt;";
    map.steps[0].label = longest;
    map.props.title = longest;
    REQUIRE(validateMap(map).empty());
    requireWellFormed(map, "the longest label");
}

TEST_CASE("SVG stays well-formed when a map holds control characters", "[export][hardening]")
{
    // Imports refuse them now, but a workspace written before that may hold them.
    ExportFonts::ensureLoaded();
    Map map = parseMapJson(demoMapTexts()[1]).map;
    map.props.title = std::string("NUL\0 and ESC\x1b[31m red", 22);
    map.props.district = "bell\a form\f feed";
    map.steps[0].label = std::string("a\0b\x01" "c\x7f", 6);
    map.lanes[0].name = "tab\there, line\nbreak, return\r";
    map.flows[0].label = "\x1b]0;title\x07";
    requireWellFormed(map, "control characters");
}
