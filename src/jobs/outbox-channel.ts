/** The PostgreSQL channel that tells the relay rows wait to be handed to BullMQ. */
export const OUTBOX_CHANNEL = 'bulwark_outbox';
