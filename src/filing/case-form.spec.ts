import { caseFromForm, CaseForm } from './case-form';

const BASE = { type: 'extortion', platform: 'taobao', title: 'Buyer wants 50 yuan' };
const OPTIONS = { localUtcOffset: '+08:00' };

/** The form, for a test that expects the fields to be accepted. */
function accepted(fields: Record<string, unknown>): CaseForm {
  const result = caseFromForm(fields, OPTIONS);
  if (!result.ok) throw new Error(`expected the form to be accepted: ${JSON.stringify(result)}`);
  return result.form;
}

describe('caseFromForm', () => {
  it('reads a datetime-local time in the configured offset and keeps an explicit one', () => {
    const result = caseFromForm(
      { ...BASE, incidentAt: '2026-11-18T09:30', demandDeadline: '2026-11-19T12:00:00Z' },
      OPTIONS,
    );
    expect(result.ok && result.form.body).toEqual(
      expect.objectContaining({
        incidentAt: '2026-11-18T09:30+08:00',
        demandDeadline: '2026-11-19T12:00:00Z',
      }),
    );
  });

  it.each(['constructor', 'toString', '__proto__'])('refuses the inherited name %s', (name) => {
    const result = caseFromForm({ ...BASE, [name]: 'x' }, OPTIONS);
    expect(result.ok).toBe(false);
  });

  it('turns the scalar fields into the JSON filing', () => {
    const { body } = accepted({
      ...BASE,
      description: 'Left one star, then added me on QQ',
      incidentAt: '2026-11-18T09:30:00Z',
      demandChannel: 'qq',
      demandDeadline: '2026-11-19T09:30:00Z',
    });
    expect(body).toEqual({
      ...BASE,
      description: 'Left one star, then added me on QQ',
      incidentAt: '2026-11-18T09:30:00Z',
      demandChannel: 'qq',
      demandDeadline: '2026-11-19T09:30:00Z',
    });
  });

  it('leaves text for the DTO to trim, as a JSON body would be', () => {
    expect(accepted({ ...BASE, title: '  padded  ' }).body.title).toBe('  padded  ');
  });

  describe('empty inputs count as not filled in', () => {
    it.each([
      ['an empty single field', { description: '' }],
      ['a blank single field', { description: '   ' }],
      ['an empty repeatable field', { qq: '' }],
      ['only empty repeats', { phone: ['', ' ', ''] }],
      ['an empty order id', { orderId: '' }],
      ['an empty amount', { amountDemanded: '', currency: 'CNY' }],
      ['an empty payee account', { payeeAccount: '', payeeProvider: 'alipay' }],
      ['an empty payment provider', { paymentProvider: '' }],
    ])('%s', (_name, extra) => {
      expect(accepted({ ...BASE, ...extra }).body).toEqual(BASE);
    });

    it('drops the empty repeats and keeps the filled ones in order', () => {
      const { body } = accepted({ ...BASE, qq: ['', '2847561923', ' ', '12345'] });
      expect(body.reported).toEqual([
        {
          identifiers: [
            { kind: 'qq', value: '2847561923' },
            { kind: 'qq', value: '12345' },
          ],
        },
      ]);
    });

    it('takes the one filled value of a single field sent twice', () => {
      expect(accepted({ ...BASE, title: ['', 'Filled'] }).body.title).toBe('Filled');
    });

    it('leaves a missing required field to the DTO, which names it', () => {
      expect(accepted({ type: 'other', platform: 'jd', title: '' }).body).toEqual({
        type: 'other',
        platform: 'jd',
      });
    });
  });

  describe('refusals, each naming the form field', () => {
    it.each([
      [
        'a single field given twice',
        { title: ['One', 'Two'] },
        [{ field: 'title', message: 'must be given once' }],
      ],
      [
        'a currency given twice',
        { currency: ['CNY', 'USD'] },
        [{ field: 'currency', message: 'must be given once' }],
      ],
      [
        'an unknown field',
        { secret: 'x' },
        [{ field: 'secret', message: 'is not a field of this form' }],
      ],
      [
        'an unknown field left empty',
        { secret: '' },
        [{ field: 'secret', message: 'is not a field of this form' }],
      ],
      [
        'the JSON name of a list instead of its form field',
        { orderIds: '3318827765001' },
        [{ field: 'orderIds', message: 'is not a field of this form' }],
      ],
      [
        'a JSON reported party in a form',
        { reported: '[]' },
        [{ field: 'reported', message: 'is not a field of this form' }],
      ],
      [
        'a nested value in a single field',
        { title: { nested: 'x' } },
        [{ field: 'title', message: 'must be plain text' }],
      ],
      [
        'a nested value among repeats',
        { qq: ['12345', { nested: 'x' }] },
        [{ field: 'qq', message: 'must be plain text' }],
      ],
      [
        'a file-like value',
        { description: Buffer.from('x') },
        [{ field: 'description', message: 'must be plain text' }],
      ],
    ])('%s', (_name, extra, errors) => {
      expect(caseFromForm({ ...BASE, ...extra }, OPTIONS)).toEqual({ ok: false, errors });
    });

    it('reports every bad field at once, in the order they came', () => {
      expect(
        caseFromForm({ ...BASE, secret: 'x', title: ['a', 'b'], qq: [{ nested: 1 }] }, OPTIONS),
      ).toEqual({
        ok: false,
        errors: [
          { field: 'title', message: 'must be given once' },
          { field: 'secret', message: 'is not a field of this form' },
          { field: 'qq', message: 'must be plain text' },
        ],
      });
    });
  });

  describe('money', () => {
    it.each([
      [
        'the amount demanded with its currency, trimmed',
        { amountDemanded: ' 50 ', currency: 'CNY' },
        { amountDemanded: { amount: '50', currency: 'CNY' } },
      ],
      [
        'both amounts sharing the one currency field',
        { amountDemanded: '50', amountPaid: '20', currency: 'cny' },
        {
          amountDemanded: { amount: '50', currency: 'cny' },
          amountPaid: { amount: '20', currency: 'cny' },
        },
      ],
      [
        'a zero amount paid',
        { amountPaid: '0', currency: 'CNY' },
        { amountPaid: { amount: '0', currency: 'CNY' } },
      ],
      [
        'an amount with no currency, which its sign or the platform will give',
        { amountDemanded: '¥50', currency: '' },
        { amountDemanded: { amount: '¥50' } },
      ],
      ['a currency with no amount, as a preselected menu sends it', { currency: 'CNY' }, {}],
    ])('%s', (_name, extra, expected) => {
      expect(accepted({ ...BASE, ...extra }).body).toEqual({ ...BASE, ...expected });
    });
  });

  describe('the payee account', () => {
    it('pairs the account with its provider', () => {
      const { body } = accepted({ ...BASE, payeeAccount: '13800138000', payeeProvider: 'alipay' });
      expect(body.payeeAccount).toEqual({ provider: 'alipay', value: '13800138000' });
    });

    it('leaves a missing provider for the DTO to refuse', () => {
      const { body } = accepted({ ...BASE, payeeAccount: '13800138000' });
      expect(body.payeeAccount).toEqual({ value: '13800138000' });
      expect((body.payeeAccount as { provider?: string }).provider).toBeUndefined();
    });

    it('ignores a provider without an account', () => {
      expect(accepted({ ...BASE, payeeProvider: 'alipay' }).body).toEqual(BASE);
    });
  });

  describe('order ids', () => {
    it.each([
      ['one', '3318827765001', ['3318827765001']],
      ['repeated', ['3318827765001', '3318827765002'], ['3318827765001', '3318827765002']],
    ])('%s', (_name, orderId, orderIds) => {
      const { body } = accepted({ ...BASE, orderId });
      expect(body.orderIds).toEqual(orderIds);
      expect(body.reported).toBeUndefined();
    });
  });

  describe('the reported party', () => {
    it('gathers the repeatable fields into one party, kind by kind', () => {
      const { body } = accepted({
        ...BASE,
        url: 'shop.example.com/x',
        phone: ['13800138000', '+1 415 555 2671'],
        qq: '2847561923',
        email: 'a@example.com',
        wechat: 'wxid_abc',
        platformAccount: 'tb_buyer_8812',
      });
      expect(body.reported).toEqual([
        {
          identifiers: [
            { kind: 'platform_account', value: 'tb_buyer_8812' },
            { kind: 'qq', value: '2847561923' },
            { kind: 'wechat', value: 'wxid_abc' },
            { kind: 'phone', value: '13800138000' },
            { kind: 'phone', value: '+1 415 555 2671' },
            { kind: 'email', value: 'a@example.com' },
            { kind: 'url', value: 'shop.example.com/x' },
          ],
        },
      ]);
    });

    it('leaves platform accounts without a platform, for the case platform to fill in', () => {
      const { body } = accepted({ ...BASE, platformAccount: 'tb_buyer_8812' });
      expect(body.reported).toEqual([
        { identifiers: [{ kind: 'platform_account', value: 'tb_buyer_8812' }] },
      ]);
    });

    it('gives every payment account the one paymentProvider', () => {
      const { body } = accepted({
        ...BASE,
        paymentAccount: ['13800138000', 'payer@example.com'],
        paymentProvider: 'alipay',
      });
      expect(body.reported).toEqual([
        {
          identifiers: [
            { kind: 'payment_account', value: '13800138000', provider: 'alipay' },
            { kind: 'payment_account', value: 'payer@example.com', provider: 'alipay' },
          ],
        },
      ]);
    });

    it('sends a payment account without a provider on, for the identifier rules to refuse', () => {
      const { body } = accepted({ ...BASE, paymentAccount: '13800138000' });
      expect(body.reported).toEqual([
        { identifiers: [{ kind: 'payment_account', value: '13800138000' }] },
      ]);
    });

    it('ignores a paymentProvider without a payment account', () => {
      expect(accepted({ ...BASE, paymentProvider: 'alipay' }).body).toEqual(BASE);
    });
  });

  describe('renameField maps error paths back to form fields', () => {
    const form = accepted({
      ...BASE,
      qq: '2847561923',
      phone: ['13800138000', '12'],
      paymentAccount: 'payer@example.com',
      orderId: ['A-1', 'B-2'],
    });
    // identifiers: [0] qq, [1] phone[0], [2] phone[1], [3] paymentAccount

    it.each([
      ['reported[0].identifiers[0].value', 'qq'],
      ['reported[0].identifiers[0]', 'qq'],
      ['reported[0].identifiers[1].value', 'phone[0]'],
      ['reported[0].identifiers[2].value', 'phone[1]'],
      ['reported[0].identifiers[2]', 'phone[1]'],
      ['reported[0].identifiers[3].value', 'paymentAccount'],
      ['reported[0].identifiers[3].provider', 'paymentProvider'],
      ['amountDemanded.amount', 'amountDemanded'],
      ['amountDemanded.currency', 'currency'],
      ['amountPaid.amount', 'amountPaid'],
      ['amountPaid.currency', 'currency'],
      ['payeeAccount.value', 'payeeAccount'],
      ['payeeAccount.provider', 'payeeProvider'],
      ['orderIds', 'orderId'],
      ['orderIds[0]', 'orderId[0]'],
      ['orderIds[1]', 'orderId[1]'],
      ['title', 'title'],
      ['incidentAt', 'incidentAt'],
      ['demandChannel', 'demandChannel'],
    ])('%s → %s', (path, field) => {
      expect(form.renameField(path)).toBe(field);
    });

    it('names a field sent once without an index', () => {
      const single = accepted({ ...BASE, orderId: 'A-1', email: 'nope' });
      expect(single.renameField('orderIds[0]')).toBe('orderId');
      expect(single.renameField('reported[0].identifiers[0].value')).toBe('email');
    });

    it('indexes a repeated field by its own position, not the party position', () => {
      const mixed = accepted({ ...BASE, qq: ['12345', '23456'], email: ['a@x.cn', 'bad'] });
      expect(mixed.renameField('reported[0].identifiers[3].value')).toBe('email[1]');
    });
  });
});
