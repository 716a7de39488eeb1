// Shapes shared by the evaluation modules: one row per data set and metric group.

export interface EvalRow {
  /** Data set, e.g. `ecbplus-dev`. */
  dataset: string;
  /** Task, e.g. `clustering`, `extraction`. */
  task: string;
  /** Metric name -> value (0..1 for scores; counts allowed). */
  metrics: Record<string, number>;
  /** Published or baseline figures to print beside ours, same metric names. */
  reference?: Record<string, number>;
  referenceLabel?: string;
  /** Wall time of the run in ms. */
  ms: number;
  note?: string;
}

/** A data set that could not be scored, with the reason (absent folder, failed command). */
export interface EvalSkip {
  dataset: string;
  task: string;
  reason: string;
}

export type EvalOutcome = EvalRow | EvalSkip;
