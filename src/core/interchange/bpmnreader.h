#pragma once

// The BPMN reader's state: the whole document indexed once, then one Unit (a map in the
// making) per collaboration or free-standing process. Private to src/core/interchange;
// importBpmn (bpmn.h) is the way in.

#include "crosswalk/interchange/interchangeresult.h"
#include "crosswalk/model/map.h"

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosswalk::bpmn {

/// A rectangle of BPMN DI (dc:Bounds), in the file's coordinates.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    double cy() const { return y + h / 2; }
};

/// A BPMNShape: its bounds, and the flags that matter here.
struct DiShape {
    Box box;
    bool expanded = false;
    bool vertical = false; // isHorizontal="false" on a pool or lane
};

/// A lane in the making: a leaf lane, or a pool without lanes.
struct LaneInfo {
    std::string id;       // the Crosswalk lane id
    std::string name;
    std::string color;    // cw:color, when valid
    std::optional<Box> box;
    std::vector<std::string> nodes; // BPMN ids from flowNodeRef
    int pool = 0;                   // which pool of the unit it belongs to
};

/// A step in the making, with what places it.
struct PendingStep {
    Step step;
    std::string bpmnId;
    std::optional<DiShape> shape;
    std::string lane;   // the lane that names it (flowNodeRef or cw:lane), if any
    std::string parent; // the sub-process it is inside, or the activity a boundary event is on
    std::optional<int> cwW, cwH;
    bool small = false; // an event, gateway or data shape: grown to hold its label
    int pool = 0;       // the pool whose process holds it: its lanes are the only candidates
};

/// A flow in the making: ends are BPMN ids until the steps are known.
struct PendingFlow {
    std::string id;
    std::string from, to; // BPMN ids
    std::string label;
    std::string where;    // the element, for the report
    std::string bpmnId;   // the element's own id, for annotations on it
    std::optional<int> index; // cw:index: the flow's place in the map it was exported from
};

/// One map being read: a collaboration with its pools, or one process.
struct Unit {
    Map map;
    std::vector<LaneInfo> lanes;
    std::vector<PendingStep> steps;
    std::vector<PendingFlow> flows;
    std::vector<pugi::xml_node> textAnnotations;
    std::vector<pugi::xml_node> associations;
    std::set<std::string> associationFlows;           // associations that became flows
    std::vector<pugi::xml_node> dataObjects;          // bpmn:dataObject, placed if nothing refers to them
    std::set<std::string> referencedDataObjects;      // dataObjectRef of the references
    std::unordered_map<std::string, std::string> stepOf; // BPMN id -> step id
    std::unordered_map<std::string, std::string> flowOf; // BPMN id -> flow id
    std::unordered_map<std::string, std::string> laneOf; // BPMN lane/participant id -> lane id
    std::set<std::string> ids;                           // every id handed out in this map
    std::vector<std::pair<std::string, std::string>> boundaries; // boundary event -> its activity (BPMN ids)
    bool vertical = false;
    int pool = 0; // the pool being read
};

/// Reads one BPMN document (its definitions element, already checked) into maps.
class BpmnReader {
public:
    explicit BpmnReader(pugi::xml_node definitions) : m_root(definitions) {}
    InterchangeResult read();

private:
    // bpmnreader.cpp: the document, pools, lanes and flow elements
    void indexDocument();
    void readCollaboration(pugi::xml_node collaboration);
    void readProcessAlone(pugi::xml_node process);
    void readPool(Unit& u, pugi::xml_node participant, pugi::xml_node process, bool prefixLanes);
    void flattenLanes(Unit& u, pugi::xml_node laneSet, const std::string& prefix, int depth);
    void readProcessAttributes(Unit& u, pugi::xml_node process);
    void walk(Unit& u, pugi::xml_node container, const std::string& parentStep, int depth);
    void addStep(Unit& u, pugi::xml_node node, StepKind kind, const std::string& parentStep);
    void readStepChildren(Unit& u, pugi::xml_node node, PendingStep& pending);
    void readSubProcess(Unit& u, pugi::xml_node node, const std::string& parentStep, int depth);
    void readSequenceFlow(Unit& u, pugi::xml_node node);
    void readDataAssociation(Unit& u, pugi::xml_node association, const std::string& stepBpmnId, bool input);
    void readExtension(Unit& u, pugi::xml_node extension);
    void countForeign(pugi::xml_node node);

    // bpmnreader_finish.cpp: ids, flows, annotations, geometry, the report
    std::string uniqueId(Unit& u, std::string_view wanted, std::string_view prefix);
    void finishUnit(Unit& u, std::string title);
    void resolveFlows(Unit& u);
    void resolveAnnotations(Unit& u);
    void placeLanesAndSteps(Unit& u);
    void separateGrownSteps(Unit& u);
    void reportForeign();

    void leftOut(pugi::xml_node node, std::string message);
    void leftOut(std::string where, std::string message);
    void note(std::string where, std::string message);

    pugi::xml_node m_root;
    InterchangeResult m_result;
    std::unordered_map<std::string, pugi::xml_node> m_byId; // BPMN model elements by id
    std::unordered_map<std::string, DiShape> m_shapes;      // bpmnElement -> the first shape
    std::unordered_map<std::string, std::string> m_planeOf; // bpmnElement -> its plane's bpmnElement
    std::map<std::string, std::vector<pugi::xml_node>> m_drawnWith; // collaboration -> processes without pools
    std::set<std::string> m_processesInPools;
    // Other tools' extension data, counted by namespace: (uri or prefix) -> count
    std::map<std::string, int> m_foreign;
    int m_extensionElements = 0;
};

} // namespace crosswalk::bpmn
