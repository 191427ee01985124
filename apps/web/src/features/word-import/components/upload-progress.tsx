import { useId } from 'react';

/** Whole tens of per cent, so a screen reader is told of progress without a flood. */
const spoken = (fraction: number) => `${Math.floor(fraction * 10) * 10} %`;

/**
 * A Word document on its way: the transfer's share as a bar and in words, then what the server
 * does with it (`working`), as an indeterminate bar, announced politely.
 */
export function UploadProgress({ fileName, progress, working }: { fileName: string; progress: number; working: string }) {
  const id = useId();
  return (
    <div className="word-progress">
      <progress aria-labelledby={`${id}-progress`} {...(progress < 1 ? { value: progress, max: 1 } : {})} />
      <p id={`${id}-progress`} aria-live="polite">
        {progress < 1 ? `Overfører ${fileName}: ${spoken(progress)}` : working}
      </p>
    </div>
  );
}
