// The suite hashes at a test-only scrypt cost; everything else (the CLI under tsx, the built app) must
// still hash at full strength. Spawns node with tsx's loader, as the CLI runs, to prove it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from '../../electron/core/auth/password';

const root = join(__dirname, '../..');

describe('scrypt cost', () => {
  it('is lowered only inside the test runner', async () => {
    expect(SCRYPT_PARAMS.logN).toBe(10);
    const hash = await hashPassword('Abc-12345');
    expect(hash.startsWith('scrypt$10$8$1$')).toBe(true);
    expect(await verifyPassword('Abc-12345', hash)).toBe(true);
    expect(await verifyPassword('Abc-12346', hash)).toBe(false);
  });

  it('is full strength (2^17) outside it, as the CLI and the app run', () => {
    const script =
      "import('./electron/core/auth/password.ts').then(async (m) => console.log(await m.hashPassword('Abc-12345')))";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toMatch(/^scrypt\$17\$8\$1\$/);
  });
});
