/** Writing XML to a file in buffered chunks, never holding the document in memory. */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Text escaped for an XML element or a double-quoted attribute. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Text in a CDATA section. `]]>` cannot appear inside one, so it is split across two sections
 * the way WordPress's exporter does: `]]` ends the first, `>` starts the next.
 */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

const FLUSH_AT = 1 << 20;

/** Appends text to a file through a ~1 MB buffer; counts the bytes written. */
export class BufferedFileWriter {
  private readonly fd: number;
  private chunks: string[] = [];
  private pending = 0;
  private written = 0;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  write(text: string): void {
    this.chunks.push(text);
    this.pending += text.length;
    if (this.pending >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const bytes = Buffer.from(this.chunks.join(''), 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset);
    this.written += bytes.length;
    this.chunks = [];
    this.pending = 0;
  }

  /** Flushes and closes the file; returns the bytes written in all. */
  close(): number {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
    return this.written;
  }
}
