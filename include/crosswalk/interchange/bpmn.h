#pragma once

#include "crosswalk/interchange/interchangeresult.h"
#include "crosswalk/model/map.h"

#include <string>
#include <string_view>

namespace crosswalk {

/// The namespace of Crosswalk's own attributes and elements in a BPMN file (cw:kind, cw:phase ...),
/// through which the fields BPMN has no place for survive a round trip.
inline constexpr std::string_view kBpmnExtensionNamespace = "https://crosswalk.app/schema/bpmn/1";

/// Reads a BPMN 2.0 XML file: one map per collaboration, and one per process outside any
/// collaboration. Pools and lanes become lanes (nested lanes flattened, "Parent / Child"); tasks
/// and sub-processes activities; events start, end, wait (timer) or activity steps; gateways
/// decisions; data objects and stores document and data steps; sequence, message and data flows
/// flows; text annotations notes or annotations. With BPMN DI the geometry is kept (lanes by their
/// y, steps by their x); without it the map is laid out. Every element that has no counterpart is
/// named in leftOut. Throws ImportError for a file that is not BPMN, is not well-formed XML, or
/// carries a document type declaration (external entities, entity-expansion bombs).
InterchangeResult importBpmn(std::string_view text);

/// The map as BPMN 2.0 XML with DI: one pool holding the map's lanes, each step as the BPMN
/// element of its kind, flows as sequence flows (data associations where a document or data
/// step is at one end), annotations as text annotations with an association to what they mark.
/// Crosswalk's own fields (kinds, phases, colours, annotation kinds, facilitation data) travel in
/// kBpmnExtensionNamespace, so that importBpmn gives the map back. Deterministic.
std::string exportBpmn(const Map& map);

} // namespace crosswalk
