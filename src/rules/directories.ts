import { PieceReader } from './literal-index.js';
import { StartDirectory } from './start-index.js';

/**
 * What the phrase rules of a run know of a draft, shared so that it is worked out once for all of
 * them: one start directory (every language and case mode: a draft is walked once, lower-cased)
 * and one reader of the draft's pieces for the rules' literals. A language's phrases are made
 * ready only when a draft in it comes.
 */
export class Directories {
  readonly pieces = new PieceReader();
  readonly starts = new StartDirectory();
  private readonly builders = new Map<string, Array<() => void>>();

  /** `build` makes a rule's phrases of `lang` ready; it is called when a draft first needs them. */
  whenNeeded(lang: string, build: () => void): void {
    const list = this.builders.get(lang);
    if (list) list.push(build); else this.builders.set(lang, [build]);
  }

  /** A draft needs the phrases of `lang`: every rule makes them ready now, so that the language's start tree is built once, with all of them. */
  need(lang: string): void {
    const list = this.builders.get(lang);
    if (!list) return;
    this.builders.delete(lang);
    for (const build of list) build();
  }
}
