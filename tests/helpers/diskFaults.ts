/**
 * A full or a slow disk, played in front of both ways the server writes a whole file: on the main
 * thread (fs.promises.open with 'w', as durableFile.ts opens its temporary file) and on the record
 * files' writer thread (storage/durableWriter.ts). `only` limits the fault to files whose path holds it.
 */
import { promises as fsPromises } from 'node:fs';
import { vi } from 'vitest';
import { durableWrites } from '../../server/storage/durableWriter.ts';

const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** Every whole-file write (of files matching `only`) fails as on a full disk, until restored. */
export function diskFull(only?: string): () => void {
  return standInFront(async () => {
    throw noSpace();
  }, only);
}

/** Every whole-file write (of files matching `only`) waits until released, until restored. */
export function diskHeld(only?: string): { held: Array<() => void>; restore: () => void } {
  const held: Array<() => void> = [];
  const restore = standInFront(() => new Promise<void>((resolve) => held.push(resolve)), only);
  return { held, restore };
}

function standInFront(fault: () => Promise<void>, only: string | undefined): () => void {
  const applies = (file: unknown) => only === undefined || String(file).includes(only);
  const realOpen = fsPromises.open.bind(fsPromises);
  const open = vi.spyOn(fsPromises, 'open').mockImplementation(async (file, flags, mode) => {
    if (flags === 'w' && applies(file)) await fault();
    return realOpen(file, flags, mode);
  });
  const realWrite = durableWrites.write;
  const write = vi.spyOn(durableWrites, 'write').mockImplementation(async (file, data) => {
    if (applies(file)) await fault();
    return realWrite(file, data);
  });
  return () => {
    open.mockRestore();
    write.mockRestore();
  };
}
