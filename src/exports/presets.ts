/**
 * Helpdesk export presets: where the items of an export are and which of their fields are the
 * id, title, folder, locale and the prose the customer reads, in which format and template
 * dialect. Presets are data: a team adds its own under `exportPresets` in its config, with the
 * same keys (paths are described in ./path.ts). Shapes follow each helpdesk's API reference.
 */
export type BodyFormat = 'html' | 'markdown' | 'text';
export const BODY_FORMATS: readonly BodyFormat[] = ['html', 'markdown', 'text'];
/** Template dialects: how variables are written (all are masked; the dialect is reported with each item). */
export const DIALECTS = ['liquid', 'helpscout', 'intercom', 'zammad', 'osticket', 'none'] as const;
export type Dialect = (typeof DIALECTS)[number];
export type FieldRole = 'body' | 'subject' | 'chat';
export const FIELD_ROLES: readonly FieldRole[] = ['body', 'subject', 'chat'];

export interface FieldSpec {
  /** Where the text is, from the item. */
  path: string;
  /** The name shown for the field (default: the path's last key). */
  name?: string;
  format?: BodyFormat;
  dialect?: Dialect;
  /**
   * `body` (default): the reply; `subject`: a subject line; `chat`: a chat version. Only bodies
   * must give a contact e-mail; one body of the item giving one is enough.
   */
  role?: FieldRole;
  /** Skip this field when this other path of the item has text (a plain-text copy of an HTML body). */
  unless?: string;
}

export interface ExportPreset {
  /** A preset this one starts from (built-in or from config); its keys are replaced, not merged. */
  extends?: string;
  /** What one item is called: macro, canned response, saved reply… */
  kind?: string;
  /** Where the items are, tried in order: the first path that reaches any is used. */
  items?: string[];
  /** What an item must have for the preset to be recognised without --from (`path` or `path=value`). */
  detect?: string[];
  id?: string | string[];
  title?: string | string[];
  folder?: string | string[];
  locale?: string | string[];
  fields?: FieldSpec[];
  /** Default format and dialect of the fields. */
  format?: BodyFormat;
  dialect?: Dialect;
  /** The helpdesk appends a signature giving this address: missing-contact-email is satisfied. */
  signatureEmail?: string;
}

/** Built-in presets, in the order detection tries them (most specific shapes first: Zendesk's `actions[].field` before a bare list with `content`). */
export const BUILTIN_PRESETS: Record<string, ExportPreset> = {
  zendesk: {
    kind: 'macro',
    // GET /api/v2/macros.json → { macros: […] }; GET /api/v2/macros/{id}.json → { macro: {…} }
    items: ['macros[*]', 'macro', '[*]', '$'],
    detect: ['actions[*].field'],
    id: 'id', title: ['title', 'raw_title'],
    dialect: 'liquid',
    fields: [
      { path: 'actions[field=subject].value', name: 'subject', format: 'text', role: 'subject' },
      { path: 'actions[field=comment_value_html].value', name: 'comment_value_html', format: 'html' },
      // A string, or a ["channel:all", "text"] pair.
      { path: 'actions[field=comment_value].value', name: 'comment_value', format: 'text', unless: 'actions[field=comment_value_html].value' },
      { path: 'actions[field=comment_value].value[1]', name: 'comment_value', format: 'text', unless: 'actions[field=comment_value_html].value' },
      // Side conversations: [subject, body (HTML), recipient, content type].
      { path: 'actions[field=side_conversation].value[0]', name: 'side_conversation.subject', format: 'text', role: 'subject' },
      { path: 'actions[field=side_conversation].value[1]', name: 'side_conversation.body', format: 'html' },
    ],
  },
  gorgias: {
    kind: 'macro',
    // GET /api/macros → { object: "list", data: […], meta: {…} }
    items: ['data[*]', '[*]', '$'],
    detect: ['actions[*].arguments'],
    id: 'id', title: 'name', locale: 'language',
    dialect: 'liquid',
    fields: [
      { path: 'actions[name=setResponseText].arguments.subject', name: 'subject', format: 'text', role: 'subject' },
      { path: 'actions[name=setResponseText].arguments.body_html', name: 'body_html', format: 'html' },
      { path: 'actions[name=setResponseText].arguments.body_text', name: 'body_text', format: 'text', unless: 'actions[name=setResponseText].arguments.body_html' },
    ],
  },
  intercom: {
    kind: 'macro',
    // GET /macros → { type: "list", data: [{ type: "macro", … }] }
    items: ['data[*]', '[*]', '$'],
    detect: ['type=macro'],
    id: 'id', title: 'name',
    dialect: 'intercom',
    fields: [
      { path: 'body', format: 'html', dialect: 'intercom' },
      { path: 'body_text', format: 'text', dialect: 'liquid', unless: 'body' },
    ],
  },
  front: {
    kind: 'message template',
    // GET /message_templates → { _results: […], _pagination: {…} }
    items: ['_results[*]', '[*]', '$'],
    detect: ['body', 'name', '_links'],
    id: 'id', title: 'name', folder: ['folder_id', 'parent_folder_id'],
    dialect: 'liquid',
    fields: [
      { path: 'subject', format: 'text', role: 'subject' },
      { path: 'body', format: 'html' },
    ],
  },
  chatwoot: {
    kind: 'canned response',
    // GET /api/v1/accounts/{account_id}/canned_responses → […]
    items: ['[*]', 'payload[*]', '$'],
    detect: ['short_code', 'content'],
    id: 'id', title: 'short_code',
    dialect: 'liquid',
    fields: [{ path: 'content', format: 'markdown' }],
  },
  zammad: {
    kind: 'text module',
    // GET /api/v1/text_modules → […]
    items: ['[*]', '$'],
    detect: ['content', 'keywords'],
    id: 'id', title: 'name',
    dialect: 'zammad',
    fields: [{ path: 'content', format: 'html' }],
  },
  freshdesk: {
    kind: 'canned response',
    // GET /api/v2/canned_response_folders/{id}/responses → […]
    items: ['[*]', '$'],
    detect: ['content_html'],
    id: 'id', title: 'title', folder: 'folder_id',
    dialect: 'liquid',
    fields: [
      { path: 'content_html', format: 'html' },
      { path: 'content', format: 'text', unless: 'content_html' },
    ],
  },
  helpscout: {
    kind: 'saved reply',
    // GET /v2/mailboxes/{id}/saved-replies/{replyId} for each reply, collected in a list
    items: ['[*]', '_embedded.savedReplies[*]', '$'],
    detect: ['text', 'name'],
    id: 'id', title: 'name',
    dialect: 'helpscout',
    fields: [
      { path: 'text', format: 'html' },
      { path: 'chatText', format: 'text', role: 'chat' },
    ],
  },
  osticket: {
    kind: 'canned response',
    // ost_canned_response rows (SQL → JSON/CSV), or premade.yaml
    items: ['[*]', 'canned_responses[*]', '$'],
    detect: ['title', 'response'],
    id: ['canned_id', 'id'], title: 'title', folder: 'dept_id', locale: 'lang',
    dialect: 'osticket',
    fields: [{ path: 'response', format: 'html' }],
  },
};

/** The built-in presets as the manual lists them. */
export const PRESET_ORDER = ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'front', 'gorgias', 'zammad', 'chatwoot', 'osticket'];

/** The names `--from` accepts: the team's presets, then the built-in ones. */
export function presetNames(custom: Record<string, ExportPreset> = {}): string[] {
  return [...new Set([...Object.keys(custom), ...PRESET_ORDER])];
}

/** The order shapes are tried in without --from: the team's presets, then the built-in ones, most specific first. */
export function detectionOrder(custom: Record<string, ExportPreset> = {}): string[] {
  return [...new Set([...Object.keys(custom), ...Object.keys(BUILTIN_PRESETS)])];
}

/** A preset with its `extends` chain applied (a config preset may shadow a built-in one). */
export function resolvePreset(name: string, custom: Record<string, ExportPreset> = {}, seen: string[] = []): ExportPreset | undefined {
  const own = custom[name] ?? BUILTIN_PRESETS[name];
  if (!own) return undefined;
  if (!own.extends || seen.includes(name)) return own;
  const base = own.extends === name ? BUILTIN_PRESETS[name] : resolvePreset(own.extends, custom, [...seen, name]);
  const { extends: _e, ...rest } = own;
  return base ? { ...base, ...rest } : rest;
}
