// `make bench`, the command line's part: how long `fix1002 check` takes over a thousand
// captures and over one large log, beside the time `cat` takes to read the same bytes, and
// how much memory it holds at most (peak resident set), which should follow the largest input
// rather than the total. Prints its lines and writes target/bench/cli.json. Figures only.
//
// Peak memory comes from the kernel's account of the finished child (getrusage), read through
// python3's resource module; without python3 it is left out, saying so.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(repoRoot, 'target');
const bin = join(targetDir, 'release', 'fix1002');
const RUNS = 5;

function must(run, what) {
  if (run.error || run.status === null) throw new Error(`${what}: ${run.error ?? run.signal}`);
  return run;
}

console.error('bench: building the command line (release)…');
must(spawnSync('cargo', ['build', '--quiet', '--release', '--locked', '-p', 'fix1002-cli'], { cwd: repoRoot, stdio: 'inherit' }), 'cargo build');

/** The median wall time of `command args`, its output thrown away, in milliseconds. */
function median(command, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    must(spawnSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'] }), command);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

/** The child's peak resident set in bytes, or null without python3. */
function peakBytes(args) {
  const probe = 'import resource, subprocess, sys\n' +
    'subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n' +
    'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)';
  const run = spawnSync('python3', ['-c', probe, bin, ...args], { encoding: 'utf8' });
  if (run.status !== 0) return null;
  return Number(run.stdout.trim()) * 1024;
}

const work = mkdtempSync(join(tmpdir(), 'fix1002-bench-cli-'));
try {
  // A thousand captures: the fixtures that hold faults, over and over.
  const fixtures = join(repoRoot, 'tests/fixtures/faults');
  const decodable = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.md') && spawnSync(bin, ['check', '--fail-on', 'never', path]).status === 0) decodable.push(path);
    }
  };
  walk(fixtures);
  const many = join(work, 'captures');
  mkdirSync(many);
  let manyBytes = 0;
  for (let i = 0; i < 1000; i++) {
    const from = decodable[i % decodable.length];
    const to = join(many, `${String(i).padStart(4, '0')}-${from.split('/').pop()}`);
    copyFileSync(from, to);
    manyBytes += statSync(to).size;
  }
  const largest = Math.max(...readdirSync(many).map((n) => statSync(join(many, n)).size));

  // A dense log: controller-log entries, three faults in every 1.3 kB, to 16.8 MB (the web
  // page's limit; the command line reads up to 512 MiB). The worst case: every fault's whole
  // explanation is written, eight times the input's size.
  const entry = readFileSync(join(fixtures, 'controller-log-three-faults.xml'), 'utf8');
  const limit = 16 * 1024 * 1024;
  const log = join(work, 'controller.log');
  writeFileSync(log, entry.repeat(Math.floor((limit - 1) / Buffer.byteLength(entry))));
  const logBytes = statSync(log).size;

  // A 100 MB service log as pino writes it (the lines of captures/pino-php-soapserver.log):
  // each call's request and response, one call in fifty a fault, the rest success responses.
  const pino = readFileSync(join(fixtures, 'captures/pino-php-soapserver.log'), 'utf8').split('\n');
  const request = JSON.parse(pino[1]);
  const faultLine = JSON.parse(pino[2]);
  const success = { ...faultLine, level: 30, status: 200, msg: 'SOAP response', response: readFileSync(join(fixtures, 'success-response.xml'), 'utf8') };
  const serviceLog = join(work, 'service.log');
  const lines = [];
  let serviceBytes = 0;
  for (let call = 1; serviceBytes < 100e6; call++) {
    const pair = JSON.stringify({ ...request, time: request.time + call }) + '\n' +
      JSON.stringify({ ...(call % 50 === 0 ? faultLine : success), time: request.time + call }) + '\n';
    lines.push(pair);
    serviceBytes += Buffer.byteLength(pair);
  }
  writeFileSync(serviceLog, lines.join(''));

  const check = ['check', '--format', 'json', '--fail-on', 'never'];
  const figure = (label, inputs, bytes) => {
    const read = median('sh', ['-c', 'find "$@" -type f -exec cat {} + > /dev/null', 'sh', ...inputs]);
    const checked = median(bin, [...check, ...inputs]);
    return { label, bytes, read_ms: +read.toFixed(1), check_ms: +checked.toFixed(1), ratio: +(checked / read).toFixed(1), peak_bytes: peakBytes([...check, ...inputs]) };
  };
  const figures = {
    date: new Date().toISOString(),
    thousand_captures: { ...figure('1000 captures', [many], manyBytes), largest_input_bytes: largest },
    one_capture: figure('one capture', [decodable[0]], statSync(decodable[0]).size),
    large_log: figure(`one ${(logBytes / 1e6).toFixed(1)} MB log, all faults`, [log], logBytes),
    service_log: figure('one 100 MB service log, one call in 50 a fault', [serviceLog], serviceBytes),
  };
  mkdirSync(join(repoRoot, 'target/bench'), { recursive: true });
  writeFileSync(join(repoRoot, 'target/bench/cli.json'), JSON.stringify(figures, null, 2) + '\n');

  const mb = (b) => (b === null ? 'not measured (no python3)' : `${(b / 1e6).toFixed(1)} MB`);
  const report = ['Command line: fix1002 check --format json, all four contexts (median of 5; reading = cat of the same files)'];
  for (const f of [figures.thousand_captures, figures.one_capture, figures.large_log, figures.service_log]) {
    report.push(`  ${f.label}, ${(f.bytes / 1e6).toFixed(1)} MB: ${f.check_ms} ms, reading ${f.read_ms} ms (${f.ratio}×); peak memory ${mb(f.peak_bytes)}`);
  }
  report.push('Figures written to target/bench/cli.json');
  console.log(report.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
