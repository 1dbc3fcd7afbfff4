// Native file dialogs, through main. The renderer never sees file contents; it passes the chosen
// path back to an import or export method, and main accepts only paths its own dialog returned.
import { z } from 'zod';
import { method } from './contract';

const filters = z
  .array(z.strictObject({ name: z.string().max(40), extensions: z.array(z.string().max(10)).max(5) }))
  .max(5)
  .default([]);
const picked = z.object({ path: z.string().nullable() });

export const desktopMethods = {
  'desktop.pickOpenFile': method({
    summary: '选择要打开的文件',
    permission: 'session',
    input: z.strictObject({ title: z.string().max(60), filters }),
    output: picked,
  }),
  'desktop.pickSaveFile': method({
    summary: '选择保存位置',
    permission: 'session',
    input: z.strictObject({ title: z.string().max(60), defaultName: z.string().max(200), filters }),
    output: picked,
  }),
  'desktop.pickFolder': method({
    summary: '选择文件夹',
    permission: 'session',
    input: z.strictObject({ title: z.string().max(60) }),
    output: picked,
  }),
  'desktop.showInFolder': method({
    summary: '在文件夹中显示',
    permission: 'session',
    input: z.strictObject({ path: z.string().min(1).max(1000) }),
    output: z.object({}),
  }),
};
