// Conflict scoring as the data README defines it: planted changes found (overall and per kind), precision proxy, false-conflict rate.

export interface ReportedSide {
  article: string;
  start: number;
  end: number;
  text?: string;
}

export interface ReportedConflict {
  kind: string;
  sides: ReportedSide[];
}

export interface PlantedChange {
  story: string;
  article: string;
  start: number;
  end: number;
  old: string;
  new: string;
  kind: string;
  carriers: string[];
}

export interface ConflictTruth {
  planted: PlantedChange[];
  controls: string[];
}

export interface ConflictScores {
  recall: number;
  recall_number: number;
  recall_date: number;
  recall_name: number;
  found: number;
  planted: number;
  precision_proxy: number;
  planted_story_conflicts: number;
  false_conflict_rate: number;
  control_conflicts: number;
}

/** A planted change is found by a conflict with one side on the new value in the altered article and one in a carrier. */
export function findsPlant(conflict: ReportedConflict, plant: PlantedChange): boolean {
  const onNew = conflict.sides.some((s) => s.article === plant.article && s.start < plant.end && s.end > plant.start);
  const inCarrier = conflict.sides.some((s) => plant.carriers.includes(s.article));
  return onNew && inCarrier;
}

/** Conflicts with ≥ 2 sides in articles of the story; the others do not count. */
export function validConflicts(conflicts: readonly ReportedConflict[], storyArticles: ReadonlySet<string>): ReportedConflict[] {
  return conflicts.filter((c) => Array.isArray(c.sides) && c.sides.filter((s) => storyArticles.has(s.article)).length >= 2);
}

/**
 * Scores reported conflicts per story id; `articlesOf` gives a story's article ids. A story absent from `reported`
 * counts as reporting none.
 */
export function scoreConflicts(
  truth: ConflictTruth,
  reported: ReadonlyMap<string, readonly ReportedConflict[]>,
  articlesOf: (story: string) => ReadonlySet<string>,
): ConflictScores {
  const conflictsOf = (story: string) => validConflicts(reported.get(story) ?? [], articlesOf(story));
  const byKind = new Map<string, { found: number; total: number }>();
  let found = 0;
  for (const plant of truth.planted) {
    const hit = conflictsOf(plant.story).some((c) => findsPlant(c, plant));
    if (hit) found++;
    const entry = byKind.get(plant.kind) ?? { found: 0, total: 0 };
    entry.total++;
    if (hit) entry.found++;
    byKind.set(plant.kind, entry);
  }
  let inPlanted = 0;
  let relevant = 0;
  for (const story of new Set(truth.planted.map((p) => p.story))) {
    const plants = truth.planted.filter((p) => p.story === story);
    for (const conflict of conflictsOf(story)) {
      inPlanted++;
      if (plants.some((p) => findsPlant(conflict, p) || conflict.sides.some((s) => s.article === p.article))) relevant++;
    }
  }
  const controlConflicts = truth.controls.reduce((sum, story) => sum + conflictsOf(story).length, 0);
  const recallOf = (kind: string) => {
    const entry = byKind.get(kind);
    return entry && entry.total ? entry.found / entry.total : Number.NaN;
  };
  return {
    recall: truth.planted.length ? found / truth.planted.length : Number.NaN,
    recall_number: recallOf('number'),
    recall_date: recallOf('date'),
    recall_name: recallOf('name'),
    found,
    planted: truth.planted.length,
    precision_proxy: inPlanted ? relevant / inPlanted : Number.NaN,
    planted_story_conflicts: inPlanted,
    false_conflict_rate: truth.controls.length ? controlConflicts / truth.controls.length : Number.NaN,
    control_conflicts: controlConflicts,
  };
}
