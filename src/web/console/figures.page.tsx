import type { ModerationStatsView } from '../../moderation/moderation-stats.dto';
import { formatDateTime } from '../i18n/formats';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export function FiguresPage({ ctx, stats }: { ctx: WebContext; stats: ModerationStatsView }) {
  const f = ctx.m.console.figures;
  const hours = (seconds: number | null) =>
    seconds === null ? f.none : f.hours((seconds / 3600).toFixed(1));
  const when = (iso: string) => formatDateTime(iso, ctx.locale, ctx.utcOffset);
  return (
    <Layout ctx={ctx} title={f.title} wide>
      <h1>{f.title}</h1>
      <p>{f.period(when(stats.from), when(stats.to))}</p>
      <dl class="counters">
        <div>
          <dt>{f.filed}</dt>
          <dd>{stats.filed}</dd>
        </div>
        <div>
          <dt>{f.decided}</dt>
          <dd>{stats.decided}</dd>
        </div>
        <div>
          <dt>{f.medianFirstResponse}</dt>
          <dd>{hours(stats.medianFirstResponseSeconds)}</dd>
        </div>
        <div>
          <dt>{f.medianResolution}</dt>
          <dd>{hours(stats.medianResolutionSeconds)}</dd>
        </div>
        <div>
          <dt>{f.firstResponseBreaches}</dt>
          <dd>{stats.firstResponseBreaches}</dd>
        </div>
        <div>
          <dt>{f.resolutionBreaches}</dt>
          <dd>{stats.resolutionBreaches}</dd>
        </div>
      </dl>
      <h2>{f.moderators}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{f.moderator}</th>
              <th scope="col">{f.open}</th>
              <th scope="col">{f.decided}</th>
            </tr>
          </thead>
          <tbody>
            {stats.moderators.map((moderator) => (
              <tr>
                <td>{moderator.displayName}</td>
                <td>{moderator.open}</td>
                <td>{moderator.decided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
