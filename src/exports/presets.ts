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

/**
 * The shape most helpdesks share: a list of items (a bare list, or under the API's `envelope`
 * key, or one item alone), each with an id (`id` unless said), a title and one reply body; maybe
 * a subject line before it, a plain-text copy read only when the body is empty, and a chat version.
 * Says the shape once; what each helpdesk has stays data in its entry below. (`[*]` reaches only
 * into a list and a key only into an object, so the envelope and the bare list never compete.)
 */
interface ListShape extends Pick<ExportPreset, 'kind' | 'detect' | 'id' | 'title' | 'folder' | 'locale' | 'dialect'> {
  envelope?: string;
  subject?: string;
  body: FieldSpec;
  /** A plain-text copy of the body (format text unless said), read when the body has no text. */
  plain?: Omit<FieldSpec, 'unless'>;
  chat?: string;
}

function listPreset({ kind, envelope, detect, id = 'id', title, dialect, subject, body, plain, chat, ...more }: ListShape): ExportPreset {
  return {
    kind,
    items: [...(envelope ? [`${envelope}[*]`] : []), '[*]', '$'],
    detect, id, title, ...more, dialect,
    fields: [
      ...(subject ? [{ path: subject, format: 'text' as const, role: 'subject' as const }] : []),
      body,
      ...(plain ? [{ path: plain.path, format: plain.format ?? 'text', ...(plain.dialect ? { dialect: plain.dialect } : {}), unless: body.path }] : []),
      ...(chat ? [{ path: chat, format: 'text' as const, role: 'chat' as const }] : []),
    ],
  };
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
  intercom: listPreset({
    // GET /macros → { type: "list", data: [{ type: "macro", … }] }
    kind: 'macro', envelope: 'data', detect: ['type=macro'], title: 'name', dialect: 'intercom',
    body: { path: 'body', format: 'html', dialect: 'intercom' }, plain: { path: 'body_text', dialect: 'liquid' },
  }),
  front: listPreset({
    // GET /message_templates → { _results: […], _pagination: {…} }
    kind: 'message template', envelope: '_results', detect: ['body', 'name', '_links'], title: 'name', folder: ['folder_id', 'parent_folder_id'],
    dialect: 'liquid', subject: 'subject', body: { path: 'body', format: 'html' },
  }),
  chatwoot: listPreset({
    // GET /api/v1/accounts/{account_id}/canned_responses → […]
    kind: 'canned response', envelope: 'payload', detect: ['short_code', 'content'], title: 'short_code',
    dialect: 'liquid', body: { path: 'content', format: 'markdown' },
  }),
  zammad: listPreset({
    // GET /api/v1/text_modules → […]
    kind: 'text module', detect: ['content', 'keywords'], title: 'name',
    dialect: 'zammad', body: { path: 'content', format: 'html' },
  }),
  freshdesk: listPreset({
    // GET /api/v2/canned_response_folders/{id}/responses → […]
    kind: 'canned response', detect: ['content_html'], title: 'title', folder: 'folder_id',
    dialect: 'liquid', body: { path: 'content_html', format: 'html' }, plain: { path: 'content' },
  }),
  helpscout: listPreset({
    // GET /v2/mailboxes/{id}/saved-replies/{replyId} for each reply, collected in a list
    kind: 'saved reply', envelope: '_embedded.savedReplies', detect: ['text', 'name'], title: 'name',
    dialect: 'helpscout', body: { path: 'text', format: 'html' }, chat: 'chatText',
  }),
  osticket: listPreset({
    // ost_canned_response rows (SQL → JSON/CSV), or premade.yaml
    kind: 'canned response', envelope: 'canned_responses', detect: ['title', 'response'],
    id: ['canned_id', 'id'], title: 'title', folder: 'dept_id', locale: 'lang',
    dialect: 'osticket', body: { path: 'response', format: 'html' },
  }),
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
