// Dateline at the start of a body: "SEOUL (Dispatches) --", "NAIROBI, Kenya (AP) _".

export interface Dateline {
  place: string;
  /** The agency or outlet named in parentheses, if any. */
  agency?: string;
  start: number;
  end: number;
}

const DATELINE =
  /^([A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][\w.'’ -]{1,30}?)?)\s*(?:\(([^)]{1,40})\))?\s*(?:--|—|–|-|_|:)\s+/;

/** The dateline opening `text`, with its span; undefined when the text opens otherwise. */
export function findDateline(text: string): Dateline | undefined {
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  const place = match[1]!.trim();
  // A dateline's place is written in capitals; "The" or a sentence start is not one.
  if (place !== place.toUpperCase() && !/^[A-Z .'’-]+,/.test(place)) return undefined;
  return { place, agency: match[2]?.trim(), start: 0, end: match[0].length };
}
