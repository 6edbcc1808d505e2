import type { PGlite } from '@electric-sql/pglite';
import type { Hono } from 'hono';
import { createSandboxApp } from './app';
import { createFaultController, type FaultController } from './faults';
import { createUrlSigner } from './media-library';
import { runSchedulerPass } from './scheduler';
import { seedIfEmpty } from './seed';
import { openDatabase } from './store';

export interface SandboxOptions {
  /** Folder of the PGlite database (created when missing); null keeps everything in memory. */
  dataDir: string | null;
  /** The sandbox's clock: timestamps, `send_after` and signed-URL expiry all read it. */
  now?: () => Date;
  /** Origin of signed upload URLs, e.g. `http://127.0.0.1:5180`; the request's origin otherwise. */
  publicOrigin?: string;
}

export interface Sandbox {
  app: Hono;
  db: PGlite;
  faults: FaultController;
  /** One delivery pass (see scheduler.ts); returns how many messages changed. */
  runScheduler(): Promise<number>;
  seedIfEmpty(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Mateo-compatible API over PGlite. Opening a fresh database takes seconds, so tests share
 * one sandbox per file.
 */
export async function createSandbox({
  dataDir,
  now = () => new Date(),
  publicOrigin,
}: SandboxOptions): Promise<Sandbox> {
  const db = await openDatabase(dataDir);
  const faults = createFaultController();
  const sandbox: Sandbox = {
    app: createSandboxApp({
      db,
      faults,
      now,
      signer: createUrlSigner(),
      ...(publicOrigin ? { publicOrigin } : {}),
    }),
    db,
    faults,
    runScheduler: () => runSchedulerPass(db, now()),
    seedIfEmpty: async () => {
      await seedIfEmpty(db, now());
    },
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
  try {
    await sandbox.seedIfEmpty();
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return sandbox;
}
