import type { PgBoss, Queue } from 'pg-boss';

let queueCreation: Promise<unknown> = Promise.resolve();

/**
 * Creates a pg-boss queue, one creation at a time in this process. Each feature starts its own
 * pg-boss at bootstrap, and creating queues concurrently (DDL on pg-boss's tables) can deadlock
 * in PostgreSQL; creations are chained, and one another instance's start picked as a
 * deadlock's victim is tried again.
 */
export function createQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name'> = {}): Promise<void> {
  const created = queueCreation.then(async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, options);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
  queueCreation = created.catch(() => undefined);
  return created;
}
