// `fix1002 check --format sarif` and `fix1002 strings check --format sarif` against the SARIF
// 2.1.0 JSON schema, so GitHub code scanning accepts what the command line uploads. The schema is Microsoft's SARIF 2.1.0 schema
// (sarif-2.1.0-rtm.5.json, JSON Schema draft-04) as the npm package @microsoft/jest-sarif ships
// it; ajv-draft-04 and ajv-formats check it, formats included. Beside the schema, the checks
// GitHub adds are tested: every result has a rule and a line.
//
// Runs the binary that `cargo build -p fix1002-cli` wrote: FIX1002_BIN, or else
// $CARGO_TARGET_DIR/debug/fix1002 (target/debug/fix1002 without it). scripts/test.sh builds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const fixtures = 'tests/fixtures/faults';
const bin =
  process.env.FIX1002_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(repoRoot, 'target'), 'debug', 'fix1002');

// The schema's pattern for `language`, `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, has a stray
// bracket that only a regular expression without the `u` flag accepts (as draft-04 validators
// of its day read it).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Runs `fix1002 COMMAND --format sarif ARGS` from the repository's root; the parsed log. */
function sarif(args, input, command = ['check']) {
  assert.ok(existsSync(bin), `${bin} is missing: run cargo build -p fix1002-cli first`);
  const run = spawnSync(bin, [...command, '--format', 'sarif', ...args], {
    cwd: repoRoot,
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok([0, 1, 2].includes(run.status), `exit ${run.status}: ${run.stderr}`);
  return { code: run.status, log: JSON.parse(run.stdout) };
}

/** The log is valid against the schema, and holds what GitHub code scanning needs. */
function assertAccepted(log, label) {
  const valid = validate(log);
  assert.ok(valid, `${label}: ${JSON.stringify(validate.errors, null, 2)}`);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const rules = run.tool.driver.rules;
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, `${label}: one rule per tag`);
  for (const result of run.results) {
    assert.equal(result.ruleId, rules[result.ruleIndex].id, label);
    assert.ok(result.message.text.length > 0, label);
    const location = result.locations[0].physicalLocation;
    assert.ok(location.artifactLocation.uri.length > 0, label);
    // GitHub places only results with a line (the SARIF SDK's rule GH1003).
    assert.ok(location.region.startLine >= 1, `${label}: ${JSON.stringify(location)}`);
  }
}

test('every fixture, every context: valid SARIF 2.1.0', () => {
  const { code, log } = sarif([fixtures]);
  assert.equal(code, 2, 'some fixtures hold no fault');
  assertAccepted(log, 'all fixtures');
  const run = log.runs[0];
  assert.ok(run.results.length > 400, `${run.results.length} results`);
  assert.ok(run.invocations[0].toolExecutionNotifications.length > 0);
  const tags = new Set(run.tool.driver.rules.map((r) => r.id));
  for (const tag of ['http-status-not-500', 'soap12-shape', 'token-refresh-missing-tokens']) {
    assert.ok(tags.has(tag), `${tag} among ${[...tags]}`);
  }
});

test('one context, a localization resource, and fail-on info: valid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fix1002-sarif-'));
  try {
    const strings = join(dir, 'strings.json');
    writeFileSync(strings, JSON.stringify({ 'en-US': { Error12Message: 'x'.repeat(130) } }));
    const { code, log } = sarif([
      '--context', 'streaming', '--fail-on', 'info', '--strings', strings,
      `${fixtures}/envelope-soapenv-prefix-custom-message.xml`,
      `${fixtures}/stacks`,
    ]);
    assert.equal(code, 2);
    assertAccepted(log, 'streaming with strings');
    assert.ok(log.runs[0].results.some((r) => r.ruleId === 'custom-message-missing'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('standard input, odd file names and a path outside the working directory: valid URIs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fix1002 sarif, odd#'));
  try {
    const odd = join(dir, 'a b,c:d%é.http');
    copyFileSync(join(repoRoot, fixtures, 'http-200-lf-session-id.http'), odd);
    const piped = readFileSync(join(repoRoot, fixtures, 'controller-log-three-faults.xml'));
    const { code, log } = sarif([odd, '-'], piped);
    assert.equal(code, 1);
    assertAccepted(log, 'odd names');
    const uris = new Set(
      log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri),
    );
    assert.ok(uris.has('stdin'), [...uris].join(' '));
    const outside = [...uris].find((u) => u.startsWith('file:///'));
    assert.ok(outside, [...uris].join(' '));
    assert.ok(!/[ ,#é]/.test(outside), outside);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('strings check: a resource that breaks the rules, with the captures that use it: valid', () => {
  const { code, log } = sarif(
    ['tests/fixtures/strings/incomplete.xml', '--used-by', `${fixtures}/stacks`],
    '',
    ['strings', 'check'],
  );
  assert.equal(code, 2, 'one stack capture has no body');
  assertAccepted(log, 'strings check');
  const ids = new Set(log.runs[0].results.map((r) => r.ruleId));
  assert.ok(ids.has('custom-message-too-long'), [...ids].join(' '));
  assert.ok(ids.has('custom-message-out-of-range'), [...ids].join(' '));
});

test('a clean fault: no results, and still a valid run', () => {
  const { code, log } = sarif([`${fixtures}/http-500-login-unauthorized.http`]);
  assert.equal(code, 0);
  assertAccepted(log, 'clean');
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
});

test('a log that breaks the schema is caught: the check can fail', () => {
  const { log } = sarif([`${fixtures}/http-200-lf-session-id.http`]);
  const broken = structuredClone(log);
  broken.runs[0].results[0].level = 'fatal';
  assert.equal(validate(broken), false);
  const unlocated = structuredClone(log);
  delete unlocated.runs[0].results[0].locations[0].physicalLocation.region;
  assert.throws(() => assertAccepted(unlocated, 'no region'));
});
