#pragma once

// Namespace-aware reading of pugixml nodes: pugixml keeps qualified names as written, and BPMN
// files spell their prefixes every which way ("bpmn:", "bpmn2:", "semantic:", none), so names
// are compared by namespace URI and local name. Private to src/core/interchange.

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace crosswalk::bpmn {

/// The part of a qualified name after its prefix ("bpmn:task" -> "task").
std::string_view localName(std::string_view qualified);

/// A reference attribute's value: an id, or a QName ("tns:Task_1") whose prefix is dropped
/// (ids are NCNames, so they hold no colon).
std::string refOf(pugi::xml_node element, const char* attribute);

/// The namespace URI of an element, found through the xmlns declarations on it and its
/// ancestors; empty when its prefix is declared nowhere.
std::string_view namespaceOf(pugi::xml_node element);

/// True when the element is {uri}local.
bool is(pugi::xml_node element, std::string_view uri, std::string_view local);

/// The value of the attribute {uri}local on the element (prefixed attributes only), if any.
std::optional<std::string_view> attributeNs(pugi::xml_node element, std::string_view uri, std::string_view local);

/// The first child element {uri}local, or a null node.
pugi::xml_node childNs(pugi::xml_node element, std::string_view uri, std::string_view local);

/// The text of an element: its cw:text attribute when it has one (Crosswalk writes one where the
/// text holds a carriage return, which XML turns into a line feed in element content), else its
/// content.
std::string textOf(pugi::xml_node element);

/// The element as a report names it: "bpmn:task id=Task_1" (with the local name under the
/// bpmn prefix for BPMN elements, else as written).
std::string describe(pugi::xml_node element);

} // namespace crosswalk::bpmn
