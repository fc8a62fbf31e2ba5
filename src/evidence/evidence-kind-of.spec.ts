import { evidenceKindOf } from './evidence-kind-of';

describe('the kind of an upload that names none', () => {
  it.each([
    ['image/png', 'chat.png', 'chat_screenshot'],
    ['audio/amr', 'call.amr', 'recording'],
    ['video/mp4', 'call.mp4', 'recording'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x.xlsx', 'order_export'],
    ['text/plain', 'ExportOrderList.CSV', 'order_export'],
    ['text/plain', 'qq-chat.txt', 'chat_log'],
    ['application/pdf', 'report.pdf', 'other'],
    [undefined, 'mystery.bin', 'other'],
  ])('takes %s named %s for %s', (mediaType, fileName, kind) => {
    expect(evidenceKindOf(mediaType, fileName)).toBe(kind);
  });
});
