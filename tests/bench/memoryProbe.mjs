// Preloaded (`--import`) into the server child process of the memory benchmark, never by the server
// itself: on the parent's request over IPC, collects garbage (the child runs with --expose-gc) and
// answers with process.memoryUsage(), so heap figures are of live objects only. Plain JavaScript:
// the server runs as `npm start` runs it, without a TypeScript loader.
process.on('message', (message) => {
  if (message !== 'memory?') return;
  globalThis.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
