import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { awsConfigPaths, readAwsProfiles, type AwsProfile } from '../../core/awsRules/profiles';

/**
 * The profiles of `~/.aws/config` + `~/.aws/credentials` (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE),
 * read asynchronously and only again when a file's size or modification time changed: a 5,000-profile file
 * costs one read per change, never a read per keystroke or per view refresh.
 */
export class ProfileCache {
  private stamp = '';
  private profiles: Promise<AwsProfile[]> | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async get(): Promise<AwsProfile[]> {
    const paths = awsConfigPaths(this.env, homedir());
    const stamp = `${paths.config}|${paths.credentials}|${await fileStamp(paths.config)}|${await fileStamp(paths.credentials)}`;
    if (!this.profiles || stamp !== this.stamp) {
      this.stamp = stamp;
      this.profiles = readAwsProfiles({ env: this.env, homeDir: homedir(), readText: (p) => readFile(p, 'utf8').catch(() => undefined) });
    }
    return this.profiles;
  }
}

async function fileStamp(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}
