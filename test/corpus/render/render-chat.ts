import type { ChatSpec, ChatStyle, Theme } from './chat-spec';
import { layoutChat } from './layout';
import { rasterise } from './rasterise';
import type { ScreenSize } from './screen-sizes';
import { styleSheet } from './styles';
import { sceneToSvg } from './svg';
import { measureCharacters } from './text-metrics';

/**
 * A phone screenshot of `chat` as `style` draws it in `theme`, at `size`: a PNG. The same
 * arguments always give the same pixels. Throws ChatOverflowError when the chat does not fit.
 */
export async function renderChat(
  chat: ChatSpec,
  style: ChatStyle,
  theme: Theme,
  size: ScreenSize,
): Promise<Buffer> {
  const widthOf = await measureCharacters(chat.entries.map((entry) => entry.text));
  return rasterise(sceneToSvg(layoutChat(chat, styleSheet(style, theme), size, widthOf)));
}
