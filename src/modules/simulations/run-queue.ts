/**
 * A first-in, first-out queue of background jobs run one at a time off the request thread (a
 * simulation already uses both cores through its own worker threads). Each job gets an
 * AbortSignal so a DELETE can cancel it while queued or running.
 */
export interface QueuedJob {
  id: string;
  run(signal: AbortSignal): Promise<void>;
}

export class RunQueue {
  private readonly waiting: QueuedJob[] = [];
  private current: { id: string; controller: AbortController; done: Promise<void> } | null = null;

  enqueue(job: QueuedJob): void {
    this.waiting.push(job);
    if (!this.current) this.next();
  }

  /** Removes a waiting job or aborts the running one; false if the queue does not hold it. */
  cancel(id: string): boolean {
    const index = this.waiting.findIndex((j) => j.id === id);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      return true;
    }
    if (this.current?.id === id) {
      this.current.controller.abort();
      return true;
    }
    return false;
  }

  /** Aborts everything (on shutdown) and waits for the running job to settle. */
  async drain(): Promise<void> {
    this.waiting.length = 0;
    const current = this.current;
    if (current) {
      current.controller.abort();
      await current.done;
    }
  }

  private next(): void {
    const job = this.waiting.shift();
    if (!job) {
      this.current = null;
      return;
    }
    const controller = new AbortController();
    const done = job
      .run(controller.signal)
      .catch(() => undefined)
      .finally(() => this.next());
    this.current = { id: job.id, controller, done };
  }
}
