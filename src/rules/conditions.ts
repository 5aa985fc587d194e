import type { Span } from '../language/sentences.js';
import type { RuleContext } from './rule.js';

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/**
 * True when a negator of the draft's language stands up to `negationWindow` words before
 * `offset` in the same clause: "this is not your fault", "no es culpa suya".
 */
export function isNegated(ctx: RuleContext, offset: number): boolean {
  const language = ctx.language;
  if (!language) return false;
  // The window is a few words: the last 300 characters of the sentence hold them (reading a whole
  // long sentence for each match made long drafts quadratic).
  const sentence = ctx.sentenceAt(offset);
  const from = Math.max(sentence ? sentence.start : 0, offset - 300);
  const clause = ctx.doc.prose.slice(from, offset).split(/[,;:()]/).pop() ?? '';
  const words = [...clause.toLowerCase().matchAll(WORD)].map((m) => m[0]).slice(-language.negationWindow);
  return words.some((w) => language.negators.some((n) => (n.startsWith("'") || n.startsWith('n\'') ? w.endsWith(n) : w === n)));
}

/** Built-in detectors a rule's `unless` can name, beside the language files' vocabularies. */
export const DETECTORS: Record<string, (ctx: RuleContext, span: Span) => boolean> = {
  /** A URL with a path (not a bare home page) inside the span: a specific link. */
  'link-with-path': (ctx, span) =>
    ctx.doc.entities.some((e) => e.kind === 'url' && e.start >= span.start && e.end <= span.end + 1 && hasPath(e.value ?? ctx.doc.text.slice(e.start, e.end))),
};

function hasPath(url: string): boolean {
  const rest = url.replace(/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i, '');
  if (/^mailto:/i.test(url)) return false;
  if (/^[#/]/.test(rest) || !/^[^/]*\./.test(rest)) return true; // a relative link points somewhere specific
  const slash = rest.indexOf('/');
  return slash >= 0 && /[^/?#\s]/.test(rest.slice(slash + 1));
}

/** True when a named vocabulary of the language, or a detector, finds evidence in the span. */
export function hasEvidence(ctx: RuleContext, names: readonly string[], span: Span | undefined): boolean {
  if (!span) return false;
  const text = ctx.lowerProse().slice(span.start, span.end);
  return names.some((name) => {
    const detector = DETECTORS[name];
    if (detector) return detector(ctx, span);
    const re = ctx.language?.vocabulary.get(name);
    return re ? re.test(text) : false;
  });
}
