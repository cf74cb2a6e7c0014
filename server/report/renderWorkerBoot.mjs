// Entry of the report worker thread: registers tsx in this thread, then loads the TypeScript worker.
// (Worker threads ignore --import in execArgv, so the loader is registered here.)
import { register } from 'tsx/esm/api';

register();
await import('./renderWorker.ts');
