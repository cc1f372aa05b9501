import { readBank } from '../core/hashed-keys.ts';
import type { RuntimeUnit } from './runtime-unit.ts';

/** The unit data embedded in the page (packaging/player-page.ts), with its question ids decoded. */
export function readPageUnit(doc: Document = document): RuntimeUnit {
  const unit = JSON.parse(doc.getElementById('ks-unit')?.textContent ?? '{}') as RuntimeUnit;
  return Array.isArray(unit.bank) ? { ...unit, bank: readBank(unit.bank) } : unit;
}
