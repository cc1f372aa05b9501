import { resolve } from 'node:path';

/** The build output folder: KHIENSO_DIST when set (as scripts/build.ts honours it), else <cwd>/dist. */
export function distDir(): string {
  return process.env.KHIENSO_DIST ? resolve(process.env.KHIENSO_DIST) : resolve('dist');
}
