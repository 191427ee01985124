import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type AutosaveHandlers } from './autosave';

interface Form {
  summary: string;
}

const DELAY = 2_500;

/** A save the test settles by hand, to look at what happens while it is under way. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function setup(initial: Form = { summary: '' }, save?: AutosaveHandlers<Form, string>['save']) {
  const saved: Form[] = [];
  const handlers = {
    save: vi.fn(save ?? (async (form: Form) => (saved.push(form), '2026-05-01T10:00:00Z'))),
    send: vi.fn<(form: Form) => void>(),
    onSaving: vi.fn<(saving: boolean) => void>(),
    onSaved: vi.fn<(at: string) => void>(),
    onFailed: vi.fn<(error: unknown) => void>(),
  };
  const autosave = new Autosave<Form, string>(initial, handlers, DELAY);
  return { autosave, handlers, saved };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Autosave', () => {
  it('saves once, a moment after the last change, with what the form holds then', async () => {
    const { autosave, handlers, saved } = setup();
    autosave.change({ summary: 'V' });
    await vi.advanceTimersByTimeAsync(1_000);
    autosave.change({ summary: 'Vi' });
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    expect(handlers.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([{ summary: 'Vi' }]);
    expect(handlers.onSaved).toHaveBeenCalledWith('2026-05-01T10:00:00Z');
    expect(handlers.onSaving.mock.calls).toEqual([[true], [false]]);
  });

  it('saves nothing while the form is what was restored or last saved', async () => {
    const { autosave, handlers } = setup({ summary: 'Hentet frem' });
    autosave.change({ summary: 'Hentet frem' });
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(handlers.save).not.toHaveBeenCalled();

    autosave.change({ summary: 'Ændret' });
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.change({ summary: 'Ændret' });
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(handlers.save).toHaveBeenCalledTimes(1);
  });

  it('saves one at a time: a change during a save is saved after it, with the latest form', async () => {
    const first = deferred<string>();
    let running = 0;
    let most = 0;
    const { autosave, handlers } = setup({ summary: '' }, async (form) => {
      running += 1;
      most = Math.max(most, running);
      try {
        return form.summary === 'a' ? await first.promise : 'later';
      } finally {
        running -= 1;
      }
    });
    autosave.change({ summary: 'a' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(handlers.save).toHaveBeenCalledTimes(1);

    autosave.change({ summary: 'ab' });
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.change({ summary: 'abc' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(handlers.save).toHaveBeenCalledTimes(1);

    first.resolve('first');
    await vi.advanceTimersByTimeAsync(0);
    expect(handlers.save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(handlers.save.mock.calls.map(([form]) => form.summary)).toEqual(['a', 'abc']);
    expect(most).toBe(1);
  });

  it('reports a failed save and keeps the form unsaved, so leaving the page still sends it', async () => {
    const failure = new Error('Netværksfejl');
    const { autosave, handlers } = setup({ summary: '' }, async () => {
      throw failure;
    });
    autosave.change({ summary: 'Vigtigt' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(handlers.onFailed).toHaveBeenCalledWith(failure);
    expect(handlers.onSaved).not.toHaveBeenCalled();

    autosave.flush();
    expect(handlers.send).toHaveBeenCalledWith({ summary: 'Vigtigt' });
  });

  it('flush sends what is unsaved at once, without the debounce, and only once', () => {
    const { autosave, handlers } = setup();
    autosave.change({ summary: 'Ikke gemt endnu' });
    autosave.flush();
    expect(handlers.send).toHaveBeenCalledTimes(1);
    expect(handlers.send).toHaveBeenCalledWith({ summary: 'Ikke gemt endnu' });
    autosave.flush();
    expect(handlers.send).toHaveBeenCalledTimes(1);
  });

  it('flush sends nothing when the last save holds the form', async () => {
    const { autosave, handlers } = setup();
    autosave.change({ summary: 'Gemt' });
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.flush();
    expect(handlers.send).not.toHaveBeenCalled();
  });

  it('on dispose drops the pending save and sends the unsaved form instead', async () => {
    const { autosave, handlers } = setup();
    autosave.change({ summary: 'Halvfærdig' });
    await vi.advanceTimersByTimeAsync(1_000);
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    expect(handlers.save).not.toHaveBeenCalled();
    expect(handlers.send).toHaveBeenCalledWith({ summary: 'Halvfærdig' });
  });

  it('says nothing about a save that ends after the form went away', async () => {
    const pending = deferred<string>();
    const { autosave, handlers } = setup({ summary: '' }, () => pending.promise);
    autosave.change({ summary: 'x' });
    await vi.advanceTimersByTimeAsync(DELAY);
    autosave.dispose();
    pending.resolve('at');
    await vi.advanceTimersByTimeAsync(0);
    expect(handlers.onSaved).not.toHaveBeenCalled();
  });

  it('before a submission waits for the save under way, then neither saves nor sends until the submission fails', async () => {
    const pending = deferred<string>();
    const { autosave, handlers } = setup({ summary: '' }, (form) => (form.summary === 'x' ? pending.promise : Promise.resolve('at')));
    autosave.change({ summary: 'x' });
    await vi.advanceTimersByTimeAsync(DELAY);

    let ready = false;
    const submitting = autosave.beginSubmit().then(() => (ready = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(ready).toBe(false);
    pending.resolve('at');
    await submitting;

    autosave.change({ summary: 'xy' });
    await vi.advanceTimersByTimeAsync(DELAY * 2);
    autosave.flush();
    expect(handlers.save).toHaveBeenCalledTimes(1);
    expect(handlers.send).not.toHaveBeenCalled();

    autosave.cancelSubmit();
    autosave.change({ summary: 'xyz' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(handlers.save).toHaveBeenLastCalledWith({ summary: 'xyz' });
  });

  it('starts again after dispose, as when React mounts the form twice', async () => {
    const { autosave, handlers } = setup();
    autosave.dispose();
    autosave.start();
    autosave.change({ summary: 'Efter genstart' });
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(handlers.save).toHaveBeenCalledWith({ summary: 'Efter genstart' });
  });
});
