// The build's renaming of the names a wasm module and its wasm-bindgen script share
// (scripts/short_names.mjs). A name renamed on one side only would surface as a failure to
// instantiate in the browser; these tests say which name, and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renameInScript } from '../../scripts/short_names.mjs';
import { distDir } from './support.mjs';

test('in the built site, each module imports only short names, and its script provides each', () => {
  const wasms = readdirSync(distDir).filter((name) => name.endsWith('_bg.wasm'));
  assert.equal(wasms.length, 2, wasms.join(', '));
  for (const wasm of wasms) {
    const script = readFileSync(join(distDir, wasm.replace(/_bg\.wasm$/, '.js')), 'utf8');
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(distDir, wasm))));
    assert.ok(imports.length > 100, `${wasm}: ${imports.length} imports`);
    for (const { module, name } of imports) {
      assert.ok(module.length <= 2 && name.length <= 3, `${wasm}: ${module}.${name} is not short`);
      // esbuild writes a key that is a valid identifier bare, and any other quoted.
      const key = new RegExp(`[{,](?:${name.replace(/\$/g, '\\$')}|"${name.replace(/\$/g, '\\$')}"):`);
      assert.match(script, key, `${wasm}: the script does not provide ${name}`);
    }
    assert.doesNotMatch(script, /__wbg_[A-Za-z0-9_]+_[0-9a-f]{16}\b/, `${wasm}: a long name is left in the script`);
  }
});

test('a script that lacks a name the wasm was renamed from is refused, not half renamed', () => {
  const script = 'const import0 = { __proto__: null, __wbg_focus_d5e2fdbdb56416f0: function(a) { a.focus(); } };\n' +
    'return { __proto__: null, "./app_bg.js": import0 };\nwasm.__wbindgen_start();\n';
  const renamed = renameInScript(
    script,
    { imports: [['./app_bg.js', '__wbg_focus_d5e2fdbdb56416f0', 'a']], exports: [['__wbindgen_start', 'b']] },
    'c',
  );
  assert.ok(renamed.includes('"a": function(a)'), renamed);
  assert.ok(renamed.includes('"c": import0'), renamed);
  assert.ok(renamed.includes('wasm["b"]()'), renamed);
  assert.throws(
    () => renameInScript(script, { imports: [['./app_bg.js', '__wbg_blur_0123456789abcdef', 'a']], exports: [] }, 'c'),
    /does not name import __wbg_blur_0123456789abcdef/,
  );
});
