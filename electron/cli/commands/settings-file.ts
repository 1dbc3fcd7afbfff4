// Reads a settings file for `settings apply`: JSON, or YAML (.yaml/.yml), which offices prefer to
// write by hand (comments, no quotes). YAML is parsed by the `yaml` package (eemeli/yaml: no
// dependencies, YAML 1.2 core schema, so `no` stays the string "no" rather than false and dates stay
// text); anchors and aliases are refused so a small file cannot expand into a huge object.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { AppError } from '../../../shared/result';

const MAX_FILE_BYTES = 256 * 1024;

export function readSettingsFile(file: string): Record<string, unknown> {
  const isYaml = /^\.ya?ml$/i.test(extname(file));
  const kind = isYaml ? 'YAML' : 'JSON';
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new AppError('INVALID_INPUT', `设置文件 ${file} 读不到，请检查路径 / cannot read ${file}`);
  }
  if (text.length > MAX_FILE_BYTES)
    throw new AppError('INVALID_INPUT', `设置文件 ${file} 过大（超过 256 KB） / settings file too large`);
  let value: unknown;
  if (isYaml) {
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
    const problem = doc.errors[0];
    if (problem) {
      const at = problem.linePos?.[0];
      throw new AppError(
        'INVALID_INPUT',
        `设置文件 ${file} 不是有效的 YAML${at ? `（第 ${at.line} 行第 ${at.col} 列）` : ''}：请检查缩进和冒号 / not valid YAML`,
      );
    }
    try {
      value = doc.toJS({ maxAliasCount: 0 });
    } catch {
      throw new AppError('INVALID_INPUT', `设置文件 ${file} 使用了 YAML 的锚点或别名，请直接写出各项的值 / no aliases`);
    }
  } else {
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new AppError(
        'INVALID_INPUT',
        `设置文件 ${file} 不是 JSON：${e instanceof Error ? e.message.slice(0, 80) : ''}（YAML 文件请以 .yaml 结尾） / not a JSON file`,
      );
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new AppError(
      'INVALID_INPUT',
      `设置文件 ${file} 应为一个 ${kind} 对象（只写要改的项即可） / must be an object`,
    );
  return value as Record<string, unknown>;
}
