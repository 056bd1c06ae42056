import { ConfigReadError, type ConfigReader } from './config';
import { MAX_CONFIG_BYTES, readRegularFile, realPath } from './regular-file';
import * as fs from 'node:fs';

/**
 * Reads config files from disk for the config loader: regular files only, at most MAX_CONFIG_BYTES,
 * never by a call that can block (see ./regular-file.ts).
 */
export const DISK_READER: ConfigReader = {
  readFile(p) {
    const read = readRegularFile(p, MAX_CONFIG_BYTES);
    if (read.ok) return read.bytes.toString('utf8');
    if (read.kind === 'missing' || read.kind === 'directory') return null;
    throw new ConfigReadError(p, read.reason);
  },
  exists: (p) => fs.existsSync(p),
  realpath: realPath,
};
