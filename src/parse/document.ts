/** What the parse layer hands to rules: the text, its prose, and what was cut out of the prose. */

/** Things in a draft that are not the agent's prose. */
export type EntityKind = 'url' | 'email' | 'template' | 'code' | 'quote' | 'comment' | 'frontmatter' | 'html';

export interface Entity {
  kind: EntityKind;
  start: number;
  end: number;
  /** A link's target, a template's variable or tag: what the entity stands for. */
  value?: string;
}

/** A paragraph-like block of prose (a Markdown paragraph, heading or list item; a plain-text run of lines). */
export interface Block { start: number; end: number }

export interface Document {
  /** The decoded text, BOM removed: every offset indexes this string. */
  text: string;
  /**
   * The prose the rules read: same length as `text`, with every non-prose character blanked to a
   * space (line breaks kept) and typographic apostrophes straightened. A match in `prose` at
   * [s, e) is the text at [s, e) of `text`.
   */
  prose: string;
  format: 'markdown' | 'text' | 'html';
  entities: Entity[];
  blocks: Block[];
  /** Parsed YAML front matter, when there is any and it parsed. */
  frontMatter?: Record<string, unknown>;
  /** The front matter's YAML as written (it starts on line 2 of the file). */
  frontMatterYaml?: string;
  /** Problems met while parsing, e.g. a front matter that is not valid YAML. */
  warnings: string[];
}
