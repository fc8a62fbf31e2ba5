import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Admin } from '../intel/service';

/** An account's email and password, to sign in to the web pages with. */
export interface Account {
  email: string;
  password: string;
}

/** A browser's web session: the cookies the sign-in form set. */
export interface WebSession {
  cookie: string;
  cookies(base: string): { name: string; value: string; url: string }[];
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((header) => {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** Signs in through the sign-in form, as a browser would: visitor cookie, CSRF token, POST. */
export async function signInToWeb(base: string, account: Account): Promise<WebSession> {
  const page = await fetch(`${base}/signin`);
  const jar = cookiesOf(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('GET /signin has no CSRF token');
  const signedIn = await fetch(`${base}/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    },
    body: new URLSearchParams({ _csrf: token, email: account.email, password: account.password }),
  });
  const session = cookiesOf(signedIn).get('bulwark_session');
  if (signedIn.status !== 303 || !session) {
    throw new Error(`POST /signin answered ${signedIn.status} without a session`);
  }
  return {
    cookie: `bulwark_session=${session}`,
    cookies: (url) => [{ name: 'bulwark_session', value: session, url }],
  };
}

async function postJson(base: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300)
    throw new Error(`POST ${path} answered ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A moderator created by the first admin. */
export async function staffAccount(base: string, admin: Admin): Promise<Account> {
  const { accessToken } = await postJson(base, '/v1/auth/login', admin);
  const account = {
    email: `bench-moderator-${randomUUID()}@example.com`,
    password: `Bench-Moderator-Passphrase-${randomBytes(6).toString('hex')}`,
  };
  await postJson(
    base,
    '/v1/users',
    { ...account, displayName: 'Bench Moderator', role: 'moderator' },
    String(accessToken),
  );
  return account;
}

/** A seller who files cases through the API, each naming a QQ of its own. */
export async function sellerAccount(base: string) {
  const account = {
    email: `bench-seller-${randomUUID()}@example.com`,
    password: `Bench-Seller-Passphrase-${randomBytes(6).toString('hex')}`,
  };
  const registered = await postJson(base, '/v1/auth/register', {
    ...account,
    displayName: '李娜',
    shop: { platform: 'taobao', shopId: `bench-${randomUUID()}`, shopName: '快乐卡片店' },
  });
  const token = String(registered.accessToken);
  const qqBase = 2_000_000_000 + Math.floor(Math.random() * 1e8);
  return {
    account,
    async fileCase(index: number): Promise<string> {
      const filed = await postJson(
        base,
        '/v1/cases',
        {
          type: 'extortion',
          platform: 'taobao',
          title: `买家要 ${50 + index} 元才删差评`,
          description: '买家给了一星差评，然后加我 QQ 要钱才删。',
          amountDemanded: { amount: String(50 + index), currency: 'CNY' },
          reported: [{ identifiers: [{ kind: 'qq', value: String(qqBase + index) }] }],
        },
        token,
      );
      return String(filed.reference);
    },
    async attachScreenshots(reference: string, count: number): Promise<void> {
      const form = new FormData();
      for (let i = 0; i < count; i += 1) {
        const image = await sharp({
          create: { width: 750, height: 1334, channels: 3, background: '#f5f5f5' },
        })
          .png()
          .toBuffer();
        form.append(
          'files',
          new Blob([new Uint8Array(image)], { type: 'image/png' }),
          `chat-${i}.png`,
        );
      }
      const response = await fetch(`${base}/v1/cases/${reference}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (response.status !== 202) throw new Error(`evidence upload answered ${response.status}`);
    },
  };
}
