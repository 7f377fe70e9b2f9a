#!/usr/bin/env node
// The command line entry: runs the TypeScript sources as they are in the tree, nothing to build first.
import { fileURLToPath } from 'node:url';
import { importTs } from './run-ts.mjs';

const { runCli } = await importTs(fileURLToPath(new URL('./main.ts', import.meta.url)));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  readStdin,
});
