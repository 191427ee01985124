import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { MigrationError } from './database/migrate';
import { startServer } from './server';

async function main(): Promise<void> {
  const logger = new Logger('Aftalerum');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }

  // A promise that rejects with nobody waiting is a bug to fix, but not one that should take
  // every editor and hearing offline: log it loudly (the fault tests fail on this line) and go on.
  process.on('unhandledRejection', (reason) => {
    logger.error(`unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (error) {
    const message = error instanceof MigrationError || error instanceof Error ? error.message : String(error);
    logger.error(`Aftalerum could not start: ${message}`);
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received; stopping`);
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await server.close().catch((error: unknown) => logger.error(String(error)));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
