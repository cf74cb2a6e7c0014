/** Open documents over a real update log: what loads, what is written on unload, and what is kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { RoomRegistry } from '../../server/collab/rooms.ts';
import { decodeRecords, encodeRecord } from '../../server/storage/logRecords.ts';
import { openUpdateLog } from '../../server/storage/updateLog.ts';
import { DocumentDamagedError } from '../../server/storage/errors.ts';
import { createLogger } from '../../server/log.ts';
import { tempDataDir } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/collabClient.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).toReversed()) await f();
});

function registry(graceMs: number, idleRequestRooms?: number) {
  const dir = tempDataDir();
  const states = openUpdateLog(dir, createLogger('silent'));
  const rooms = new RoomRegistry(states, () => () => {}, createLogger('silent'), { graceMs, idleRequestRooms });
  cleanup.push(async () => {
    await rooms.compactAll();
    await states.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = path.join(dir, 'documents', 'doc.ylog');
  const write = (bytes: Buffer) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  };
  return { rooms, states, file, write };
}

function stateWith(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('rooms', () => {
  it('refuses a document whose update Yjs cannot read, and leaves its file', async () => {
    const { rooms, file, write } = registry(0);
    const bytes = Buffer.concat([encodeRecord(stateWith('kept')), encodeRecord(new Uint8Array([255, 255, 255]))]);
    write(bytes);
    await expect(rooms.acquire('doc')).rejects.toBeInstanceOf(DocumentDamagedError);
    expect(readFileSync(file)).toEqual(bytes);
    expect(rooms.size).toBe(0);
  });

  it('writes nothing when a document that did not change is let go, and compacts one that did', async () => {
    const { rooms, file, write } = registry(0);
    write(Buffer.concat([encodeRecord(stateWith('one')), encodeRecord(stateWith('two'))]));
    const before = { bytes: readFileSync(file), ino: statSync(file).ino };
    expect(await rooms.use('doc', (room) => room.doc.getText('t').length)).toBe(6);
    expect(rooms.size).toBe(0);
    expect({ bytes: readFileSync(file), ino: statSync(file).ino }).toEqual(before);
    await rooms.use('doc', (room) => room.doc.getText('t').insert(0, 'three'));
    expect(decodeRecords(readFileSync(file)).updates).toHaveLength(1);
  });

  it('keeps a document nobody holds for its grace period and hands the same one to the next holder', async () => {
    const { rooms, write } = registry(60_000);
    write(encodeRecord(stateWith('text')));
    const first = await rooms.use('doc', (room) => room);
    expect(rooms.size).toBe(1);
    expect(await rooms.use('doc', (room) => room)).toBe(first);
  });

  it('discards a deleted document without writing it, also when it changed and is let go later', async () => {
    const { rooms, states, file, write } = registry(60_000);
    write(encodeRecord(stateWith('text')));
    const before = readFileSync(file);
    const room = await rooms.acquire('doc');
    room.doc.getText('t').insert(0, 'changed ');
    await rooms.discard('doc');
    await rooms.release(room);
    await rooms.compactAll();
    await states.flush();
    expect(rooms.size).toBe(0);
    // The edit was appended as every edit is, but the document was not compacted (written back whole).
    expect(decodeRecords(readFileSync(file)).updates).toHaveLength(2);
    expect(readFileSync(file).subarray(0, before.byteLength)).toEqual(before);
  });

  it('keeps at most the given number of documents only requests opened, dropping the least recently used', async () => {
    const { rooms } = registry(60_000, 2);
    await rooms.use('a', () => {});
    await rooms.use('b', () => {});
    // Read again: 'a' is now the most recently used.
    await rooms.use('a', () => {});
    await rooms.use('c', () => {});
    await waitFor(() => rooms.loaded('b') === undefined, 5000, 'the least recently used document to leave');
    expect(rooms.size).toBe(2);
    expect(rooms.loaded('a')).toBeDefined();
    expect(rooms.loaded('c')).toBeDefined();
  });

  it('writes a changed document dropped for a newer one before it leaves', async () => {
    const { rooms, states, write, file } = registry(60_000, 1);
    write(encodeRecord(stateWith('one')));
    await rooms.use('doc', (room) => room.doc.getText('t').insert(0, 'two '));
    await rooms.use('other', () => {});
    await waitFor(() => rooms.loaded('doc') === undefined, 5000, 'the older document to leave');
    await states.flush();
    const { updates } = decodeRecords(readFileSync(file));
    expect(updates).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, updates[0]!);
    expect(doc.getText('t').toString()).toBe('two one');
  });

  it('keeps every document a socket held for the whole grace period, however many', async () => {
    const { rooms } = registry(60_000, 1);
    for (const id of ['a', 'b', 'c']) await rooms.release(await rooms.acquire(id, 'socket'));
    // A request on a document a socket held does not make it a request's document.
    await rooms.use('a', () => {});
    await rooms.use('d', () => {});
    await rooms.use('e', () => {});
    await waitFor(() => rooms.loaded('d') === undefined, 5000, 'the document only a request read to leave');
    expect(rooms.size).toBe(4);
    for (const id of ['a', 'b', 'c', 'e']) expect(rooms.loaded(id)).toBeDefined();
  });
});
