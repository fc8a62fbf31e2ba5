import type { CampaignPageView, CampaignView } from '../../intel/campaigns/campaign.view';
import { formatDateTime } from '../i18n/formats';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';
import { AttackChart } from './attack-chart';

export function CampaignsPage({ ctx, page }: { ctx: WebContext; page: CampaignPageView }) {
  const { m } = ctx;
  const c = m.console.campaigns;
  const when = (iso: string) => formatDateTime(iso, ctx.locale, ctx.utcOffset);
  return (
    <Layout ctx={ctx} title={c.title} wide>
      <h1>{c.title}</h1>
      {page.items.length === 0 ? (
        <p>{c.empty}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{c.campaign}</th>
                <th scope="col">{c.kind}</th>
                <th scope="col">{c.window}</th>
                <th scope="col">{c.hits}</th>
                <th scope="col">{c.accounts}</th>
                <th scope="col">{c.sellers}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((campaign) => (
                <tr>
                  <td>
                    <a href={`/console/campaigns/${campaign.id}`}>{campaign.id.slice(0, 8)}</a>
                  </td>
                  <td>
                    {m.console.campaignKinds[
                      campaign.kind as keyof typeof m.console.campaignKinds
                    ] ?? campaign.kind}
                  </td>
                  <td>{`${when(campaign.startsAt)} – ${when(campaign.endsAt)}`}</td>
                  <td>{campaign.hitCount}</td>
                  <td>{campaign.accountCount}</td>
                  <td>{campaign.sellerCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function CampaignPage({ ctx, campaign }: { ctx: WebContext; campaign: CampaignView }) {
  const { m } = ctx;
  const c = m.console.campaigns;
  const when = (iso: string) => formatDateTime(iso, ctx.locale, ctx.utcOffset);
  return (
    <Layout ctx={ctx} title={`${c.campaign} ${campaign.id.slice(0, 8)}`} wide>
      <h1>{`${c.campaign} ${campaign.id.slice(0, 8)}`}</h1>
      <dl class="facts">
        <dt>{c.kind}</dt>
        <dd>
          {m.console.campaignKinds[campaign.kind as keyof typeof m.console.campaignKinds] ??
            campaign.kind}
        </dd>
        <dt>{c.window}</dt>
        <dd>{`${when(campaign.startsAt)} – ${when(campaign.endsAt)}`}</dd>
        <dt>{c.hits}</dt>
        <dd>{campaign.hitCount}</dd>
        <dt>{c.accounts}</dt>
        <dd>{campaign.accounts.join(', ')}</dd>
        <dt>{c.sellers}</dt>
        <dd>{campaign.sellerCount}</dd>
      </dl>
      <h2>{c.chart}</h2>
      <AttackChart ctx={ctx} activity={campaign.activity} />
      <h2>{c.cases}</h2>
      <ul class="plain">
        {campaign.cases.map((kase) => (
          <li>
            <a href={`/console/cases/${kase.reference}`}>{kase.reference}</a> ·{' '}
            {m.console.staffStatuses[kase.status as keyof typeof m.console.staffStatuses] ??
              kase.status}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
