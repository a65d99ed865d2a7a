// Validates the Camunda Modeler element templates (Camunda 7) against Camunda's published JSON schema
// (@camunda/element-templates-json-schema, pinned in package.json): every *.json in the folders given on the command
// line. Fails on a file that does not parse, a template the schema refuses, a $schema that points elsewhere, two
// templates with one id and version, or no template at all (so a moved folder cannot make the check pass by finding
// nothing). Which delegate each template names, and that the diagrams use only templated delegates, is
// ElementTemplatesTest's part (src/test/java/cn/onedoor/models/).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import ajvErrors from 'ajv-errors';

const require = createRequire(import.meta.url);
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const SCHEMA_URL = 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json';

// allErrors is what ajv-errors needs for the schema's own error messages (its "errorMessage" keywords).
const ajv = new Ajv({ allErrors: true, strict: false });
ajvErrors(ajv);
const validate = ajv.compile(schema);

const problems = [];
const seen = new Map();
let count = 0;

for (const folder of process.argv.slice(2)) {
  if (!existsSync(folder)) {
    problems.push(`${folder}: no such folder`);
    continue;
  }
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
    const file = join(folder, name);
    const where = relative(join(process.cwd(), '..', '..'), file);
    let parsed;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${where}: not JSON: ${error.message}`);
      continue;
    }
    const templates = Array.isArray(parsed) ? parsed : [ parsed ];
    templates.forEach((template, index) => {
      count++;
      const label = `${where} [${index}] ${template.id || '(no id)'}`;
      if (!validate(template)) {
        for (const error of validate.errors) {
          problems.push(`${label}: ${error.instancePath || '/'} ${error.message}`);
        }
      }
      if (template.$schema !== SCHEMA_URL) {
        problems.push(`${label}: $schema must be ${SCHEMA_URL} (the Camunda 7 schema), not ${template.$schema}`);
      }
      const key = `${template.id}@${template.version}`;
      if (seen.has(key)) {
        problems.push(`${label}: id and version also used in ${seen.get(key)}`);
      }
      seen.set(key, label);
    });
  }
}

if (count === 0) {
  problems.push('no element templates found in ' + process.argv.slice(2).join(', '));
}
if (problems.length) {
  console.error(`Element templates: ${problems.length} problem(s)\n` + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log(`Element templates: ${count} valid against @camunda/element-templates-json-schema`);
