#!/usr/bin/env node
// Entry point of the newsfuse CLI: runs the compiled program in dist/.
import module from 'node:module';

// Node 22+ keeps V8's compiled code of the modules between runs (module.enableCompileCache), here inside the
// package (.tmp/, ignored by git), never in a system folder; Node 20 has no such cache and skips this.
module.enableCompileCache?.(new URL('../.tmp/compile-cache', import.meta.url).pathname);

// A closed pipe (`newsfuse cluster ... | head`) ends the program quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// Imported after the cache is set up, so that it covers the program's modules.
const { main } = await import('../dist/src/cli/main.js');
main(process.argv).then((code) => {
  process.exitCode = code;
});
