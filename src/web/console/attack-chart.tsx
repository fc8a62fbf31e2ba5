import type { HourCountView } from '../../intel/campaigns/campaign.view';
import type { WebContext } from '../session/web-context';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

export interface AttackChartProps {
  ctx: WebContext;
  perHour: HourCountView[];
}

/**
 * The attack hour by hour as server-drawn SVG: a bar per hour, and the mean across the window
 * as a line, so a burst stands out against the shop's run of hours. It needs no script.
 */
export function AttackChart({ ctx, perHour }: AttackChartProps) {
  const c = ctx.m.console.campaigns;
  if (perHour.length === 0) return null;
  const peak = Math.max(...perHour.map((hour) => hour.count), 1);
  const mean = perHour.reduce((sum, hour) => sum + hour.count, 0) / perHour.length;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / perHour.length;
  const y = (count: number) => PAD.top + plotHeight - (count / peak) * plotHeight;
  const label = (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`;
  const every = Math.max(1, Math.ceil(perHour.length / 8));
  const summary = c.chartSummary(perHour.length, peak, mean.toFixed(1));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="chart-title chart-summary"
        class="chart-svg"
      >
        <title id="chart-title">{c.chart}</title>
        <desc id="chart-summary">{summary}</desc>
        <line
          class="axis"
          x1={PAD.left}
          y1={PAD.top + plotHeight}
          x2={WIDTH - PAD.right}
          y2={PAD.top + plotHeight}
        />
        <text class="tick" x={PAD.left - 6} y={PAD.top + 4} text-anchor="end">
          {peak}
        </text>
        <text class="tick" x={PAD.left - 6} y={PAD.top + plotHeight} text-anchor="end">
          0
        </text>
        {perHour.map((hour, index) => (
          <g>
            <rect
              class="bar"
              x={PAD.left + index * slot + slot * 0.1}
              y={y(hour.count)}
              width={Math.max(1, slot * 0.8)}
              height={PAD.top + plotHeight - y(hour.count)}
            >
              <title>{`${label(hour.hour)}: ${hour.count}`}</title>
            </rect>
            {index % every === 0 ? (
              <text
                class="tick"
                x={PAD.left + index * slot + slot / 2}
                y={HEIGHT - 8}
                text-anchor="middle"
              >
                {label(hour.hour)}
              </text>
            ) : null}
          </g>
        ))}
        <line class="mean" x1={PAD.left} y1={y(mean)} x2={WIDTH - PAD.right} y2={y(mean)} />
        <text class="tick" x={WIDTH - PAD.right} y={y(mean) - 4} text-anchor="end">
          {c.mean}
        </text>
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
