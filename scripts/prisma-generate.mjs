#!/usr/bin/env node
// `prisma generate` offline: the CLI insists on a native schema engine it would download, though
// generate never runs it (the client uses the WASM query compiler). Point it at a dummy binary.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaBin = path.join(root, 'node_modules/.bin/prisma');
const result = spawnSync(prismaBin, ['generate', '--config', 'prisma/prisma.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || '/bin/true',
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    DATABASE_URL: process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/govpocket',
  },
});
process.exit(result.status ?? 1);
