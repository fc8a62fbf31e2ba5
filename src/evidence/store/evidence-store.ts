import type { Readable } from 'node:stream';

/** Files derived from an original, kept beside it; never the original itself. */
export const DERIVED_VARIANTS = ['preview', 'thumbnail'] as const;
export type DerivedVariant = (typeof DERIVED_VARIANTS)[number];

/**
 * The write-once, content-addressed home of evidence bytes. Callers hand over a finished
 * temporary file and its SHA-256 and get bytes back by that hash; how and where they are kept is
 * the driver's business (local disk now, an S3-compatible bucket later).
 */
export interface EvidenceStore {
  /** A fresh path where an upload may be written before it is stored. */
  temporaryPath(): string;

  /**
   * Makes the temporary file the durable object for `sha256`, or drops it when that object is
   * already stored. When this resolves the bytes survive a crash; only then may a row name them.
   */
  adopt(temporaryPath: string, sha256: string): Promise<void>;

  has(sha256: string): Promise<boolean>;

  read(sha256: string): Promise<Readable>;

  /**
   * Runs `use` with a local file holding the object's bytes, for readers that need to seek (a
   * spreadsheet's zip directory sits at its end). The file is read-only and only valid inside
   * `use`; a remote driver downloads it to a temporary file first.
   */
  withLocalFile<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T>;

  /** Stores a derived file; writing the same variant again replaces it with the same content. */
  putDerived(sha256: string, variant: DerivedVariant, bytes: Buffer): Promise<void>;

  readDerived(sha256: string, variant: DerivedVariant): Promise<Readable>;

  /** Every stored object, for the sweep that removes those no row references. */
  listObjects(): AsyncIterable<StoredObject>;

  /** When the object was last stored or adopted again; undefined when it is not there. */
  modifiedAt(sha256: string): Promise<Date | undefined>;

  /** Removes an object and its derived files; only the sweep calls it. */
  remove(sha256: string): Promise<void>;

  /** Temporary files last written before `cutoff`: uploads that died midway. */
  removeTemporaryFilesOlderThan(cutoff: Date): Promise<number>;
}

export interface StoredObject {
  sha256: string;
  modifiedAt: Date;
}

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

const SHA256 = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
}
