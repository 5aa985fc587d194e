import { PieceReader } from './literal-index.js';
import { StartDirectory } from './start-index.js';

/**
 * What the phrase rules of a run know of a draft, shared so that it is worked out once for all of
 * them: one start directory per language and case mode (a Spanish draft is never walked for
 * Catalan phrases), and one reader of the draft's pieces for the rules' literals.
 */
export class Directories {
  readonly pieces = new PieceReader();
  private readonly shelves = new Map<string, StartDirectory>();

  starts(scope: string): StartDirectory {
    let d = this.shelves.get(scope);
    if (!d) this.shelves.set(scope, (d = new StartDirectory()));
    return d;
  }
}
