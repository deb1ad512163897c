#pragma once

// What the BPMN reader and writer share: the namespaces of BPMN 2.0 and its diagram
// interchange, and Crosswalk's extension names. Private to src/core/interchange.

#include <string_view>

namespace crosswalk::bpmn {

inline constexpr std::string_view kModelNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";
inline constexpr std::string_view kBpmnDiNs = "http://www.omg.org/spec/BPMN/20100524/DI";
inline constexpr std::string_view kDcNs = "http://www.omg.org/spec/DD/20100524/DC";
inline constexpr std::string_view kDiNs = "http://www.omg.org/spec/DD/20100524/DI";

/// Width of a pool's and a lane's name band in BPMN DI, as bpmn.io draws them: the drawing
/// area of a lane starts this far right of the lane's left edge.
inline constexpr int kHeaderWidth = 30;

/// A step smaller than this (a 36 x 36 event, a 50 x 50 gateway) is grown around its centre on
/// import, so that its label fits inside it as Crosswalk draws it.
inline constexpr int kMinImportedWidth = 100;
inline constexpr int kMinImportedHeight = 60;

/// The BPMN size of the shape that stands for a step of a small kind (events, gateways, data),
/// centred on the step's rectangle; the step's own size travels as cw:w / cw:h.
struct ShapeSize {
    int w = 0;
    int h = 0;
};

} // namespace crosswalk::bpmn
