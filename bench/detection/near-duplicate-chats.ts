import type { ChatEntry, ChatSpec } from '../../test/corpus/render/chat-spec';
import { seededRandom } from '../../test/corpus/seeded-random';

/** Lines a blackmailer and a seller trade; distinct chats draw different runs of them. */
const THEIR_LINES = [
  '你好，我买的东西有问题',
  '收到的货是坏的，你们怎么处理',
  '不退款我就给差评',
  '加我QQ 2847561932 私聊',
  '微信号 xw_chaping88 加一下',
  '给我转50块这事就算了',
  '我已经截图了，平台会处理你们',
  '我朋友也在你家买过，一样的问题',
  '今天之内给答复',
  '你看着办吧',
  '退一半也行',
  '别跟我说什么流程',
  '手机 138 1234 5678 打给我',
  '好评返现吗',
];

const MY_LINES = [
  '您好，请问是哪里有问题呢？',
  '麻烦拍一下照片给我们看看',
  '我们可以按平台规则退货',
  '请在订单里申请售后',
  '这个要求我们不能答应',
  '好的，我们核实一下',
  '收到',
  '请不要威胁我们，我们会向平台反馈',
  '发货前都检查过的',
  '稍等一下',
];

const CLOCKS = ['09:12', '10:47', '13:05', '14:32', '16:58', '18:21', '20:03', '22:46'];
const CONTACTS = ['小王', '买家张先生', '快乐每一天', 'Lily', '阿明', '追风少年', '王女士', 'momo'];

/**
 * The `index`th of a family of distinct chats: different people, lines, order and length, drawn
 * the way every chat app lays them out, so two of them share a layout but not a picture.
 */
export function distinctChat(index: number): ChatSpec {
  const random = seededRandom(index * 7919 + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const entries: ChatEntry[] = [{ kind: 'time', text: `昨天 ${pick(CLOCKS)}` }];
  const messageCount = 1 + Math.floor(random() * 8);
  for (let message = 0; message < messageCount; message += 1) {
    const fromThem = random() < 0.6;
    entries.push({
      kind: 'message',
      from: fromThem ? 'them' : 'me',
      text: pick(fromThem ? THEIR_LINES : MY_LINES),
    });
    if (random() < 0.12) entries.push({ kind: 'time', text: pick(CLOCKS) });
  }
  return {
    contact: pick(CONTACTS),
    clock: pick(CLOCKS),
    batteryPercent: 10 + Math.floor(random() * 90),
    entries,
  };
}
