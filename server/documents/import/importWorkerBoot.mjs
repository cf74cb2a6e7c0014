// Entry of the import worker thread when run from the sources: registers tsx in this thread, then
// loads the TypeScript worker. (Worker threads ignore --import in execArgv.)
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
