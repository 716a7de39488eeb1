#!/usr/bin/env node
// Entry point of the newsfuse CLI: runs the compiled program in dist/.
import { main } from '../dist/src/cli/main.js';
main(process.argv).then((code) => { process.exitCode = code; });
