import { badInput } from '../../src/common/domain-error';
import { serveTask } from '../../src/documents/bounded-worker';

export type Misbehaviour = 'echo' | 'refuse' | 'fail' | 'hog-memory' | 'spin' | 'exit';

// A worker for the bounded-worker spec: does, on request, what a hostile document makes a parser do.
serveTask(async ({ mode, value }: { mode: Misbehaviour; value?: string }) => {
  switch (mode) {
    case 'echo':
      return { echoed: value };
    case 'refuse':
      throw badInput('Word-dokumentet er tomt.');
    case 'fail':
      throw new TypeError('parser bug');
    case 'hog-memory': {
      const kept: string[][] = [];
      for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${kept.length}`));
    }
    case 'spin':
      for (;;);
    case 'exit':
      process.exit(3);
  }
});
