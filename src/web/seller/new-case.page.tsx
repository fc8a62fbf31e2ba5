import { CASE_TYPES } from '../../cases/case-type';
import { DEMAND_CHANNELS } from '../../cases/case-status';
import { PLATFORMS } from '../../common/platform';
import type { PlatformGuidanceView } from '../../guidance/guidance.view';
import { PAYMENT_PROVIDERS } from '../../identifiers/identifier-kind';
import { CsrfField } from '../render/csrf-field';
import { ErrorSummary, Field, FormState, Options } from '../render/form';
import { Layout } from '../render/layout';
import type { WebContext } from '../session/web-context';

export interface NewCasePageProps {
  ctx: WebContext;
  form: FormState;
  guidance: PlatformGuidanceView;
  /** A fresh key per form shown: a retried submit of the same form files once. */
  idempotencyKey: string;
  limits: { maxFileBytes: number; maxFiles: number };
  /** The file input's `accept`: the media types the evidence locker takes. */
  accept: string;
}

const CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'HKD',
  'TWD',
  'SGD',
  'MYR',
  'THB',
  'PHP',
  'VND',
  'IDR',
];

function Guidance({ ctx, guidance }: { ctx: WebContext; guidance: PlatformGuidanceView }) {
  const { m } = ctx;
  return (
    <aside class="guidance" aria-labelledby="guidance-title">
      <h3 id="guidance-title">{m.newCase.guidanceTitle(m.platforms[guidance.platform])}</h3>
      <h4>{m.newCase.captureNow}</h4>
      <ul class="checklist">
        {guidance.captureNow.map((tip) => (
          <li>{tip}</li>
        ))}
      </ul>
      <h4>{m.newCase.acceptedProof}</h4>
      <ul>
        {guidance.acceptedProof.map((tip) => (
          <li>{tip}</li>
        ))}
      </ul>
    </aside>
  );
}

export function NewCasePage({
  ctx,
  form,
  guidance,
  idempotencyKey,
  limits,
  accept,
}: NewCasePageProps) {
  const { m } = ctx;
  const v = form.values;
  const maxMb = Math.floor(limits.maxFileBytes / (1024 * 1024));
  const text = (name: string, label: string, hint?: string, autocomplete = 'off') => (
    <Field ctx={ctx} form={form} name={name} label={label} hint={hint}>
      {(props) => <input {...props} type="text" autocomplete={autocomplete} value={v[name]} />}
    </Field>
  );
  return (
    <Layout ctx={ctx} title={m.newCase.title}>
      <h1>{m.newCase.title}</h1>
      <p>{m.newCase.intro}</p>
      <ErrorSummary ctx={ctx} form={form} />
      {form.errors.length > 0 ? <p class="notice">{m.newCase.filesAgain}</p> : null}
      <form
        method="post"
        action="/cases/new"
        enctype="multipart/form-data"
        class="stack filing-form"
        data-upload-form
        data-max-file-bytes={String(limits.maxFileBytes)}
        data-too-large={m.newCase.fileTooLarge('{name}', maxMb)}
        data-wrong-kind={m.newCase.fileWrongKind('{name}')}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <fieldset>
          <legend>{m.newCase.stepWhat}</legend>
          <Field ctx={ctx} form={form} name="type" label={m.newCase.type} required>
            {(props) => (
              <select {...props}>
                <Options values={CASE_TYPES} labels={m.caseTypes} selected={v.type} blank="" />
              </select>
            )}
          </Field>
          <Field ctx={ctx} form={form} name="platform" label={m.newCase.platform} required>
            {(props) => (
              <select {...props}>
                <Options
                  values={PLATFORMS}
                  labels={m.platforms}
                  selected={v.platform ?? guidance.platform}
                />
              </select>
            )}
          </Field>
          <Field
            ctx={ctx}
            form={form}
            name="title"
            label={m.newCase.subject}
            hint={m.newCase.subjectHint}
            required
          >
            {(props) => <input {...props} type="text" maxLength={200} value={v.title} />}
          </Field>
          <Field
            ctx={ctx}
            form={form}
            name="description"
            label={m.newCase.description}
            hint={m.newCase.descriptionHint}
            required
          >
            {(props) => (
              <textarea {...props} rows={6}>
                {v.description}
              </textarea>
            )}
          </Field>
          <Field ctx={ctx} form={form} name="incidentAt" label={m.newCase.incidentAt}>
            {(props) => <input {...props} type="datetime-local" value={v.incidentAt} />}
          </Field>
          <Field ctx={ctx} form={form} name="demandChannel" label={m.newCase.demandChannel}>
            {(props) => (
              <select {...props}>
                <Options
                  values={DEMAND_CHANNELS}
                  labels={m.channels}
                  selected={v.demandChannel}
                  blank=""
                />
              </select>
            )}
          </Field>
          {text('amountDemanded', m.newCase.amountDemanded, m.newCase.amountHint)}
          {text('amountPaid', m.newCase.amountPaid, m.newCase.amountHint)}
          <Field ctx={ctx} form={form} name="currency" label={m.newCase.currency}>
            {(props) => (
              <select {...props}>
                <option value="">{m.newCase.currencyDefault}</option>
                {CURRENCIES.map((code) => (
                  <option value={code} selected={v.currency === code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field ctx={ctx} form={form} name="demandDeadline" label={m.newCase.demandDeadline}>
            {(props) => <input {...props} type="datetime-local" value={v.demandDeadline} />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{m.newCase.stepWho}</legend>
          <p class="hint">{m.newCase.whoIntro}</p>
          {text('qq', m.newCase.qq, m.newCase.qqExample)}
          {text('wechat', m.newCase.wechat, m.newCase.wechatExample)}
          <Field
            ctx={ctx}
            form={form}
            name="phone"
            label={m.newCase.phone}
            hint={m.newCase.phoneExample}
          >
            {(props) => <input {...props} type="tel" autocomplete="off" value={v.phone} />}
          </Field>
          <Field
            ctx={ctx}
            form={form}
            name="email"
            label={m.newCase.email}
            hint={m.newCase.emailExample}
          >
            {(props) => <input {...props} type="email" autocomplete="off" value={v.email} />}
          </Field>
          {text('platformAccount', m.newCase.platformAccount, m.newCase.platformAccountExample)}
          {text('paymentAccount', m.newCase.paymentAccount, m.newCase.paymentAccountExample)}
          <Field ctx={ctx} form={form} name="paymentProvider" label={m.newCase.paymentProvider}>
            {(props) => (
              <select {...props}>
                <Options
                  values={PAYMENT_PROVIDERS}
                  labels={m.providers}
                  selected={v.paymentProvider}
                  blank=""
                />
              </select>
            )}
          </Field>
          <Field
            ctx={ctx}
            form={form}
            name="orderId"
            label={m.newCase.orderIds}
            hint={m.newCase.orderIdsHint}
          >
            {(props) => (
              <textarea {...props} rows={3}>
                {v.orderId}
              </textarea>
            )}
          </Field>
        </fieldset>
        <fieldset class="evidence-step">
          <legend>{m.newCase.stepEvidence}</legend>
          <div class="evidence-columns">
            <div>
              <p class="hint">{m.newCase.evidenceIntro}</p>
              <Field
                ctx={ctx}
                form={form}
                name="files"
                label={m.newCase.files}
                hint={m.newCase.filesHint(maxMb, limits.maxFiles)}
              >
                {(props) => (
                  <input {...props} type="file" multiple accept={accept} data-file-input />
                )}
              </Field>
              <Field ctx={ctx} form={form} name="camera" label={m.newCase.camera}>
                {(props) => (
                  <input
                    {...props}
                    name="files"
                    type="file"
                    accept="image/*"
                    capture="environment"
                    data-file-input
                  />
                )}
              </Field>
              <ul class="file-list" data-file-list aria-live="polite" />
            </div>
            <Guidance ctx={ctx} guidance={guidance} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{m.newCase.stepReview}</legend>
          <p>{m.newCase.reviewIntro}</p>
          <button type="submit" class="button" data-busy-label={m.newCase.uploading}>
            {m.newCase.submit}
          </button>
        </fieldset>
      </form>
    </Layout>
  );
}
