// Parses each file given with Mermaid's own parser and prints one line per file:
// "ok FILE" or "error FILE: MESSAGE". Exits 1 if any failed. Mermaid expects a browser's DOM
// (for its sanitizer), so jsdom provides one.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
for (const name of ['window', 'document', 'Option', 'Element', 'HTMLElement', 'Node', 'DOMParser', 'navigator']) {
  if (globalThis[name] === undefined) {
    globalThis[name] = name === 'window' ? dom.window : dom.window[name];
  }
}
const { default: mermaid } = await import('mermaid');

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    if (result.diagramType !== 'sequence') {
      throw new Error('not a sequence diagram: ' + result.diagramType);
    }
    console.log('ok ' + file);
  } catch (error) {
    failed++;
    console.log('error ' + file + ': ' + String(error.message).split('\n').join(' | '));
  }
}
process.exit(failed === 0 ? 0 : 1);
