// Command-line commands of 数据交换包: import-bundle previews and applies in one process (a preview
// lives in the process that made it), every conflict listed and settled by --take or --choose.
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { flagString } from '../command';
import { call, callJob, grant } from '../calls';
import { exitCodeOf } from '../exit-codes';
import { ITEM_STATUS_LABEL, type ExchangePreview, type ExchangeResult } from '../../../shared/exchange/preview';

const USAGE = 'import-bundle FILE [--take theirs|mine] [--choose KEY=theirs|mine,…] [--preview-only] --operator 用户名';

export const exchangeCommands: CliCommand[] = [
  {
    name: 'import-bundle',
    usage: 'import-bundle FILE [--take theirs|mine] [--choose KEY=theirs|mine,…] [--preview-only]',
    summary: '导入数据交换包（预览、列出冲突，按选择一次性导入）/ import an exchange bundle',
    example: 'import-bundle ./办公室-2026-报送.dax --take theirs --operator jingban',
    access: 'write',
    async run(args, env) {
      const file = args.positional[0];
      const take = flagString(args, 'take');
      if (!file || (take !== undefined && take !== 'theirs' && take !== 'mine')) {
        env.io.err(`用法 / usage: ${USAGE}`);
        return 2;
      }
      const path = resolve(file);
      await grant(env, path);
      const started = await callJob<ExchangePreview>(env, 'exchange.preview', { path });
      const preview = await call(env, 'exchange.getPreview', { previewId: started.previewId });
      env.io.out(
        `${preview.bundle.fileName}（${preview.bundle.unitLabel}，${preview.bundle.year} 年）：${preview.message}`,
      );
      for (const i of preview.items.filter((x) => x.status === 'conflict' || x.status === 'refused'))
        env.io.err(
          `  ${ITEM_STATUS_LABEL[i.status]} ${i.key}  ${i.label}：本机 ${i.mine} / 交换包 ${i.message || i.theirs}`,
        );
      if (args.flags['preview-only'] === true) return 0;
      const named = new Map(
        (flagString(args, 'choose') ?? '')
          .split(',')
          .filter(Boolean)
          .map((pair) => pair.split('=') as [string, string]),
      );
      const choices = preview.items
        .filter((i) => i.status === 'conflict')
        .map((i) => ({ key: i.key, choice: (named.get(i.key) ?? take) as 'theirs' | 'mine' | undefined }));
      const open = choices.filter((c) => c.choice !== 'theirs' && c.choice !== 'mine');
      if (open.length && !preview.alreadyImportedAt) {
        env.io.err(
          `还有 ${open.length} 处冲突没有选择，未导入任何数据。请用 --take theirs|mine 或 --choose KEY=theirs|mine 选择。 / ${open.length} conflicts unresolved, nothing imported.`,
        );
        return exitCodeOf('INVALID_INPUT');
      }
      const result = await callJob<ExchangeResult>(env, 'exchange.apply', {
        previewId: preview.previewId,
        choices: preview.alreadyImportedAt ? [] : choices,
      });
      env.io.out(result.message);
      return 0;
    },
  },
];
