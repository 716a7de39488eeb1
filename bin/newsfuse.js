#!/usr/bin/env node
// Entry point of the newsfuse CLI: runs the compiled program in dist/.
import { main } from '../dist/src/cli/main.js';

// A closed pipe (`newsfuse cluster ... | head`) ends the program quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
