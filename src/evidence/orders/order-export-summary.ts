/** How many rows of an order export became records, and why the others did not. */
export interface OrderExportSummary {
  layout: string;
  orderRows: number;
  badRows: number;
  /** The first few bad rows, so a seller can find and fix them. */
  badRowSamples: { row: number; reason: string }[];
}
