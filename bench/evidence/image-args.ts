/** What both image baselines are given: the screenshots, where to write, how many at once. */
export interface ImageWorkArgs {
  files: string[];
  outDir: string;
  /** The evidence queue's concurrency, JOB_CONCURRENCY. */
  concurrency: number;
  /** EVIDENCE_MAX_IMAGE_PIXELS, as Bulwark decodes with it. */
  pixelLimit: number;
}
