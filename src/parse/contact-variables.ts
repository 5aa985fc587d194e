import type { Document } from './document.js';

/**
 * Template variables that render the team's own address count as giving the customer an
 * address to write to: `{{ticket.brand.email}}`, `{{current_user.email}}`, Help Scout's
 * `{%mailbox.email%}`, Zammad's `#{config.notification_sender}`, osTicket's `%{config.email}`.
 * The customer's own (`{{ticket.requester.email}}`, `{%customer.email%}`, `#{ticket.customer.email}`)
 * does not. Data, not code: regexes on the variable's name (case-insensitive); a config adds
 * its own with `contactVariables`.
 */
export const TEAM_ADDRESS_VARIABLES: readonly string[] = [
  // Someone or something on the team's side, then an address: brand, mailbox, inbox, department,
  // group, agent, assignee, staff, teammate, the current user (the agent applying the macro)…
  '^(?:ticket\\.)?(?:brand|account|helpdesk|company|mailbox|inbox|support|department|dept|group|agent|assignee|staff|teammate|current_user|user|owner|config|site|system)(?:\\.[\\w.]+)?\\.(?:e-?mail|email_address|address|reply_to|support_email|sender)$',
  // Settings that are the team's address whatever object they hang on.
  '^(?:[\\w]+\\.)*(?:notification_sender|support_email|support_address|contact_email|site_contact_email|reply_to_address|from_address)$',
];

const compiled = new Map<string, RegExp>();
const compile = (src: string) => {
  let re = compiled.get(src);
  if (!re) compiled.set(src, (re = new RegExp(src, 'iu')));
  return re;
};

/** Adds an e-mail entity over every template variable that renders the team's address. */
export function markContactVariables(doc: Document, extra: readonly string[] = []): Document {
  const patterns = [...TEAM_ADDRESS_VARIABLES, ...extra].map(compile);
  for (const e of [...doc.entities]) {
    if (e.kind !== 'template' || !e.value) continue;
    if (patterns.some((re) => re.test(e.value!))) doc.entities.push({ kind: 'email', start: e.start, end: e.end, value: doc.text.slice(e.start, e.end) });
  }
  return doc;
}
