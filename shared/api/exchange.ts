// Contract of 数据交换包: this workstation's identity, writing a bundle for another workstation,
// reading one (preview, then apply with the clerk's choice per conflict) and who delivered when.
import { z } from 'zod';
import { method } from './contract';
import { jobState } from './jobs';
import { bundleDirection } from '../exchange/bundle';
import { conflictChoice, exchangePreview } from '../exchange/preview';

const path = z.string().min(1).max(1000);
const ref = z.string().min(1).max(64);

export const workstationDto = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
});
export type WorkstationDto = z.infer<typeof workstationDto>;

export const senderDto = z.object({
  workstationId: z.string(),
  label: z.string(),
  unitLabel: z.string(),
  lastBundleId: z.string(),
  lastCreatedAt: z.string(),
  lastImportedAt: z.string(),
  lastImportedBy: z.string(),
  bundles: z.number().int(),
});
export type SenderDto = z.infer<typeof senderDto>;

export const exchangeMethods = {
  'exchange.identity': method({
    summary: '本工作站的标识（首次导出交换包时建立）',
    permission: 'session',
    input: z.strictObject({}),
    output: workstationDto.nullable(),
  }),
  'exchange.setupIdentity': method({
    summary: '建立本工作站标识或修改其名称（标识一经建立不再改变）',
    permission: 'exchange.manage',
    input: z.strictObject({ label: z.string().trim().max(100, '工作站名称最多 100 个字').optional() }),
    output: workstationDto,
  }),
  'exchange.export': method({
    summary: '导出数据交换包（后台任务）：部门报送考核办，或考核办下发部门',
    permission: 'exchange.manage',
    input: z.strictObject({
      direction: bundleDirection,
      /** the agency, or one of its departments */
      unitId: ref,
      yearId: ref,
      /** omitted: every period of the year (down: the reviewed ones) */
      periodIds: z.array(ref).max(60).optional(),
      /** the workstation the bundle is for, when known (the senders list): kept as the last exchange */
      toWorkstationId: ref.nullable().optional(),
      path,
    }),
    output: jobState,
  }),
  'exchange.preview': method({
    summary: '预览数据交换包（后台任务：检查文件与校验值，列出新增、未变、修改与冲突）',
    permission: 'exchange.manage',
    input: z.strictObject({ path }),
    output: jobState,
  }),
  'exchange.getPreview': method({
    summary: '取回已完成的交换包预览',
    permission: 'exchange.manage',
    input: z.strictObject({ previewId: ref }),
    output: exchangePreview,
  }),
  'exchange.apply': method({
    summary: '按预览导入交换包（后台任务，一个事务），每个冲突按经办人的选择处理',
    permission: 'exchange.manage',
    input: z.strictObject({
      previewId: ref,
      choices: z.array(z.strictObject({ key: z.string().min(1).max(300), choice: conflictChoice })).max(100_000),
    }),
    output: jobState,
  }),
  'exchange.senders': method({
    summary: '各报送工作站最近一次交换的时间',
    permission: 'year.read',
    input: z.strictObject({}),
    output: z.array(senderDto),
  }),
};
