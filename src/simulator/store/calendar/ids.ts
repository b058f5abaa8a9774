/**
 * Identifiers shaped like Exchange's, so clients that sniff them (length, base64, `AAMk` prefix) are not
 * surprised. They are opaque to clients; only occurrence ids are decoded, because Exchange's occurrence
 * ids also carry the master's id and the occurrence's original start, and GetItem must resolve them.
 */
import { createHash } from 'node:crypto';
import { StoreError } from './errors.js';

/** `AAMk` in base64: the first bytes of an Exchange 2010+ item id. */
const ITEM_PREFIX = [0x00, 0x03, 0x24];
const KIND_ITEM = 0x00;
const KIND_OCCURRENCE = 0x4f;
/** A real ChangeKey decodes to 0x0F000000 0x16000000 then 22 bytes: keep the same frame. */
const CHANGE_KEY_PREFIX = [0x0f, 0, 0, 0, 0x16, 0, 0, 0];

function digest(text: string, bytes: number): Buffer {
  return createHash('sha256').update(text).digest().subarray(0, bytes);
}

function uint48(n: number): Buffer {
  const b = Buffer.alloc(6);
  b.writeUIntBE(n % 2 ** 48, 0, 6);
  return b;
}

/** A new item id for `mailbox`; `token` must be unique in the store. */
export function makeItemId(mailbox: string, token: string): string {
  return Buffer.concat([Buffer.from([...ITEM_PREFIX, KIND_ITEM]), digest(mailbox.toLowerCase(), 16), Buffer.from([0x46]), Buffer.from(token, 'utf8')]).toString('base64');
}

/** The default token: the store's counter, six bytes like an Exchange entry id's tail. */
export function counterToken(n: number): string {
  return uint48(n).toString('latin1');
}

export function makeChangeKey(mailbox: string, sequence: number): string {
  return Buffer.concat([Buffer.from(CHANGE_KEY_PREFIX), digest(mailbox.toLowerCase(), 16), uint48(sequence)]).toString('base64');
}

/** An occurrence id: the master id and the original start (epoch ms) packed together. */
export function makeOccurrenceId(masterId: string, originalStart: string): string {
  const when = Buffer.alloc(8);
  when.writeBigInt64BE(BigInt(Date.parse(originalStart)));
  return Buffer.concat([Buffer.from([...ITEM_PREFIX, KIND_OCCURRENCE]), when, Buffer.from(masterId, 'utf8')]).toString('base64');
}

export type ParsedId = { readonly kind: 'item'; readonly id: string } | { readonly kind: 'occurrence'; readonly masterId: string; readonly originalStart: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Tells item ids from occurrence ids; anything not built by this module is ErrorInvalidIdMalformed. */
export function parseId(id: string): ParsedId {
  const bytes = BASE64.test(id) ? Buffer.from(id, 'base64') : Buffer.alloc(0);
  const prefixOk = bytes.length >= 12 && ITEM_PREFIX.every((b, i) => bytes[i] === b);
  if (prefixOk && bytes[3] === KIND_ITEM) return { kind: 'item', id };
  if (prefixOk && bytes[3] === KIND_OCCURRENCE) {
    const when = Number(bytes.readBigInt64BE(4));
    const masterId = bytes.subarray(12).toString('utf8');
    if (Number.isFinite(when) && masterId.length > 0) return { kind: 'occurrence', masterId, originalStart: new Date(when).toISOString().replace('.000Z', 'Z') };
  }
  throw new StoreError('ErrorInvalidIdMalformed', 'Id is malformed.');
}

/**
 * A GlobalObjectId in the hex form EWS returns as UID ([MS-OXOCAL] 2.2.1.27): the fixed class id,
 * a zero instance date (a whole series or single), the creation FILETIME, eight reserved zero bytes,
 * the data size (16, little-endian) and sixteen data bytes, here derived from a unique seed.
 */
export function makeGlobalObjectId(createdMs: number, seed: string): string {
  const filetime = Buffer.alloc(8);
  filetime.writeBigUInt64LE((BigInt(createdMs) + 11_644_473_600_000n) * 10_000n);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(16);
  const parts = [Buffer.from('040000008200E00074C5B7101A82E008', 'hex'), Buffer.alloc(4), filetime, Buffer.alloc(8), size, digest(seed, 16)];
  return Buffer.concat(parts).toString('hex').toUpperCase();
}
