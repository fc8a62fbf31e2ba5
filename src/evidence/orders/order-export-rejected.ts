/** An export that cannot be read as a whole, with a reason a seller understands. */
export class OrderExportRejected extends Error {}
