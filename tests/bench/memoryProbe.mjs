// Preloaded (`--import`) into our server's child process by the bench, never by the server itself.
// On the parent's request over IPC: `memory?` collects garbage (the child runs with --expose-gc) and
// answers process.memoryUsage(), so heap figures are of live objects only; `{ profile: 'start' }` and
// `{ profile: 'stop', file }` take a CPU profile of just that window through the inspector (unlike
// --cpu-prof, which covers start-up and the bench's setup too) and write it to `file`. Plain
// JavaScript: the server runs as `npm start` runs it, without a TypeScript loader.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

let session;
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

process.on('message', async (message) => {
  if (message === 'memory?') {
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  } else if (message?.profile === 'start') {
    session = new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    process.send?.({ profiling: true });
  } else if (message?.profile === 'stop' && session) {
    const { profile } = await post('Profiler.stop');
    writeFileSync(message.file, JSON.stringify(profile));
    session.disconnect();
    session = undefined;
    process.send?.({ profiled: message.file });
  }
});
