// Inspects an outside file before any parse: size, kind by its first bytes (xlsx, old .xls,
// password-protected, not a spreadsheet), then the zip's central directory without inflating.
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { AppError } from '../../../../shared/result';
import { DEFAULT_LIMITS, fmtMb, type SafetyLimits } from './limits';
import { readLimitedFile, refuse } from './read-limited';

export interface InspectedFile {
  path: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  entries: number;
  totalUncompressed: number;
  sheets: number;
  layout: LocalEntry[];
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Office puts an encrypted .xlsx inside an OLE file whose stream is named "EncryptedPackage".
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');

export { refuse };

/** Reads and checks the file; throws FILE_REFUSED with a Chinese message naming what to do. */
export async function inspectSpreadsheet(path: string, limits: SafetyLimits = DEFAULT_LIMITS): Promise<InspectedFile> {
  const { fileName, bytes } = await readLimitedFile(path, limits, '。请拆分成几个文件后分别导入。');
  sniffKind(bytes, fileName);
  const dir = await scanCentralDirectory(bytes, fileName, limits);
  return { path, fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), ...dir };
}

export function sniffKind(bytes: Buffer, fileName: string): void {
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTED_STREAM))
      refuse(
        `“${fileName}”设置了打开密码，程序无法读取。请先取消密码保护（在 Excel 中：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），保存后再导入。`,
      );
    refuse(`这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入（“${fileName}”）。`);
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return;
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<') && /<(html|table|\?xml)/.test(head))
    refuse(
      `“${fileName}”是网页或 XML 格式（有些系统导出的“Excel”其实是网页），请在 Excel 中打开后另存为 .xlsx 再导入。`,
    );
  refuse(`“${fileName}”不是 Excel .xlsx 文件（可能是文本、CSV 或其他格式）。请在 Excel 中另存为 .xlsx 后再导入。`);
}

interface DirectoryFacts {
  entries: number;
  totalUncompressed: number;
  sheets: number;
  layout: LocalEntry[];
}

/** Walks the central directory only: sizes as declared there; inflating happens later, bounded. */
export function scanCentralDirectory(
  bytes: Buffer,
  fileName: string,
  limits: SafetyLimits,
  /** 'bundle': a 数据交换包, whose zip holds manifest.json instead of a workbook */
  kind: 'xlsx' | 'bundle' = 'xlsx',
): Promise<DirectoryFacts> {
  const what = kind === 'xlsx' ? '.xlsx 文件' : '数据交换包';
  const resave = kind === 'xlsx' ? '请在 Excel 中重新保存后再导入' : '请向报送方重新索取交换包';
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => {
        if (err || !zip)
          return reject(
            new AppError(
              'FILE_REFUSED',
              `“${fileName}”已损坏，不是完整的${what}（${err?.message ?? '无法读取'}）。${resave}。`,
            ),
          );
        const layout: LocalEntry[] = [];
        const facts: DirectoryFacts = { entries: 0, totalUncompressed: 0, sheets: 0, layout };
        let hasWorkbook = false;
        let hasContentTypes = false;
        let settled = false;
        const stop = (message: string, details?: Record<string, unknown>) => {
          if (settled) return;
          settled = true;
          zip.close();
          reject(new AppError('FILE_REFUSED', message, details));
        };
        zip.on('error', (e: Error) => stop(`“${fileName}”已损坏（${e.message}）。${resave}。`));
        zip.on('entry', (entry: yauzl.Entry) => {
          facts.entries++;
          facts.totalUncompressed += entry.uncompressedSize;
          const name = entry.fileName;
          layout.push({
            name,
            offset: entry.relativeOffsetOfLocalHeader,
            compressedSize: entry.compressedSize,
            flags: entry.generalPurposeBitFlag,
          });
          if (name === 'xl/workbook.xml' || (kind === 'bundle' && name === 'manifest.json')) hasWorkbook = true;
          if (name === '[Content_Types].xml') hasContentTypes = true;
          if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) facts.sheets++;
          if (entry.generalPurposeBitFlag & 1) return stop(`“${fileName}”的内容已加密，请先取消密码保护后再导入。`);
          if (facts.entries > limits.maxEntries)
            return stop(
              `“${fileName}”内部包含的部件过多（超过 ${limits.maxEntries} 个），不像正常的表格文件，已拒绝。`,
              { entries: facts.entries },
            );
          if (facts.sheets > limits.maxSheets)
            return stop(
              `“${fileName}”包含的工作表过多（超过 ${limits.maxSheets} 张），已拒绝。请只保留需要导入的工作表。`,
              { sheets: facts.sheets },
            );
          const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
          if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
            return stop(
              `“${fileName}”中的部件 ${name} 压缩比异常（${Math.round(ratio)} 倍，展开后 ${fmtMb(entry.uncompressedSize)}），疑似“压缩炸弹”，已拒绝。`,
              { entry: name, ratio },
            );
          if (entry.uncompressedSize > limits.maxEntryUncompressed)
            return stop(
              `“${fileName}”中的部件 ${name} 展开后有 ${fmtMb(entry.uncompressedSize)}，超过安全上限，已拒绝。`,
              { entry: name },
            );
          if (facts.totalUncompressed > limits.maxTotalUncompressed)
            return stop(
              `“${fileName}”展开后超过 ${fmtMb(limits.maxTotalUncompressed)}，超出安全处理范围，已拒绝。请拆分后再导入。`,
              { total: facts.totalUncompressed },
            );
          zip.readEntry();
        });
        zip.on('end', () => {
          if (kind === 'bundle') {
            if (!hasWorkbook)
              return reject(
                new AppError('FILE_REFUSED', `“${fileName}”是压缩包，但不是数据交换包（缺少 manifest.json）。`),
              );
            const hiddenPart = localLayoutProblem(bytes, layout);
            if (hiddenPart)
              return reject(
                new AppError(
                  'FILE_REFUSED',
                  `“${fileName}”的压缩结构异常（${hiddenPart}），文件已损坏或被篡改，已拒绝。${resave}。`,
                ),
              );
            return resolve(facts);
          }
          if (!hasWorkbook || !hasContentTypes)
            return reject(
              new AppError(
                'FILE_REFUSED',
                `“${fileName}”是压缩包，但不是 Excel 工作簿（缺少工作簿部件）。请选择 .xlsx 文件。`,
              ),
            );
          if (facts.sheets === 0) return reject(new AppError('FILE_REFUSED', `“${fileName}”中没有工作表。`));
          const hidden = localLayoutProblem(bytes, layout);
          if (hidden)
            return reject(
              new AppError(
                'FILE_REFUSED',
                `“${fileName}”的压缩结构异常（${hidden}），文件已损坏或被篡改，已拒绝。请在 Excel 中重新保存后再导入。`,
              ),
            );
          resolve(facts);
        });
        zip.readEntry();
      },
    );
  });
}

/**
 * Inflates every XML part once through a counting stream (yauzl checks the real size against the
 * declared one, so a directory that lies is caught) and refuses DTDs: an xlsx never needs one, and
 * entity declarations are how XML bombs expand.
 */
export function verifyEntries(bytes: Buffer, fileName: string, limits: SafetyLimits = DEFAULT_LIMITS): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new AppError('FILE_REFUSED', `“${fileName}”已损坏。`));
      let total = 0;
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(new AppError('FILE_REFUSED', message));
      };
      zip.on('error', () => fail(`“${fileName}”已损坏。`));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.(xml|rels)$/i.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream) return fail(`“${fileName}”中的部件 ${entry.fileName} 无法读取，文件已损坏。`);
          let head = '';
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (head.length < 4096) {
              head += chunk.toString('latin1', 0, Math.min(chunk.length, 4096));
              if (/<!DOCTYPE|<!ENTITY/i.test(head)) {
                stream.destroy();
                return fail(
                  `“${fileName}”含有 XML 实体声明（${entry.fileName}），正常的表格文件不会有，疑似恶意文件，已拒绝。`,
                );
              }
            }
            if (total > limits.maxTotalUncompressed) {
              stream.destroy();
              fail(`“${fileName}”展开后超过 ${fmtMb(limits.maxTotalUncompressed)}，已拒绝。`);
            }
          });
          stream.on('error', (e3: Error) =>
            fail(
              `“${fileName}”中的部件 ${entry.fileName} 与目录记录不符（${e3.message}），文件已损坏或被篡改，已拒绝。`,
            ),
          );
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.on('end', () => {
        if (!settled) resolve();
      });
      zip.readEntry();
    });
  });
}

export interface LocalEntry {
  name: string;
  offset: number;
  compressedSize: number;
  flags: number;
  /** first byte after the entry's data (and descriptor), set by the layout check */
  end?: number;
}

/**
 * The parser reads the zip front to back by its local headers, while the scan above read the central
 * directory. They must describe the same parts: entries laid end to end from byte 0, each local
 * header naming the same part, and the central directory right after the last one — otherwise a
 * part hidden from the directory (a bomb the scan never saw) could still be parsed.
 */
export function localLayoutProblem(bytes: Buffer, entries: LocalEntry[]): string | null {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let pos = 0;
  for (const e of sorted) {
    if (e.offset !== pos) return `部件 ${e.name} 之前有目录中没有的数据`;
    if (pos + 30 > bytes.length || bytes.readUInt32LE(pos) !== 0x04034b50) return `部件 ${e.name} 的本地文件头缺失`;
    const nameLen = bytes.readUInt16LE(pos + 26);
    const extraLen = bytes.readUInt16LE(pos + 28);
    const localName = bytes.toString('utf8', pos + 30, pos + 30 + nameLen);
    if (localName !== e.name) return `部件名称前后不一致：${localName} / ${e.name}`;
    pos += 30 + nameLen + extraLen + e.compressedSize;
    if (e.flags & 0x08) {
      // data descriptor: optional signature, crc, two sizes (zip64 sizes are not used by xlsx here)
      pos += pos + 4 <= bytes.length && bytes.readUInt32LE(pos) === 0x08074b50 ? 16 : 12;
    }
    e.end = pos;
  }
  if (pos + 4 > bytes.length || bytes.readUInt32LE(pos) !== 0x02014b50) return '最后一个部件之后有目录中没有的数据';
  return null;
}

/**
 * Inflates the named parts of a checked file (sizes validated against the directory as they
 * inflate). Used after the checks above, so the total is bounded by the limits.
 */
export function inflateParts(bytes: Buffer, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new AppError('FILE_REFUSED', '文件已损坏，无法读取。'));
      const parts = new Map<string, Buffer>();
      zip.on('error', (e: Error) => reject(new AppError('FILE_REFUSED', `文件已损坏（${e.message}）。`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!wanted(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e2, stream) => {
          if (e2 || !stream)
            return reject(new AppError('FILE_REFUSED', `部件 ${entry.fileName} 无法读取，文件已损坏。`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (e3: Error) =>
            reject(new AppError('FILE_REFUSED', `部件 ${entry.fileName} 与目录记录不符（${e3.message}）。`)),
          );
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts));
      zip.readEntry();
    });
  });
}
