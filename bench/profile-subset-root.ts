/**
 * A copy of the project that serves a subset of the jurisdiction profiles, for the score row at
 * the profile count issue 24's target names (bench/profile-sets.ts). The compiled `dist/` is
 * copied (the service finds its project root from its own files), `policies/jurisdictions/`
 * holds links to the chosen profiles only, and everything else links to this checkout. The
 * service itself has no switch for this: the bench makes the smaller project instead.
 */
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { profileSet } from './profile-sets.js';

/** Makes `<scratch>/root-<set>` and returns the path of its `dist/main.js`. */
export async function profileSubsetRoot(scratch: string, set: string): Promise<string> {
  const root = path.join(scratch, `root-${set}`);
  await mkdir(root, { recursive: true });
  for (const entry of await readdir(projectRoot)) {
    if (entry === 'dist' || entry === 'policies') continue;
    await symlink(path.join(projectRoot, entry), path.join(root, entry));
  }
  await cp(path.join(projectRoot, 'dist'), path.join(root, 'dist'), { recursive: true });
  const policies = path.join(projectRoot, 'policies');
  await mkdir(path.join(root, 'policies', 'jurisdictions'), { recursive: true });
  for (const entry of await readdir(policies)) if (entry !== 'jurisdictions') await symlink(path.join(policies, entry), path.join(root, 'policies', entry));
  const files = (await readdir(path.join(policies, 'jurisdictions'))).filter((f) => f.endsWith('.json'));
  const kept = profileSet(files.map((f) => ({ code: f.slice(0, -'.json'.length) })), set);
  for (const { code } of kept) await symlink(path.join(policies, 'jurisdictions', `${code}.json`), path.join(root, 'policies', 'jurisdictions', `${code}.json`));
  return path.join(root, 'dist', 'main.js');
}
