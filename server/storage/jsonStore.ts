/**
 * One lowdb JSON file with durable writes and all-or-nothing changes. change() runs one change at a
 * time; should the write fail (full disk, no permission), the file is read back so memory holds
 * exactly what the disk holds, and the caller gets a StorageWriteError.
 */
import { Low } from 'lowdb';
import { DurableJSONFile } from './jsonFileAdapter.ts';
import { CorruptDataError, StorageWriteError } from './errors.ts';

export class JsonStore<Shape> {
  private readonly db: Low<Shape>;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly adapter: DurableJSONFile<Shape>;

  private constructor(
    readonly file: string,
    private readonly initial: () => Shape,
  ) {
    this.adapter = new DurableJSONFile<Shape>(file);
    this.db = new Low<Shape>(this.adapter, initial());
  }

  static async open<Shape>(file: string, initial: () => Shape, isValid: (data: Shape) => boolean): Promise<JsonStore<Shape>> {
    const store = new JsonStore<Shape>(file, initial);
    await store.db.read();
    if (!isValid(store.db.data)) throw new CorruptDataError(file, 'it does not have the expected structure');
    return store;
  }

  /** The data as it is; callers must not mutate it outside change(). */
  get data(): Shape {
    return this.db.data;
  }

  change<T>(fn: (data: Shape) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const result = fn(this.db.data);
      try {
        await this.db.write();
      } catch (error) {
        // Back to what the disk holds; a file never written yet means the empty initial state
        // (lowdb's own read() would keep the failed change in memory then).
        this.db.data = (await this.adapter.read()) ?? this.initial();
        throw new StorageWriteError(`Could not save ${this.file}: ${(error as Error).message}`);
      }
      return result;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** Resolves once every change so far is written. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}
