import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatDate } from '../../../lib/format';
import type { Milestone } from '../graphql/timeline';
import { dayValue, daysBetween, formatShortDate } from '../lib/dates';
import { KIND_LABELS, phaseLabel } from '../lib/labels';
import { fitText, textWidth } from '../lib/measure-text';
import { milestoneState, milestoneStateLabel } from '../lib/milestone-status';
import { inRange, monthTicks, phaseBands, placeLabels, Range } from '../lib/timeline-layout';
import { MilestoneShape } from './milestone-shape';

const TITLE_FONT = '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const META_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const PAD_X = 18;
const BAND_ROW = 30;
const LANE = 42;
const LABEL_WIDTHS = [230, 180, 140, 110];
const MAX_LANES = 8;
const STACK = 22;
const PILL_FONT = '700 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const BAND_COLORS: Record<string, string> = {
  PREPARATION: '#eef1f5',
  INPUT_ROUND: '#e6effa',
  DRAFTING: '#eaf5ec',
  HEARING: '#fcf2df',
  PROCESSING: '#f4ecfa',
  APPROVAL: '#e3f4f1',
  SUBMITTED: '#eceff3',
  IN_FORCE: '#e2f3e6',
};

interface Props {
  milestones: Milestone[];
  range: Range;
  effectiveDate: string;
  currentPhase: string;
  today: string;
  activeId: string | null;
  onActivate(id: string | null): void;
  onSelect(id: string): void;
}

/**
 * The timeline drawn in SVG: phases as bands, milestones as markers by kind with stacked
 * labels, today's line and the effective date. It is hidden from screen readers, who get the
 * table of the same milestones instead.
 */
export function TimelineChart({ milestones, range, effectiveDate, currentPhase, today, activeId, onActivate, onSelect }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(960);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const inner = Math.max(width - 2 * PAD_X, 100);
  const x = (value: number) => PAD_X + ((value - range.start) / (range.end - range.start)) * inner;

  const visible = useMemo(() => milestones.filter((m) => inRange(range, dayValue(m.date))), [milestones, range]);
  const layout = useMemo(() => {
    const xs = visible.map((m) => PAD_X + ((dayValue(m.date) - range.start) / (range.end - range.start)) * inner);
    // Markers that would sit on top of each other (the same day) are stacked upwards.
    const stack = new Map<string, number>();
    let clusterX = -Infinity;
    let level = 0;
    visible.forEach((m, i) => {
      level = xs[i] - clusterX < 10 ? level + 1 : 0;
      if (level === 0) clusterX = xs[i];
      stack.set(m.id, level);
    });
    const maxStack = Math.max(0, ...stack.values());
    // Narrower labels when the timeline is crowded, so that it stays readable.
    let result: { boxes: Array<{ id: string; x: number; width: number; title: string; meta: string }>; placed: ReturnType<typeof placeLabels> } | null = null;
    for (const max of LABEL_WIDTHS) {
      const boxes = visible.map((m, i) => {
        const title = fitText(m.title, TITLE_FONT, max);
        const meta = `${formatShortDate(m.date)}${shortState(m, today)}`;
        const w = Math.ceil(Math.max(textWidth(title, TITLE_FONT), textWidth(meta, META_FONT))) + 8;
        return { id: m.id, x: xs[i], width: w, title, meta };
      });
      const placed = placeLabels(boxes, PAD_X * 2 + inner, 12, 12);
      result = { boxes, placed };
      if (placed.lanes <= MAX_LANES) break;
    }
    const boxes = result?.boxes ?? [];
    const placed = result?.placed ?? { labels: [], lanes: 1 };
    return { ...placed, stack, lift: maxStack * STACK, text: new Map(boxes.map((b) => [b.id, b])) };
  }, [visible, range, inner, today]);

  const bands = phaseBands(milestones, range, effectiveDate, today, currentPhase === 'IN_FORCE');
  const ticks = monthTicks(range, inner);
  const trackY = BAND_ROW + layout.lanes * LANE + 36 + layout.lift;
  const height = trackY + 44;
  const todayValue = dayValue(today);
  const todayIn = inRange(range, todayValue);
  const effectiveValue = dayValue(effectiveDate);
  const active = visible.find((m) => m.id === activeId) ?? null;

  return (
    <div className="tl-chart" ref={box} onMouseLeave={() => onActivate(null)}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" className="tl-chart__svg">
        {/* Phases as bands */}
        {bands.map((band, index) => {
          const left = x(band.start);
          const w = x(band.end) - left;
          const current = band.phase === currentPhase;
          const label = fitText(phaseLabel(band.phase), current ? TITLE_FONT : META_FONT, w - 12);
          return (
            <g key={band.phase} className="tl-band">
              <rect x={left} y={0} width={w} height={trackY + 12} fill={BAND_COLORS[band.phase] ?? '#f1f3f5'} />
              {index > 0 && <line x1={left} x2={left} y1={0} y2={trackY + 12} stroke="#fff" strokeWidth={2} />}
              {current && <rect x={left} y={0} width={w} height={4} fill="#1d4f91" />}
              {w > 28 && label !== '…' && (
                <text x={left + 6} y={20} className={current ? 'tl-band__label tl-band__label--current' : 'tl-band__label'}>
                  {label}
                </text>
              )}
            </g>
          );
        })}

        {/* Month axis */}
        <line x1={PAD_X} x2={PAD_X + inner} y1={trackY} y2={trackY} stroke="#6b7580" strokeWidth={2} />
        {ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={x(tick.value)} x2={x(tick.value)} y1={trackY} y2={trackY + (tick.year ? 10 : 6)} stroke="#6b7580" strokeWidth={tick.year ? 2 : 1} />
            <text x={x(tick.value)} y={trackY + 26} textAnchor="middle" className={tick.year ? 'tl-axis tl-axis--year' : 'tl-axis'}>
              {tick.label}
            </text>
          </g>
        ))}

        {/* The effective date */}
        {inRange(range, effectiveValue) && (
          <g className="tl-effective">
            <line x1={x(effectiveValue)} x2={x(effectiveValue)} y1={BAND_ROW} y2={trackY} stroke="#1e7a3c" strokeWidth={2} strokeDasharray="5 4" />
          </g>
        )}

        {/* Leader lines and labels */}
        {visible.map((m) => {
          const placed = layout.labels.find((l) => l.id === m.id);
          const text = layout.text.get(m.id);
          if (!placed || !text) return null;
          const bottom = trackY - 16 - layout.lift - placed.lane * LANE;
          const state = milestoneState(m, today);
          const isActive = m.id === activeId;
          const textX = placed.anchor === 'start' ? placed.x + 6 : placed.x - 6;
          return (
            <g key={`label-${m.id}`} className={`tl-label tl-label--${state}${isActive ? ' tl-label--active' : ''}`}>
              <line x1={placed.x} x2={placed.x} y1={trackY - 11 - (layout.stack.get(m.id) ?? 0) * STACK} y2={bottom - 29} stroke={isActive ? '#1b1f24' : '#9aa2ab'} strokeWidth={1} />
              <text x={textX} y={bottom - 16} textAnchor={placed.anchor} className="tl-label__title">
                {text.title}
              </text>
              <text x={textX} y={bottom - 1} textAnchor={placed.anchor} className="tl-label__meta">
                {text.meta}
              </text>
            </g>
          );
        })}

        {/* Today's line */}
        <TodayMark x={todayIn ? x(todayValue) : todayValue > range.end ? width : 0} edge={todayIn ? null : todayValue > range.end ? 'right' : 'left'} today={today} top={BAND_ROW} bottom={trackY + 12} />

        {/* Markers */}
        {visible.map((m) => {
          const cx = x(dayValue(m.date));
          const cy = trackY - (layout.stack.get(m.id) ?? 0) * STACK;
          const state = milestoneState(m, today);
          const isActive = m.id === activeId;
          return (
            <g
              key={`marker-${m.id}`}
              className="tl-marker"
              onMouseEnter={() => onActivate(m.id)}
              onClick={() => onSelect(m.id)}
            >
              <circle cx={cx} cy={cy} r={12} fill="transparent" />
              {state === 'late' && <circle cx={cx} cy={cy} r={13} fill="#fde2e1" stroke="#b42318" strokeWidth={2} />}
              {state === 'due' && <circle cx={cx} cy={cy} r={13} fill="#fff1c2" stroke="#8a5a00" strokeWidth={2} strokeDasharray="3 2" />}
              {isActive && <circle cx={cx} cy={cy} r={15} fill="none" stroke="#1b1f24" strokeWidth={2} />}
              <MilestoneShape kind={m.kind} cx={cx} cy={cy} r={isActive ? 8 : 7} filled={m.done} />
            </g>
          );
        })}
      </svg>

      {active && (
        <div
          className="tl-tooltip"
          style={{ left: Math.min(Math.max(x(dayValue(active.date)) - 150, 4), Math.max(width - 304, 4)), top: trackY + 18 }}
          aria-hidden="true"
        >
          <p className="tl-tooltip__title">{active.title}</p>
          <p className="tl-tooltip__meta">
            {formatDate(active.date)} · {KIND_LABELS[active.kind]}
            {active.phase && ` · ${phaseLabel(active.phase)}`}
          </p>
          <p className={`tl-tooltip__state tl-state--${milestoneState(active, today)}`}>{milestoneStateLabel(active, today)}</p>
          {active.description && <p className="tl-tooltip__description">{active.description}</p>}
        </div>
      )}
    </div>
  );
}

/** ' · overskredet', ' · om 6 dage' or nothing, after the date of a label. */
function shortState(m: Milestone, today: string): string {
  const state = milestoneState(m, today);
  if (state === 'late') return ' · overskredet';
  if (state !== 'due') return '';
  const days = daysBetween(today, m.date);
  return days === 0 ? ' · i dag' : ` · om ${days} ${days === 1 ? 'dag' : 'dage'}`;
}

/** The red line at today, or a pill at the edge pointing to today when it lies outside the range. */
function TodayMark({ x, edge, today, top, bottom }: { x: number; edge: 'left' | 'right' | null; today: string; top: number; bottom: number }) {
  const text = edge === 'right' ? `I dag: ${formatShortDate(today)} →` : edge === 'left' ? `← I dag: ${formatShortDate(today)}` : 'I dag';
  const w = Math.ceil(textWidth(text, PILL_FONT)) + 18;
  const left = edge === 'right' ? x - w - 2 : edge === 'left' ? 2 : x - w / 2;
  return (
    <g className="tl-today">
      {!edge && <line x1={x} x2={x} y1={top + 14} y2={bottom} stroke="#b42318" strokeWidth={2} />}
      <rect x={left} y={top + 4} width={w} height={20} rx={10} fill="#b42318" />
      <text x={left + w / 2} y={top + 18} textAnchor="middle" className="tl-today__label">
        {text}
      </text>
    </g>
  );
}
