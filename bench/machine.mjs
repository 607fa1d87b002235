/**
 * What a report says about where it ran: the machine, and the size of the JavaScript the app's
 * page loads before it can show anything.
 */

import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The machine: CPUs, CPU model (from `/proc/cpuinfo` on Linux), 1/5/15-minute load, Node, OS.
 */
export function machine() {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpuModel = match[1].trim();
  } catch {
    // Not Linux.
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel,
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/**

/**
 * Gzip size (level 9, bytes and KB) of the JavaScript `index.html` loads eagerly: its module
 * script(s) and modulepreload links. The budget is 150 KB.
 * @param {string} distDir A built app.
 */
export function initialJsSize(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  /** @type {Set<string>} */
  const files = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) files.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    files.add(match[1]);
  }
  for (const match of html.matchAll(/<link\b[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) {
    files.add(match[1]);
  }
  const entries = [...files].map((file) => {
    const bytes = readFileSync(path.join(distDir, file.replace(/^\.?\//, '')));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const gzip = entries.reduce((sum, e) => sum + e.gzip, 0);
  return { files: entries, gzipBytes: gzip, gzipKB: Math.round(gzip / 102.4) / 10, budgetKB: 150 };
}
