import type { CampaignActivityView, HourActivityView } from '../../intel/campaigns/campaign.view';
import { formatDateTime, formatHour, formatRate } from '../i18n/formats';
import type { WebContext } from '../session/web-context';

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 12, right: 36, bottom: 28, left: 36 };
const SERIES = ['orders', 'refunds', 'badReviews'] as const;
type Series = (typeof SERIES)[number];

export interface AttackChartProps {
  ctx: WebContext;
  activity: CampaignActivityView;
}

const busiest = (hours: HourActivityView[]) =>
  hours.reduce((top, hour) =>
    hour.refunds + hour.badReviews > top.refunds + top.badReviews ? hour : top,
  );

/**
 * The attack hour by hour as server-drawn SVG: orders, refunds and bad reviews at the sellers hit,
 * three bars an hour, with the sellers' normal rate of each as a dashed line, so a burst stands out
 * against what their shop usually sees. The same figures follow as a table; it needs no script.
 */
export function AttackChart({ ctx, activity }: AttackChartProps) {
  const c = ctx.m.console.campaigns;
  const { hours, normal } = activity;
  if (hours.length === 0) return null;
  const peak = Math.max(
    1,
    ...hours.flatMap((hour) => SERIES.map((series) => hour[series])),
    ...(normal ? SERIES.map((series) => normal.perHour[series]) : []),
  );
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / hours.length;
  const barWidth = Math.max(1, (slot * 0.9) / SERIES.length);
  const y = (count: number) => PAD.top + plotHeight - (count / peak) * plotHeight;
  const tick = (iso: string) => formatHour(iso, ctx.locale, ctx.utcOffset);
  const every = Math.max(1, Math.ceil(hours.length / 6));
  const top = busiest(hours);
  const summary = [
    c.busiestHour(tick(top.hour), top.orders, top.refunds, top.badReviews),
    normal
      ? c.normalSummary(
          formatDateTime(normal.from, ctx.locale, ctx.utcOffset),
          formatDateTime(normal.to, ctx.locale, ctx.utcOffset),
          formatRate(normal.perHour.orders, ctx.locale),
          formatRate(normal.perHour.refunds, ctx.locale),
          formatRate(normal.perHour.badReviews, ctx.locale),
        )
      : c.noNormal,
  ].join(' ');
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
        {hours.map((hour, index) => (
          <g>
            {SERIES.map((series, nth) => (
              <rect
                class={`bar ${series}`}
                x={PAD.left + index * slot + slot * 0.05 + nth * barWidth}
                y={y(hour[series])}
                width={barWidth}
                height={PAD.top + plotHeight - y(hour[series])}
              >
                <title>{`${tick(hour.hour)} ${c.series[series]}: ${hour[series]}`}</title>
              </rect>
            ))}
            {index % every === 0 ? (
              <text
                class="tick"
                x={PAD.left + index * slot + slot / 2}
                y={HEIGHT - 8}
                text-anchor="middle"
              >
                {tick(hour.hour)}
              </text>
            ) : null}
          </g>
        ))}
        {normal
          ? SERIES.map((series) => (
              <line
                class={`normal ${series}`}
                x1={PAD.left}
                y1={y(normal.perHour[series])}
                x2={WIDTH - PAD.right}
                y2={y(normal.perHour[series])}
              />
            ))
          : null}
      </svg>
      <figcaption>
        <ul class="legend">
          {SERIES.map((series: Series) => (
            <li>
              <span class={`swatch ${series}`} aria-hidden="true" />
              {c.series[series]}
            </li>
          ))}
          {normal ? (
            <li>
              <span class="swatch normal" aria-hidden="true" />
              {c.normal}
            </li>
          ) : null}
        </ul>
        <p>{summary}</p>
      </figcaption>
      <details>
        <summary>{c.asTable}</summary>
        <table class="activity">
          <thead>
            <tr>
              <th scope="col">{c.hour}</th>
              {SERIES.map((series) => (
                <th scope="col">{c.series[series]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {normal ? (
              <tr class="normal-row">
                <th scope="row">{c.normalPerHour}</th>
                {SERIES.map((series) => (
                  <td>{formatRate(normal.perHour[series], ctx.locale)}</td>
                ))}
              </tr>
            ) : null}
            {hours.map((hour) => (
              <tr>
                <th scope="row">{tick(hour.hour)}</th>
                {SERIES.map((series) => (
                  <td>{hour[series]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
