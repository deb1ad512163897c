// draw.io pages to maps: swimlanes (bands or columns, nested in pools or side by side) and
// the rows of table-style matrices become lanes, the matrix's columns phases, shapes steps
// by their style, edges flows. Geometry is kept: each step stays in its lane, and its place
// along the flow becomes its x (a page of columns is turned a quarter, so that the flow
// runs left to right as Crosswalk draws it).

#include "drawio_internal.h"

#include "crosswalk/interchange/drawio.h"
#include "crosswalk/json/mapjson.h"
#include "crosswalk/layout/layout.h"
#include "crosswalk/model/validate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

namespace crosswalk {
namespace {

using drawio::Style;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

enum class Role { Root, Layer, Container, Lane, Table, TableRow, TableCell, Group, Step, EdgeLabel, Edge, Other };

struct Cell {
    std::string id;
    std::string parentId;
    std::string source, target;
    std::string value; // the label as written (HTML when style html=1)
    std::string tooltip;
    Style style;
    bool vertex = false;
    bool edge = false;
    double x = 0, y = 0, w = 0, h = 0;
    bool relative = false;
    std::size_t parent = kNone;
    std::vector<std::size_t> children;
    double ax = 0, ay = 0; // absolute position on the page
    Role role = Role::Other;
    std::size_t lane = kNone;   // for Lane / TableRow: index into Page::lanes
    std::size_t column = kNone; // for TableCell: column in its table
    std::size_t step = kNone;   // for Step: index into map.steps
};

double number(const pugi::xml_node& node, const char* name)
{
    const char* text = node.attribute(name).as_string();
    double value = 0;
    const char* end = text + std::char_traits<char>::length(text);
    const auto [ptr, ec] = std::from_chars(text, end, value);
    if (ec != std::errc() || !std::isfinite(value))
        return 0;
    (void)ptr;
    return std::clamp(value, -1e7, 1e7); // far past any page; keeps sums finite and ints in range
}

int toInt(double value)
{
    return static_cast<int>(std::lround(std::clamp(value, -1e7, 1e7)));
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string styleValue(const Style& style, std::string_view key)
{
    const auto it = style.find(key);
    return it == style.end() ? std::string() : it->second;
}

bool has(const Style& style, std::string_view key)
{
    return style.find(key) != style.end();
}

std::string shapeOf(const Style& style)
{
    const std::string shape = styleValue(style, "shape");
    return lower(shape);
}

bool isSwimlane(const Style& style)
{
    return has(style, "swimlane") || shapeOf(style) == "swimlane";
}

std::optional<std::string> colourOf(const Style& style)
{
    for (const char* key : {"swimlaneFillColor", "fillColor"}) {
        std::string c = styleValue(style, key);
        if (c.size() == 4 && c[0] == '#') // #RGB
            c = std::string{'#', c[1], c[1], c[2], c[2], c[3], c[3]};
        for (char& ch : c)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (isColour(c))
            return c;
    }
    return std::nullopt;
}

/// What a shape's style says about its kind; Start stands for "start or end", settled later.
struct ShapeKind {
    StepKind kind = StepKind::Activity;
    bool terminal = false; // an ellipse or terminator: start or end, by label or flows
    bool endOutline = false;
};

ShapeKind kindOf(const Style& style)
{
    if (const auto own = parseStepKind(styleValue(style, "crosswalkKind")))
        return {*own, false, false};
    std::string shape = shapeOf(style);
    for (const char* bare : {"rhombus", "ellipse", "doubleEllipse", "triangle", "cylinder", "text"})
        if (shape.empty() && has(style, bare))
            shape = lower(bare);
    const auto contains = [&](std::string_view word) { return shape.find(word) != std::string::npos; };
    const std::string symbol = lower(styleValue(style, "symbol"));
    const std::string outline = lower(styleValue(style, "outline"));
    if (contains("rhombus") || contains("decision") || contains("gateway") ||
        styleValue(style, "background") == "gateway" || (symbol.size() > 2 && symbol.ends_with("gw")))
        return {StepKind::Decision};
    if (contains("document") || contains("message") || shape == "note" || contains("card"))
        return {StepKind::Document};
    if (contains("cylinder") || contains("datastore") || contains("database") || contains("stored_data") ||
        contains("datastorage") || contains("data_storage") || contains("parallelogram") ||
        shape == "mxgraph.flowchart.data" || contains("internalstorage"))
        return {StepKind::Data};
    if (contains("delay") || contains("timer") || symbol == "timer")
        return {StepKind::Wait};
    if (contains("ellipse") || contains("terminator") || contains("start") || contains("end") ||
        shape == "mxgraph.bpmn.shape" || contains("event"))
        return {StepKind::Start, true, outline == "end"};
    const double arc = [&] {
        double v = 0;
        const std::string a = styleValue(style, "arcSize");
        std::from_chars(a.data(), a.data() + a.size(), v);
        return v;
    }();
    if (styleValue(style, "rounded") == "1" && arc >= 40)
        return {StepKind::Start, true, false}; // a pill: draw.io's terminator
    return {StepKind::Activity};
}

/// One lane as found on the page, before the map's lanes are made from it.
struct LaneSpot {
    std::size_t cell = kNone;
    std::string name;
    double ax = 0, ay = 0, w = 0, h = 0;
    double start = 0; // the header's size (left of a band, top of a column)
    bool band = true; // a horizontal band (title on the left); false: a column
    std::optional<std::string> colour;
    std::string laneId; // the map lane it became
};

class PageReader {
  public:
    PageReader(const drawio::Page& page, InterchangeResult& result)
        : m_page(page), m_result(result), m_where("page \"" + page.name + "\"")
    {
    }

    Map read();

  private:
    void readCells();
    void linkParents();
    void classify();
    void findLanes();
    void readTable(std::size_t table);
    void makeSteps();
    void makeFlows();
    void settleTerminals();
    std::size_t stepOf(const std::string& cellId) const;
    std::string where(const Cell& cell) const { return m_where + ", cell id=" + cell.id; }
    std::string label(const Cell& cell) const;
    void leaveOut(const Cell& cell, std::string message)
    {
        m_result.leftOut.push_back({where(cell), std::move(message)});
    }
    void note(std::string where, std::string message)
    {
        m_result.notes.push_back({std::move(where), std::move(message)});
    }
    std::string ancestorNames(std::size_t cell) const;

    const drawio::Page& m_page;
    InterchangeResult& m_result;
    std::string m_where;
    std::vector<Cell> m_cells;
    std::unordered_map<std::string, std::size_t> m_byId;
    std::vector<LaneSpot> m_lanes;
    std::vector<std::size_t> m_stepCells; // cell index of each step, in map order
    std::vector<ShapeKind> m_kinds;
    std::size_t m_firstTable = kNone;
    std::vector<std::pair<double, double>> m_phaseColumns; // x offset from the table body, width
    std::string m_containerTitle;                          // the name of the one top-level pool or table, if only one
    std::size_t m_topContainers = 0;
    Map m_map;
};

std::string PageReader::label(const Cell& cell) const
{
    if (styleValue(cell.style, "html") == "1")
        return drawio::htmlToText(cell.value);
    return cell.value;
}

void PageReader::readCells()
{
    const pugi::xml_node root = m_page.model.child("root");
    for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_element)
            continue;
        const std::string element = node.name();
        pugi::xml_node cellNode = node;
        Cell cell;
        if (element == "UserObject" || element == "object") {
            // A cell with data of its own: id, label and tooltip on the wrapper.
            cellNode = node.child("mxCell");
            cell.id = node.attribute("id").as_string();
            cell.value = node.attribute("label").as_string();
            cell.tooltip = node.attribute("tooltip").as_string();
        } else if (element == "mxCell") {
            cell.id = node.attribute("id").as_string();
            cell.value = node.attribute("value").as_string();
            cell.tooltip = node.attribute("tooltip").as_string();
        } else {
            m_result.leftOut.push_back({m_where + ", <" + element + ">", "not a draw.io cell; skipped"});
            continue;
        }
        cell.parentId = cellNode.attribute("parent").as_string();
        cell.source = cellNode.attribute("source").as_string();
        cell.target = cellNode.attribute("target").as_string();
        cell.style = drawio::parseStyle(cellNode.attribute("style").as_string());
        cell.vertex = cellNode.attribute("vertex").as_string() == std::string_view("1");
        cell.edge = cellNode.attribute("edge").as_string() == std::string_view("1");
        if (const pugi::xml_node geo = cellNode.child("mxGeometry")) {
            cell.x = number(geo, "x");
            cell.y = number(geo, "y");
            cell.w = number(geo, "width");
            cell.h = number(geo, "height");
            cell.relative = geo.attribute("relative").as_string() == std::string_view("1");
        }
        if (cell.id.empty()) {
            m_result.leftOut.push_back({m_where + ", <" + element + "> number " + std::to_string(m_cells.size() + 1),
                                        "a cell without an id; skipped"});
            continue;
        }
        if (m_byId.count(cell.id)) {
            m_result.leftOut.push_back({where(cell), "a second cell with this id; skipped"});
            continue;
        }
        m_byId.emplace(cell.id, m_cells.size());
        m_cells.push_back(std::move(cell));
    }
}

void PageReader::linkParents()
{
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        Cell& cell = m_cells[i];
        if (cell.parentId.empty())
            continue;
        const auto it = m_byId.find(cell.parentId);
        if (it == m_byId.end() || it->second == i) {
            leaveOut(cell, "its parent \"" + cell.parentId + "\" is not on the page; skipped");
            cell.role = Role::Other;
            cell.parentId = "!"; // detached
            continue;
        }
        cell.parent = it->second;
    }
    // A parent chain that loops, or nests deeper than any real diagram, is cut at the cell.
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        std::size_t at = m_cells[i].parent;
        int depth = 0;
        while (at != kNone && depth <= kMaxImportDepth) {
            at = m_cells[at].parent;
            ++depth;
        }
        if (at != kNone) {
            leaveOut(m_cells[i],
                     "its parents loop or nest deeper than " + std::to_string(kMaxImportDepth) + " levels; skipped");
            m_cells[i].parent = kNone;
            m_cells[i].parentId = "!";
        }
    }
    for (std::size_t i = 0; i < m_cells.size(); ++i)
        if (m_cells[i].parent != kNone)
            m_cells[m_cells[i].parent].children.push_back(i);
}

void PageReader::classify()
{
    // Parents come before children in draw.io files, but not always in hand-made ones: walk
    // the tree from the roots instead.
    std::vector<std::size_t> stack;
    for (std::size_t i = m_cells.size(); i-- > 0;)
        if (m_cells[i].parent == kNone && m_cells[i].parentId.empty())
            stack.push_back(i);
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        Cell& cell = m_cells[i];
        const Cell* parent = cell.parent == kNone ? nullptr : &m_cells[cell.parent];
        const Role parentRole = parent ? parent->role : Role::Root;
        if (parent) {
            const bool positioned = parentRole != Role::Root && parentRole != Role::Layer && parentRole != Role::Edge;
            cell.ax = cell.x + (positioned ? parent->ax : 0);
            cell.ay = cell.y + (positioned ? parent->ay : 0);
        }
        const std::string shape = shapeOf(cell.style);
        if (!parent)
            cell.role = Role::Root;
        else if (parentRole == Role::Root)
            cell.role = Role::Layer;
        else if (cell.edge)
            cell.role = Role::Edge;
        else if (!cell.vertex)
            cell.role = Role::Other;
        else if (parentRole == Role::Edge)
            cell.role = Role::EdgeLabel;
        else if (parentRole == Role::Step || parentRole == Role::Other || parentRole == Role::EdgeLabel)
            cell.role = Role::Other; // an icon or marker on a shape
        else if (shape == "table")
            cell.role = Role::Table;
        else if (shape == "tablerow" && parentRole == Role::Table)
            cell.role = Role::TableRow;
        else if (parentRole == Role::TableRow)
            cell.role = Role::TableCell;
        else if (isSwimlane(cell.style))
            cell.role = Role::Lane; // a Container when it turns out to hold lanes
        else if (has(cell.style, "group") || styleValue(cell.style, "container") == "1")
            cell.role = Role::Group;
        else if (cell.relative || has(cell.style, "text") || has(cell.style, "edgeLabel") || shape == "line")
            cell.role = Role::Other;
        else
            cell.role = Role::Step;
        for (auto it = cell.children.rbegin(); it != cell.children.rend(); ++it)
            stack.push_back(*it);
    }
    // A swimlane holding swimlanes is a pool (or a lane with sub-lanes): its leaves are lanes.
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        std::size_t at = m_cells[i].parent;
        if (m_cells[i].role != Role::Lane)
            continue;
        for (int depth = 0; at != kNone && depth <= kMaxImportDepth; ++depth, at = m_cells[at].parent)
            if (m_cells[at].role == Role::Lane || m_cells[at].role == Role::Container)
                m_cells[at].role = Role::Container;
    }
}

std::string PageReader::ancestorNames(std::size_t cell) const
{
    // The names of the containers a lane sits in, below the top-level one (which becomes
    // the map's title when there is only one): "Intake / Review".
    std::vector<std::string> names;
    for (std::size_t at = m_cells[cell].parent; at != kNone; at = m_cells[at].parent) {
        if (m_cells[at].role != Role::Container)
            continue;
        const bool topLevel = [&] {
            for (std::size_t up = m_cells[at].parent; up != kNone; up = m_cells[up].parent)
                if (m_cells[up].role == Role::Container)
                    return false;
            return true;
        }();
        if (topLevel && m_topContainers <= 1)
            continue;
        const std::string name = label(m_cells[at]);
        if (!name.empty())
            names.push_back(name);
    }
    std::string out;
    for (auto it = names.rbegin(); it != names.rend(); ++it)
        out += *it + " / ";
    return out;
}

void PageReader::readTable(std::size_t table)
{
    Cell& t = m_cells[table];
    std::vector<std::size_t> rows;
    for (std::size_t child : t.children)
        if (m_cells[child].role == Role::TableRow)
            rows.push_back(child);
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::size_t a, std::size_t b) { return m_cells[a].ay < m_cells[b].ay; });
    const bool phases = m_firstTable == kNone;
    if (phases)
        m_firstTable = table;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Cell& row = m_cells[rows[r]];
        std::vector<std::size_t> cells;
        for (std::size_t child : row.children)
            if (m_cells[child].role == Role::TableCell)
                cells.push_back(child);
        std::stable_sort(cells.begin(), cells.end(),
                         [&](std::size_t a, std::size_t b) { return m_cells[a].ax < m_cells[b].ax; });
        const double bodyLeft = cells.empty() ? row.ax : m_cells[cells.front()].ax;
        // A row without a name whose cells hold nothing is a header row: it names the
        // phases and is not a lane.
        const bool header =
            label(row).empty() && !cells.empty() &&
            std::all_of(cells.begin(), cells.end(), [&](std::size_t c) { return m_cells[c].children.empty(); });
        for (std::size_t c = 0; c < cells.size(); ++c) {
            Cell& cell = m_cells[cells[c]];
            cell.column = c;
            if (!phases)
                continue;
            if (m_phaseColumns.size() <= c)
                m_phaseColumns.push_back({cell.ax - bodyLeft, cell.w});
            const std::string name = label(cell);
            if (m_map.phases.size() <= c)
                m_map.phases.push_back(Phase{newId("p-"), "", "#FFFFFF", std::max(1, toInt(cell.w))});
            if (m_map.phases[c].name.empty() && !name.empty())
                m_map.phases[c].name = name;
        }
        if (header)
            continue;
        LaneSpot spot;
        spot.cell = rows[r];
        spot.name = label(row);
        spot.ax = row.ax;
        spot.ay = row.ay;
        spot.w = row.w;
        spot.h = row.h;
        spot.start = cells.empty() ? 0 : bodyLeft - row.ax;
        spot.band = true;
        spot.colour = colourOf(row.style);
        row.lane = m_lanes.size();
        m_lanes.push_back(std::move(spot));
    }
}

void PageReader::findLanes()
{
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        const Cell& cell = m_cells[i];
        const bool topLevel = cell.parent != kNone && m_cells[cell.parent].role == Role::Layer;
        if (topLevel && (cell.role == Role::Container || cell.role == Role::Table)) {
            ++m_topContainers;
            m_containerTitle = label(cell);
        }
    }
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        Cell& cell = m_cells[i];
        if (cell.role == Role::Table) {
            readTable(i);
        } else if (cell.role == Role::Lane) {
            LaneSpot spot;
            spot.cell = i;
            spot.name = ancestorNames(i) + label(cell);
            spot.ax = cell.ax;
            spot.ay = cell.ay;
            spot.w = cell.w;
            spot.h = cell.h;
            // A band has its title on the left; a swimlane titled on top that is wider than
            // tall is a band too (a titled box the flow runs across), not a column.
            spot.band = styleValue(cell.style, "horizontal") == "0" || cell.w > cell.h;
            double start = 23; // draw.io's default header size
            const std::string s = styleValue(cell.style, "startSize");
            std::from_chars(s.data(), s.data() + s.size(), start);
            spot.start = std::isfinite(start) ? std::clamp(start, 0.0, 1e6) : 23;
            spot.colour = colourOf(cell.style);
            cell.lane = m_lanes.size();
            m_lanes.push_back(std::move(spot));
        } else if (cell.role == Role::Container) {
            note(where(cell), "pool \"" + label(cell) + "\": its lanes became the map's lanes");
        }
    }
}

std::size_t PageReader::stepOf(const std::string& cellId) const
{
    const auto it = m_byId.find(cellId);
    if (it == m_byId.end())
        return kNone;
    int depth = 0;
    for (std::size_t at = it->second; at != kNone && depth <= kMaxImportDepth; at = m_cells[at].parent, ++depth)
        if (m_cells[at].role == Role::Step)
            return m_cells[at].step;
    return kNone;
}

void PageReader::makeSteps()
{
    std::size_t bands = 0;
    for (const LaneSpot& spot : m_lanes)
        bands += spot.band ? 1 : 0;
    // Columns (titles on top, the flow running down) are turned a quarter: the flow runs
    // left to right in Crosswalk. A page of both kinds is read by the majority.
    const bool columns = !m_lanes.empty() && bands * 2 < m_lanes.size();
    if (bands != 0 && bands != m_lanes.size())
        note(m_where,
             "the page has lanes of both orientations; all are read as " + std::string(columns ? "columns" : "rows"));
    else if (columns)
        note(m_where, "vertical lanes (columns) turned into rows; a step's place down its column became its "
                      "place along its lane");

    std::vector<std::size_t> order(m_lanes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const LaneSpot& l = m_lanes[a];
        const LaneSpot& r = m_lanes[b];
        return columns ? std::pair(l.ax, l.ay) < std::pair(r.ax, r.ay) : std::pair(l.ay, l.ax) < std::pair(r.ay, r.ax);
    });
    for (std::size_t i : order) {
        LaneSpot& spot = m_lanes[i];
        Lane lane;
        lane.id = newId("l-");
        lane.name = spot.name.empty() ? "Lane " + std::to_string(m_map.lanes.size() + 1) : spot.name;
        lane.color = spot.colour.value_or("#FFFFFF");
        lane.height = std::clamp(toInt(columns ? spot.w : spot.h), 1, kMaxSize);
        spot.laneId = lane.id;
        m_map.lanes.push_back(std::move(lane));
    }

    double origin = std::numeric_limits<double>::max(); // where the drawing area starts along the flow
    for (const LaneSpot& spot : m_lanes)
        origin = std::min(origin, columns ? spot.ay + spot.start : spot.ax + spot.start);

    struct Found {
        std::size_t cell;
        std::size_t spot; // kNone: outside every lane
        std::string phase;
    };
    std::vector<Found> found;
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (m_cells[i].role != Role::Step)
            continue;
        Found f{i, kNone, {}};
        int depth = 0;
        for (std::size_t at = m_cells[i].parent; at != kNone && depth <= kMaxImportDepth;
             at = m_cells[at].parent, ++depth) {
            const Cell& up = m_cells[at];
            if (up.role == Role::TableCell && up.column != kNone && up.column < m_map.phases.size() &&
                up.parent != kNone && m_cells[up.parent].parent == m_firstTable)
                f.phase = m_map.phases[up.column].id;
            if (up.role == Role::Lane || up.role == Role::TableRow) {
                f.spot = up.lane;
                break;
            }
            if (up.role != Role::TableCell && up.role != Role::Group)
                break;
        }
        // Drawn over a lane without being put in it: the lane under its centre. (Past a few
        // thousand lanes no real page is left; the search is skipped to stay linear.)
        if (f.spot == kNone && m_lanes.size() <= 2000) {
            const Cell& c = m_cells[i];
            const double cx = c.ax + c.w / 2, cy = c.ay + c.h / 2;
            double best = std::numeric_limits<double>::max();
            for (std::size_t s = 0; s < m_lanes.size(); ++s) {
                const LaneSpot& l = m_lanes[s];
                if (cx >= l.ax && cx <= l.ax + l.w && cy >= l.ay && cy <= l.ay + l.h && l.w * l.h < best) {
                    best = l.w * l.h;
                    f.spot = s;
                }
            }
        }
        found.push_back(std::move(f));
    }

    // Along the flow, a column's steps keep their order and do not overlap once turned:
    // their spacing is stretched by the most any two neighbours in a column need.
    double stretch = 1;
    if (columns) {
        std::vector<std::vector<const Cell*>> byLane(m_lanes.size());
        for (const Found& f : found)
            if (f.spot != kNone)
                byLane[f.spot].push_back(&m_cells[f.cell]);
        for (std::vector<const Cell*>& in : byLane) {
            std::sort(in.begin(), in.end(), [](const Cell* a, const Cell* b) { return a->ay < b->ay; });
            for (std::size_t k = 1; k < in.size(); ++k) {
                const double gap = in[k]->ay - in[k - 1]->ay;
                if (gap >= in[k - 1]->h && gap > 0)
                    stretch = std::max(stretch, (in[k - 1]->w + layout::kGrid) / gap);
            }
        }
        stretch = std::min(stretch, 4.0);
    }

    std::string outsideLane;
    double outsideTop = std::numeric_limits<double>::max();
    double outsideLeft = std::numeric_limits<double>::max();
    for (const Found& f : found)
        if (f.spot == kNone) {
            outsideTop = std::min(outsideTop, columns ? m_cells[f.cell].ax : m_cells[f.cell].ay);
            outsideLeft = std::min(outsideLeft, columns ? m_cells[f.cell].ay : m_cells[f.cell].ax);
        }
    if (m_lanes.empty())
        origin = outsideLeft;

    for (const Found& f : found) {
        const Cell& c = m_cells[f.cell];
        Step step;
        step.id = newId("s-");
        step.phase = f.phase;
        const ShapeKind kind = kindOf(c.style);
        step.kind = kind.kind;
        step.label = label(c);
        step.notes = c.tooltip;
        step.w = std::clamp(toInt(c.w), 1, kMaxSize);
        step.h = std::clamp(toInt(c.h), 1, kMaxSize);
        const double along = columns ? c.ay : c.ax;
        const double across = columns ? c.ax : c.ay;
        step.x = std::clamp(toInt((along - origin) * stretch), 0, kMaxCoordinate);
        if (f.spot != kNone) {
            step.lane = m_lanes[f.spot].laneId;
            step.y = toInt(across - (columns ? m_lanes[f.spot].ax : m_lanes[f.spot].ay));
        } else {
            if (outsideLane.empty()) {
                Lane lane;
                lane.id = newId("l-");
                lane.name = m_lanes.empty() ? "All steps" : "Outside the lanes";
                outsideLane = lane.id;
                m_map.lanes.push_back(std::move(lane));
                if (!m_lanes.empty())
                    note(m_where, "shapes outside every lane were put in a lane \"Outside the lanes\"");
            }
            step.lane = outsideLane;
            step.y = toInt(across - outsideTop) + layout::kLanePadding;
        }
        step.y = std::clamp(step.y, 0, kMaxCoordinate);
        m_cells[f.cell].step = m_map.steps.size();
        m_map.steps.push_back(std::move(step));
        m_kinds.push_back(kind);
        m_stepCells.push_back(f.cell);
    }
    for (Lane& lane : m_map.lanes)
        lane.height = std::clamp(std::max(lane.height, layout::requiredLaneHeight(m_map, lane.id)), 1, kMaxSize);
}

void PageReader::makeFlows()
{
    std::size_t undirected = 0;
    for (const Cell& cell : m_cells) {
        if (cell.role != Role::Edge)
            continue;
        const std::size_t from = stepOf(cell.source);
        const std::size_t to = stepOf(cell.target);
        std::string text = label(cell);
        for (std::size_t child : cell.children)
            if (m_cells[child].role == Role::EdgeLabel) {
                const std::string part = label(m_cells[child]);
                if (!part.empty())
                    text += (text.empty() ? "" : " ") + part;
            }
        const std::string quoted = text.empty() ? std::string() : " \"" + text + "\"";
        if (cell.source.empty() || cell.target.empty()) {
            leaveOut(cell, "edge" + quoted + " is not connected at its " +
                               (cell.source.empty() && cell.target.empty() ? "two ends"
                                : cell.source.empty()                      ? "start"
                                                                           : "end") +
                               "; a flow needs a step at each end");
            continue;
        }
        if (from == kNone || to == kNone) {
            leaveOut(cell, "edge" + quoted + " connects \"" + (from == kNone ? cell.source : cell.target) +
                               "\", which is not a step (a lane, text or a missing cell)");
            continue;
        }
        const std::string endArrow = styleValue(cell.style, "endArrow");
        const std::string startArrow = styleValue(cell.style, "startArrow");
        if (endArrow == "none" && (startArrow.empty() || startArrow == "none"))
            ++undirected;
        m_map.flows.push_back(Flow{newId("f-"), m_map.steps[from].id, m_map.steps[to].id, text});
    }
    if (undirected > 0)
        note(m_where, std::to_string(undirected) + " line(s) without arrowheads read as flows from their source to "
                                                   "their target");
}

void PageReader::settleTerminals()
{
    std::unordered_map<std::string, int> in, out;
    for (const Flow& flow : m_map.flows) {
        ++out[flow.from];
        ++in[flow.to];
    }
    for (std::size_t i = 0; i < m_map.steps.size(); ++i) {
        if (!m_kinds[i].terminal)
            continue;
        Step& step = m_map.steps[i];
        std::set<std::string> words;
        std::string word;
        for (char c : lower(step.label) + " ") {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                word.push_back(c);
            } else if (!word.empty()) {
                words.insert(word);
                word.clear();
            }
        }
        const auto said = [&](std::initializer_list<const char*> list) {
            return std::any_of(list.begin(), list.end(), [&](const char* w) { return words.count(w) > 0; });
        };
        if (said({"end", "stop", "finish", "finished", "done", "exit", "complete", "completed"}))
            step.kind = StepKind::End;
        else if (said({"start", "begin", "begins", "starts"}))
            step.kind = StepKind::Start;
        else if (m_kinds[i].endOutline || (in[step.id] > 0 && out[step.id] == 0))
            step.kind = StepKind::End;
        else
            step.kind = StepKind::Start;
    }
}

Map PageReader::read()
{
    readCells();
    linkParents();
    classify();
    findLanes();
    m_map.id = newId("m-");
    const bool defaultName = m_page.name.rfind("Page-", 0) == 0;
    m_map.props.title =
        defaultName && m_topContainers == 1 && !m_containerTitle.empty() ? m_containerTitle : m_page.name;
    makeSteps();
    makeFlows();
    settleTerminals();
    for (const Cell& cell : m_cells) {
        if (cell.role == Role::Other && cell.parentId != "!" && cell.vertex) {
            const std::string text = label(cell);
            std::string shape = styleValue(cell.style, "shape");
            if (shape.empty() && !cell.style.empty())
                shape = cell.style.begin()->first;
            const std::string what =
                text.empty() ? "a shape" + (shape.empty() ? "" : " (" + shape + ")") : "\"" + text + "\"";
            const Cell* on = cell.parent != kNone ? &m_cells[cell.parent] : nullptr;
            if (on && on->role == Role::Step)
                leaveOut(cell, what + " is attached to the step \"" + label(*on) +
                                   "\" (an icon or marker); Crosswalk has no attached shapes");
            else
                leaveOut(cell, what + " is free text or a decoration, not a step");
        } else if (cell.role == Role::Group && styleValue(cell.style, "container") == "1" &&
                   !has(cell.style, "group")) {
            leaveOut(cell, "container \"" + label(cell) +
                               "\": its shapes were read as steps; the container itself "
                               "has no counterpart");
        }
    }
    normaliseLineBreaks(m_map); // other tools write CR LF; maps hold LF
    if (const auto problems = validateMap(m_map); !problems.empty()) {
        std::vector<ImportProblem> out;
        for (const MapProblem& p : problems)
            out.push_back({m_where + ": " + p.where, p.message});
        throw ImportError(std::move(out));
    }
    return std::move(m_map);
}

} // namespace

InterchangeResult importDrawio(std::string_view text)
{
    std::vector<drawio::Page> pages = drawio::readPages(text);
    InterchangeResult result;
    for (std::size_t i = 0; i < pages.size(); ++i)
        result.maps.push_back(PageReader(pages[i], result).read());
    return result;
}

} // namespace crosswalk
