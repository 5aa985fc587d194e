import type { LintItem } from '../lint.js';

/**
 * How formats name a helpdesk export item: `zendesk macro 360111062754 "Billing::Refund"`, and
 * with the field and the position inside it, `[zendesk macro 360111062754 "Billing::Refund" ›
 * comment_value_html 3:17]`. Pure.
 */
export function itemLabel(item: LintItem): string {
  return [item.source, item.kind, item.id, item.title !== null ? JSON.stringify(item.title) : undefined].filter((x) => x !== undefined && x !== null && x !== '').join(' ');
}

export function itemContext(item: LintItem): string {
  return `[${itemLabel(item)} › ${item.field} ${item.line}:${item.column}]`;
}

/** Messages of one item share this key (stylish groups them). */
export function itemKey(item: LintItem | undefined): string {
  return item ? `${item.source}\0${item.kind ?? ''}\0${item.id ?? ''}\0${item.title ?? ''}` : '';
}
