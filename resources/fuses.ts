// Packaging step: flip Electron's fuses on the packaged executable, then read them back and refuse
// to ship if any differs. Run on the build machine after packaging: npx tsx resources/fuses.ts <exe>
import { FuseState, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/**
 * What the packaged app needs and nothing more:
 * - no running as plain Node (ELECTRON_RUN_AS_NODE), no NODE_OPTIONS, no --inspect: nobody can turn
 *   the signed app into a Node interpreter with the user's rights;
 * - the app is loaded only from its asar archive, whose integrity is checked;
 * - file:// gets no extra privileges (the app uses its own app:// protocol);
 * - cookies encrypted at rest (the app keeps none, but Chromium's own stores are covered).
 */
export const APP_FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

/** Flips the fuses and verifies them by reading the wire back; throws naming the first wrong fuse. */
export async function applyFuses(executable: string): Promise<void> {
  await flipFuses(executable, { ...APP_FUSES });
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, FuseState>;
  for (const [index, wanted] of Object.entries(APP_FUSES)) {
    if (index === 'version') continue;
    const state = wire[Number(index)];
    if (state === FuseState.REMOVED) continue; // removed by this Electron version: nothing to set
    if (state !== (wanted ? FuseState.ENABLE : FuseState.DISABLE)) {
      throw new Error(
        `fuse ${FuseV1Options[Number(index)]} is ${String(state)} after flipping; expected ${wanted ? 'ENABLE' : 'DISABLE'}`,
      );
    }
  }
}

const invokedDirectly =
  typeof process !== 'undefined' && process.argv[1] !== undefined && /resources[\\/]fuses\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  const exe = process.argv[2];
  if (!exe) {
    console.error('用法 / usage: npx tsx resources/fuses.ts <packaged executable>');
    process.exit(2);
  }
  applyFuses(exe).then(
    () => console.log(`熔丝已设置并核对 / fuses set and verified: ${exe}`),
    (e: unknown) => {
      console.error(`熔丝设置失败 / fuses failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
