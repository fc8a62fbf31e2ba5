import request from 'supertest';
import { TestApp } from '../helpers/test-app';
import { bearer } from './accounts';

export function extortionCase(overrides: Record<string, unknown> = {}) {
  return {
    type: 'extortion',
    platform: 'taobao',
    title: 'Buyer demands 50 yuan to remove a bad review',
    description: 'Bought a prepaid card, left one star, then added me on QQ.',
    incidentAt: '2026-11-18T09:30:00Z',
    amountDemanded: { amount: '50.00', currency: 'CNY' },
    orderIds: ['3318827765001'],
    reported: [
      {
        identifiers: [
          { kind: 'platform_account', value: 'tb_buyer_8812', platform: 'taobao' },
          { kind: 'qq', value: '2847561923' },
          { kind: 'phone', value: '138 0013 8000' },
        ],
      },
    ],
    ...overrides,
  };
}

export async function fileCase(
  t: TestApp,
  seller: { accessToken: string },
  overrides: Record<string, unknown> = {},
) {
  const response = await request(t.http)
    .post('/v1/cases')
    .set(bearer(seller))
    .send(extortionCase(overrides))
    .expect(201);
  return response.body as { id: string; reference: string; status: string };
}
