// Character scans the line passes share: whitespace as JavaScript's \s and trim() see it, and word counts that stop early.

/** Whether a UTF-16 code unit is whitespace to `\s` and `String.prototype.trim`. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The words of a line (runs of non-whitespace, `line.split(/\s+/).filter(Boolean).length`), counted up to
 * `cap` + 1: callers only ask whether there are at least or at most a few.
 */
export function countWords(line: string, cap: number): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    if (isSpaceCode(line.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++count > cap) return count;
    }
  }
  return count;
}

/** `line.split(/\s+/).length` (runs of whitespace, plus one), counted up to `cap` + 1. */
export function countSplitFields(line: string, cap: number): number {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < line.length; i++) {
    if (!isSpaceCode(line.charCodeAt(i))) inSpace = false;
    else if (!inSpace) {
      inSpace = true;
      if (++count > cap) return count;
    }
  }
  return count;
}

/** The last character of a line that is not whitespace (`line.trim()`'s last), or '' when there is none. */
export function lastVisible(line: string): string {
  let end = line.length;
  while (end > 0 && isSpaceCode(line.charCodeAt(end - 1))) end--;
  return end > 0 ? line[end - 1]! : '';
}
