// Untrusted text made safe to show anywhere: bidirectional controls taken out, runaway fields cut (pages, feeds and exports share these).

/** Bidirectional controls (overrides, embeddings, isolates, marks): never obeyed in what the server shows. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The first `max` characters, without a lone high surrogate left at the end by the cut. */
export const cutAt = (value: string, max: number): string => {
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/** Cut to `max` characters with an ellipsis when longer. */
export const shortened = (value: string, max: number): string => (value.length > max ? `${cutAt(value, max)}…` : value);

/** Untrusted text for a plain-text field (a feed title, a tab title): cut, bidi controls removed; the caller escapes for its format. */
export function plainText(value: string | null | undefined, max: number): string {
  if (value === null || value === undefined) return '';
  return shortened(value, max).replace(BIDI_CONTROLS, '');
}
