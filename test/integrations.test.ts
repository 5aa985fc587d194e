// The integrations of README "Pre-commit, CI and editors", run for real as far as this machine
// allows: the pre-commit framework installing the hook from (a commit of) this checkout, the
// GitHub Actions and GitLab CI recipes parsed and their commands run, husky + lint-staged.
// Network: npm's registry (pre-commit's node hooks and the recipes run `npm install`).
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import picomatch from 'picomatch';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { BIN } from './helpers/run-cli.js';

const ROOT = resolve(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SLOW = 600_000;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `replylint-${name}-`));

/** Git and everything it starts, isolated from this machine's git configuration. */
const gitConfig = join(tmp('gitconfig'), 'config');
writeFileSync(gitConfig, '[user]\n\tname = Test\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n');
const ENV: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '', FORCE_COLOR: '' };
delete ENV.GIT_DIR; delete ENV.GIT_WORK_TREE; delete ENV.GIT_INDEX_FILE;

interface Ran { code: number | null; out: string; stdout: string; stderr: string }

/** Runs a command to its end (asynchronously, so the slow tests below run side by side). */
function sh(cmd: string, args: string[], opts: SpawnOptions & { cwd: string }): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { env: ENV, timeout: SLOW, ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; out += d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; out += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, stdout, stderr }));
  });
}
/** A shell line as CI runners run it (GitHub: bash -e -o pipefail). */
const bash = (line: string, cwd: string) => sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { cwd });
const git = (cwd: string, ...args: string[]) => sh('git', args, { cwd });

/**
 * This checkout as a git repository with one commit: its tracked and untracked (not ignored) files
 * as they are in the working tree, so the tests exercise uncommitted work too.
 */
async function commitOfWorkingTree(): Promise<{ dir: string; rev: string }> {
  const dir = tmp('checkout');
  const list = await sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  expect(list.code).toBe(0);
  for (const file of new Set(list.stdout.split('\0').filter(Boolean))) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  expect((await git(dir, 'init', '-q')).code).toBe(0);
  expect((await git(dir, 'add', '-A')).code).toBe(0);
  expect((await git(dir, 'commit', '-q', '-m', 'replylint under test')).code).toBe(0);
  return { dir, rev: (await git(dir, 'rev-parse', 'HEAD')).stdout.trim() };
}

/** The fenced code blocks of one `### heading` section of the README, with their info strings. */
function readmeBlocks(heading: string): { lang: string; body: string }[] {
  const start = README.indexOf(`\n### ${heading}\n`);
  expect(start, `README section "### ${heading}"`).toBeGreaterThan(-1);
  const rest = README.slice(start + 1);
  const end = rest.slice(4).search(/\n#{2,3} /);
  const section = end === -1 ? rest : rest.slice(0, end + 4);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
}

/** A macros repository's content: one draft with errors, clean drafts, a draft with a warning only. */
const BAD_DRAFT = 'Hi Ana,\n\nWe have fixed your problem with the invoice.\n\nBest,\nLeo\n';
const CLEAN_DRAFT = 'Hi Ana,\n\nWe have fixed the problem with the invoice. Write to help@shop.example with any question.\n\nBest,\nLeo\n';
const WARNING_DRAFT = 'Hi Ana,\n\nAs I already explained, the fee covers twelve months. Write to help@shop.example with any question.\n\nBest,\nLeo\n';

function workspace(files: Record<string, string>): string {
  const dir = tmp('ws');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// pre-commit
// ---------------------------------------------------------------------------------------------

/** Debian's pre-commit, installed when missing and we may (CI runs as root; .ci/run does the same). */
function ensurePreCommit(): string | undefined {
  const has = () => spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
  if (has()) return undefined;
  if (process.getuid?.() === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: SLOW });
    spawnSync('apt-get', ['install', '-y', 'pre-commit'], { stdio: 'ignore', env, timeout: SLOW });
    if (has()) return undefined;
  }
  return 'pre-commit is not installed and could not be installed (run `apt-get install -y pre-commit` as root, as .ci/run does)';
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines the replylint hook with language node on the system Node.js, for drafts', () => {
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hooks).toEqual([expect.objectContaining({ id: 'replylint', entry: 'replylint', language: 'node', language_version: 'system' })]);
    const files = new RegExp(hooks[0].files);
    expect(['a.md', 'macros/b.markdown', 'c.txt'].every((f) => files.test(f))).toBe(true);
    expect(['a.json', 'b.yaml', 'txt'].some((f) => files.test(f))).toBe(false);
    // The bin the entry names.
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin).toHaveProperty(hooks[0].entry);
  });
});

// ---------------------------------------------------------------------------------------------
// The recipes
// ---------------------------------------------------------------------------------------------

/** The README's placeholders made real: its repository URL → the commit under test, /tmp/replylint → a temp dir. */
function localize(line: string, hookDir: string, installDir: string): string {
  expect(line).not.toMatch(/\bnpx replylint\b/); // recipes run the clone they install
  return line.replace(/\/tmp\/replylint(?![\w.-])/g, installDir).replaceAll('https://your.git.host/replylint', `file://${hookDir}`);
}

function validSarif(file: string) {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const data = JSON.parse(readFileSync(file, 'utf8'));
  expect(validate(data) ? [] : validate.errors).toEqual([]);
  return data;
}

describe.concurrent('README recipes, run for real (side by side: each installs replylint with npm)', () => {
  let hook: { dir: string; rev: string };
  beforeAll(async () => { hook = await commitOfWorkingTree(); }, SLOW);

  const skip = ensurePreCommit();
  if (skip) console.warn(`SKIPPED: pre-commit integration: ${skip}`);

  it.skipIf(skip !== undefined)('pre-commit: installs the hook from this checkout; a commit with an error is refused, a clean one accepted', async () => {
    const [readmeConfig] = readmeBlocks('pre-commit').filter((b) => b.lang === 'yaml');
    const config = parseYaml(readmeConfig.body);
    // The README's configuration, pointed at the commit under test.
    config.repos[0].repo = hook.dir;
    config.repos[0].rev = hook.rev;
    const repo = workspace({ '.pre-commit-config.yaml': toYaml(config) });
    const home = tmp('pre-commit-home');
    const env = { ...ENV, PRE_COMMIT_HOME: home };
    expect((await git(repo, 'init', '-q')).code).toBe(0);
    const install = await sh('pre-commit', ['install'], { cwd: repo, env });
    expect(install.out).toContain('pre-commit installed');
    expect(install.code).toBe(0);

    writeFileSync(join(repo, 'reply.md'), BAD_DRAFT);
    expect((await git(repo, 'add', '.pre-commit-config.yaml', 'reply.md')).code).toBe(0);
    const refused = await sh('git', ['commit', '-m', 'draft with an error'], { cwd: repo, env });
    expect(refused.out).toMatch(/replylint\.+Failed/);
    expect(refused.out).toMatch(/\nreply\.md\n(?: .*\n)*? +\d+:\d+ +error +.*your-problem\n/);
    expect(refused.code).not.toBe(0);
    expect((await git(repo, 'rev-parse', '--verify', '-q', 'HEAD')).code).not.toBe(0); // nothing was committed
    // pre-commit used the machine's Node.js (language_version: system), downloading none.
    const envs = readdirSync(home).flatMap((d) => (existsSync(join(home, d, 'node_env-system')) ? [d] : []));
    expect(envs).toHaveLength(1);

    writeFileSync(join(repo, 'reply.md'), CLEAN_DRAFT);
    writeFileSync(join(repo, 'notes.json'), '{ "note": "your problem" }\n'); // not a draft: not linted
    expect((await git(repo, 'add', 'reply.md', 'notes.json')).code).toBe(0);
    const accepted = await sh('git', ['commit', '-m', 'clean draft'], { cwd: repo, env });
    expect(accepted.out).toMatch(/replylint\.+Passed/);
    expect(accepted.code).toBe(0);
    expect((await git(repo, 'log', '--format=%s')).stdout.trim()).toBe('clean draft');
  }, SLOW);

  it('GitHub Actions: the workflow parses, and its steps run here (github annotations, SARIF for upload)', async () => {
    const [block] = readmeBlocks('GitHub Actions').filter((b) => b.lang === 'yaml');
    const wf = parseYaml(block.body);
    expect(wf.on).toBeDefined();
    expect(wf.permissions).toMatchObject({ 'security-events': 'write' }); // upload-sarif needs it
    const steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] = wf.jobs.lint.steps;
    expect(steps.every((s) => (s.uses === undefined) !== (s.run === undefined))).toBe(true);
    const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(Number(setupNode?.with?.['node-version'])).toBeGreaterThanOrEqual(20);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toHaveLength(3);

    const install = tmp('gh-install');
    const ws = workspace({ 'macros/bad.md': BAD_DRAFT, 'macros/good.txt': CLEAN_DRAFT, 'macros/sub/warn.md': WARNING_DRAFT });
    const [clone, annotate, sarif] = runs.map((r) => localize(r, hook.dir, join(install, 'replylint')));
    const installed = await bash(clone, ws);
    expect(installed.out).not.toMatch(/npm error/);
    expect(installed.code).toBe(0);

    const ann = await bash(annotate, ws);
    expect(ann.code).toBe(1); // errors fail the job
    const lines = ann.stdout.trim().split('\n');
    for (const l of lines) expect(l).toMatch(/^::(?:error|warning) file=macros\/[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    expect(lines.some((l) => l.startsWith('::error file=macros/bad.md,line=3,') && l.includes('title=your-problem::'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::warning file=macros/sub/warn.md,'))).toBe(true);

    const s = await bash(sarif, ws);
    expect(s.code).toBe(0); // `|| true`: the upload step must still run
    const sarifFile = join(ws, String(upload?.with?.sarif_file));
    expect(existsSync(sarifFile)).toBe(true);
    const log = validSarif(sarifFile);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'your-problem')).toBe(true);

    // A clean pull request passes.
    const clean = workspace({ 'macros/good.txt': CLEAN_DRAFT });
    const ok = await bash(annotate, clean);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('');
  }, SLOW);

  it('GitLab CI: the job parses, and its script runs here (Code Quality report as the artifact it names)', async () => {
    const [block] = readmeBlocks('GitLab CI').filter((b) => b.lang === 'yaml');
    const ci = parseYaml(block.body);
    const job = ci.replylint;
    expect(job.image).toMatch(/^node:(\d+)/);
    expect(Number(/^node:(\d+)/.exec(job.image)![1])).toBeGreaterThanOrEqual(20);
    const report = job.artifacts.reports.codequality;
    expect(typeof report).toBe('string');
    const install = tmp('gl-install');
    const ws = workspace({ 'macros/bad.md': BAD_DRAFT, 'macros/good.txt': CLEAN_DRAFT });
    const script: string[] = job.script.map((l: string) => localize(l, hook.dir, join(install, 'replylint')));
    expect(script).toHaveLength(3);
    const codes: (number | null)[] = [];
    for (const line of script) codes.push((await bash(line, ws)).code);
    expect(codes).toEqual([0, 0, 1]); // installed; report written whatever it finds; errors fail the job
    const issues = JSON.parse(readFileSync(join(ws, report), 'utf8'));
    expect(Array.isArray(issues)).toBe(true);
    for (const i of issues) {
      expect(i).toMatchObject({ description: expect.any(String), check_name: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), location: { path: expect.stringMatching(/^macros\//), lines: { begin: expect.any(Number) } } });
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
    }
    expect(issues.some((i: { check_name: string; location: { path: string } }) => i.check_name === 'your-problem' && i.location.path === 'macros/bad.md')).toBe(true);
  }, SLOW);

  it('large libraries: the GitHub matrix and the GitLab parallel job lint every file exactly once between their shards', async () => {
    const [gh, gl] = readmeBlocks('Large libraries: cache, threads, shards').filter((b) => b.lang === 'yaml').map((b) => parseYaml(b.body));
    const job = gh.jobs.replylint;
    const shards: number[] = job.strategy.matrix.shard;
    const [ghClone, ghLint] = job.steps.flatMap((st: { run?: string }) => (st.run ? [st.run] : []));
    const [glClone, glLint] = gl.replylint.script as string[];
    expect(gl.replylint.parallel).toBe(shards.length);
    const names = Array.from({ length: 12 }, (_, i) => `macros/${i % 3 ? 'sub/' : ''}reply-${i}.md`);
    const ws = workspace(Object.fromEntries(names.map((n) => [n, BAD_DRAFT])));
    const install = tmp('shard-install');
    const installed = await bash(localize(ghClone, hook.dir, join(install, 'replylint')), ws);
    expect(installed.code).toBe(0);
    expect(localize(glClone, hook.dir, join(install, 'replylint'))).toBe(localize(ghClone, hook.dir, join(install, 'replylint')));
    const linted = async (line: string) => {
      const r = await bash(localize(line, hook.dir, join(install, 'replylint')), ws);
      expect(r.stderr).toBe('');
      return names.filter((n) => r.stdout.includes(n.replace(/^macros\//, '')));
    };
    const byGitHub: string[][] = [], byGitLab: string[][] = [];
    for (const k of shards) {
      byGitHub.push(await linted(ghLint.replace('${{ matrix.shard }}', String(k))));
      byGitLab.push(await linted(`export CI_NODE_INDEX=${k} CI_NODE_TOTAL=${shards.length}; ${glLint}`));
    }
    for (const split of [byGitHub, byGitLab]) {
      expect(split.flat().sort()).toEqual([...names].sort());
      expect(split.filter((files) => files.length).length).toBeGreaterThan(1);
    }
    expect(byGitLab).toEqual(byGitHub);
  }, SLOW);

  it('any other CI: exit 1 on errors, --max-warnings 0 fails on warnings, compact lines, rdjson', async () => {
    const run = (args: string[], cwd: string) => sh(process.execPath, [BIN, ...args], { cwd });
    const bad = workspace({ 'macros/bad.md': BAD_DRAFT, 'macros/good.txt': CLEAN_DRAFT });
    const warn = workspace({ 'macros/warn.md': WARNING_DRAFT, 'macros/good.txt': CLEAN_DRAFT });
    expect((await run(['--no-plugins', 'macros/'], bad)).code).toBe(1);
    expect((await run(['--no-plugins', 'macros/'], warn)).code).toBe(0);
    expect((await run(['--no-plugins', '--max-warnings', '0', 'macros/'], warn)).code).toBe(1);
    const compact = await run(['--no-plugins', '--format', 'compact', 'macros/'], bad);
    expect(compact.stdout.trim().split('\n').every((l) => /^macros\/bad\.md:\d+:\d+: (?:error|warning) .+ \[[a-z-]+\]$/.test(l))).toBe(true);
    const rd = JSON.parse((await run(['--no-plugins', '--format', 'rdjson', 'macros/'], bad)).stdout);
    expect(rd.diagnostics.some((d: { code: { value: string }; suggestions?: unknown[] }) => d.code.value === 'your-problem' && d.suggestions?.length)).toBe(true);
    // The README says so.
    const other = README.slice(README.indexOf('### Any other CI'));
    for (const s of ['--no-plugins macros/', '--max-warnings 0', '--format compact', '--format rdjson | reviewdog -f=rdjson']) expect(other).toContain(s);
  }, SLOW);

  it('husky + lint-staged: the packed tarball installs, and a commit with an error is refused', async () => {
    const blocks = readmeBlocks('husky + lint-staged');
    const setup = blocks.find((b) => b.lang === 'sh')!.body.trim().split('\n');
    const lintStaged = JSON.parse(blocks.find((b) => b.lang === 'json')!.body)['lint-staged'];
    // lint-staged matches a pattern without a slash against base names, at any depth.
    const [[pattern, command]] = Object.entries(lintStaged) as [string, string][];
    const matches = picomatch(pattern, { matchBase: true, dot: true });
    expect(['a.md', 'macros/b.markdown', 'macros/x/c.txt'].every((f) => matches(f))).toBe(true);
    expect(matches('package.json')).toBe(false);
    expect(command).toBe('replylint');

    // `npm pack` in the checkout (clean: from the commit under test, installed as README "Install" says).
    const checkout = join(tmp('husky-checkout'), 'replylint');
    expect((await sh('git', ['clone', '-q', hook.dir, checkout], { cwd: ROOT })).code).toBe(0);
    expect((await sh('npm', ['install', '--no-audit', '--no-fund'], { cwd: checkout })).code).toBe(0);
    const pack = await sh('npm', ['pack'], { cwd: checkout });
    expect(pack.code).toBe(0);
    const tarball = join(checkout, pack.stdout.trim().split('\n').pop()!);
    expect(existsSync(tarball)).toBe(true);

    const repo = workspace({ 'package.json': JSON.stringify({ name: 'macros', version: '1.0.0', private: true }, null, 2) });
    expect((await git(repo, 'init', '-q')).code).toBe(0);
    for (const line of setup) {
      const r = await bash(line.replace('../replylint/replylint-0.1.0.tgz', tarball), repo);
      expect(r.code, `${line}\n${r.out}`).toBe(0);
    }
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ ...pkg, 'lint-staged': lintStaged }, null, 2));
    expect(readFileSync(join(repo, '.husky/pre-commit'), 'utf8').trim()).toBe('npx lint-staged');

    mkdirSync(join(repo, 'macros'));
    writeFileSync(join(repo, 'macros/reply one.md'), BAD_DRAFT); // a space in the name: paths are passed as arguments
    writeFileSync(join(repo, 'macros/ok.txt'), CLEAN_DRAFT);
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
    expect((await git(repo, 'add', '-A')).code).toBe(0);
    const refused = await git(repo, 'commit', '-m', 'bad');
    expect(refused.out).toContain('your-problem');
    expect(refused.code).not.toBe(0);
    writeFileSync(join(repo, 'macros/reply one.md'), CLEAN_DRAFT);
    expect((await git(repo, 'add', '-A')).code).toBe(0);
    const accepted = await git(repo, 'commit', '-m', 'good');
    expect(accepted.code, accepted.out).toBe(0);
  }, SLOW);
});
