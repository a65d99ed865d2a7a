// Runs in headless Chromium (bundled by element-templates-apply.mjs): applies each element template with
// bpmn-js-element-templates, the library Camunda Modeler applies templates with, to a new element of the type the
// template applies to, and compares what it wrote with what the template says. window.TEMPLATES is set beforehand.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { ElementTemplatesCoreModule } from 'bpmn-js-element-templates/core';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

function diagram(type) {
  const tag = type.split(':')[1].replace(/^./, (first) => first.toLowerCase());
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="Definitions_Check" targetNamespace="http://onedoor.cn/bpmn">
  <bpmn:process id="check" isExecutable="true"><bpmn:${tag} id="Element_Check" /></bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_Check"><bpmndi:BPMNPlane id="Plane_Check" bpmnElement="check">
    <bpmndi:BPMNShape id="Element_Check_di" bpmnElement="Element_Check"><dc:Bounds x="100" y="100" width="100" height="80" /></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

function extensions(businessObject, type) {
  return ((businessObject.extensionElements && businessObject.extensionElements.values) || [])
    .filter((value) => value.$type === type);
}

/** What the element holds now for this binding, as the template would have written it. */
function written(businessObject, binding) {
  switch (binding.type) {
  case 'property':
    return businessObject.get(binding.name);
  case 'camunda:inputParameter': {
    const io = extensions(businessObject, 'camunda:InputOutput')[0];
    const input = io && (io.inputParameters || []).find((parameter) => parameter.name === binding.name);
    return input && input.value;
  }
  case 'camunda:in': {
    const mapping = extensions(businessObject, 'camunda:In').find((item) => item.target === binding.target);
    return mapping && (binding.expression ? mapping.sourceExpression : mapping.source);
  }
  case 'camunda:in:businessKey': {
    const mapping = extensions(businessObject, 'camunda:In').find((item) => item.businessKey !== undefined);
    return mapping && mapping.businessKey;
  }
  default:
    throw new Error(`binding ${binding.type} is not checked here yet: add it to element-templates-apply.browser.js`);
  }
}

async function check(template) {
  const problems = [];
  const container = document.createElement('div');
  document.body.appendChild(container);
  const modeler = new BpmnModeler({
    container,
    additionalModules: [ ElementTemplatesCoreModule ],
    moddleExtensions: { camunda: camundaModdle }
  });
  try {
    await modeler.importXML(diagram(template.appliesTo[0]));
    const elementTemplates = modeler.get('elementTemplates');
    elementTemplates.set(window.TEMPLATES);
    const element = modeler.get('elementRegistry').get('Element_Check');
    if (!elementTemplates.getAll(element).some((offered) => offered.id === template.id)) {
      problems.push(`not offered for a new ${template.appliesTo[0]}`);
    }
    const applied = elementTemplates.applyTemplate(element, template);
    const businessObject = applied.businessObject;
    if (businessObject.get('camunda:modelerTemplate') !== template.id) {
      problems.push('the element is not linked to the template after applying it');
    }
    for (const property of template.properties) {
      const binding = property.binding;
      if (binding.type === 'property' && !businessObject.$descriptor.propertiesByName[binding.name]) {
        problems.push(`${binding.name} is not a property of ${template.appliesTo[0]} (camunda-bpmn-moddle)`);
      }
      if (property.type === 'Hidden' && (property.value === undefined || property.value === '')) {
        problems.push(`${JSON.stringify(binding)}: hidden without a value, so it writes nothing`);
      }
      if (property.value === undefined) {
        continue; // the designer fills it in
      }
      const actual = written(businessObject, property.binding);
      if (actual === undefined || String(actual) !== String(property.value)) {
        problems.push(`${JSON.stringify(property.binding)}: expected ${JSON.stringify(property.value)}, written ${JSON.stringify(actual)}`);
      }
    }
  } catch (error) {
    problems.push(`applying failed: ${error.message}`);
  } finally {
    modeler.destroy();
    container.remove();
  }
  return { id: template.id, problems };
}

(async () => {
  const results = [];
  for (const template of window.TEMPLATES) {
    results.push(await check(template));
  }
  const json = JSON.stringify(results);
  document.getElementById('result').textContent = btoa(unescape(encodeURIComponent(json)));
})();
