import * as fs from 'node:fs';
import { ConfigError, type ConfigReader } from './config';

/** Reads config files from disk for the config loader. */
export const DISK_READER: ConfigReader = {
  readFile(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
      throw new ConfigError(p, [{ message: `cannot read the configuration file: ${(e as Error).message}` }]);
    }
  },
  exists: (p) => fs.existsSync(p),
};
