#!/usr/bin/env node
// replylint benchmark: `npm run bench` (builds first) or `node test/bench/bench.mjs`.
//
// Generates a seeded corpus (10,000 drafts + 1/2/5 MB drafts, see corpus.mjs) once per generator
// version, then times whole runs of the built CLI (`bin/replylint.js … --format json`, run as an executable,
// stdout to /dev/null) against references measured in the same run: `node -e 0`, unified +
// remark-parse alone (parse-floor.mjs), and textlint + textlint-rule-prh and alex, installed
// into a cache directory (never as project dependencies). Prints a Markdown table and writes it
// to test/bench/RESULTS.md.
//
// Environment:
//   BENCH_RUNS=5          timed runs per measurement (median reported); one warm-up run before
//   BENCH_SEED=20250303   corpus seed
//   BENCH_CACHE_DIR=…     where the corpus goes (default: $TMPDIR/replylint-bench)
//   BENCH_PEERS=0         skip textlint and alex
//   BENCH_PEER_FULL=1     run peers on all 10,000 drafts instead of the 1,000-file subset
//   BENCH_PEER_BUDGET_S=600  wall-time budget per peer, over the whole run (install excluded)
//   BENCH_TIMEOUT_S=600   timeout of one replylint or floor run
//   BENCH_SLOW_S=20       a measurement whose warm-up takes longer gets at most 3 runs, warm-up included
//   BENCH_VERY_SLOW_S=90  … and one whose warm-up takes longer than this is timed once (the warm-up);
//                         when replylint takes that long on the 10,000 drafts, the --cache and
//                         --concurrency cases use the 1,000-file subset instead (said in the table)
//   BENCH_SMALL=1         use the 1,000-file subset for --cache and --concurrency anyway
//   BENCH_ONLY=one,10k,large,cache,concurrency   run only these cases
//
// Peak RSS: GNU time (`/usr/bin/time -f %M`, the child's maximum resident set, as getrusage
// reports it) when present; otherwise a preload (NODE_OPTIONS=--import) that writes
// process.resourceUsage().maxRSS at exit, which works because every measured command is Node.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCorpus, prhYaml, DEFAULT_SEED, GENERATOR_VERSION } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
// Run as the installed command is: the executable bin, whose #! line gives node its V8 flag.
const BIN = join(ROOT, 'bin', 'replylint.js');
const PARSE_FLOOR = join(HERE, 'parse-floor.mjs');
const RESULTS = join(HERE, 'RESULTS.md');
const NODE = process.execPath;

const env = process.env;
const RUNS = Math.max(1, Number.parseInt(env.BENCH_RUNS ?? '5', 10) || 5);
const SEED = Number.parseInt(env.BENCH_SEED ?? String(DEFAULT_SEED), 10) || DEFAULT_SEED;
const CACHE = resolve(env.BENCH_CACHE_DIR || join(os.tmpdir(), 'replylint-bench'));
const PEERS_DIR = join(ROOT, 'node_modules', '.cache', 'replylint-bench', 'peers');
const WITH_PEERS = env.BENCH_PEERS !== '0';
const PEER_FULL = env.BENCH_PEER_FULL === '1';
const PEER_BUDGET_MS = (Number(env.BENCH_PEER_BUDGET_S) || 600) * 1000;
const RUN_TIMEOUT_MS = (Number(env.BENCH_TIMEOUT_S) || 600) * 1000;
const SLOW_MS = (Number(env.BENCH_SLOW_S) || 20) * 1000;
const VERY_SLOW_MS = (Number(env.BENCH_VERY_SLOW_S) || 90) * 1000;
const ONLY = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wants = (c) => !ONLY || ONLY.has(c);

const started = Date.now();
const loadStart = os.loadavg();

// ------------------------------------------------------------------------------------------ util

function log(msg) {
  const s = Math.round((Date.now() - started) / 1000);
  const stamp = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  process.stderr.write(`[bench ${stamp}] ${msg}\n`);
}
const median = (xs) => {
  if (xs.length === 0) return NaN;
  const a = [...xs].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};
const fmtMs = (ms) => (!Number.isFinite(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtNum = (x) => (!Number.isFinite(x) ? '—' : x >= 100 ? Math.round(x).toLocaleString('en') : x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));
const fmtRatio = (x) => (!Number.isFinite(x) ? '—' : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);
const fmtMB = (kb) => (Number.isFinite(kb) && kb > 0 ? `${Math.round(kb / 1024)} MB` : '—');
const mark = (ok) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');
const firstLine = (s) => (s || '').split('\n').map((l) => l.trim()).find((l) => l) ?? '';

// ------------------------------------------------------------------- running one measured child

const GNU_TIME = '/usr/bin/time';
let rssMethod = 'none';
let rssProbe = null;
function setupRss() {
  if (existsSync(GNU_TIME)) {
    const f = join(CACHE, 'time-probe.txt');
    const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', f, NODE, '-e', '0'], { stdio: 'ignore' });
    if (r.status === 0 && /\d+\s*$/.test(readFileSync(f, 'utf8'))) {
      rssMethod = 'GNU time (`/usr/bin/time -f %M`: maximum resident set of the child, from getrusage)';
      return;
    }
  }
  rssProbe = join(CACHE, 'rss-probe.mjs');
  writeFileSync(
    rssProbe,
    "import { appendFileSync } from 'node:fs';\n" +
      "process.on('exit', () => { try { appendFileSync(process.env.BENCH_RSS_FILE, process.resourceUsage().maxRSS + '\\n'); } catch {} });\n",
  );
  rssMethod = 'preload (`NODE_OPTIONS=--import …`) writing `process.resourceUsage().maxRSS` at exit (GNU time not found)';
}

const live = new Set();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const pid of live) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
    }
    process.exit(130);
  });
}

/**
 * Runs one command to completion. stdout goes to /dev/null (or stdoutFile), stderr to a file
 * whose tail is returned. Returns { ms, rssKB, code, signal, timedOut, stderr }.
 */
function runOnce(cmd, args, { cwd, timeoutMs = RUN_TIMEOUT_MS, stdoutFile = null, extraEnv = {} } = {}) {
  return new Promise((resolveRun) => {
    const rssFile = join(CACHE, 'rss.txt');
    const errFile = join(CACHE, 'stderr.txt');
    rmSync(rssFile, { force: true });
    const out = openSync(stdoutFile ?? '/dev/null', 'w');
    const err = openSync(errFile, 'w');
    let file = cmd;
    let argv = args;
    const childEnv = { ...process.env, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extraEnv };
    if (rssProbe) {
      childEnv.BENCH_RSS_FILE = rssFile;
      childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --import=${pathToFileURL(rssProbe).href}`.trim();
    } else {
      file = GNU_TIME;
      argv = ['-f', '%M', '-o', rssFile, cmd, ...args];
    }
    const t0 = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', out, err], detached: true });
    live.add(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, Math.max(1, timeoutMs));
    const finish = (code, signal, spawnError) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      live.delete(child.pid);
      closeSync(out);
      closeSync(err);
      let rssKB = NaN;
      try {
        const nums = readFileSync(rssFile, 'utf8').split('\n').map((l) => Number.parseInt(l.trim(), 10)).filter(Number.isFinite);
        if (nums.length) rssKB = Math.max(...nums);
      } catch {}
      let stderr = '';
      try {
        const buf = readFileSync(errFile);
        stderr = buf.subarray(Math.max(0, buf.length - 4000)).toString('utf8');
      } catch {}
      if (spawnError) stderr = `${spawnError.message}\n${stderr}`;
      resolveRun({ ms, rssKB, code, signal, timedOut, stderr });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('exit', (code, signal) => finish(code, signal));
  });
}

// -------------------------------------------------------------------------------- measurements

/**
 * A tool in a measurement: { label, cmd, args, okCodes, peer?, runs? }. measure() runs one
 * warm-up each (kept as a sample and capped at 3 runs when slower than BENCH_SLOW_S; timed once
 * when slower than BENCH_VERY_SLOW_S, or than a minute for a peer), then interleaves the timed
 * runs of all tools round by round, so that a drift of the machine's speed hits every tool alike.
 */
const peerSpent = new Map(); // peer name -> ms used
async function measure(caseName, tools, { cwd, runs = RUNS } = {}) {
  for (const t of tools) {
    t.samples = [];
    t.rss = [];
    t.runs = t.runs ?? runs;
    t.status = 'ok';
  }
  const one = async (t, what) => {
    let timeoutMs = RUN_TIMEOUT_MS;
    if (t.peer) {
      const left = PEER_BUDGET_MS - (peerSpent.get(t.peer) ?? 0);
      if (left <= 0) {
        t.status = `budget of ${PEER_BUDGET_MS / 60000} min used up`;
        return null;
      }
      timeoutMs = left;
    }
    const r = await runOnce(t.cmd, t.args, { cwd, timeoutMs, stdoutFile: what === 'warm-up' ? t.captureFile ?? null : null });
    if (t.peer) peerSpent.set(t.peer, (peerSpent.get(t.peer) ?? 0) + r.ms);
    if (r.timedOut) {
      t.status = t.peer ? `timeout (peer budget ${PEER_BUDGET_MS / 60000} min)` : `timeout (${RUN_TIMEOUT_MS / 1000} s)`;
      log(`  ${caseName} · ${t.label}: ${t.status}`);
      return null;
    }
    // A peer that crashes may still exit 1, as it does when it finds problems: its stderr and
    // (on the warm-up) its JSON output are checked too.
    let bad = !(t.okCodes ?? [0, 1]).includes(r.code) ? `exit ${r.code ?? r.signal}` : t.badStderr?.test(r.stderr) ? `exit ${r.code}, error on stderr` : null;
    if (!bad && what === 'warm-up' && t.captureFile && t.expectFiles) {
      try {
        const n = JSON.parse(readFileSync(t.captureFile, 'utf8')).length;
        if (n !== t.expectFiles) bad = `reported ${n} files, expected ${t.expectFiles}`;
      } catch (e) {
        bad = `unreadable JSON output (${e.message.slice(0, 60)})`;
      }
    }
    if (bad) {
      const line = (r.stderr.match(/^.*(?:Error|error).*$/m) ?? [firstLine(r.stderr)])[0].trim();
      t.status = `failed (${bad}: ${line.slice(0, 140)})`;
      t.stderr = r.stderr;
      log(`  ${caseName} · ${t.label}: ${t.status}`);
      return null;
    }
    log(`  ${caseName} · ${t.label} ${what}: ${fmtMs(r.ms)}${Number.isFinite(r.rssKB) ? `, ${fmtMB(r.rssKB)}` : ''}`);
    return r;
  };
  for (const t of tools) {
    const r = await one(t, 'warm-up');
    if (!r) continue;
    t.warmup = r;
    if (r.ms > SLOW_MS) {
      t.samples.push(r.ms);
      t.rss.push(r.rssKB);
      t.runs = r.ms > (t.peer ? 60_000 : VERY_SLOW_MS) ? 1 : Math.min(t.runs, 3);
    }
  }
  const rounds = Math.max(...tools.map((t) => t.runs));
  for (let i = 0; i < rounds; i++) {
    for (const t of tools) {
      if (t.status !== 'ok' || t.samples.length >= t.runs) continue;
      const r = await one(t, `run ${t.samples.length + 1}/${t.runs}`);
      if (!r) continue;
      t.samples.push(r.ms);
      t.rss.push(r.rssKB);
    }
  }
  for (const t of tools) {
    t.median = t.status === 'ok' && t.samples.length ? median(t.samples) : NaN;
    const finite = t.rss.filter(Number.isFinite);
    t.peakKB = finite.length ? Math.max(...finite) : NaN;
  }
  return tools;
}

/** A stamp of what is measured (dist/ and rules/: paths, sizes, mtimes), to notice a rebuild mid-run. */
function buildStamp() {
  const parts = [];
  const walk = (dir) => {
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        try {
          const st = statSync(p);
          parts.push(`${p}:${st.size}:${st.mtimeMs}`);
        } catch {}
      }
    }
  };
  walk(join(ROOT, 'dist'));
  walk(join(ROOT, 'rules'));
  return parts.sort().join('\n');
}

// ------------------------------------------------------------------------------------- peers

function installPeers() {
  const tl = join(PEERS_DIR, 'node_modules', 'textlint', 'bin', 'textlint.js');
  const prh = join(PEERS_DIR, 'node_modules', 'textlint-rule-prh', 'package.json');
  const alex = join(PEERS_DIR, 'node_modules', 'alex', 'cli.js');
  const found = () => ({ textlint: existsSync(tl) && existsSync(prh) ? tl : null, alex: existsSync(alex) ? alex : null });
  let have = found();
  if (have.textlint && have.alex) return { ...have, note: null };
  mkdirSync(PEERS_DIR, { recursive: true });
  if (!existsSync(join(PEERS_DIR, 'package.json'))) writeFileSync(join(PEERS_DIR, 'package.json'), '{ "name": "replylint-bench-peers", "private": true }\n');
  log(`installing peers into ${PEERS_DIR} (npm install textlint textlint-rule-prh alex)…`);
  const r = spawnSync('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error', 'textlint@15', 'textlint-rule-prh@6', 'alex@11'], {
    cwd: PEERS_DIR,
    encoding: 'utf8',
    timeout: 5 * 60_000,
    killSignal: 'SIGKILL',
  });
  have = found();
  const note = r.status === 0 ? null : `npm install failed (${r.error ? r.error.message : `exit ${r.status}`}: ${firstLine(r.stderr).slice(0, 160)})`;
  if (note) log(`  ${note}`);
  return { ...have, note };
}

function peerVersion(pkg) {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/**
 * The built-in phrases, for the prh dictionary: the `match:` of every flagged example in
 * rules/*.yaml (the literal text each rule's patterns flag, in every language) and any literal
 * `phrases.<lang>[].match`.
 */
async function builtinPhrases() {
  try {
    const { parse } = await import('yaml');
    const out = [];
    const dir = join(ROOT, 'rules');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
      const doc = parse(readFileSync(join(dir, f), 'utf8'));
      const phrases = doc && typeof doc.phrases === 'object' && doc.phrases ? doc.phrases : {};
      for (const list of Object.values(phrases)) {
        if (!Array.isArray(list)) continue;
        for (const p of list) if (p && typeof p.match === 'string') out.push([p.match, typeof p.suggest === 'string' ? p.suggest : '']);
      }
      const examples = doc && typeof doc.examples === 'object' && doc.examples ? doc.examples : {};
      for (const perLang of Object.values(examples)) {
        const flagged = perLang && Array.isArray(perLang.flag) ? perLang.flag : [];
        for (const ex of flagged) {
          const ms = Array.isArray(ex?.match) ? ex.match : [ex?.match];
          for (const m of ms) if (typeof m === 'string' && m.length >= 4 && m.length <= 80) out.push([m, typeof ex.suggest === 'string' ? ex.suggest : '']);
        }
      }
    }
    return out;
  } catch (e) {
    log(`  could not read rules/*.yaml phrases for the prh dictionary (${e.message}); using the phrase banks only`);
    return [];
  }
}

// -------------------------------------------------------------------------------------- main

async function main() {
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    log('dist/ is missing: run `npm run bench` (it builds first) or `npm run build`.');
    process.exit(1);
  }
  setupRss();
  log(`peak RSS via ${rssMethod.split(' (')[0]}; ${RUNS} runs per measurement; cache ${CACHE}`);

  const corpusDir = join(CACHE, `corpus-v${GENERATOR_VERSION}-${SEED}`);
  const t0 = Date.now();
  const corpus = ensureCorpus(corpusDir, { seed: SEED, log });
  log(corpus.generated ? `corpus generated in ${((Date.now() - t0) / 1000).toFixed(1)} s` : `corpus found (generator v${GENERATOR_VERSION}, seed ${SEED})`);
  const cwd = corpusDir;
  const ALL = 'drafts';
  const SUBSET = join('drafts', 'p00');
  const single = corpus.single.path;
  const mb = (b) => b / 1e6;

  const rl = (paths, extra = []) => ({ label: 'replylint', cmd: BIN, args: [...paths, '--format', 'json', ...extra] });
  const floor = (paths) => ({ label: 'unified + remark-parse alone (parse floor)', cmd: NODE, args: [PARSE_FLOOR, ...paths], okCodes: [0] });
  const nodeFloor = () => ({ label: '`node -e 0` (startup floor)', cmd: NODE, args: ['-e', '0'], okCodes: [0] });

  // Peers.
  let peers = { textlint: null, alex: null, note: 'skipped (BENCH_PEERS=0)' };
  let prhCount = 0;
  let prhFromRules = 0;
  const peerNotes = [];
  if (WITH_PEERS && (wants('one') || wants('10k'))) {
    peers = installPeers();
    if (peers.textlint) {
      const extra = await builtinPhrases();
      const { yaml, count } = prhYaml(extra);
      const before = prhYaml([]).count;
      prhCount = count;
      prhFromRules = count - before;
      const prhFile = join(PEERS_DIR, 'prh.yml');
      writeFileSync(prhFile, yaml);
      writeFileSync(join(PEERS_DIR, '.textlintrc.json'), `${JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }, null, 2)}\n`);
    }
  }
  const textlint = (paths, files) => ({
    label: `textlint ${peerVersion('textlint')} + textlint-rule-prh (${prhCount} phrases)`,
    peer: 'textlint',
    captureFile: join(CACHE, 'out-textlint.json'),
    expectFiles: files,
    badStderr: /Unexpected error|\b\w*Error\b:/,
    cmd: NODE,
    args: [peers.textlint, '--config', join(PEERS_DIR, '.textlintrc.json'), '--rules-base-directory', join(PEERS_DIR, 'node_modules'), '--format', 'json', '--no-color', ...paths],
  });
  const alex = (paths) => ({ label: `alex ${peerVersion('alex')}`, peer: 'alex', cmd: NODE, args: [peers.alex, ...paths], badStderr: /✖ \d+ errors?|\b\w*Error\b:/ });
  const peerTools = (paths, files) => [...(peers.textlint ? [textlint(paths, files)] : []), ...(peers.alex ? [alex(paths)] : [])];

  const rows = []; // { case, tool, ms, ratio, files, bytes, rssKB, status, isRef, runs } or { case, tool, na }
  const summary = [];
  const notes = [];
  const addRows = (caseName, tools, ref, files, bytes) => {
    for (const t of tools) {
      const ms = t.extrapolatedMs ?? t.median;
      rows.push({
        case: caseName,
        tool: t.rowLabel ?? t.label,
        ms,
        ratio: t === ref ? 1 : ms / (ref.extrapolatedMs ?? ref.median),
        files: t.files ?? files,
        bytes: t.bytes ?? bytes,
        rssKB: t.peakKB,
        status: t.status,
        isRef: t === ref,
        runs: t.samples?.length ?? 0,
      });
    }
  };

  // Probe whether an option exists: a fatal "unknown option" on the one draft means it doesn't.
  const probe = async (extra) => {
    const r = await runOnce(BIN, [single, '--format', 'json', ...extra], { cwd, timeoutMs: 60_000 });
    if (r.code === 0 || r.code === 1) return { ok: true };
    return { ok: false, why: firstLine(r.stderr) || `exit ${r.code}` };
  };

  // A rebuild of dist/ or an edit of rules/ during the run means rows measure different builds.
  let stamp = buildStamp();
  const changedDuring = [];
  const checkBuild = (caseName) => {
    const now = buildStamp();
    if (now !== stamp) {
      changedDuring.push(caseName);
      log(`  ⚠ dist/ or rules/ changed while "${caseName}" ran`);
    }
    stamp = now;
  };

  let oneDraft = null;
  // 1. One ~20-line Markdown draft.
  if (wants('one')) {
    log(`case: one ${corpus.single.lines}-line Markdown draft (${single})`);
    const tools = [nodeFloor(), rl([single]), floor([single]), ...peerTools([single], 1)];
    await measure('one draft', tools, { cwd });
    const [nf, r] = tools;
    oneDraft = Object.fromEntries(tools.map((t) => [t.peer ?? t.label, t]));
    addRows(`one draft (${corpus.single.lines} lines, .md)`, tools, nf, 1, corpus.single.bytes);
    const ratio = r.median / nf.median;
    checkBuild('one draft');
    summary.push(`- One ${corpus.single.lines}-line Markdown draft: replylint ${fmtMs(r.median)} = **${fmtRatio(ratio)} \`node -e 0\`** (${fmtMs(nf.median)}); target ≤ 2.5×${mark(ratio <= 2.5)}`);
  }

  // 2. The 10,000 drafts.
  let main10k = null;
  if (wants('10k')) {
    log(`case: ${corpus.files.toLocaleString('en')} drafts (${mb(corpus.bytes).toFixed(1)} MB)`);
    const r = rl([ALL]);
    r.captureFile = join(CACHE, 'out-10k.json');
    r.expectFiles = corpus.files;
    const fl = floor([ALL]);
    const subsetPaths = PEER_FULL ? [ALL] : [SUBSET];
    const ps = peerTools(subsetPaths, PEER_FULL ? corpus.files : corpus.subsetFiles);
    await measure('10k drafts', [r, fl, ...ps], { cwd });
    for (const p of ps) {
      if (PEER_FULL || !Number.isFinite(p.median)) continue;
      // Extrapolate the subset to the full corpus, startup counted once: t(1 draft) + (t(1,000) − t(1 draft)) × files ratio.
      const start = oneDraft?.[p.peer]?.median;
      const factor = corpus.files / corpus.subsetFiles;
      const base = Number.isFinite(start) && start < p.median ? start : 0;
      p.extrapolatedMs = base + (p.median - base) * factor;
      p.rowLabel = `${p.label} — extrapolated from ${corpus.subsetFiles.toLocaleString('en')} files (${fmtMs(p.median)}, ${p.samples.length} run${p.samples.length > 1 ? 's' : ''}); RSS of that run`;
    }
    addRows(`${corpus.files.toLocaleString('en')} drafts`, [r, fl, ...ps], r, corpus.files, corpus.bytes);
    checkBuild('10,000 drafts');
    main10k = r;
    // What the run found (sanity: the corpus has drafts with and without problems).
    try {
      const results = JSON.parse(readFileSync(r.captureFile, 'utf8'));
      const withMsgs = results.filter((x) => x.messages?.length).length;
      const msgs = results.reduce((s, x) => s + (x.messages?.length ?? 0), 0);
      const langs = {};
      for (const x of results) langs[x.lang ?? 'null'] = (langs[x.lang ?? 'null'] ?? 0) + 1;
      notes.push(
        `replylint linted ${results.length.toLocaleString('en')} files of the corpus: ${withMsgs.toLocaleString('en')} with problems, ${(results.length - withMsgs).toLocaleString('en')} clean, ${msgs.toLocaleString('en')} messages; languages detected ${Object.entries(langs).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}.`,
      );
    } catch (e) {
      notes.push(`Could not read replylint's JSON output of the 10k run (${e.message}).`);
    }
    const fps = corpus.files / (r.median / 1000);
    summary.push(`- ${corpus.files.toLocaleString('en')} drafts: replylint ${fmtMs(r.median)}, **${fmtNum(fps)} files/s** (toward 4,000${mark(fps >= 4000)}), peak RSS **${fmtMB(r.peakKB)}** (target < 300 MB${mark(r.peakKB < 300 * 1024)})`);
    const fr = fl.median / r.median;
    summary.push(`  - vs the remark-parse floor (${fmtMs(fl.median)}): floor / replylint = **${fmtRatio(fr)}** (target ≥ 1.00×, no slower than the floor${mark(fr >= 1)})`);
    for (const p of ps) {
      const t = p.extrapolatedMs ?? p.median;
      const x = t / r.median;
      summary.push(
        `  - vs ${p.label.split(' + ')[0].split(' (')[0]}${p.extrapolatedMs ? ' (extrapolated from 1,000 files)' : ''}: ${fmtMs(t)} → replylint **${fmtRatio(x)} faster** (target ≥ 10×${mark(x >= 10)})`,
      );
    }
  }
  if (WITH_PEERS && (wants('one') || wants('10k'))) {
    if (peers.note) peerNotes.push(`Peers: ${peers.note}; textlint and alex rows are missing.`);
    else {
      if (!peers.textlint) peerNotes.push('textlint could not be installed: its rows are missing.');
      if (!peers.alex) peerNotes.push('alex could not be installed: its rows are missing.');
    }
  } else if (!WITH_PEERS) peerNotes.push('Peers skipped (BENCH_PEERS=0).');

  // 3. Large drafts: 1, 2, 5 MB.
  const large = {};
  if (wants('large')) {
    for (const size of ['1mb', '2mb', '5mb']) {
      const d = corpus.large[size];
      log(`case: ${size.replace('mb', ' MB')} Markdown draft (${d.path}, ${d.bytes.toLocaleString('en')} bytes)`);
      const r = rl([d.path]);
      const fl = floor([d.path]);
      await measure(`${size} draft`, [r, fl], { cwd });
      addRows(`${size.replace('mb', ' MB')} draft`, [r, fl], fl, 1, d.bytes);
      large[size] = { r, fl, bytes: d.bytes };
      checkBuild(`${size.replace('mb', ' MB')} draft`);
    }
    const r5 = large['5mb'].r;
    summary.push(`- 5 MB draft: replylint **${fmtMs(r5.median)}** (target < 3 s${mark(r5.median < 3000)}), peak RSS **${fmtMB(r5.peakKB)}** (target < 400 MB${mark(r5.peakKB < 400 * 1024)})`);
    const per = ['1mb', '2mb', '5mb'].map((s) => large[s].r.median / mb(large[s].bytes));
    const growth = large['5mb'].r.median / large['1mb'].r.median;
    const sizeGrowth = large['5mb'].bytes / large['1mb'].bytes;
    summary.push(
      `  - growth: ${['1mb', '2mb', '5mb'].map((s, i) => `${s.replace('mb', ' MB')} ${fmtMs(large[s].r.median)} (${fmtMs(per[i])}/MB)`).join(', ')}; 5 MB / 1 MB = **${fmtRatio(growth)}** for ${fmtRatio(sizeGrowth)} the bytes (linear ≈ ${sizeGrowth.toFixed(1)}×${mark(growth <= sizeGrowth * 1.25)}); remark-parse floor: ${fmtRatio(large['5mb'].fl.median / large['1mb'].fl.median)}`,
    );
  }

  // The --cache and --concurrency cases lint the 10,000 drafts, or the 1,000-file subset when
  // replylint took over BENCH_VERY_SLOW_S on them (each of these cases needs several full runs).
  const heavy = env.BENCH_SMALL === '1' || (main10k && !(main10k.median <= VERY_SLOW_MS));
  const set = heavy
    ? { target: [SUBSET], files: corpus.subsetFiles, bytes: corpus.subsetBytes, label: `${corpus.subsetFiles.toLocaleString('en')}-draft subset${env.BENCH_SMALL === '1' ? '' : ` (10k took > ${VERY_SLOW_MS / 1000} s)`}` }
    : { target: [ALL], files: corpus.files, bytes: corpus.bytes, label: `${corpus.files.toLocaleString('en')} drafts` };
  const target = set.target;

  // 4. --cache: second run over unchanged files vs the first.
  if (wants('cache')) {
    log(`case: --cache, first run (no cache) vs second run (unchanged files), ${set.label}`);
    const cacheDir = join(CACHE, 'run-cache');
    const cacheFile = join(cacheDir, 'replylintcache');
    let flags = ['--cache', '--cache-location', cacheFile];
    let p = await probe(flags);
    if (!p.ok && /cache-location/.test(p.why) && !/'--cache'/.test(p.why)) {
      flags = ['--cache'];
      p = await probe(flags);
    }
    if (!p.ok) {
      log(`  --cache: n/a (${p.why})`);
      rows.push({ case: `${set.label}, \`--cache\``, tool: 'replylint --cache', na: 'n/a (option missing)' });
      summary.push(`- \`--cache\` second run / first run: n/a (option missing: ${p.why})`);
    } else {
      const clear = () => {
        rmSync(cacheDir, { recursive: true, force: true });
        rmSync(join(cwd, '.replylintcache'), { recursive: true, force: true });
        mkdirSync(cacheDir, { recursive: true });
      };
      const first = { label: `replylint ${flags.join(' ').replace(cacheFile, '<file>')} — first run (empty cache)`, samples: [], rss: [] };
      const second = { label: 'replylint --cache — second run (files unchanged)', samples: [], rss: [] };
      let status = 'ok';
      const outs = [join(CACHE, 'out-cache-1.json'), join(CACHE, 'out-cache-2.json')];
      const pair = async (capture) => {
        clear();
        const a = await runOnce(BIN, [...target, '--format', 'json', ...flags], { cwd, stdoutFile: capture ? outs[0] : null });
        const b = await runOnce(BIN, [...target, '--format', 'json', ...flags], { cwd, stdoutFile: capture ? outs[1] : null });
        for (const x of [a, b]) if (x.timedOut || ![0, 1].includes(x.code)) status = `failed (${x.timedOut ? 'timeout' : `exit ${x.code}`}: ${firstLine(x.stderr).slice(0, 120)})`;
        return status === 'ok' ? [a, b] : null;
      };
      const keep = ([a, b]) => {
        first.samples.push(a.ms);
        first.rss.push(a.rssKB);
        second.samples.push(b.ms);
        second.rss.push(b.rssKB);
      };
      // Warm-up pair, outputs captured and compared; kept as a sample when slow.
      const w = await pair(true);
      let runs = RUNS;
      if (w) {
        log(`  --cache warm-up: first ${fmtMs(w[0].ms)}, second ${fmtMs(w[1].ms)}`);
        const same = readFileSync(outs[0]).equals(readFileSync(outs[1]));
        notes.push(`\`--cache\`: the second run's JSON output is ${same ? 'identical to' : '**different from**'} the first run's.`);
        if (w[0].ms > SLOW_MS) {
          keep(w);
          runs = w[0].ms > VERY_SLOW_MS ? 0 : 2;
        }
      }
      for (let i = 1; i <= runs && status === 'ok'; i++) {
        const r = await pair(false);
        if (!r) break;
        log(`  --cache run ${i}/${runs}: first ${fmtMs(r[0].ms)}, second ${fmtMs(r[1].ms)}`);
        keep(r);
      }
      for (const t of [first, second]) {
        t.status = status;
        t.median = median(t.samples);
        const finite = t.rss.filter(Number.isFinite);
        t.peakKB = finite.length ? Math.max(...finite) : NaN;
      }
      addRows(`${set.label}, \`--cache\``, [first, second], first, set.files, set.bytes);
      checkBuild('--cache');
      const x = second.median / first.median;
      summary.push(`- \`--cache\`: second run ${fmtMs(second.median)} / first run ${fmtMs(first.median)} = **${(x * 100).toFixed(0)}%** (target ≤ 25%${mark(x <= 0.25)})`);
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }

  // 5. --concurrency off vs auto, on the 10k drafts and on the 5 MB draft.
  if (wants('concurrency')) {
    const p = await probe(['--concurrency', 'off']);
    const q = p.ok ? await probe(['--concurrency', 'auto']) : p;
    if (!p.ok || !q.ok) {
      const why = (p.ok ? q : p).why;
      log(`  --concurrency: n/a (${why})`);
      rows.push({ case: '`--concurrency off` vs `auto`', tool: 'replylint --concurrency', na: 'n/a (option missing)' });
      summary.push(`- \`--concurrency auto\` vs \`off\`: n/a (option missing: ${why})`);
    } else {
      for (const [label, paths, files, bytes] of [
        [set.label, target, set.files, set.bytes],
        ['5 MB draft', [corpus.large['5mb'].path], 1, corpus.large['5mb'].bytes],
      ]) {
        log(`case: --concurrency off vs auto, ${label}`);
        const off = rl(paths, ['--concurrency', 'off']);
        const auto = rl(paths, ['--concurrency', 'auto']);
        off.label = 'replylint --concurrency off';
        auto.label = 'replylint --concurrency auto';
        const tag = label.replace(/\W+/g, '-');
        off.captureFile = join(CACHE, `out-conc-off-${tag}.json`);
        auto.captureFile = join(CACHE, `out-conc-auto-${tag}.json`);
        off.expectFiles = auto.expectFiles = files;
        await measure(`concurrency ${label}`, [off, auto], { cwd });
        addRows(`${label}, \`--concurrency\``, [off, auto], off, files, bytes);
        checkBuild(`--concurrency, ${label}`);
        let same = '?';
        try {
          same = readFileSync(off.captureFile).equals(readFileSync(auto.captureFile)) ? 'identical (same order)' : '**different**';
        } catch {}
        const x = off.median / auto.median;
        summary.push(`- \`--concurrency\`, ${label}: off ${fmtMs(off.median)}, auto ${fmtMs(auto.median)} → auto is **${fmtRatio(x)}** the speed of off; JSON output ${same}`);
      }
    }
  }

  // ------------------------------------------------------------------------------- report
  const peersRan = WITH_PEERS && (wants('one') || wants('10k')) && Boolean(peers.textlint || peers.alex);
  const totalS = (Date.now() - started) / 1000;
  const loadEnd = os.loadavg();
  const head = '| case | tool | median | × reference | files/s | MB/s | peak RSS |\n|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    if (r.na) return `| ${r.case} | ${r.tool} | ${r.na} | | | | |`;
    if (r.status !== 'ok') return `| ${r.case} | ${r.tool} | ${r.status} | | | | |`;
    const s = r.ms / 1000;
    const runsNote = r.runs && r.runs < RUNS ? ` (${r.runs} run${r.runs > 1 ? 's' : ''})` : '';
    return `| ${r.case} | ${r.tool} | ${fmtMs(r.ms)}${runsNote} | ${r.isRef ? '1.00 (reference)' : fmtRatio(r.ratio)} | ${fmtNum(r.files / s)} | ${fmtNum(mb(r.bytes) / s)} | ${fmtMB(r.rssKB)} |`;
  });
  const table = [head, ...lines].join('\n');
  const cpu = os.cpus();
  let commit = '';
  try {
    const g = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
    const d = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
    if (g.status === 0) commit = `${g.stdout.trim()}${d.stdout.trim() ? ' + uncommitted changes' : ''}`;
  } catch {}
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const machine = `${cpu.length} cores (${cpu[0]?.model?.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const corpusLine =
    `${corpus.files.toLocaleString('en')} drafts, ${mb(corpus.bytes).toFixed(1)} MB: en ${corpus.en.toLocaleString('en')} / es ${corpus.es.toLocaleString('en')} / ca ${corpus.ca.toLocaleString('en')}; ` +
    `${corpus.md.toLocaleString('en')} .md / ${corpus.txt.toLocaleString('en')} .txt; ${(corpus.lines / corpus.files).toFixed(1)} lines on average (6–40); ` +
    `${corpus.withProblems.toLocaleString('en')} generated with problems; plus drafts of ${['1mb', '2mb', '5mb'].map((s) => corpus.large[s].bytes.toLocaleString('en')).join(', ')} bytes (seed ${SEED}, generator v${GENERATOR_VERSION})`;
  const md = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (test/bench/bench.mjs) on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; overwritten by each run.`,
    '',
    `- Machine: ${machine}; load average ${loadStart.map((x) => x.toFixed(1)).join(' ')} at the start, ${loadEnd.map((x) => x.toFixed(1)).join(' ')} at the end`,
    `- replylint ${version}${commit ? ` (${commit})` : ''}; every time is a whole process (\`bin/replylint.js … --format json > /dev/null\`, the executable, whose #! line gives node its flags), median of ${RUNS} runs after a warm-up (a measurement whose warm-up took over ${SLOW_MS / 1000} s: 3 runs, warm-up included; over ${VERY_SLOW_MS / 1000} s: that one run; the cell says so)`,
    `- Corpus: ${corpusLine}`,
    `- Peak RSS: ${rssMethod}`,
    `- Whole benchmark: ${Math.floor(totalS / 60)} min ${Math.round(totalS % 60)} s`,
    '',
    table,
    '',
    '## Against the targets of issue 7',
    '',
    ...summary,
    '',
    '## Notes',
    '',
    '- "× reference": the row\'s time divided by the reference row\'s time in the same case (one draft: `node -e 0`; 10,000 drafts: replylint; large drafts: the remark-parse floor on the same draft; `--cache`: the first run; `--concurrency`: `off`).',
    '- files/s and MB/s: the case\'s files and bytes over the row\'s median time (the parse floor reads only the `.md` files of the same set).',
    ...(!peersRan
      ? []
      : PEER_FULL
      ? ['- Peers ran on all 10,000 drafts.']
      : [`- Peers (textlint, alex) ran on a ${corpus.subsetFiles.toLocaleString('en')}-file subset of the same drafts (${mb(corpus.subsetBytes).toFixed(2)} MB, ${corpus.subsetMd} .md); their 10,000-draft time is extrapolated as t(one draft) + (t(subset) − t(one draft)) × ${corpus.files / corpus.subsetFiles}, i.e. their startup is counted once; \`BENCH_PEER_FULL=1\` runs them on everything.`]),
    ...(prhCount ? [`- textlint's prh dictionary: ${prhCount} phrases (${prhCount - prhFromRules} from the benchmark's phrase banks, ${prhFromRules} more from the flagged examples of rules/*.yaml).`] : []),
    ...(peersRan && peers.alex ? ['- alex is English-only: on Spanish and Catalan drafts it still parses and scans everything, which is the cost measured. Peers are not run on the 1/2/5 MB drafts.'] : []),
    ...peerNotes.map((n) => `- ${n}`),
    ...notes.map((n) => `- ${n}`),
    ...(changedDuring.length ? [`- ⚠ dist/ or rules/ changed while these cases ran (a rebuild or an edit): ${changedDuring.join('; ')}. Their rows may mix builds; run again on a quiet tree.`] : []),
    ...(Math.max(...loadStart, ...loadEnd) > cpu.length ? [`- ⚠ The machine was busy (load average above ${cpu.length}): absolute times are inflated; ratios measured in the same case are the more reliable figures.`] : []),
    '',
  ].join('\n');
  writeFileSync(RESULTS, md);
  process.stdout.write(`${md}\n`);
  log(`done in ${Math.floor(totalS / 60)} min ${Math.round(totalS % 60)} s; table written to ${RESULTS}`);
}

main().catch((e) => {
  log(`benchmark failed: ${e.stack ?? e}`);
  process.exit(1);
});
