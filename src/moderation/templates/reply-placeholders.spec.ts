import { fillTemplate, unknownPlaceholders } from './reply-placeholders';

describe('reply template placeholders', () => {
  const values = { caseReference: 'BW-7K3D9Q', sellerName: '李娜' };

  it('fills the case reference and the seller’s name, spaces inside the braces or not', () => {
    expect(fillTemplate('{{sellerName}}您好，案件 {{ caseReference }} 已收到。', values)).toBe(
      '李娜您好，案件 BW-7K3D9Q 已收到。',
    );
  });

  it('leaves a placeholder it does not know, so the message is refused rather than sent', () => {
    expect(fillTemplate('Dear {{sellerName}}, see {{orderId}}', values)).toBe(
      'Dear 李娜, see {{orderId}}',
    );
  });

  it('names the placeholders no case can fill', () => {
    expect(unknownPlaceholders('{{ sellerName }} {{orderId}} {{}}')).toEqual([
      '{{orderId}}',
      '{{}}',
    ]);
    expect(unknownPlaceholders('{{caseReference}}')).toEqual([]);
  });
});
