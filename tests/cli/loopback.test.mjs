// The command line against a live SMAPI service on loopback, as a developer's CI would run it:
// Node's `soap` package (the stack tests/fixtures/faults/stacks was captured from) serves the
// WSDL of tests/fixtures/capture/smapi-mini.wsdl and fails each operation its own way; real
// curl calls it; `fix1002 check` and `fix1002 strings check` read what curl printed, from
// standard input and from files. A second server sends what `fix1002 compose` wrote, byte for
// byte, to prove it arrives over HTTP as a fault the check passes.
//
// Runs the binary that `cargo build -p fix1002-cli` wrote (FIX1002_BIN, as in
// sarif_schema.test.mjs); scripts/test.sh builds it and scripts/setup.sh installs curl.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const soap = require('soap');

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const bin =
  process.env.FIX1002_BIN ??
  join(process.env.CARGO_TARGET_DIR ?? join(repoRoot, 'target'), 'debug', 'fix1002');
const wsdl = readFileSync(join(repoRoot, 'tests/fixtures/capture/smapi-mini.wsdl'), 'utf8');
const NS = 'http://www.sonos.com/Services/1.1';

// Each operation fails as a real service might. soap sends a thrown Fault with the status it
// names, and with 200 when it names none: the regression the check exists to catch.
const fault = (faultcode, faultstring, detail, statusCode) => ({
  Fault: { faultcode, faultstring, detail, statusCode },
});
const service = {
  Sonos: {
    SonosSoap: {
      getMetadata() {
        throw fault('Client.LoginInvalid', 'Wrong password for this account');
      },
      getMediaURI() {
        throw fault('Client.UnsupportedTerritory', 'Not licensed here', { SonosError: 12 }, 500);
      },
      search() {
        throw fault('Client.ItemNotFound', 'No such catalogue', { ExceptionInfo: 'catalogue=podcasts' }, 500);
      },
    },
  },
};

let soapServer;
let soapPort;
let composeServer;
let composePort;
/** What the compose server sends next, byte for byte. */
let composed = Buffer.alloc(0);
let work;

const listen = (server) =>
  new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));

before(async () => {
  assert.ok(existsSync(bin), `${bin} is missing: run cargo build -p fix1002-cli first`);
  soapServer = createServer((req, res) => res.writeHead(404).end());
  soapPort = await listen(soapServer);
  soap.listen(soapServer, '/smapi', service, wsdl);
  // A raw TCP server: the response goes out exactly as compose wrote it, headers included.
  composeServer = createTcpServer((socket) => {
    socket.once('data', () => socket.end(composed));
    socket.on('error', () => {});
  });
  composePort = await listen(composeServer);
  work = mkdtempSync(join(tmpdir(), 'fix1002-loopback-'));
});

after(() => {
  soapServer?.close();
  composeServer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs `command args` with `input` on standard input, without blocking the event loop (the
 * servers answering it live in this process): its exit code, standard output and errors. */
function run(command, args, input = '') {
  return new Promise((ok, fail) => {
    const child = spawn(command, args);
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', fail);
    child.on('close', (status) =>
      ok({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }),
    );
    child.stdin.end(input);
  });
}

/** `curl -si` of one SMAPI call, as a developer captures it: its standard output. */
async function curl(operation, port = soapPort, path = '/smapi') {
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
    `<${operation} xmlns="${NS}"><id>root</id></${operation}>` +
    '</s:Body></s:Envelope>';
  const result = await run(
    'curl',
    ['-si', '--max-time', '10', '-H', 'Content-Type: text/xml; charset=utf-8',
      '-H', `SOAPAction: "${NS}#${operation}"`, '--data-binary', '@-',
      `http://127.0.0.1:${port}${path}`],
    body,
  );
  assert.equal(result.status, 0, `curl: ${result.stderr}`);
  return result.stdout;
}

/** Runs `fix1002 ARGS` from the repository's root with `input` on standard input. */
function fix1002(args, input = '') {
  const run = spawnSync(bin, args, { cwd: repoRoot, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok([0, 1, 2].includes(run.status), `exit ${run.status}: ${run.stderr}`);
  return run;
}

function tags(document) {
  return document.inputs.flatMap((i) => (i.faults ?? []).flatMap((f) => f.findings.map((x) => x.tag)));
}

test('a fault soap sends with 200 fails the check, read from standard input', async () => {
  const capture = await curl('getMetadata');
  assert.match(capture.toString('latin1'), /^HTTP\/1\.1 200 OK\r\n/);
  const run = fix1002(['check', '--format', 'json', '-'], capture);
  assert.equal(run.status, 1, run.stdout);
  const document = JSON.parse(run.stdout);
  assert.equal(document.inputs[0].file, 'stdin');
  assert.equal(document.inputs[0].kind, 'a raw HTTP response');
  assert.equal(document.inputs[0].faults[0].code, 'LoginInvalid');
  assert.ok(tags(document).includes('http-status-not-500'), tags(document).join(' '));
});

test('a well-built fault passes; its custom message must be in the resource', async () => {
  const clean = fix1002(['check', '--fail-on', 'error', '-'], await curl('search'));
  assert.equal(clean.status, 0, clean.stdout);
  assert.match(clean.stdout, /^stdin: a raw HTTP response with 1 fault/);

  const strings = join(work, 'strings.json');
  writeFileSync(strings, JSON.stringify({ 'en-US': { integration: { Error27Message: 'Premium only.' } } }));
  const custom = fix1002(['check', '--format', 'json', '--strings', strings, '-'], await curl('getMediaURI'));
  assert.equal(custom.status, 1, custom.stdout);
  assert.ok(tags(JSON.parse(custom.stdout)).includes('custom-message-missing'));
});

test('captures saved to a folder: every format, and strings check over them', async () => {
  const folder = join(work, 'captures');
  mkdirSync(folder, { recursive: true });
  for (const operation of ['getMetadata', 'getMediaURI', 'search']) {
    writeFileSync(join(folder, `${operation}.http`), await curl(operation));
  }

  const junit = fix1002(['check', '--format', 'junit', folder]);
  assert.equal(junit.status, 1);
  assert.equal((junit.stdout.match(/<testsuite /g) ?? []).length, 3);
  assert.match(junit.stdout, /<failure type="http-status-not-500"/);

  const github = fix1002(['check', '--format', 'github', '--fail-on', 'warning', folder]);
  assert.equal(github.status, 1);
  const annotation = github.stdout.split('\n').find((l) => l.includes('title=http-status-not-500'));
  assert.ok(annotation?.startsWith(`::error file=${folder.replace(/:/g, '%3A')}/getMetadata.http,line=`), annotation);

  const sarif = JSON.parse(fix1002(['check', '--format', 'sarif', folder]).stdout);
  assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'http-status-not-500'));

  // The resource has Error27Message only; getMediaURI asks for Error12Message.
  const strings = join(work, 'strings.xml');
  writeFileSync(
    strings,
    '<stringtables xmlns="http://sonos.com/sonosapi">\n' +
      '  <stringtable rev="1" xml:lang="en-US">\n' +
      '    <string stringId="Error27Message">Premium only.</string>\n' +
      '  </stringtable>\n</stringtables>\n',
  );
  const lacking = fix1002(['strings', 'check', '--format', 'json', strings, '--used-by', folder]);
  assert.equal(lacking.status, 1, lacking.stdout);
  const keys = JSON.parse(lacking.stdout).inputs.at(-1).keys;
  const twelve = keys.find((k) => k.key === 'Error12Message');
  assert.equal(twelve.findings[0].tag, 'custom-message-missing');
  assert.ok(twelve.used_by[0].startsWith(`${folder}/getMediaURI.http:`), twelve.used_by[0]);
});

test("compose's response, sent over HTTP and captured by curl, passes the check", async () => {
  for (const args of [
    ['--code', 'ItemNotFound'],
    ['--code', 'LoginUnsupported', '--sonos-error', '27', '--message', 'Rating is only for premium members.'],
    ['--code', 'TokenRefreshRequired', '--auth-token', 'new-token', '--private-key', 'new-key'],
  ]) {
    const compose = spawnSync(bin, ['compose', ...args], { cwd: repoRoot });
    assert.equal(compose.status, 0, compose.stderr.toString());
    composed = compose.stdout;
    const capture = await curl('getMetadata', composePort, '/');
    assert.match(capture.toString('latin1'), /^HTTP\/1\.1 500 Internal Server Error\r\n/);
    const run = fix1002(['check', '--fail-on', 'warning', '-'], capture);
    assert.equal(run.status, 0, `${args.join(' ')}:\n${run.stdout}`);
  }
});

test('what curl prints when nothing answers is refused with exit code 2', async () => {
  const closed = createTcpServer();
  const port = await listen(closed);
  await new Promise((ok) => closed.close(ok));
  const result = await run('curl', ['-si', '--max-time', '5', `http://127.0.0.1:${port}/smapi`]);
  assert.notEqual(result.status, 0, 'curl fails to connect');
  const check = fix1002(['check', '-'], result.stdout);
  assert.equal(check.status, 2);
  assert.match(check.stdout, /stdin: cannot check: /);
});
