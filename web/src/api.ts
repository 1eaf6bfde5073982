/** The HTTP API as the page uses it; every failure becomes an ApiError with the API's violations. */

export interface Violation {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly violations: Violation[],
    message: string,
  ) {
    super(message);
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new CancelledError();
    throw error;
  }
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const payload = (data ?? {}) as { violations?: Violation[]; message?: string | string[] };
    const message = Array.isArray(payload.message)
      ? payload.message.join('; ')
      : (payload.message ?? response.statusText);
    throw new ApiError(response.status, payload.violations ?? [], message);
  }
  return data as T;
}

export const getJson = <T>(url: string) => request<T>('GET', url);
export const postJson = <T>(url: string, body: unknown, signal?: AbortSignal) =>
  request<T>('POST', url, body, signal);

/** A simulation run as `GET /simulations/:id` returns it. */
export interface SimulationRun<R = unknown> {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  progress: number;
  seed: string;
  trials: number;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  result: R | null;
}

/** How often a running simulation is polled for its progress. */
const POLL_INTERVAL_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Queues a run (`POST /simulations`), polls it until it is done, reporting progress, and cancels
 * it (`DELETE /simulations/:id`) when `signal` aborts.
 */
export async function runSimulation<R>(
  body: unknown,
  control: { signal: AbortSignal; onProgress: (fraction: number, status: string) => void },
): Promise<SimulationRun<R>> {
  const queued = await postJson<SimulationRun<R>>('/simulations', body);
  const cancel = () => void request('DELETE', `/simulations/${queued.id}`).catch(() => undefined);
  // Cancelled while the run was being queued: cancel it at once.
  if (control.signal.aborted) cancel();
  else control.signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      if (control.signal.aborted) throw new CancelledError();
      const run = await getJson<SimulationRun<R>>(`/simulations/${queued.id}`);
      control.onProgress(run.progress, run.status);
      if (run.status === 'done') return run;
      if (run.status === 'cancelled') throw new CancelledError();
      if (run.status === 'failed' || run.status === 'interrupted') {
        throw new ApiError(500, [], run.error ?? run.status);
      }
      await sleep(POLL_INTERVAL_MS);
    }
  } finally {
    control.signal.removeEventListener('abort', cancel);
  }
}
