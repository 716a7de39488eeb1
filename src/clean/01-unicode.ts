// Pass 1: normalise characters that vary between outlets but mean the same (line ends, spaces, invisibles).

/** Line ends to \n, NBSP and other spaces to a plain space, zero-width characters and controls removed, NFC. */
export function normalizeUnicode(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .normalize('NFC');
}
