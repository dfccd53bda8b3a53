import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { basename, dirname } from 'node:path';
import type { MenuCommand, RecentWorkspace, UiLanguage } from '../../shared/api/contract';
import type { ServiceCore } from '../services/serviceCore';

/** Every string of the native menu and the native dialogs, in one language. */
export interface MenuStrings {
  file: string; newWorkspace: string; openWorkspace: string; openRecent: string; noRecent: string;
  openSample: string; closeWorkspace: string; quit: string; joinWorkspace: string; share: string; exportDocument: string;
  edit: string; undo: string; redo: string; cut: string; copy: string; paste: string; selectAll: string;
  view: string; toggleOutline: string; language: string; reload: string; toggleDevTools: string;
  actualSize: string; zoomIn: string; zoomOut: string; fullScreen: string;
  help: string; about: string; services: string; hide: string; hideOthers: string; showAll: string;
  workspaceFilter: string; openDialogTitle: string; createDialogTitle: string; untitledWorkspace: string;
  inputFilter: string; importDialogTitle: string; exportDialogTitle: string;
}

const menuStringTable: Record<UiLanguage, MenuStrings> = {
  en: {
    file: 'File', newWorkspace: 'New…', openWorkspace: 'Open…', openRecent: 'Open Recent',
    noRecent: 'No Recent Workspaces', openSample: 'Open Sample Negotiation', closeWorkspace: 'Close', quit: 'Quit',
    joinWorkspace: 'Join a Shared Negotiation…', share: 'Share…', exportDocument: 'Export…',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    view: 'View', toggleOutline: 'Show or Hide Outline', language: 'Language', reload: 'Reload',
    toggleDevTools: 'Developer Tools', actualSize: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen', help: 'Help', about: 'About Zero Draft', services: 'Services',
    hide: 'Hide Zero Draft', hideOthers: 'Hide Others', showAll: 'Show All',
    workspaceFilter: 'Zero Draft workspace', openDialogTitle: 'Open Workspace',
    createDialogTitle: 'New Workspace', untitledWorkspace: 'New negotiation',
    inputFilter: 'Documents (text, Markdown, HTML, Word, PDF)', importDialogTitle: 'Import an Input', exportDialogTitle: 'Export to',
  },
  zh: {
    file: '文件', newWorkspace: '新建…', openWorkspace: '打开…', openRecent: '最近打开',
    noRecent: '没有最近打开的工作区', openSample: '打开示例谈判', closeWorkspace: '关闭', quit: '退出',
    joinWorkspace: '加入共享谈判…', share: '共享…', exportDocument: '导出…',
    edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    view: '视图', toggleOutline: '显示或隐藏大纲', language: '语言', reload: '重新加载',
    toggleDevTools: '开发者工具', actualSize: '实际大小', zoomIn: '放大', zoomOut: '缩小',
    fullScreen: '全屏', help: '帮助', about: '关于 Zero Draft', services: '服务',
    hide: '隐藏 Zero Draft', hideOthers: '隐藏其他', showAll: '全部显示',
    workspaceFilter: 'Zero Draft 工作区', openDialogTitle: '打开工作区',
    createDialogTitle: '新建工作区', untitledWorkspace: '新谈判',
    inputFilter: '文档（文本、Markdown、HTML、Word、PDF）', importDialogTitle: '导入材料', exportDialogTitle: '导出到',
  },
};

/** What the menu needs from the app: the services, and a way to reach the renderer. */
export interface MenuContext {
  core: ServiceCore;
  /** Asks the main window's renderer to run a command (opening the window first if needed). */
  sendCommand(command: MenuCommand): void;
}

let installedContext: MenuContext | null = null;
const isMac = process.platform === 'darwin';

/** The menu and dialog strings in the user's language. */
export function menuStrings(core: ServiceCore): MenuStrings {
  return menuStringTable[core.appState.preferences().language];
}

/** Sets the application menu and remembers its context for {@link rebuildMenu}. */
export function installMenu(context: MenuContext): void {
  installedContext = context;
  rebuildMenu();
}

/** Rebuilds the menu from the current Recent list and language; call it whenever they may change. */
export function rebuildMenu(): void {
  if (installedContext === null) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(installedContext)));
}

function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const strings = menuStrings(context.core);
  const menus = [fileMenu(context, strings), editMenu(strings), viewMenu(context, strings), helpMenu(context, strings)];
  return isMac ? [macApplicationMenu(context, strings), ...menus] : menus;
}

function commandItem(context: MenuContext, label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions {
  return { label, click: () => context.sendCommand(command), ...(accelerator === undefined ? {} : { accelerator }) };
}

// macOS keeps About, Hide and Quit in a menu named after the app.
function macApplicationMenu(context: MenuContext, strings: MenuStrings): MenuItemConstructorOptions {
  return {
    label: app.name,
    submenu: [
      commandItem(context, strings.about, 'about'),
      { type: 'separator' },
      { role: 'services', label: strings.services },
      { type: 'separator' },
      { role: 'hide', label: strings.hide },
      { role: 'hideOthers', label: strings.hideOthers },
      { role: 'unhide', label: strings.showAll },
      { type: 'separator' },
      { role: 'quit', label: strings.quit },
    ],
  };
}

function fileMenu(context: MenuContext, strings: MenuStrings): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [
    commandItem(context, strings.newWorkspace, 'new-workspace', 'CmdOrCtrl+N'),
    commandItem(context, strings.openWorkspace, 'open-workspace', 'CmdOrCtrl+O'),
    { label: strings.openRecent, submenu: recentItems(context, strings) },
    commandItem(context, strings.openSample, 'open-sample'),
    commandItem(context, strings.joinWorkspace, 'join-workspace'),
    { type: 'separator' },
    commandItem(context, strings.share, 'share', 'CmdOrCtrl+Shift+S'),
    commandItem(context, strings.exportDocument, 'export', 'CmdOrCtrl+Shift+E'),
    { type: 'separator' },
    commandItem(context, strings.closeWorkspace, 'close-workspace', 'CmdOrCtrl+W'),
  ];
  if (!isMac) submenu.push({ type: 'separator' }, { role: 'quit', label: strings.quit, accelerator: 'CmdOrCtrl+Q' });
  return { label: strings.file, submenu };
}

function recentItems(context: MenuContext, strings: MenuStrings): MenuItemConstructorOptions[] {
  const recent = context.core.appState.recent();
  if (recent.length === 0) return [{ label: strings.noRecent, enabled: false }];
  return recent.map((entry) => ({
    label: escapeMnemonic(recentLabel(entry, recent)),
    sublabel: entry.path,
    enabled: entry.exists,
    click: () => context.sendCommand({ openPath: entry.path }),
  }));
}

/** The workspace's name, with its folder when another entry has the same name. */
function recentLabel(entry: RecentWorkspace, recent: readonly RecentWorkspace[]): string {
  const sameName = recent.filter((other) => other.name === entry.name).length > 1;
  return sameName ? `${entry.name} (${basename(dirname(entry.path))})` : entry.name;
}

// On Windows and Linux a single & marks a keyboard mnemonic; file names must show it as typed.
function escapeMnemonic(label: string): string {
  return isMac ? label : label.replaceAll('&', '&&');
}

function editMenu(strings: MenuStrings): MenuItemConstructorOptions {
  return {
    label: strings.edit,
    submenu: [
      { role: 'undo', label: strings.undo },
      { role: 'redo', label: strings.redo },
      { type: 'separator' },
      { role: 'cut', label: strings.cut },
      { role: 'copy', label: strings.copy },
      { role: 'paste', label: strings.paste },
      { role: 'selectAll', label: strings.selectAll },
    ],
  };
}

function viewMenu(context: MenuContext, strings: MenuStrings): MenuItemConstructorOptions {
  const language = context.core.appState.preferences().language;
  const submenu: MenuItemConstructorOptions[] = [
    commandItem(context, strings.toggleOutline, 'toggle-outline', 'CmdOrCtrl+Shift+O'),
    {
      label: strings.language,
      submenu: [
        { label: 'English', type: 'radio', checked: language === 'en', click: () => context.sendCommand('language-en') },
        { label: '中文', type: 'radio', checked: language === 'zh', click: () => context.sendCommand('language-zh') },
      ],
    },
    { type: 'separator' },
  ];
  if (!app.isPackaged) {
    submenu.push({ role: 'reload', label: strings.reload }, { role: 'toggleDevTools', label: strings.toggleDevTools }, { type: 'separator' });
  }
  submenu.push(
    { role: 'resetZoom', label: strings.actualSize },
    { role: 'zoomIn', label: strings.zoomIn },
    { role: 'zoomOut', label: strings.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: strings.fullScreen },
  );
  return { label: strings.view, submenu };
}

function helpMenu(context: MenuContext, strings: MenuStrings): MenuItemConstructorOptions {
  return { role: 'help', label: strings.help, submenu: [commandItem(context, strings.about, 'about')] };
}
