// What a user reads in a rendered component, in document order: the text of every node through
// shadow roots, and the visible label or title of Lightning base components (their jest stubs
// render none). Lets the tests assert words on screen rather than component internals.

function collect(node, out) {
  if (node.nodeType === 3) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  if (node.nodeType === 1 && node.tagName.startsWith('LIGHTNING-')) {
    for (const property of ['title', 'label']) {
      if (typeof node[property] === 'string' && node[property]) out.push(node[property]);
    }
  }
  // Slots are walked from their host's light DOM; style sheets are not text.
  if (node.tagName === 'SLOT' || node.tagName === 'STYLE') return;
  if (node.shadowRoot) node.shadowRoot.childNodes.forEach((child) => collect(child, out));
  node.childNodes.forEach((child) => collect(child, out));
}

/** Every visible text of `element` as a list of trimmed strings. */
function visibleText(element) {
  const out = [];
  collect(element, out);
  return out;
}

module.exports = { visibleText };
