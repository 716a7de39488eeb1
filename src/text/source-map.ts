// Offsets of cleaned text back into the text as given: cleaning removes lines and changes spaces, users check offsets against the input.

/**
 * A map from offsets in a derived text to offsets in its source, kept as runs: within a run,
 * consecutive derived characters come from consecutive source characters.
 */
export class SourceMap {
  /** Run starts in the derived text (ascending) and the source offset each run starts at. */
  private readonly outStarts: number[];
  private readonly srcStarts: number[];
  /** Length of the derived text and of the source. */
  readonly length: number;
  readonly sourceLength: number;

  constructor(outStarts: number[], srcStarts: number[], length: number, sourceLength: number) {
    this.outStarts = outStarts;
    this.srcStarts = srcStarts;
    this.length = length;
    this.sourceLength = sourceLength;
  }

  /** The map of a text onto itself. */
  static identity(length: number): SourceMap {
    return new SourceMap([0], [0], length, length);
  }

  /** Source offset of the derived character at `offset` (clamped to the text). */
  toSource(offset: number): number {
    if (this.outStarts.length === 0) return 0;
    const at = Math.max(0, Math.min(offset, this.length));
    const lo = this.runAt(at);
    return Math.min(this.sourceLength, this.srcStarts[lo]! + (at - this.outStarts[lo]!));
  }

  /** The index of the last run starting at or before derived offset `at` (there is at least one run). */
  private runAt(at: number): number {
    let lo = 0;
    let hi = this.outStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.outStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The source offsets of the derived characters [at, at + count), as runs: `visit(src, length)` for each
   * stretch of consecutive source characters, in order (the same offsets as `toSource` of each character).
   */
  eachSourceRun(at: number, count: number, visit: (src: number, length: number) => void): void {
    const end = at + count;
    if (this.outStarts.length === 0 || at < 0 || end > this.length) {
      for (let i = at; i < end; i++) visit(this.toSource(i), 1);
      return;
    }
    let lo = this.runAt(at);
    let i = at;
    while (i < end) {
      const runEnd = lo + 1 < this.outStarts.length ? this.outStarts[lo + 1]! : this.length;
      const take = Math.min(end, runEnd) - i;
      const src = this.srcStarts[lo]! + (i - this.outStarts[lo]!);
      if (src + take > this.sourceLength) {
        for (let k = i; k < i + take; k++) visit(this.toSource(k), 1);
      } else if (take > 0) visit(src, take);
      i += take;
      lo++;
    }
  }

  /**
   * Source range of the derived range [start, end): the start maps as a character, the end as
   * one past the last character, so a range never swallows removed text after it.
   */
  rangeToSource(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.toSource(start);
      return [at, at];
    }
    return [this.toSource(start), this.toSource(end - 1) + 1];
  }
}

/** Builds a SourceMap while a derived text is written character by character or in copied slices. */
export class SourceMapBuilder {
  private readonly outStarts: number[] = [];
  private readonly srcStarts: number[] = [];
  private length = 0;
  private lastSrcEnd = -1;

  /** `count` derived characters copied from source offset `src` onwards. */
  copy(src: number, count: number): void {
    if (count <= 0) return;
    if (src !== this.lastSrcEnd || this.outStarts.length === 0) {
      this.outStarts.push(this.length);
      this.srcStarts.push(src);
    }
    this.length += count;
    this.lastSrcEnd = src + count;
  }

  /** `count` derived characters copied from offset `at` of a text whose map back to the source is `map` (the two maps composed). */
  copyThrough(map: SourceMap, at: number, count: number): void {
    map.eachSourceRun(at, count, (src, length) => this.copy(src, length));
  }

  /** `count` derived characters that all stand for the source character at `src` (a replacement). */
  replace(src: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.outStarts.push(this.length);
      this.srcStarts.push(src);
      this.length++;
    }
    this.lastSrcEnd = -1;
  }

  /** Whether nothing was written yet. */
  isEmpty(): boolean {
    return this.length === 0 && this.outStarts.length === 0;
  }

  build(sourceLength: number): SourceMap {
    return new SourceMap([...this.outStarts], [...this.srcStarts], this.length, sourceLength);
  }
}
