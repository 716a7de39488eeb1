// Title and outlet-from-title: the headline a page gives, without a " – Site name" suffix.

const SUFFIX = /\s+[|–—-]\s+([^|–—-]{2,60})$/;

/** Split "Headline – Site" into headline and site, when the suffix looks like a name (few words). */
export function splitTitleSuffix(title: string): { title: string; site?: string } {
  const match = SUFFIX.exec(title);
  if (!match) return { title: title.trim() };
  const site = match[1]!.trim();
  const headline = title.slice(0, match.index).trim();
  if (site.split(/\s+/).length > 4 || headline.split(/\s+/).length < 3) return { title: title.trim() };
  return { title: headline, site };
}

/** The title among a plain-text page's head lines: the longest with at least four words. */
export function titleFromHead(headLines: string[]): string | undefined {
  let best: string | undefined;
  for (const line of headLines) {
    const words = line.split(/\s+/).length;
    if (words < 4 || words > 30 || line.length > 250) continue;
    if (!best || line.length > best.length) best = line;
  }
  return best;
}

/** A stand-in title from the first sentence of the body, dateline removed, cut at about 14 words. */
export function titleFromLede(text: string, datelineEnd = 0): string | undefined {
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(text.slice(datelineEnd).trim())?.[1] ?? text.slice(datelineEnd, datelineEnd + 200);
  const words = sentence.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const cut = words.slice(0, 14).join(' ').replace(/[,;:]$/, '');
  return words.length > 14 ? `${cut} …` : cut.replace(/[.!?]$/, '');
}
