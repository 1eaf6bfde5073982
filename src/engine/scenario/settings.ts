/** How a scenario is run; the seed and trials decide the result, workers and timings never do. */
export interface ScenarioRunSettings {
  trials: number;
  seed: string | number;
  /** Worker threads (compiled JavaScript only); default 1. */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The software version, stored with the result so a run can be reproduced. */
  version: string;
}
