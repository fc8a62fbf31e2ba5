import { CHAT_STYLES, THEMES, type ChatEntry, type ChatSpec } from './render/chat-spec';
import { SCREEN_SIZES } from './render/screen-sizes';
import type { CorpusScreenshot, ExpectedIdentifier, Distractor } from './manifest';
import { seededRandom } from './seeded-random';

/** Each of the 12 layouts (style, theme, size) draws this many different chats. */
const CHATS_PER_LAYOUT = 3;

// Label forms as blackmailers write them; each is followed by one of SEPARATORS.
const QQ_LABELS = ['QQ', 'Q号', '扣扣', '企鹅号', 'qq号', '扣扣号'];
const WECHAT_LABELS = ['微信', '微信号', '威信', 'V信', 'vx', 'wx'];
const PHONE_LABELS = ['手机', '电话', '手机号', '电话号码'];
const SEPARATORS = [':', '：', ' ', ''];

const CLOCKS = ['09:12', '10:47', '13:05', '14:32', '16:58', '18:21', '20:03', '22:46'];
const CONTACTS = ['小王', '买家张先生', '快乐每一天', 'Lily', '阿明', '追风少年', '王女士', 'momo'];
const REPLIES = [
  '您好，请问是哪里有问题呢？',
  '麻烦拍一下照片给我们看看',
  '我们可以按平台规则退货',
  '这个要求我们不能答应',
  '好的，我们核实一下',
  '请不要威胁我们，我们会向平台反馈',
];
// Handles without the letters OCR confuses with digits (l, i, o) would be kinder than real ones;
// these keep some, as people choose them.
const HANDLE_STEMS = ['xw_chaping', 'zhangwei', 'kefu_', 'tb_seller', 'haoping', 'mike_chen'];
const MOBILE_PREFIXES = ['138', '139', '136', '150', '158', '186', '188', '177'];
const MAIL_HOSTS = ['163.com', 'qq.com', '126.com'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const digits = (random: Random, count: number) =>
  Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

function qqNumber(random: Random): string {
  return `${1 + Math.floor(random() * 9)}${digits(random, 6 + Math.floor(random() * 4))}`;
}

function mobile(random: Random): string {
  return `${pick(random, MOBILE_PREFIXES)}${digits(random, 8)}`;
}

/**
 * A number as people type it: plain, or grouped by spaces or dashes, 3-4-4 for a mobile and 3-3-n
 * for a QQ number of 9 digits or more.
 */
function grouped(random: Random, number: string): string {
  const style = pick(random, ['plain', 'spaces', 'dashes']);
  if (style === 'plain') return number;
  const glue = style === 'spaces' ? ' ' : '-';
  if (number.length < 9) return number;
  const groups = number.length === 11 ? [3, 4, 4] : [3, 3, number.length - 6];
  let at = 0;
  return groups.map((length) => number.slice(at, (at += length))).join(glue);
}

/** A colon of either width, a space or nothing; a Latin label always keeps a space or colon. */
function separatorAfter(random: Random, label: string): string {
  const separator = pick(random, SEPARATORS);
  return separator === '' && /[a-z]$/i.test(label) ? ' ' : separator;
}

interface Line {
  text: string;
  identifiers: ExpectedIdentifier[];
  amounts?: string[];
  distractors?: Distractor[];
}

function qqLine(random: Random, index: number): Line {
  const number = qqNumber(random);
  const label = QQ_LABELS[index % QQ_LABELS.length];
  const value = `${label}${separatorAfter(random, label)}${grouped(random, number)}`;
  const text = pick(random, [`加我${value}私聊`, `有事找我，${value}`, `${value} 加一下`]);
  return { text, identifiers: [{ kind: 'qq', value: number }] };
}

function wechatLine(random: Random, index: number): Line {
  const id = `${pick(random, HANDLE_STEMS)}${digits(random, 2 + Math.floor(random() * 3))}`;
  const label = WECHAT_LABELS[index % WECHAT_LABELS.length];
  const value = `${label}${separatorAfter(random, label)}${id}`;
  const text = pick(random, [`${value} 加一下`, `不想在这聊就加${value}`, `${value}，备注差评`]);
  return { text, identifiers: [{ kind: 'wechat', value: id }] };
}

function phoneLine(random: Random, index: number): Line {
  const number = mobile(random);
  const label = PHONE_LABELS[index % PHONE_LABELS.length];
  const value = `${label}${separatorAfter(random, label)}${grouped(random, number)}`;
  const text = pick(random, [`${value} 打给我`, `我的${value}，今天之内回电`]);
  return { text, identifiers: [{ kind: 'phone', value: `+86${number}` }] };
}

/** A demand with where to pay: an Alipay account, by phone or by email, and the sum. */
function paymentLine(random: Random, index: number): Line {
  const yuan = pick(random, [200, 300, 500, 800, 1000, 1500]);
  const byMail = random() < 0.4;
  const handle = `${pick(random, ['liu', 'chen', 'wang', 'zhao'])}${digits(random, 4)}`;
  const account = byMail ? `${handle}@${pick(random, MAIL_HOSTS)}` : mobile(random);
  const value = byMail ? account : `+86${account}`;
  const shown = byMail ? account : grouped(random, account);
  const text = [
    `给我转${yuan}元，支付宝 ${shown}，不然差评`,
    `收款：${shown}，${yuan}块就删评价`,
    `转账到支付宝${shown}，${yuan}元`,
  ][index % 3];
  const identifiers: ExpectedIdentifier[] = [
    { kind: 'payment_account', provider: 'alipay', value },
    { kind: byMail ? 'email' : 'phone', value },
  ];
  return { text, identifiers, amounts: [`${yuan}.00`] };
}

/** Numbers that are not identifiers: an order id, a price, a date and time. */
function distractorLine(random: Random, index: number): Line {
  const orderId = `${pick(random, ['2026', '3791', '1688'])}${digits(random, 14)}`;
  const price = pick(random, [39, 50, 88, 129]);
  const date = `${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日`;
  const lines: Line[] = [
    {
      text: `订单号：${orderId}，${date}买的`,
      identifiers: [],
      distractors: [
        { kind: 'order_id', text: orderId },
        { kind: 'date', text: date },
      ],
    },
    {
      text: `就这个¥${price}的东西，订单号${orderId}`,
      identifiers: [],
      amounts: [`${price}.00`],
      distractors: [
        { kind: 'amount', text: `¥${price}` },
        { kind: 'order_id', text: orderId },
      ],
    },
    {
      text: `${date}下的单，花了${price}元`,
      identifiers: [],
      amounts: [`${price}.00`],
      distractors: [
        { kind: 'date', text: date },
        { kind: 'amount', text: `${price}元` },
      ],
    },
  ];
  return lines[index % lines.length];
}

function timeEntry(random: Random): { entry: ChatEntry; distractor: Distractor } {
  const text = pick(random, [`昨天 ${pick(random, CLOCKS)}`, pick(random, CLOCKS)]);
  return { entry: { kind: 'time', text }, distractor: { kind: 'timestamp', text } };
}

/**
 * The `index`th chat of the corpus: a buyer opens a complaint, names where to reach and pay them
 * among an order id, a price and a date, and the seller answers. Every label form comes round in
 * turn; values, grouping and separators are drawn from a generator seeded by the index.
 */
function corpusChat(index: number): Omit<CorpusScreenshot, 'file' | 'style' | 'theme' | 'size'> {
  const random = seededRandom(index * 104_729 + 17);
  const firstTime = timeEntry(random);
  const secondTime = timeEntry(random);
  const lines = [
    qqLine(random, index),
    wechatLine(random, index),
    phoneLine(random, index),
    distractorLine(random, index),
    ...(index % 2 === 0 ? [paymentLine(random, index / 2)] : []),
  ];
  const reply = (): ChatEntry => ({ kind: 'message', from: 'me', text: pick(random, REPLIES) });
  const said = (line: Line): ChatEntry => ({ kind: 'message', from: 'them', text: line.text });
  const entries: ChatEntry[] = [
    firstTime.entry,
    said(lines[3]),
    // A seller's answer too, where the screen has room for it.
    ...(lines.length > 4 ? [] : [reply()]),
    said(lines[0]),
    secondTime.entry,
    said(lines[1]),
    said(lines[2]),
    ...lines.slice(4).map(said),
  ];
  const chat: ChatSpec = {
    contact: pick(random, CONTACTS),
    clock: pick(random, CLOCKS),
    batteryPercent: 10 + Math.floor(random() * 90),
    entries,
  };
  return {
    chat,
    identifiers: lines.flatMap((line) => line.identifiers),
    amounts: lines.flatMap((line) => line.amounts ?? []),
    distractors: [
      firstTime.distractor,
      secondTime.distractor,
      { kind: 'timestamp', text: chat.clock },
      ...lines.flatMap((line) => line.distractors ?? []),
    ],
  };
}

/** The corpus: CHATS_PER_LAYOUT distinct chats in every style, theme and screen size. */
export function corpusScreenshots(): CorpusScreenshot[] {
  const layouts = CHAT_STYLES.flatMap((style) =>
    THEMES.flatMap((theme) => SCREEN_SIZES.map((size) => ({ style, theme, size }))),
  );
  return Array.from({ length: layouts.length * CHATS_PER_LAYOUT }, (_, index) => {
    const { style, theme, size } = layouts[index % layouts.length];
    const file = `${String(index + 1).padStart(2, '0')}-${style}-${theme}-${size.label}.png`;
    return { file, style, theme, size: size.label, ...corpusChat(index) };
  });
}
