import { Logger } from '@nestjs/common';
import type { ProcessRole } from '../config/environment';

/**
 * A periodic clean-up that only the worker role runs. A failed run is logged and the next one
 * tries again; the timer never keeps the process alive.
 */
export class WorkerChore {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;

  constructor(
    name: string,
    private readonly everyMs: number,
    private readonly run: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(role: ProcessRole): void {
    if (role === 'api') return;
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) => this.logger.warn(`Run failed: ${String(error)}`));
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
