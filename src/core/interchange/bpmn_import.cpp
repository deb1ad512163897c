// BPMN 2.0 import: see crosswalk/interchange/bpmn.h for what maps to what, and
// docs/file-format.md (BPMN) for the whole table.

#include "crosswalk/interchange/bpmn.h"

#include "bpmnreader.h"
#include "bpmnschema.h"
#include "bpmnxml.h"

#include "crosswalk/json/mapjson.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <string>

namespace crosswalk {

namespace {

[[noreturn]] void refuse(std::string where, std::string message)
{
    throw ImportError({ImportProblem{std::move(where), std::move(message)}});
}

/// The line of the byte at offset, for parse errors ("line 12").
std::string lineOf(std::string_view text, std::ptrdiff_t offset)
{
    const auto end = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, offset));
    std::size_t line = 1;
    for (std::size_t i = 0; i < end && i < text.size(); ++i)
        line += text[i] == '\n' ? 1u : 0u;
    return "line " + std::to_string(line);
}

} // namespace

InterchangeResult importBpmn(std::string_view text)
{
    if (text.size() > kMaxImportBytes)
        refuse("", "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                       std::to_string(kMaxImportBytes));
    pugi::xml_document doc;
    // parse_doctype keeps a document type declaration as a node, so that it can be refused by
    // name; pugixml itself never loads external entities nor expands declared ones.
    const unsigned options = pugi::parse_default | pugi::parse_doctype;
    const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
    if (!parsed)
        refuse(lineOf(text, parsed.offset), std::string("not well-formed XML: ") + parsed.description());
    for (const pugi::xml_node n : doc.children()) {
        if (n.type() == pugi::node_doctype) {
            const bool entities = std::strstr(n.value(), "ENTITY") != nullptr;
            refuse("<!DOCTYPE>", entities ? "the file declares entities in a document type declaration; Crosswalk "
                                            "refuses them (they can read other files or expand without bound), and "
                                            "BPMN needs none"
                                          : "the file has a document type declaration; Crosswalk refuses them (they "
                                            "can declare external entities), and BPMN needs none");
        }
    }
    const pugi::xml_node root = doc.document_element();
    if (!bpmn::is(root, bpmn::kModelNs, "definitions")) {
        const std::string ns(bpmn::namespaceOf(root));
        refuse("<" + std::string(root.name()) + ">",
               "not a BPMN 2.0 file: the root element must be definitions in the namespace " +
                   std::string(bpmn::kModelNs) + (ns.empty() ? "" : ", not " + ns));
    }
    bpmn::BpmnReader reader(root);
    return reader.read();
}

} // namespace crosswalk
