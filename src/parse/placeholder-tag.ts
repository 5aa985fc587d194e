/**
 * `<insert date>`, `<customer name>`: angle brackets around words that name no HTML element are
 * a placeholder someone forgot to fill, not HTML. Shared by both Markdown readers (remark's and
 * the fast line-based one) so they unmask exactly the same things.
 */

const HTML_TAGS = new Set(('a abbr address article aside attribute audio b bdi bdo big blockquote body br button caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav nobr noscript object ol optgroup option output p param picture pre q s samp script section select small source span strike strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr').split(' '));
const TAG_LIKE = /^<([\p{L}][\p{L}\p{N}-]*)([^<>]*)>$/u;

/** True when a Markdown HTML node's raw value is such a placeholder (it is then the agent's text). */
export function isPlaceholderTag(html: string): boolean {
  const m = TAG_LIKE.exec(html.trim());
  return Boolean(m && !HTML_TAGS.has(m[1].toLowerCase()) && !m[2].includes('=') && !m[2].includes('/'));
}
