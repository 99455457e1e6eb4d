import { z } from "zod";

// Upstream strings that end up in an index or a key (primary keys, the webhook dedupe key, indexed
// columns such as status, customer reference or country) are bounded here. A B-tree entry must fit
// in about a third of a page (2.7 KB), so an unbounded value made the write fail with "index row
// requires … bytes"; bounded by the schema, it is a contract breach instead: a SyncError in sync, a
// 400 at a webhook. The bounds are far above anything the providers send.
export const MAX_ID = 200;
export const MAX_TYPE = 100;
/** Shared secrets and challenges compared or echoed by a webhook; never part of a key. */
export const MAX_SECRET = 1000;

// PostgreSQL cannot store NUL in a text value at all: a key holding one made the write fail (a 500 at a
// webhook, which the provider then retried for ever). It is refused like an over-long key.
const NO_NUL = /^[^\u0000]*$/;

/** Ids, references and record keys. */
export const ZIdSchema = z.string().max(MAX_ID).regex(NO_NUL, "must not contain a NUL character");
/** Types, statuses, codes. */
export const ZTypeSchema = z.string().max(MAX_TYPE).regex(NO_NUL, "must not contain a NUL character");
