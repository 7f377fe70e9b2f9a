#!/usr/bin/env node
// The command line entry: runs the TypeScript sources through tsx, so there is nothing to build first.
import { tsImport } from 'tsx/esm/api';

const { runCli } = await tsImport('./main.ts', import.meta.url);

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const io = {
  stdout: (line) => process.stdout.write(line + '\n'),
  stderr: (line) => process.stderr.write(line + '\n'),
  readStdin,
};

process.exitCode = await runCli(process.argv.slice(2), io);
