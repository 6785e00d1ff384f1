/**
 * The loop that publishes scheduled articles, run by every `depeche serve` process. It holds
 * no schedule of its own: each tick asks the database what is due, so a restart loses
 * nothing and several processes publish each article once (see WorkflowService.publishDue).
 */
import type { WorkflowService } from './workflow-service.js';

/** What the loop reports. */
export interface SchedulerEvents {
  onPublished?: (ids: number[]) => void;
  onError?: (error: unknown) => void;
}

/** Seconds between two looks at the schedule. */
export const SCHEDULER_INTERVAL_MS = 5_000;

/** A periodic call of `publishDue`, one tick at a time. */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly workflow: WorkflowService,
    private readonly events: SchedulerEvents = {},
    private readonly intervalMs = SCHEDULER_INTERVAL_MS,
  ) {}

  /** One pass: publishes what is due now. Errors are reported, never thrown (the next tick retries). */
  async tick(): Promise<number[]> {
    try {
      const ids = await this.workflow.publishDue();
      if (ids.length > 0) this.events.onPublished?.(ids);
      return ids;
    } catch (error) {
      this.events.onError?.(error);
      return [];
    }
  }

  /** Starts the loop with an immediate pass (what fell due while no process ran). */
  start(): void {
    if (this.timer !== undefined) return;
    const run = () => {
      // A slow pass is not overlapped by the next one.
      if (this.running !== undefined) return;
      this.running = this.tick().then(() => {
        this.running = undefined;
      });
    };
    run();
    this.timer = setInterval(run, this.intervalMs);
    this.timer.unref();
  }

  /** Stops the loop and waits for a pass in progress. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
