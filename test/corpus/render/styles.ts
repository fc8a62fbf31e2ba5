import type { ChatStyle, Theme } from './chat-spec';

/** The colours of one app in one theme. */
export interface Palette {
  background: string;
  statusText: string;
  titleBar: string;
  titleText: string;
  divider: string;
  timeText: string;
  /** Behind a centred time; none when the app draws the time bare. */
  timePill?: string;
  theirBubble: string;
  theirText: string;
  myBubble: string;
  myText: string;
  inputBar: string;
  inputField: string;
  icon: string;
  theirAvatar: string;
  myAvatar: string;
  avatarFigure: string;
}

/** How one app lays out its chat, in layout units (dp or pt). */
export interface StyleSheet {
  palette: Palette;
  titleBarHeight: number;
  /** iOS Messages shows the contact's avatar above the name, in a taller title bar. */
  avatarInTitle: boolean;
  avatarsBesideBubbles: boolean;
  bubbleRadius: number;
  /** WeChat's bubbles point at the avatar with a small triangle. */
  bubbleTail: boolean;
  messageFontSize: number;
  timeFontSize: number;
  inputPlaceholder: string;
}

const PALETTES: Record<ChatStyle, Record<Theme, Palette>> = {
  wechat: {
    light: {
      background: '#ededed',
      statusText: '#191919',
      titleBar: '#ededed',
      titleText: '#191919',
      divider: '#d6d6d6',
      timeText: '#a8a8a8',
      theirBubble: '#ffffff',
      theirText: '#191919',
      myBubble: '#95ec69',
      myText: '#191919',
      inputBar: '#f6f6f6',
      inputField: '#ffffff',
      icon: '#191919',
      theirAvatar: '#6f8fb0',
      myAvatar: '#d9a05b',
      avatarFigure: '#f2f2f2',
    },
    dark: {
      background: '#111111',
      statusText: '#d6d6d6',
      titleBar: '#111111',
      titleText: '#d6d6d6',
      divider: '#2a2a2a',
      timeText: '#6a6a6a',
      theirBubble: '#2c2c2c',
      theirText: '#d6d6d6',
      myBubble: '#3eb575',
      myText: '#0c0c0c',
      inputBar: '#1e1e1e',
      inputField: '#2c2c2c',
      icon: '#d6d6d6',
      theirAvatar: '#4d6680',
      myAvatar: '#9c7443',
      avatarFigure: '#bdbdbd',
    },
  },
  qq: {
    light: {
      background: '#eaf0f7',
      statusText: '#1a1a1a',
      titleBar: '#f5f8fc',
      titleText: '#1a1a1a',
      divider: '#dce3ec',
      timeText: '#8c96a3',
      timePill: '#dfe6ef',
      theirBubble: '#ffffff',
      theirText: '#1a1a1a',
      myBubble: '#1e96f5',
      myText: '#ffffff',
      inputBar: '#f5f8fc',
      inputField: '#ffffff',
      icon: '#5a6b80',
      theirAvatar: '#e07a7a',
      myAvatar: '#6bb4e8',
      avatarFigure: '#ffffff',
    },
    dark: {
      background: '#121212',
      statusText: '#e6e6e6',
      titleBar: '#1b1b1b',
      titleText: '#e6e6e6',
      divider: '#262626',
      timeText: '#7a7a7a',
      timePill: '#1f1f1f',
      theirBubble: '#262626',
      theirText: '#e6e6e6',
      myBubble: '#1677c9',
      myText: '#f2f2f2',
      inputBar: '#1b1b1b',
      inputField: '#262626',
      icon: '#9a9a9a',
      theirAvatar: '#8f4f4f',
      myAvatar: '#3f6f93',
      avatarFigure: '#d0d0d0',
    },
  },
  sms: {
    light: {
      background: '#ffffff',
      statusText: '#000000',
      titleBar: '#f6f6f6',
      titleText: '#000000',
      divider: '#d8d8dc',
      timeText: '#8e8e93',
      theirBubble: '#e9e9eb',
      theirText: '#000000',
      myBubble: '#0b84fe',
      myText: '#ffffff',
      inputBar: '#ffffff',
      inputField: '#ffffff',
      icon: '#0b84fe',
      theirAvatar: '#a3a8b3',
      myAvatar: '#a3a8b3',
      avatarFigure: '#ffffff',
    },
    dark: {
      background: '#000000',
      statusText: '#ffffff',
      titleBar: '#1c1c1e',
      titleText: '#ffffff',
      divider: '#38383a',
      timeText: '#8e8e93',
      theirBubble: '#262628',
      theirText: '#ffffff',
      myBubble: '#0b84fe',
      myText: '#ffffff',
      inputBar: '#000000',
      inputField: '#000000',
      icon: '#0b84fe',
      theirAvatar: '#6c6f78',
      myAvatar: '#6c6f78',
      avatarFigure: '#d8d8d8',
    },
  },
};

const LAYOUTS: Record<ChatStyle, Omit<StyleSheet, 'palette'>> = {
  wechat: {
    titleBarHeight: 48,
    avatarInTitle: false,
    avatarsBesideBubbles: true,
    bubbleRadius: 4,
    bubbleTail: true,
    messageFontSize: 16,
    timeFontSize: 12,
    inputPlaceholder: '',
  },
  qq: {
    titleBarHeight: 48,
    avatarInTitle: false,
    avatarsBesideBubbles: true,
    bubbleRadius: 12,
    bubbleTail: false,
    messageFontSize: 16,
    timeFontSize: 12,
    inputPlaceholder: '',
  },
  sms: {
    titleBarHeight: 78,
    avatarInTitle: true,
    avatarsBesideBubbles: false,
    bubbleRadius: 17,
    bubbleTail: false,
    messageFontSize: 16,
    timeFontSize: 11,
    inputPlaceholder: '短信',
  },
};

export function styleSheet(style: ChatStyle, theme: Theme): StyleSheet {
  return { ...LAYOUTS[style], palette: PALETTES[style][theme] };
}
