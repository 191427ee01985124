let context: CanvasRenderingContext2D | null | undefined;

/** The width of a text in pixels in the given CSS font (an estimate where canvas is missing). */
export function textWidth(text: string, font: string): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 7;
  context.font = font;
  return context.measureText(text).width;
}

/** The text, cut with an ellipsis so that it fits in `max` pixels. */
export function fitText(text: string, font: string, max: number): string {
  if (textWidth(text, font) <= max) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(`${text.slice(0, mid).trimEnd()}…`, font) <= max) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
