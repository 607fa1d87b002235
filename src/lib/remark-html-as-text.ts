/**
 * A remark plugin that turns raw HTML in markdown into plain text, so model output like
 * `use the <details> element` is shown as written instead of being dropped, and never runs as HTML.
 */
interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}

function convert(node: MdastNode): void {
  if (node.type === 'html') node.type = 'text';
  node.children?.forEach(convert);
}

export function remarkHtmlAsText() {
  return (tree: MdastNode) => convert(tree);
}
