// A strict XML 1.0 well-formedness check for tests (the DOM parsers at hand forgive broken markup): one root, balanced tags, quoted unique attributes, only defined entities, only XML characters.

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`, 'y');
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Character data: no `<`, and every `&` starts a defined reference. */
function checkText(text: string, at: number): void {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    if (!REFERENCE.test(text)) throw new Error(`XML: expecting an entity reference at ${at + i}, instead found "${text.slice(i, i + 12)}"`);
  }
}

/** Throws with the position of the first well-formedness error; returns the root element's name. */
export function checkWellFormedXml(xml: string): string {
  if (!XML_CHARS.test(xml)) throw new Error('XML: expecting only XML 1.0 characters, instead found a control or lone surrogate');
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('XML: unterminated declaration');
    i = end + 2;
  }
  const open: string[] = [];
  let root: string | undefined;
  let closedRoot = false;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (open.length === 0 && text.trim() !== '') throw new Error(`XML: expecting markup outside the root, instead found text at ${i}`);
    checkText(text, i);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new Error(`XML: unterminated comment at ${i}`);
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0 || open.length === 0) throw new Error(`XML: misplaced or unterminated CDATA at ${i}`);
      i = end + 3;
      continue;
    }
    const close = new RegExp(`</(${NAME})\\s*>`, 'y');
    close.lastIndex = i;
    const closing = close.exec(xml);
    if (closing) {
      const expected = open.pop();
      if (expected !== closing[1]) throw new Error(`XML: expecting </${expected}> at ${i}, instead found </${closing[1]}>`);
      if (open.length === 0) closedRoot = true;
      i = close.lastIndex;
      continue;
    }
    const start = new RegExp(`<(${NAME})`, 'y');
    start.lastIndex = i;
    const opening = start.exec(xml);
    if (!opening) throw new Error(`XML: expecting a tag at ${i}, instead found "${xml.slice(i, i + 20)}"`);
    if (closedRoot) throw new Error(`XML: expecting one root element, instead found another at ${i}`);
    let at = start.lastIndex;
    const names = new Set<string>();
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(xml);
      if (!attribute) break;
      if (names.has(attribute[1]!)) throw new Error(`XML: attribute ${attribute[1]} twice at ${at}`);
      names.add(attribute[1]!);
      checkText(attribute[2]!.slice(1, -1), at);
      at = ATTRIBUTE.lastIndex;
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = at;
    const ending = end.exec(xml);
    if (!ending) throw new Error(`XML: expecting > or /> to end <${opening[1]}> at ${at}, instead found "${xml.slice(at, at + 20)}"`);
    root ??= opening[1];
    if (ending[1] !== '/') open.push(opening[1]!);
    else if (open.length === 0) closedRoot = true;
    i = end.lastIndex;
  }
  if (open.length) throw new Error(`XML: expecting </${open.at(-1)}> before the end`);
  if (!root) throw new Error('XML: expecting a root element, instead found none');
  return root;
}
