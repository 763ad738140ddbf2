// Results per month as SVG bars; dragging across bars filters the results to that month range.
import { memo, useMemo, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import type { MonthRange } from '../search/compose-query';
import { barAt, fillMonths, rangeBetween } from './timeline-model';

interface Props {
  months: readonly { month: string; count: number }[];
  range: MonthRange | null;
  onRange: (range: MonthRange | null) => void;
}

const HEIGHT = 48;

/** The timeline of the current results (re-rendered only when they, the range or the handler change: not per keystroke). */
export const Timeline = memo(function Timeline({ months, range, onRange }: Props) {
  const bars = useMemo(() => fillMonths(months), [months]);
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const max = Math.max(1, ...bars.map((b) => b.count));
  if (bars.length === 0) return <div className="timeline timeline-empty muted small">No dated results</div>;

  const indexAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = svgRef.current?.getBoundingClientRect();
    return box ? barAt(event.clientX - box.left, box.width, bars.length) : 0;
  };
  const isInDrag = (i: number) => drag !== null && i >= Math.min(drag.from, drag.to) && i <= Math.max(drag.from, drag.to);
  const isInRange = (month: string) => range !== null && month >= range.from && month <= range.to;
  const first = bars[0]?.month ?? '';
  const last = bars[bars.length - 1]?.month ?? '';

  return (
    <div className="timeline">
      <svg
        ref={svgRef}
        role="img"
        aria-label={`Results per month from ${first} to ${last}; drag to filter a date range`}
        viewBox={`0 0 ${bars.length} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="timeline-svg"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          const i = indexAt(event);
          setDrag({ from: i, to: i });
        }}
        onPointerMove={(event) => drag && setDrag({ ...drag, to: indexAt(event) })}
        onPointerUp={() => {
          if (drag) onRange(rangeBetween(bars, drag.from, drag.to));
          setDrag(null);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {bars.map((bar, i) => {
          const h = bar.count === 0 ? 0 : Math.max(2, (bar.count / max) * (HEIGHT - 2));
          const cls = isInDrag(i) ? 'bar bar-drag' : isInRange(bar.month) ? 'bar bar-range' : 'bar';
          return (
            <rect key={bar.month} className={cls} x={i + 0.1} width={0.8} y={HEIGHT - h} height={h}>
              <title>{`${bar.month}: ${bar.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="timeline-axis small muted" aria-hidden="true">
        <span>{first}</span>
        <span>{last}</span>
      </div>
    </div>
  );
});
