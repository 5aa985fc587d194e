import type { Formatter } from './formatter.js';
import type { LintMessage } from '../lint.js';
import type { RuleMeta } from '../rules/rule.js';
import { itemLabel } from './item.js';
import { encodePath, fileUri, fingerprints, isAbsolutePath, relativePath, rewritesOf, sources, type SourceText } from './shared.js';

/**
 * SARIF 2.1.0, one run, for GitHub code scanning (`github/codeql-action/upload-sarif`) and other
 * SARIF viewers.
 *
 * - Artifact URIs are relative to the working directory (`uriBaseId: %SRCROOT%`, resolved by
 *   `originalUriBaseIds`); GitHub reads relative URIs as relative to the repository root, so run
 *   replylint from there. Files outside the working directory get absolute `file:` URIs.
 * - Columns are UTF-16 code units (`columnKind: utf16CodeUnits`, SARIF's default), end-exclusive.
 * - The safe fix and each suggestion become `fixes`, with regions computed from the draft's text.
 * - A message without a rule (a parse warning) or a rule that crashed is a tool execution
 *   notification, not a result: it is about the run, not a problem in the draft.
 * - `partialFingerprints["replylintMatch/v1"]` is the GitLab fingerprint (path, rule, matched text,
 *   occurrence): stable when lines move. GitHub adds its own `primaryLocationLineHash` on upload.
 */

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT = 'replylintMatch/v1';
const MAX_DESCRIPTION = 1024; // GitHub's limit for shortDescription and fullDescription

type Level = 'error' | 'warning';
const levelOf = (severity: 1 | 2): Level => (severity === 2 ? 'error' : 'warning');

export const sarif: Formatter = (results, ctx) => {
  const sourceOf = sources(ctx);
  const rules: ReturnType<typeof descriptor>[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (meta: RuleMeta | undefined, id: string) => {
    if (!ruleIndex.has(id)) { ruleIndex.set(id, rules.length); rules.push(descriptor(meta, id)); }
    return ruleIndex.get(id)!;
  };
  for (const meta of ctx.rules) addRule(meta, meta.id);

  const sarifResults: object[] = [];
  const notifications: object[] = [];
  let executionSuccessful = true;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const path = relativePath(r.filePath, ctx.cwd);
    const artifactLocation = isAbsolutePath(path) ? { uri: fileUri(path) } : { uri: encodePath(path), uriBaseId: '%SRCROOT%' };
    const source = sourceOf(r.filePath);
    const prints = fingerprints(r, path, source);
    r.messages.forEach((m, i) => {
      const location = { physicalLocation: { artifactLocation, region: region(m) }, ...(m.item ? { logicalLocations: logicalLocations(m) } : {}) };
      if (m.ruleId === null || m.fatal) {
        if (m.fatal) executionSuccessful = false;
        notifications.push({
          level: m.fatal ? 'error' : levelOf(m.severity),
          message: { text: m.message },
          locations: [location],
          ...(m.ruleId ? { associatedRule: { id: m.ruleId, index: addRule(undefined, m.ruleId) } } : {}),
        });
        return;
      }
      const fixes = source ? rewritesOf(m).map((w) => ({
        description: { text: w.desc },
        artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: rangeRegion(source, w.range), insertedContent: { text: w.text } }] }],
      })) : [];
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: addRule(ctx.rules.find((x) => x.id === m.ruleId), m.ruleId),
        level: levelOf(m.severity),
        message: { text: m.message },
        locations: [location],
        partialFingerprints: { [FINGERPRINT]: prints[i] },
        ...(fixes.length ? { fixes } : {}),
      });
    });
  }

  const run = {
    tool: { driver: { name: 'replylint', version: ctx.version, rules } },
    ...(ctx.cwd ? { originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(ctx.cwd.replace(/[\\/]+$/, '')) + '/' } } } : {}),
    invocations: [{ executionSuccessful, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  return JSON.stringify({ $schema: SCHEMA, version: '2.1.0', runs: [run] }, null, 2);
};

/** An export item as SARIF logical locations: the item, then its field (by JSON pointer). */
function logicalLocations(m: LintMessage) {
  const item = m.item!;
  return [{
    name: item.field,
    fullyQualifiedName: `${itemLabel(item)} › ${item.field}`,
    decoratedName: item.pointer,
    kind: 'property',
    properties: { source: item.source, ...(item.kind ? { itemKind: item.kind } : {}), id: item.id, title: item.title, fieldLine: item.line, fieldColumn: item.column },
  }];
}

function region(m: LintMessage) {
  return { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
}

function rangeRegion(source: SourceText, [start, end]: [number, number]) {
  const s = source.position(start), e = source.position(end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

const clip = (s: string) => (s.length <= MAX_DESCRIPTION ? s : s.slice(0, MAX_DESCRIPTION - 1).trimEnd() + '…');

/** The first sentence of a description (a sentence ends at . ! ? followed by a space and a capital). */
function firstSentence(s: string): string {
  const m = /^.*?[.!?](?=\s+[\p{Lu}"“(]|\s*$)/u.exec(s);
  return m ? m[0] : s;
}

/** "vague-promise" → "VaguePromise": SARIF's rule `name` is an identifier-like display name. */
const pascal = (id: string) => id.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('') || id;

function descriptor(meta: RuleMeta | undefined, id: string) {
  const description = (meta?.description ?? '').replace(/\s+/g, ' ').trim() || id;
  const languages = meta?.languages.includes('any') ? 'drafts in any language' : meta ? `drafts in: ${meta.languages.join(', ')}` : undefined;
  const fixNote = meta?.fixable
    ? 'Its safe rewrites are applied by `replylint --fix`; other rewrites are only shown.'
    : '`replylint --fix` does not change text for this rule: its rewrites are only shown.';
  const help = [
    description,
    `The rewrite shown with a problem is a suggestion, not a verdict: read it in context and adapt it before you send the draft. ${fixNote}`,
    ...(languages ? [`Applies to ${languages}.`] : []),
  ].join('\n\n');
  return {
    id,
    name: pascal(id),
    shortDescription: { text: clip(firstSentence(description)) },
    fullDescription: { text: clip(description) },
    help: { text: help },
    defaultConfiguration: { level: (meta?.severity ?? 'warning') as Level },
    ...(meta ? { properties: { languages: meta.languages, fixable: meta.fixable } } : {}),
  };
}
