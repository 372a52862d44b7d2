// `npm run emulator`: starts the emulator, prints ONE JSON line with the endpoints once ready, and runs until
// SIGINT/SIGTERM. Usage errors exit 2.
import { parseFlags, UsageError, USAGE } from './cli';
import { startEmulator } from './index';

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError || err instanceof RangeError) {
      console.error(`emulator: ${err.message}\n${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const { help: _help, ...options } = flags;
  const emulator = await startEmulator(options);
  console.log(JSON.stringify(emulator.endpoints));
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`emulator: ${signal}, stopping`);
    emulator.stop().then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('emulator: failed to start:', err);
  process.exit(1);
});
