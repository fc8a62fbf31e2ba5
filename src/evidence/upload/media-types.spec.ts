import { decideMediaType } from './media-types';

describe('deciding an upload’s type by its bytes', () => {
  it.each([
    ['chat_screenshot', 'image/png', 'image/png', 'chat.png'],
    ['chat_screenshot', 'image/jpeg', 'application/octet-stream', 'IMG_2041.JPG'],
    ['chat_screenshot', 'image/jpeg', 'image/jpg', 'photo'],
    ['order_export', 'text/plain', 'text/csv', '订单.csv'],
    [
      'order_export',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '',
      'ExportOrderList.xlsx',
    ],
    ['chat_log', 'text/plain', 'text/plain', 'qq-chat.txt'],
    ['recording', 'audio/amr', '', 'call.amr'],
    ['other', 'application/pdf', 'application/pdf', 'police-report.pdf'],
  ] as const)('accepts a %s that is %s sent as %j named %j', (kind, sniffed, declared, name) => {
    expect(decideMediaType(kind, sniffed, declared, name)).toEqual({
      ok: true,
      mediaType: sniffed,
    });
  });

  it.each([
    ['unknown bytes', 'chat_screenshot', undefined, 'image/png', 'x.png', /not a type/],
    ['a PDF as a screenshot', 'chat_screenshot', 'application/pdf', '', 'x.pdf', /must be image/],
    ['SVG declared as PNG', 'chat_screenshot', undefined, 'image/png', 'x.png', /not a type/],
    [
      'a GIF named .jpg',
      'chat_screenshot',
      'image/gif',
      'image/jpeg',
      'x.jpg',
      /sent as image\/jpeg/,
    ],
    [
      'a GIF named .jpg sent generically',
      'chat_screenshot',
      'image/gif',
      '',
      'x.jpg',
      /named \.jpg/,
    ],
    ['a PNG named .exe', 'chat_screenshot', 'image/png', '', 'x.exe', /named \.exe/],
    [
      'an XLSX as a chat log',
      'chat_log',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '',
      'x.xlsx',
      /must be text\/plain/,
    ],
  ] as const)('refuses %s', (_name, kind, sniffed, declared, fileName, reason) => {
    const decision = decideMediaType(kind, sniffed, declared, fileName);
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.reason).toMatch(reason);
  });
});
