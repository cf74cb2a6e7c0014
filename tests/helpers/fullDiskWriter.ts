/**
 * Run as a child process under `ulimit -f` (tests/unit/updateLog.test.ts): the update log of DATA_DIR
 * (argv[2]) on a disk that fills up. One small update is written through the log's first, opening
 * write; then one larger than the space left is appended while the file is open and idle, so it takes
 * the log's direct write on the main thread and is cut short by the limit. Prints, as JSON, what the
 * log reported.
 */
import { openUpdateLog } from '../../server/storage/updateLog.ts';
import { createLogger } from '../../server/log.ts';

const log = openUpdateLog(process.argv[2]!, createLogger('silent'));
const failures: string[] = [];
log.onWriteFailure((id) => failures.push(id));
log.append('doc', new Uint8Array(100).fill(1));
await log.flush();
const failedBefore = log.failed('doc');
log.append('doc', new Uint8Array(8 * 1024).fill(2));
await new Promise((resolve) => setImmediate(resolve));
const failuresAtOnce = [...failures];
// Refused: it would follow a gap.
log.append('doc', new Uint8Array(10).fill(3));
await log.flush();
console.log(JSON.stringify({ failedBefore, failuresAtOnce, failures, failed: log.failed('doc') }));
await log.close();
