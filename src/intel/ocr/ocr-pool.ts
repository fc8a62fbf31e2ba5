import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  createScheduler,
  createWorker,
  OEM,
  type RecognizeOptions,
  type Worker,
} from 'tesseract.js';
import { withoutLettersReadTwice } from './letters-read-twice';
import { type LanguageData, openLanguageData } from './ocr-languages';

export interface OcrPoolOptions {
  /** Worker threads; each holds its own copy of the engine and language data. */
  size: number;
  /** Tesseract language codes: eng, chi_sim. */
  languages: readonly string[];
  /** How long one image may take on a worker; the wait for a free worker does not count. */
  timeoutMs: number;
}

/** Tesseract parameters for one image, such as `tessedit_pageseg_mode`; the worker's own after. */
export type OcrParameters = Readonly<Record<string, string>>;

export interface OcrResult {
  /** Tesseract's text, with each Latin letter it read twice kept once. */
  text: string;
  /** Tesseract's mean word confidence, 0 to 100. */
  confidence: number;
  /** Time on the worker, without the wait for one. */
  durationMs: number;
}

/** Recognition ran past the pool's `timeoutMs`; its worker was replaced. */
export class OcrTimeoutError extends Error {
  override readonly name = 'OcrTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`OCR took longer than ${timeoutMs} ms and was abandoned`);
  }
}

export class OcrPoolStoppedError extends Error {
  override readonly name = 'OcrPoolStoppedError';

  constructor() {
    super('The OCR pool is stopped');
  }
}

/**
 * The scheduler as this pool uses it. tesseract.js's scheduler queues jobs and hands each to an
 * idle member by calling `member[action](...args, jobId)`; its types admit only its own workers,
 * but any member with an `id` and that method will do. The members here are slots, because the
 * scheduler cannot remove a worker, and a slot can swap out a worker that is stuck.
 */
interface SlotScheduler {
  addWorker(slot: WorkerSlot): string;
  addJob(action: 'recognize', image: Buffer, parameters: OcrParameters): Promise<OcrResult>;
  terminate(): Promise<unknown>;
}

interface Running {
  scheduler: SlotScheduler;
  slots: WorkerSlot[];
  languageData: LanguageData;
}

/**
 * A fixed number of tesseract.js workers behind one scheduler. Nothing is fetched over the
 * network: the engine comes from tesseract.js-core and the language data from the
 * @tesseract.js-data packages in node_modules.
 */
export class OcrPool {
  private running?: Promise<Running>;
  private stopped = false;
  private liveWorkers = 0;
  private readonly waiting = new Set<(error: Error) => void>();

  constructor(private readonly options: OcrPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`OCR pool size must be a whole number from 1, not ${options.size}`);
    }
    // Beyond 2^31 - 1 ms, setTimeout fires at once.
    if (!(options.timeoutMs > 0 && options.timeoutMs < 2 ** 31)) {
      throw new RangeError(
        `OCR timeout must be above 0 and below 2^31 ms, not ${options.timeoutMs}`,
      );
    }
  }

  /** Worker threads started and not yet terminated, including one still loading. */
  get workerCount(): number {
    return this.liveWorkers;
  }

  /** Starts the workers; recognize() calls it too, so calling it first only moves the wait. */
  async start(): Promise<void> {
    await this.run();
  }

  async recognize(image: Buffer, parameters: OcrParameters = {}): Promise<OcrResult> {
    const { scheduler } = await this.run();
    return new Promise((resolve, reject) => {
      this.waiting.add(reject);
      void scheduler
        .addJob('recognize', image, parameters)
        .then(resolve, reject)
        .finally(() => this.waiting.delete(reject));
    });
  }

  /** Terminates every worker; images still queued or being read are rejected. Final. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running = await this.running?.catch(() => undefined);
    for (const reject of this.waiting) reject(new OcrPoolStoppedError());
    this.waiting.clear();
    if (!running) return;
    await running.scheduler.terminate();
    await Promise.all(running.slots.map((slot) => slot.terminate()));
    await running.languageData.release();
  }

  private run(): Promise<Running> {
    if (this.stopped) return Promise.reject(new OcrPoolStoppedError());
    this.running ??= this.launch().catch((error: unknown) => {
      this.running = undefined;
      throw error;
    });
    return this.running;
  }

  private async launch(): Promise<Running> {
    const languageData = await openLanguageData(this.options.languages);
    const slots = Array.from(
      { length: this.options.size },
      (_, index) =>
        new WorkerSlot(
          `ocr-${index}`,
          () => this.spawnWorker(languageData.langPath),
          (worker) => this.retireWorker(worker),
          this.options.timeoutMs,
        ),
    );
    try {
      await Promise.all(slots.map((slot) => slot.ready()));
    } catch (error) {
      await Promise.all(slots.map((slot) => slot.terminate()));
      await languageData.release();
      throw error;
    }
    const scheduler = createScheduler() as unknown as SlotScheduler;
    for (const slot of slots) scheduler.addWorker(slot);
    return { scheduler, slots, languageData };
  }

  private async spawnWorker(langPath: string): Promise<Worker> {
    this.liveWorkers += 1;
    let failStart: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (failStart = reject));
    let worker: Worker | undefined;
    try {
      worker = await Promise.race([
        // The @tesseract.js-data models hold only the LSTM engine.
        createWorker(
          [...this.options.languages],
          OEM.LSTM_ONLY,
          {
            langPath,
            // Any other cache method writes <language>.traineddata into the working directory.
            cacheMethod: 'none',
            // tesseract.js reports a language that fails to load only here, and then never
            // settles createWorker. Without a handler it also rethrows every failed job inside
            // its message listener, an uncaught exception that ends the process.
            errorHandler: (message: unknown) =>
              failStart(new Error(`An OCR worker failed to start: ${String(message)}`)),
          },
          // Config-file text: no sub-languages. chi_sim asks for chi_sim_vert (vertical text),
          // which its package lacks; the attempt prints a garbled "Failed loading language" on
          // stderr for every worker.
          'tessedit_load_sublangs ',
        ),
        failed,
      ]);
      // Screenshots carry no real resolution (72 dpi from phones, 1 pixel a millimetre from
      // some encoders) and tesseract warns on stderr about each implausible one; accuracy was
      // the same from 70 to 300 in bench/intel.
      await worker.setParameters({ user_defined_dpi: '70' });
      return worker;
    } catch (error) {
      this.liveWorkers -= 1;
      await worker?.terminate();
      throw error;
    }
  }

  private async retireWorker(worker: Worker): Promise<void> {
    this.liveWorkers -= 1;
    // A recognize() begun in this same turn posts its job a few microtasks later; tesseract.js
    // throws outside any promise chain, ending the process, if the worker is gone by then.
    await nextTurn();
    await worker.terminate();
  }
}

/**
 * One place in the scheduler, holding one worker at a time. When recognition overruns, the
 * worker is terminated (its thread stops even mid-image) and a new one is started, so one bad
 * image costs one worker start, not a worker lost for good.
 */
class WorkerSlot {
  private worker: Promise<Worker>;
  private cancelCurrent?: (error: Error) => void;
  private terminating?: Promise<void>;

  constructor(
    readonly id: string,
    private readonly spawn: () => Promise<Worker>,
    private readonly retire: (worker: Worker) => Promise<void>,
    private readonly timeoutMs: number,
  ) {
    this.worker = this.startWorker();
  }

  async ready(): Promise<void> {
    await this.worker;
  }

  // A property, not a method: the scheduler calls it detached from the slot.
  readonly recognize = async (image: Buffer, parameters: OcrParameters): Promise<OcrResult> => {
    if (this.terminating) throw new OcrPoolStoppedError();
    const cancelled = new Promise<never>((_, reject) => (this.cancelCurrent = reject));
    let worker: Worker | undefined;
    try {
      worker = await Promise.race([this.currentWorker(), cancelled]);
      const startedAt = performance.now();
      const { data } = await deadline(
        // The layout, with each symbol's box, finds letters read twice.
        // tesseract.js sets any other option as a tesseract parameter for this image alone.
        Promise.race([
          worker.recognize(image, parameters as Partial<RecognizeOptions>, { blocks: true }),
          cancelled,
        ]),
        this.timeoutMs,
        () => new OcrTimeoutError(this.timeoutMs),
      );
      return {
        text: withoutLettersReadTwice(data.text, data.blocks ?? []),
        confidence: data.confidence,
        durationMs: performance.now() - startedAt,
      };
    } catch (error) {
      if (error instanceof OcrTimeoutError && worker) this.replace(worker);
      // tesseract.js rejects with the worker's error message, a string.
      throw error instanceof Error ? error : new Error(`OCR failed: ${String(error)}`);
    } finally {
      this.cancelCurrent = undefined;
    }
  };

  terminate(): Promise<void> {
    this.terminating ??= (async () => {
      this.cancelCurrent?.(new OcrPoolStoppedError());
      const worker = await this.worker.catch(() => undefined);
      if (worker) await this.retire(worker);
    })();
    return this.terminating;
  }

  private async currentWorker(): Promise<Worker> {
    try {
      return await this.worker;
    } catch (error) {
      // The next image on this slot tries a fresh worker instead of failing forever.
      if (!this.terminating) this.worker = this.startWorker();
      throw error;
    }
  }

  private replace(stuck: Worker): void {
    if (this.terminating) return;
    void this.retire(stuck);
    this.worker = this.startWorker();
  }

  private startWorker(): Promise<Worker> {
    const worker = this.spawn();
    // A failed start is reported to the next image on this slot, not as an unhandled rejection.
    worker.catch(() => undefined);
    return worker;
  }
}

/** `work`, or `error()` once `ms` have passed, whichever comes first. */
async function deadline<T>(work: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
