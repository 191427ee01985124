import type { MilestoneKind } from '../../../gql/graphql';

/** Each kind has its own shape and colour (never colour alone). */
export const KIND_COLORS: Record<MilestoneKind, string> = {
  MEETING: '#1d4f91',
  DEADLINE: '#9a4d00',
  DECISION: '#1e7a3c',
  SUBMISSION: '#6941c6',
};

interface ShapeProps {
  kind: MilestoneKind;
  cx: number;
  cy: number;
  /** Half the marker's width. */
  r?: number;
  /** Filled when done; hollow while ahead. */
  filled?: boolean;
}

/** The marker of a milestone kind: circle (møde), diamond (frist), square (beslutning), triangle (indsendelse). */
export function MilestoneShape({ kind, cx, cy, r = 7, filled = true }: ShapeProps) {
  const color = KIND_COLORS[kind];
  const common = { fill: filled ? color : '#fff', stroke: color, strokeWidth: 2.5, strokeLinejoin: 'round' as const };
  switch (kind) {
    case 'MEETING':
      return <circle cx={cx} cy={cy} r={r} {...common} />;
    case 'DEADLINE': {
      const d = r * 1.3;
      return <path d={`M${cx} ${cy - d} L${cx + d} ${cy} L${cx} ${cy + d} L${cx - d} ${cy} Z`} {...common} />;
    }
    case 'DECISION':
      return <rect x={cx - r * 0.9} y={cy - r * 0.9} width={r * 1.8} height={r * 1.8} rx={1.5} {...common} />;
    default: {
      const h = r * 1.15;
      return <path d={`M${cx} ${cy - h} L${cx + h * 1.1} ${cy + h * 0.8} L${cx - h * 1.1} ${cy + h * 0.8} Z`} {...common} />;
    }
  }
}

/** The shape as a small inline icon next to its text label. */
export function KindIcon({ kind, filled = true, size = 16 }: { kind: MilestoneKind; filled?: boolean; size?: number }) {
  return (
    <svg className="tl-icon" width={size} height={size} viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      <MilestoneShape kind={kind} cx={0} cy={0} r={6} filled={filled} />
    </svg>
  );
}
