/**
 * One lowdb JSON file with durable writes and all-or-nothing changes, committed in groups. Changes
 * run one at a time, in call order. The changes asked for while a write is on its way to disk wait;
 * once it is done, they are applied and go to disk together in the next write. A caller hears back
 * only once a write holding its change is on disk, as before. What grouping changes is the queue: one
 * write each, one after the other, let fifty people commenting every few seconds queue behind a slow
 * disk or a busy event loop (benchmark (g), docs/benchmarks.md); now each waits for at most the write
 * in progress and its own.
 *
 * Should a write fail (full disk, no permission), the file is read back so memory holds exactly what
 * the disk holds, and every caller whose change that write held gets a StorageWriteError.
 */
import { Low } from 'lowdb';
import { DurableJSONFile, type FileWriter } from './jsonFileAdapter.ts';
import { CorruptDataError, StorageWriteError } from './errors.ts';

interface Pending<Shape> {
  fn: (data: Shape) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class JsonStore<Shape> {
  private readonly db: Low<Shape>;
  private readonly adapter: DurableJSONFile<Shape>;
  /** Changes asked for while a write was in progress: the next write's. */
  private pending: Array<Pending<Shape>> = [];
  private committing: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    private readonly initial: () => Shape,
    writeFile?: FileWriter,
  ) {
    this.adapter = new DurableJSONFile<Shape>(file, writeFile);
    this.db = new Low<Shape>(this.adapter, initial());
  }

  static async open<Shape>(file: string, initial: () => Shape, isValid: (data: Shape) => boolean, writeFile?: FileWriter): Promise<JsonStore<Shape>> {
    const store = new JsonStore<Shape>(file, initial, writeFile);
    await store.db.read();
    if (!isValid(store.db.data)) throw new CorruptDataError(file, 'it does not have the expected structure');
    return store;
  }

  /** The data as it is; callers must not mutate it outside change(). */
  get data(): Shape {
    return this.db.data;
  }

  /**
   * Runs fn on the data and resolves with its result once the change is on disk. A change that throws
   * is refused alone (it must throw before it mutates anything, as before); the others of its group
   * are written.
   */
  change<T>(fn: (data: Shape) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.committing ??= this.commitAll();
    });
  }

  /** Resolves once every change so far is written (or refused). */
  async settled(): Promise<void> {
    await this.committing;
  }

  private async commitAll(): Promise<void> {
    // Started from within change(): changes asked for in the same synchronous stretch (a loop over
    // several records) join the first group rather than waiting for the next write.
    await Promise.resolve();
    while (this.pending.length > 0) {
      const group = this.pending.splice(0);
      const applied: Array<{ change: Pending<Shape>; result: unknown }> = [];
      for (const change of group) {
        try {
          applied.push({ change, result: change.fn(this.db.data) });
        } catch (error) {
          change.reject(error);
        }
      }
      if (applied.length === 0) continue;
      try {
        await this.db.write();
        for (const { change, result } of applied) change.resolve(result);
      } catch (error) {
        // Back to what the disk holds; a file never written yet means the empty initial state
        // (lowdb's own read() would keep the failed changes in memory then).
        let refusal: unknown = new StorageWriteError(`Could not save ${this.file}: ${(error as Error).message}`);
        try {
          this.db.data = (await this.adapter.read()) ?? this.initial();
        } catch (readError) {
          refusal = readError;
        }
        for (const { change } of applied) change.reject(refusal);
      }
    }
    this.committing = null;
  }
}
