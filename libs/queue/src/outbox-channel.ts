/** The Postgres NOTIFY channel Outbox.publish signals on at commit, and the relays LISTEN to. */
export const OUTBOX_CHANNEL = 'gds_outbox';
