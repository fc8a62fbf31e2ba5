import type { EvidenceView } from '../../evidence/evidence.view';
import type { Messages } from '../i18n/messages';
import { formatBytes } from '../i18n/formats';
import type { WebContext } from '../session/web-context';

/** "QQ 2847561932, WeChat ID xw_chaping88": what analysis found, as the reader says it. */
export function foundText(m: Messages, item: EvidenceView): string {
  return item.analysis.found
    .map((found) => `${m.identifierKinds[found.kind]} ${found.display}`)
    .join(m.languageName === '中文' ? '、' : ', ');
}

/** What the seller learns of one file: its state, a preview, and what was found in it. */
export function EvidenceItem({ ctx, item }: { ctx: WebContext; item: EvidenceView }) {
  const { m } = ctx;
  const finished =
    item.status === 'rejected' ||
    item.analysis.state === 'done' ||
    item.analysis.state === 'not_applicable';
  const found = foundText(m, item);
  return (
    <li
      class="evidence-item"
      data-evidence-id={item.id}
      data-finished={finished ? 'true' : 'false'}
    >
      {item.kind === 'chat_screenshot' && item.status === 'processed' ? (
        <img
          class="thumbnail"
          src={`/evidence/${item.id}/thumbnail`}
          alt={item.fileName}
          width={120}
          loading="lazy"
        />
      ) : (
        <span class="thumbnail thumbnail-none" aria-hidden="true">
          {item.fileName.split('.').pop()?.toUpperCase()}
        </span>
      )}
      <div class="evidence-facts">
        <p class="evidence-name">{item.fileName}</p>
        <p class="muted">
          {formatBytes(item.size, ctx.locale)} ·{' '}
          <span data-evidence-status>{m.evidenceStatus[item.status]}</span>
          {item.status === 'processed' ? (
            <>
              {' '}
              · <span data-analysis-state>{m.analysisState[item.analysis.state]}</span>
            </>
          ) : null}
        </p>
        {item.status === 'rejected' && item.error ? <p class="error">{item.error}</p> : null}
        {item.extracted.orderRows !== null ? (
          <p>{m.casePage.ordersRead(item.extracted.orderRows)}</p>
        ) : item.analysis.state === 'done' ? (
          <p class={found ? 'found' : 'muted'} data-found>
            {found ? m.casePage.found(found) : m.casePage.nothingFound}
          </p>
        ) : !finished ? (
          <p class="muted" data-found>
            {m.casePage.analysing}
          </p>
        ) : null}
      </div>
    </li>
  );
}
