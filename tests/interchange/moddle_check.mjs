// Reads BPMN files with bpmn-moddle, the model layer under bpmn.io and Camunda Modeler, and fails
// on any warning it gives (unknown elements or attributes in the BPMN namespaces, unresolved
// references, wrong nesting) and on a diagram that would open empty.
// Usage: node moddle_check.mjs FILE.bpmn...   (run from a folder where bpmn-moddle is installed)
import { BpmnModdle } from 'bpmn-moddle';
import { readFileSync } from 'node:fs';

let failed = 0;
for (const file of process.argv.slice(2)) {
  const moddle = new BpmnModdle();
  try {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'));
    const problems = warnings.map((w) => w.message);
    const processes = rootElement.rootElements.filter((e) => e.$type === 'bpmn:Process');
    const diagram = rootElement.diagrams && rootElement.diagrams[0];
    const shapes = diagram ? diagram.plane.planeElement.length : 0;
    if (processes.length !== 1) problems.push(`${processes.length} processes, expected 1`);
    if (!diagram || shapes === 0) problems.push('no diagram elements');
    // Every step of the process has a shape in the diagram.
    const drawn = new Set(diagram ? diagram.plane.planeElement.map((e) => e.bpmnElement && e.bpmnElement.id) : []);
    for (const element of processes[0] ? processes[0].flowElements || [] : []) {
      if (element.$type !== 'bpmn:DataObject' && !drawn.has(element.id)) problems.push(`${element.id} is not drawn`);
    }
    if (problems.length) {
      failed++;
      console.log(`FAIL ${file}:\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`ok ${file}: ${shapes} diagram elements`);
    }
  } catch (e) {
    failed++;
    console.log(`FAIL ${file}: ${e.message}`);
  }
}
console.log(`${process.argv.length - 2 - failed} read cleanly, ${failed} failed`);
process.exit(failed ? 1 : 0);
