// Byline: the authors a page names ("By Choi Si-young (email)"), without junk such as "Email the author".

const BY = /^by\s+(.{3,120})$/i;
const JUNK = /\b(?:email|e-mail|follow|twitter|facebook|contact|the author|staff writer|updated|published)\b.*$/i;

/** Clean a raw byline: drop "By", e-mail addresses, handles and trailing junk; split several names. */
export function cleanByline(raw: string): string[] {
  const body = raw
    .replace(/^by\s+/i, '')
    .replace(/\(?[\w.+-]+@[\w.-]+\)?/g, '')
    .replace(/@\w+/g, '')
    .replace(JUNK, '')
    .replace(/[\s,|;:-]+$/, '')
    .trim();
  if (body === '') return [];
  return body
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name.length > 2 && /^[\p{Lu}]/u.test(name) && name.split(/\s+/).length <= 5);
}

/** The byline among the first and last lines of a cleaned body, if one is there. */
export function findByline(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const candidates = [...lines.slice(0, 3), ...lines.slice(-3)];
  for (const line of candidates) {
    const match = BY.exec(line.trim());
    if (match) {
      const names = cleanByline(match[1]!);
      if (names.length > 0) return names;
    }
  }
  return [];
}

/** The e-mail domain in a byline line ("siyoungchoi@heraldcorp.com" -> "heraldcorp.com"), a weak outlet hint. */
export function bylineDomain(text: string): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  for (const line of [...lines.slice(0, 3), ...lines.slice(-3)]) {
    if (!BY.test(line.trim())) continue;
    const domain = /[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/.exec(line)?.[1];
    if (domain && !/^(gmail|yahoo|hotmail|outlook|proton)\./i.test(domain)) return domain.toLowerCase();
  }
  return undefined;
}
