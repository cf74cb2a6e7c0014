/**
 * The record format of a document's update log, and reading it back. Record: [u32 LE length]
 * [u32 LE crc32 of the bytes][bytes]. Reading tells a torn last record (a write cut short by a crash)
 * from damage anywhere else; updateLog.ts, backups and the report tool decide what to do with each.
 */
import { crc32 } from 'node:zlib';

const HEADER_BYTES = 8;
/**
 * No record we append comes near this (a socket frame is at most 2 MiB; a whole document far less):
 * a longer length is damage, not a record cut short.
 */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + update.byteLength);
  record.writeUInt32LE(update.byteLength, 0);
  record.writeUInt32LE(crc32(update), 4);
  record.set(update, HEADER_BYTES);
  return record;
}

/**
 * What a log holds: its records, how many bytes of it are sound, and what is wrong with the rest.
 * `torn`: only the last record is incomplete, running past the end of the file, as a write cut short
 * by a crash leaves it. `damaged`: anything else (a checksum that fails on a record that is all
 * there, bytes after the records that are not one cut-short record); nothing in the file is trusted.
 */
export type DecodedLog =
  | { updates: Uint8Array[]; goodBytes: number; problem: null }
  | { updates: Uint8Array[]; goodBytes: number; problem: 'torn' | 'damaged'; detail: string };

export function decodeRecords(bytes: Buffer): DecodedLog {
  const updates: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.byteLength) {
    if (offset + HEADER_BYTES > bytes.byteLength) {
      return { updates, goodBytes: offset, problem: 'torn', detail: `the last ${bytes.byteLength - offset} bytes are an incomplete record header` };
    }
    const length = bytes.readUInt32LE(offset);
    const sum = bytes.readUInt32LE(offset + 4);
    // A machine crash can leave a file longer than what reached it, the rest zeros.
    if (length === 0 && sum === 0 && isZeros(bytes, offset)) {
      return { updates, goodBytes: offset, problem: 'torn', detail: `the last ${bytes.byteLength - offset} bytes are zeros` };
    }
    const end = offset + HEADER_BYTES + length;
    if (length > MAX_RECORD_BYTES) {
      return { updates, goodBytes: offset, problem: 'damaged', detail: `the record at byte ${offset} claims an impossible length (${length} bytes)` };
    }
    if (end > bytes.byteLength) {
      // A length damaged in the middle of the file also points past its end: what follows would
      // then still hold whole, valid records, which a cut-short last write never does.
      if (holdsARecord(bytes, offset + HEADER_BYTES)) {
        return { updates, goodBytes: offset, problem: 'damaged', detail: `the record at byte ${offset} has a damaged length; valid records follow it` };
      }
      return { updates, goodBytes: offset, problem: 'torn', detail: `the last record (at byte ${offset}) is cut short` };
    }
    const update = bytes.subarray(offset + HEADER_BYTES, end);
    if (crc32(update) !== sum) {
      return { updates, goodBytes: offset, problem: 'damaged', detail: `the record at byte ${offset} fails its checksum` };
    }
    updates.push(new Uint8Array(update));
    offset = end;
  }
  return { updates, goodBytes: offset, problem: null };
}

function isZeros(bytes: Buffer, from: number): boolean {
  for (let at = from; at < bytes.byteLength; at++) if (bytes[at] !== 0) return false;
  return true;
}

/** Whether a complete, non-empty record with a correct checksum starts anywhere in bytes[from..]. */
function holdsARecord(bytes: Buffer, from: number): boolean {
  for (let at = from; at + HEADER_BYTES < bytes.byteLength; at++) {
    const length = bytes.readUInt32LE(at);
    if (length === 0 || at + HEADER_BYTES + length > bytes.byteLength) continue;
    if (crc32(bytes.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length)) === bytes.readUInt32LE(at + 4)) return true;
  }
  return false;
}
