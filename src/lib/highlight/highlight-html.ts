/**
 * Reads highlight.js's HTML output back into a tree, so the highlighted code can be rendered as
 * React elements (text nodes React escapes) instead of being injected as HTML.
 *
 * highlight.js 11 emits only `<span class="…">`, `</span>` and text escaped with five entities
 * (`&amp; &lt; &gt; &quot; &#x27;`). Anything else means the format is not the expected one, and
 * the parse fails rather than guessing.
 */

/** A highlighted token: its CSS classes (`hljs-keyword`, `hljs-title function_`) and contents. */
export interface HighlightSpan {
  readonly className: string;
  readonly children: readonly HighlightNode[];
}

/** Plain text or a highlighted span. */
export type HighlightNode = string | HighlightSpan;

const TOKEN = /<span class="([\w -]*)">|<\/span>|([^<]+)/y;
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
};

/**
 * Parses highlight.js output (`HighlightResult.value`) into nodes; `undefined` when it holds
 * anything but balanced class-only spans and escaped text.
 */
export function parseHighlightHtml(html: string): HighlightNode[] | undefined {
  const root: HighlightNode[] = [];
  const open: { className: string; children: HighlightNode[] }[] = [];
  for (let index = 0; index < html.length;) {
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(html);
    if (match === null) return undefined;
    index = TOKEN.lastIndex;
    const target = open.at(-1)?.children ?? root;
    const [, className, text] = match;
    if (text !== undefined) {
      const decoded = decodeText(text);
      if (decoded === undefined) return undefined;
      target.push(decoded);
    } else if (className !== undefined) {
      const span = { className, children: [] };
      target.push(span);
      open.push(span);
    } else if (open.pop() === undefined) {
      return undefined;
    }
  }
  return open.length === 0 ? root : undefined;
}

function decodeText(text: string): string | undefined {
  let isValid = true;
  const decoded = text.replace(/&[^;&]*;?/g, (entity) => {
    const char = ENTITIES[entity];
    if (char === undefined) isValid = false;
    return char ?? '';
  });
  return isValid ? decoded : undefined;
}

/** The text of `nodes`, without markup. */
export function textOfHighlight(nodes: readonly HighlightNode[]): string {
  return nodes
    .map((node) => (typeof node === 'string' ? node : textOfHighlight(node.children)))
    .join('');
}
