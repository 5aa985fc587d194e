/** Per-language data shared by every rule, compiled from `rules/languages/<lang>.yaml`. */
export interface Language {
  lang: string;
  name: string;
  detect: Set<string>;
  /** Letters and endings only this language writes inside a word, for detection (on lower-cased words). */
  markers?: RegExp;
  negators: string[];
  negationWindow: number;
  /** Lower-cased abbreviations with their final dot ("p. ej." is kept as one entry). */
  abbreviations: string[];
  /** Named vocabularies (e.g. `time`): each one regex that finds any of its expressions in lower-cased text. */
  vocabulary: Map<string, RegExp>;
  quoteAttribution?: RegExp;
  source: string;
}
