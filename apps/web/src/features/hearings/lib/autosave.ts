/** What an autosave does with the form; replaced on every render so it uses the current ids. */
export interface AutosaveHandlers<T, R> {
  /** Saves the form through the API; rejects when it was not saved. */
  save: (form: T) => Promise<R>;
  /** Sends the form without waiting (a keepalive request) when the page is left. */
  send: (form: T) => void;
  onSaving?: (saving: boolean) => void;
  /** Not called once stopped: the form may be gone. */
  onSaved?: (result: R) => void;
  onFailed?: (error: unknown) => void;
}

/**
 * Saves a form as a draft a moment after the last change, one save at a time: a change while a
 * save is under way saves again after it, with what the form holds then. Nothing is saved while
 * the form equals what was last saved (or restored). `flush` sends what is unsaved at once, for
 * when the page is left; after `beginSubmit` nothing more is saved or sent, unless the
 * submission fails and `cancelSubmit` resumes.
 */
export class Autosave<T, R = void> {
  private latest: T;
  private lastSaved: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private submitted = false;

  constructor(
    initial: T,
    public handlers: AutosaveHandlers<T, R>,
    private readonly delayMs: number,
  ) {
    this.latest = initial;
    this.lastSaved = JSON.stringify(initial);
  }

  /** The form changed: save it `delayMs` after the last change, unless it is what was saved. */
  change(form: T): void {
    this.latest = form;
    if (this.stopped || JSON.stringify(form) === this.lastSaved) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), this.delayMs);
  }

  /** Saves now, or once more after the save under way. */
  async saveNow(): Promise<void> {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.handlers.onSaving?.(true);
    const run = (async () => {
      try {
        const snapshot = JSON.stringify(this.latest);
        const result = await this.handlers.save(this.latest);
        this.lastSaved = snapshot;
        if (!this.stopped) this.handlers.onSaved?.(result);
      } catch (caught) {
        if (!this.stopped) this.handlers.onFailed?.(caught);
      }
    })();
    this.inFlight = run;
    await run;
    this.inFlight = null;
    this.handlers.onSaving?.(false);
    if (this.again && !this.stopped) {
      this.again = false;
      this.timer = setTimeout(() => void this.saveNow(), this.delayMs);
    }
  }

  /** Sends what is not saved yet at once, without waiting; nothing after a submission. */
  flush(): void {
    const snapshot = JSON.stringify(this.latest);
    if (this.submitted || snapshot === this.lastSaved) return;
    this.lastSaved = snapshot;
    this.handlers.send(this.latest);
  }

  /** (Re)starts after `dispose`, as React does when it mounts a component twice. */
  start(): void {
    this.stopped = false;
  }

  /** The form goes away: no more saves, and what is unsaved is sent. */
  dispose(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.flush();
  }

  /** Stops saving before the form is submitted, and waits for the save under way. */
  async beginSubmit(): Promise<void> {
    this.stopped = true;
    this.submitted = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  /** The submission failed: the form is a draft again. */
  cancelSubmit(): void {
    this.stopped = false;
    this.submitted = false;
  }
}
