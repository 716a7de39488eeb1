// Who carried something first: publish times where the page gives them, estimated day ranges where it does not.

/** When a source was published: a stated time, or an estimated range of days. */
export interface SourceTime {
  ref: number;
  /** Publish time as given (ISO 8601), when the page states one. */
  published?: string;
  /** Estimated range of days (YYYY-MM-DD), when it does not. */
  estimate?: { earliest: string; latest: string };
}

export interface FirstCarrier {
  ref: number;
  /** The first carrier's time: its publish time, or its estimated range as `earliest..latest`. */
  time: string;
  /** The choice rests on an estimated publish time (of the first carrier or of one it was weighed against). */
  estimated: boolean;
  /** Why, in words that name the sources by ref. */
  basis: string;
}

const DAY = 86_400_000;

/** [earliest, latest] epoch ms a source can have been published, or undefined. */
function interval(time: SourceTime): [number, number] | undefined {
  if (time.published) {
    const ms = Date.parse(time.published);
    if (!Number.isNaN(ms)) return [ms, ms];
  }
  if (time.estimate) {
    const lo = Date.parse(`${time.estimate.earliest}T00:00:00Z`);
    const hi = Date.parse(`${time.estimate.latest}T00:00:00Z`) + DAY - 1;
    if (!Number.isNaN(lo) && !Number.isNaN(hi)) return [lo, hi];
  }
  return undefined;
}

/** A stated time as people read it (`2021-01-08 21:17 UTC`); anything else as given. */
const readable = (iso: string): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const utc = new Date(ms).toISOString();
  return utc.endsWith('T00:00:00.000Z') ? utc.slice(0, 10) : `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
};

const label = (time: SourceTime): string =>
  time.published ? readable(time.published) : (time.estimate!.earliest === time.estimate!.latest ? `about ${time.estimate!.earliest}` : `${time.estimate!.earliest}..${time.estimate!.latest}`);

const refList = (refs: number[]): string => refs.map((r) => `[${r}]`).join('');

/**
 * The earliest of several carriers. A stated publish time is trusted over an estimate: an estimated
 * carrier comes first only when its whole range ends before the earliest stated time. Carriers
 * that cannot be ordered (ranges that overlap the winner) are named in the basis.
 */
export function firstCarrier(times: SourceTime[]): FirstCarrier | null {
  if (times.length === 0) return null;
  const known = times.map((t) => ({ t, range: interval(t) })).filter((x): x is { t: SourceTime; range: [number, number] } => x.range !== undefined);
  const unknown = times.filter((t) => interval(t) === undefined).map((t) => t.ref);
  if (known.length === 0) return null;
  const stated = known.filter((x) => x.t.published !== undefined && x.range[0] === x.range[1]).sort((a, b) => a.range[0] - b.range[0] || a.t.ref - b.t.ref);
  const estimated = known.filter((x) => !stated.includes(x)).sort((a, b) => a.range[1] - b.range[1] || a.range[0] - b.range[0] || a.t.ref - b.t.ref);
  const earliestStated = stated[0];
  const before = earliestStated ? estimated.filter((x) => x.range[1] < earliestStated.range[0]) : estimated;
  const winner = before[0] ?? earliestStated!;
  const others = known.filter((x) => x !== winner);
  const overlapping = others.filter((x) => x.range[0] <= winner.range[1]);
  const ties = overlapping.filter((x) => stated.includes(x) && stated.includes(winner)).map((x) => x.t.ref);
  const uncertain = overlapping.filter((x) => !ties.includes(x.t.ref)).map((x) => x.t.ref);
  const parts: string[] = [];
  const isEstimate = winner.t.published === undefined;
  parts.push(`[${winner.t.ref}] ${isEstimate ? 'estimated' : 'published'} ${label(winner.t)}`);
  const later = others.filter((x) => !overlapping.includes(x)).map((x) => x.t.ref);
  if (later.length) parts.push(`before ${refList(later)}`);
  if (ties.length) parts.push(`${refList(ties)} published at the same time`);
  if (uncertain.length) {
    parts.push(
      isEstimate
        ? `${refList(uncertain)} may be as early`
        : `${refList(uncertain)} ${uncertain.length === 1 ? 'has an estimated date' : 'have estimated dates'} that may be as early`,
    );
  }
  if (unknown.length) parts.push(`${refList(unknown)} cannot be dated`);
  return {
    ref: winner.t.ref,
    time: label(winner.t),
    estimated: isEstimate || uncertain.length > 0,
    basis: parts.join('; '),
  };
}
