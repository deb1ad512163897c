#include "bpmnxml.h"

#include "bpmnschema.h"

#include <cstring>

namespace crosswalk::bpmn {

std::string_view localName(std::string_view qualified)
{
    const auto colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string refOf(pugi::xml_node element, const char* attribute)
{
    return std::string(localName(element.attribute(attribute).value()));
}

namespace {

std::string_view prefixOf(std::string_view qualified)
{
    const auto colon = qualified.find(':');
    return colon == std::string_view::npos ? std::string_view() : qualified.substr(0, colon);
}

/// The URI bound to prefix (empty prefix: the default namespace) where node is.
std::string_view resolve(pugi::xml_node node, std::string_view prefix)
{
    std::string wanted = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
        if (const pugi::xml_attribute a = n.attribute(wanted.c_str()))
            return a.value();
    }
    return {};
}

} // namespace

std::string_view namespaceOf(pugi::xml_node element)
{
    return resolve(element, prefixOf(element.name()));
}

bool is(pugi::xml_node element, std::string_view uri, std::string_view local)
{
    return element.type() == pugi::node_element && localName(element.name()) == local && namespaceOf(element) == uri;
}

std::optional<std::string_view> attributeNs(pugi::xml_node element, std::string_view uri, std::string_view local)
{
    for (const pugi::xml_attribute a : element.attributes()) {
        const std::string_view name = a.name();
        const std::string_view prefix = prefixOf(name);
        if (prefix.empty() || prefix == "xmlns" || localName(name) != local)
            continue;
        if (resolve(element, prefix) == uri)
            return std::string_view(a.value());
    }
    return std::nullopt;
}

pugi::xml_node childNs(pugi::xml_node element, std::string_view uri, std::string_view local)
{
    for (const pugi::xml_node c : element.children()) {
        if (is(c, uri, local))
            return c;
    }
    return {};
}

std::string textOf(pugi::xml_node element)
{
    if (const auto cw = attributeNs(element, "https://crosswalk.app/schema/bpmn/1", "text"))
        return std::string(*cw);
    return element.text().get();
}

std::string describe(pugi::xml_node element)
{
    std::string out = namespaceOf(element) == kModelNs ? "bpmn:" + std::string(localName(element.name()))
                                                       : std::string(element.name());
    if (const char* id = element.attribute("id").value(); id && *id)
        out += std::string(" id=") + id;
    return out;
}

} // namespace crosswalk::bpmn
