// The few DOM members the HTML stages use, declared structurally (the project compiles without the DOM lib), and text helpers over them.

// The project compiles without the DOM lib, so the few DOM members used here are declared structurally.
export interface DomNode {
  nodeType: number;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}
export interface DomElement extends DomNode {
  localName: string;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  replaceWith(...nodes: DomNode[]): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Whitespace collapsed to single spaces, trimmed. */
export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Letters and digits only, lowercase: for comparing a title or a name across sources. */
export const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Run `work`; on an exception record a note and return `fallback`, so one broken part never sinks the page. */
export function guarded<T>(notes: { rule: string; reason: string }[], rule: string, work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    notes.push({ rule, reason: `${rule} failed on this page: ${error instanceof Error ? error.message : String(error)}` });
    return fallback;
  }
}
