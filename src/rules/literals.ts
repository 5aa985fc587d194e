/**
 * Literal text a pattern cannot match without: `you(?:'ve|\s+have)?\s+made\s+(?:mistakes?|errors?)`
 * needs "mistake" or "error" somewhere in the text. The phrase matcher looks these up in a draft
 * before it runs (and compiles) a pattern at all: most patterns of a rule never get a chance in a
 * short draft, and compiling them all was most of a one-draft run.
 */

/** Shortest literal worth looking up: shorter ones are in every draft anyway. */
export const MIN_LITERAL = 3;
const MAX_SET = 32;

/** How much of a match's beginning is worked out: enough to tell most phrases apart. */
export const START_LENGTH = 8;
const MAX_STARTS = 64;

/**
 * How matches of a piece begin, spelled with any run of white space as one space (texts are
 * read so too, see start-index.ts): `closed`, whole matches shorter than `START_LENGTH` ('' when
 * it can match nothing); `open`, beginnings of the others (the first `START_LENGTH` characters,
 * or fewer where what follows is not known).
 */
interface Starts { open: string[]; closed: string[] }

/** What is known about a piece of pattern. */
interface Info {
  /** Every string it can match, when that is a small finite set. */
  exact: string[] | null;
  /** Sets of strings, each at least `MIN_LITERAL` long: every match contains one string of each set. */
  all: string[][];
  /** Null: not known. */
  starts: Starts | null;
}

const UNKNOWN: Info = { exact: null, all: [], starts: null };
const EMPTY: Info = { exact: [''], all: [], starts: { open: [], closed: [''] } };
/** `\s`: one space in a start. Not a literal: the text may have a line break there. */
const WHITE_SPACE: Info = { exact: null, all: [], starts: { open: [], closed: [' '] } };
const spaced = (s: string) => s.replace(/\s+/gu, ' ');
/** Starts of whole matches `strings`. */
function startsOf(strings: Iterable<string>): Starts | null {
  const open = new Set<string>(), closed = new Set<string>();
  for (const raw of strings) {
    const s = spaced(raw);
    if (s.length >= START_LENGTH) open.add(s.slice(0, START_LENGTH)); else closed.add(s);
  }
  return bounded([...open], [...closed]);
}
/** Too many starts are cut shorter (and so fewer) until they are few enough. */
function bounded(open: string[], closed: string[]): Starts | null {
  const starts = { open: [...new Set(open)], closed: [...new Set(closed)] };
  for (let length = START_LENGTH - 1; starts.open.length + starts.closed.length > MAX_STARTS; length--) {
    if (length === 0) return null;
    starts.open = [...new Set([...starts.open, ...starts.closed].filter((s) => s !== '').map((s) => s.slice(0, length)))];
    starts.closed = starts.closed.filter((s) => s === '');
  }
  return starts;
}
/** More sets filter little more, and each costs a look-up per draft. */
const MAX_SETS = 4;
/** A piece that matches exactly one of `strings`. */
const exactly = (strings: string[]): Info => ({ exact: strings, all: [], starts: startsOf(strings) });

/** Starts of `first` followed by `then`. */
function joinStarts(first: Starts, then: Starts | null): Starts | null {
  if (!then) return first.closed.includes('') ? null : bounded([...first.open, ...first.closed], []);
  const closed: string[] = [];
  const open = [...first.open];
  for (const a of first.closed) {
    const joined = startsOf(then.closed.map((b) => a + b));
    if (!joined) return null;
    closed.push(...joined.closed);
    open.push(...joined.open, ...then.open.map((b) => spaced(a + b).slice(0, START_LENGTH)));
  }
  return bounded(open, closed);
}

/** Starts of one or more of a piece in a row. */
function repeated(s: Starts): Starts | null {
  // White space repeated is still one space as read; anything else may go on.
  if (s.closed.every((c) => c === ' ' || c === '')) return s;
  return bounded([...s.open, ...s.closed.filter((c) => c !== '')], s.closed.includes('') ? [''] : []);
}

/**
 * Sets of strings such that every match of `source` contains one string of each set, best
 * filters first, or undefined when none is known. `source` is a JavaScript regex source (`u`
 * flag) matched as written (case-insensitive phrases are lower-cased, with the text, before they
 * get here). "you made a mistake" (as a pattern) gives `[["mistake"], ["made"], ["you"]]`.
 */
export function requiredLiterals(source: string): string[][] | undefined {
  try {
    const parser = new Parser(source);
    const info = parser.alternation();
    if (parser.i < source.length || info.all.length === 0) return undefined;
    const distinct = new Map(info.all.map((set) => [[...set].sort().join('\0'), set]));
    return [...distinct.values()].sort(byQuality).slice(0, MAX_SETS);
  } catch {
    return undefined; // a construct this reader does not know: the pattern is simply always tried
  }
}

/**
 * Strings of at most `START_LENGTH` characters, every match of `source` beginning with one, or
 * undefined when not known (or when it can match the empty string): "you made a mistake" gives
 * `["you made"]`, `(?:i|we)\s+(?:said|told)` gives `["i said", "i told", "we said", "we told"]`.
 * The phrase matcher tries a pattern only where a text has one of its starts.
 */
export function startStrings(source: string): string[] | undefined {
  try {
    const parser = new Parser(source);
    const { starts } = parser.alternation();
    if (parser.i < source.length || !starts || starts.closed.includes('')) return undefined;
    return [...new Set([...starts.open, ...starts.closed])];
  } catch {
    return undefined;
  }
}

const cross = (a: string[], b: string[]): string[] | null => {
  if (a.length * b.length > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
};

/** Better filters first: a longer shortest string, then fewer strings. */
const byQuality = (a: string[], b: string[]) => shortest(b) - shortest(a) || a.length - b.length;

/** A set is worth a look-up when all its strings have `MIN_LITERAL` characters. */
const usable = (set: string[] | null): set is string[] => set !== null && shortest(set) >= MIN_LITERAL;

function shortest(set: string[]): number {
  if (set.length === 0) return 0;
  let min = Infinity;
  for (const s of set) if (s.length < min) min = s.length;
  return min;
}

const QUANTIFIER = /(?:[?*+]|\{(\d+)(?:(,)(\d*))?\})\??/y;
const GROUP_HEAD = /\((\?(?:[:=!]|<[=!]|<[^>]*>))?/y;
const HEX_ESCAPE = /\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/y;
const PROPERTY = /\\[pP]\{[^}]*\}/y;

class Parser {
  i = 0;
  constructor(private readonly src: string) {}

  /** A sticky regex's match at the current position. */
  private at(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.i;
    return re.exec(this.src);
  }

  alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.src[this.i] === '|') { this.i++; alts.push(this.sequence()); }
    if (alts.length === 1) return alts[0];
    const exact = alts.every((a) => a.exact) ? [...new Set(alts.flatMap((a) => a.exact!))] : null;
    // One string of the best set of whichever alternative matched.
    const union = alts.every((a) => a.all.length) ? [...new Set(alts.flatMap((a) => [...a.all].sort(byQuality)[0]))] : null;
    const starts = alts.every((a) => a.starts) ? bounded(alts.flatMap((a) => a.starts!.open), alts.flatMap((a) => a.starts!.closed)) : null;
    return { exact: exact && exact.length <= MAX_SET ? exact : null, all: usable(union) ? [union] : [], starts };
  }

  private sequence(): Info {
    let run: string[] | null = [''];
    const all: string[][] = [];
    const atoms: Info[] = [];
    let allExact = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const info = this.quantified(this.atom());
      atoms.push(info);
      const joined: string[] | null = info.exact && run ? cross(run, info.exact) : null;
      if (joined) { run = joined; continue; }
      allExact = false;
      if (usable(run)) all.push(run);
      all.push(...info.all);
      run = info.exact;
    }
    if (usable(run)) all.push(run);
    // Starts, from the end: what follows each piece is known first.
    let after: Starts | null = EMPTY.starts;
    for (let k = atoms.length - 1; k >= 0; k--) after = atoms[k].starts && joinStarts(atoms[k].starts!, after);
    return { exact: allExact ? run : null, all, starts: after };
  }

  private quantified(info: Info): Info {
    const q = this.at(QUANTIFIER);
    if (!q) return info;
    this.i += q[0].length;
    const min = q[0][0] === '?' || q[0][0] === '*' ? 0 : q[0][0] === '+' ? 1 : Number(q[1]);
    const max = q[0][0] === '?' ? 1 : q[0][0] === '{' && !q[2] ? Number(q[1]) : q[0][0] === '{' && q[3] ? Number(q[3]) : Infinity;
    const once = min <= 1 && max === 1;
    const many = info.starts && (once ? info.starts : repeated(info.starts));
    const starts = many && (min === 0 ? bounded(many.open, [...many.closed, '']) : many);
    if (min === 0) return { exact: max === 1 && info.exact ? [...new Set(['', ...info.exact])] : null, all: [], starts };
    return { exact: min === 1 && max === 1 ? info.exact : null, all: usable(info.exact) ? [info.exact] : info.all, starts };
  }

  private atom(): Info {
    const c = this.src[this.i];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '.') return UNKNOWN;
    if (c === '^' || c === '$') return EMPTY;
    if ('*+?{}'.includes(c)) throw new Error('quantifier without an atom');
    return exactly([c]);
  }

  private group(): Info {
    const head = this.at(GROUP_HEAD)!;
    this.i += head[0].length;
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    const kind = head[1] ?? '';
    return kind === '?=' || kind === '?!' || kind === '?<=' || kind === '?<!' ? EMPTY : inner;
  }

  /** A class of a few plain characters (`['’]`, `[eé]`) is a small set; any other is unknown. */
  private charClass(): Info {
    const end = this.src.indexOf(']', this.i + 1);
    if (end < 0) throw new Error('unclosed class');
    const body = this.src.slice(this.i + 1, end);
    // `[\]]`-style escapes and ranges make the body harder to read: give up on those.
    const simple = !body.startsWith('^') && !/[\\-]/.test(body) && [...body].length <= 8;
    if (body.includes('\\')) {
      // find the real end: an escaped `]` does not close the class
      let j = this.i + 1;
      while (j < this.src.length && this.src[j] !== ']') j += this.src[j] === '\\' ? 2 : 1;
      this.i = j + 1;
      return UNKNOWN;
    }
    this.i = end + 1;
    return simple ? exactly([...new Set(body)]) : UNKNOWN;
  }

  private escape(): Info {
    const hex = this.at(HEX_ESCAPE);
    if (hex) {
      this.i += hex[0].length;
      const ch = String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? hex[3], 16));
      return exactly([ch]);
    }
    const property = this.at(PROPERTY);
    if (property) { this.i += property[0].length; return UNKNOWN; }
    const n = this.src[this.i + 1];
    this.i += 2;
    if (n === 'b' || n === 'B') return EMPTY;
    if (n === 'k') { this.i = this.src.indexOf('>', this.i) + 1; return UNKNOWN; }
    if (n === 'c') throw new Error('control escape');
    if (n === 's') return WHITE_SPACE;
    if (/[dDwWS0-9]/.test(n)) return UNKNOWN;
    const ch = n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === 'f' ? '\f' : n === 'v' ? '\v' : n;
    return exactly([ch]);
  }
}
