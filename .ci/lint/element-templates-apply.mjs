// Applies every element template the way Camunda Modeler does and checks what lands in the diagram: bundles
// element-templates-apply.browser.js (bpmn-js + bpmn-js-element-templates, versions pinned in package.json) with
// esbuild, runs it in Debian's headless Chromium (installed by .ci/run) and reports, per template, each value that
// was not written as the template says. The schema (element-templates.mjs) cannot see this: a camunda:in businessKey
// property without a value is valid JSON and still writes an empty business key.
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CHROMIUM = '/usr/bin/chromium';
const here = fileURLToPath(new URL('.', import.meta.url));

const templates = [];
for (const folder of process.argv.slice(2)) {
  if (!existsSync(folder)) continue; // element-templates.mjs reports a missing folder
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
    const parsed = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    templates.push(...(Array.isArray(parsed) ? parsed : [ parsed ]));
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`Element templates: ${CHROMIUM} is missing (apt-get install -y chromium); cannot apply the templates`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'onedoor-templates-'));
try {
  await build({
    entryPoints: [ join(here, 'element-templates-apply.browser.js') ],
    bundle: true,
    outfile: join(work, 'apply.js'),
    loader: { '.json': 'json' },
    logLevel: 'warning'
  });
  writeFileSync(join(work, 'templates.js'), `window.TEMPLATES = ${JSON.stringify(templates)};`);
  writeFileSync(join(work, 'index.html'),
    '<!doctype html><meta charset="utf-8"><pre id="result"></pre><script src="templates.js"></script><script src="apply.js"></script>');
  const dom = execFileSync(CHROMIUM, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${join(work, 'profile')}`, '--allow-file-access-from-files',
    '--virtual-time-budget=30000', '--dump-dom', `file://${join(work, 'index.html')}`
  ], { encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ], timeout: 120000 });
  const encoded = (dom.match(/<pre id="result">([^<]*)<\/pre>/) || [])[1];
  if (!encoded) {
    console.error('Element templates: the browser page gave no result (a script error before the end?)');
    process.exit(1);
  }
  const results = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  const failed = results.filter((result) => result.problems.length);
  if (results.length !== templates.length || failed.length) {
    console.error(`Element templates: ${failed.length} of ${templates.length} do not apply as written\n` +
      failed.map((result) => `  ${result.id}: ${result.problems.join('; ')}`).join('\n'));
    process.exit(1);
  }
  console.log(`Element templates: ${results.length} applied with bpmn-js-element-templates, each wrote what it says`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
