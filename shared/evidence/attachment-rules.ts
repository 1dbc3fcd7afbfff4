// 证明材料: which scans may be attached to an evidence item, judged by the file's first bytes (its
// name must agree), and how large one may be. Pure: the core reads the bytes and calls these.
// Anything else is refused — above all programs and web pages, which a viewer might run.

/** Scans of a few pages at office resolution stay well under this. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPG 图片' },
  png: { mime: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  /** OFD (GB/T 33190 版式文档): a zip holding OFD.xml; the zip's directory is checked by the core */
  ofd: { mime: 'application/ofd', extensions: ['ofd'], label: 'OFD 版式文件' },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const ACCEPTED_TEXT = 'PDF、JPG、PNG 或 OFD';

/** The type a stored mime names, or null for one this program never stores (a bundle's claim). */
export function typeOfMime(mime: string): AttachmentType | null {
  for (const [t, v] of Object.entries(ATTACHMENT_TYPES)) if (v.mime === mime) return t as AttachmentType;
  return null;
}

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** What the first bytes say the file is: one of the accepted types, a known refused kind, or unknown. */
export function sniffAttachment(
  head: Uint8Array,
): AttachmentType | 'zip' | 'executable' | 'script' | 'html' | 'office' | 'unknown' {
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip'; // OFD, or any other zip: the directory decides
  if (starts(head, [0x4d, 0x5a])) return 'executable'; // MZ: .exe .dll .scr
  if (starts(head, [0x7f, 0x45, 0x4c, 0x46])) return 'executable'; // ELF
  if (
    starts(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    starts(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    starts(head, [0xca, 0xfe, 0xba, 0xbe])
  )
    return 'executable'; // Mach-O
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'office'; // OLE: .doc .xls, macros possible
  if (starts(head, [0x23, 0x21])) return 'script'; // #!
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype|html|svg|\?xml|script)/.test(text)) return 'html';
  return 'unknown';
}

/** The refusal, in Chinese, for what a file turned out to be; null when it may be attached as `type`. */
export function refusalFor(fileName: string, sniffed: ReturnType<typeof sniffAttachment>): string | null {
  switch (sniffed) {
    case 'executable':
    case 'script':
      return `“${fileName}”是可执行程序或脚本，不能作为证明材料。请附扫描件（${ACCEPTED_TEXT}）。`;
    case 'html':
      return `“${fileName}”是网页或 XML/SVG 文件，可能含有脚本，不能作为证明材料。请附扫描件（${ACCEPTED_TEXT}）。`;
    case 'office':
      return `“${fileName}”是 Word/Excel 等旧版办公文档（可能含宏），不能作为证明材料。请另存为 PDF 后再添加。`;
    case 'zip':
      return `“${fileName}”是压缩包，不是 OFD 版式文件，不能作为证明材料。请附扫描件（${ACCEPTED_TEXT}）。`;
    case 'unknown':
      return `无法识别“${fileName}”的文件类型，只能添加 ${ACCEPTED_TEXT} 格式的扫描件。`;
    default:
      return null;
  }
}

/** The name's extension must be one of the type's: a PNG named .pdf is refused, not guessed at. */
export function extensionMismatch(fileName: string, type: AttachmentType): string | null {
  const ext = extensionOf(fileName);
  const accepted: readonly string[] = ATTACHMENT_TYPES[type].extensions;
  if (accepted.includes(ext)) return null;
  return `“${fileName}”的内容是 ${ATTACHMENT_TYPES[type].label}，与文件扩展名“.${ext || '（无）'}”不符。请确认文件无误，改为 .${accepted[0]} 后再添加。`;
}
