// Real files of the kinds a clerk attaches as 证明材料 (a one-page PDF, a PNG and a JPEG image, an
// OFD package) and of the kinds refused (a Windows program, a web page, a plain zip), written to disk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { writeZip } from './xlsx-fixtures';

/** A valid one-page PDF with a line of text (xref offsets computed). */
export function pdfBytes(text = 'scan'): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  objs.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real PNG of w × h grey pixels. */
export function pngBytes(w = 4, h = 4, grey = 0x80): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h, grey);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0; // filter byte per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The head of a JFIF file (SOI + APP0) and an end marker: what the type check reads. */
export function jpegBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  ]);
}

/** A DOS/Windows program header (MZ … PE). */
export function exeBytes(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export interface ScanFiles {
  pdf: string;
  png: string;
  jpg: string;
  ofd: string;
  exe: string;
  exeAsPdf: string;
  html: string;
  zip: string;
  pngAsPdf: string;
  empty: string;
}

export function writeScanFiles(dir: string): ScanFiles {
  const at = (name: string, data: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const ofd = join(dir, '某发〔2026〕5号.ofd');
  writeZip(ofd, [
    {
      name: 'OFD.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>',
      ),
    },
    { name: 'Doc_0/Document.xml', data: Buffer.from('<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>') },
  ]);
  const zip = join(dir, '材料.ofd');
  writeZip(zip, [{ name: 'readme.txt', data: Buffer.from('not an ofd') }]);
  return {
    pdf: at('嘉奖决定.pdf', pdfBytes('commendation')),
    png: at('扫描件.png', pngBytes()),
    jpg: at('照片.JPG', jpegBytes()),
    ofd,
    exe: at('setup.exe', exeBytes()),
    exeAsPdf: at('通知.pdf', exeBytes()),
    html: at('网页.pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')),
    zip,
    pngAsPdf: at('图片.pdf', pngBytes()),
    empty: at('空.pdf', Buffer.alloc(0)),
  };
}
