// `npm run cli -- <command>`: scripted uploads on the desktop app's engine and keychain, and
// account administration (`users …`).
// Exit codes: 0 all succeeded, 1 something failed, 2 usage error.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { openCliContext } from './cli-context';
import { describeError, UsageError } from './cli-error';
import {
  avatarCommand,
  loginCommand,
  logoutCommand,
  passwordCommand,
  signupCommand,
  whoamiCommand,
} from './commands/account';
import { albumsCommand, deleteCommand, listCommand, restoreCommand } from './commands/gallery';
import { uploadCommand } from './commands/upload';
import { addUsersCommands } from './commands/users';

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('must be a whole number.');
  return n;
}

function program(run: (work: () => Promise<number>) => Promise<void>): Command {
  const cli = new Command('image-desk')
    .description('Upload images to Image Desk and manage them from scripts.')
    .option(
      '--server <url>',
      'backend URL (default: the server of the last login, or IMAGE_DESK_SERVER)',
    )
    .showHelpAfterError()
    .exitOverride();
  const ctx = () => openCliContext({ server: cli.opts<{ server?: string }>().server });

  cli
    .command('login')
    .description('sign in and keep the token in the OS keychain')
    .option('--email <email>', 'account email')
    .option('--password-stdin', 'read the password from standard input')
    .option('--print-token', 'store nothing: print the token for IMAGE_DESK_TOKEN (headless use)')
    .action((opts) => run(async () => loginCommand(await ctx(), opts)));
  cli
    .command('signup')
    .description('create an account (the first one on a server is admin) and sign in')
    .option('--email <email>', 'account email')
    .option('--username <name>', 'display name')
    .option('--avatar <file>', 'profile image')
    .option('--invite <code>', "the code from an administrator's invite")
    .option('--password-stdin', 'read the password from standard input')
    .option('--print-token', 'store nothing: print the token for IMAGE_DESK_TOKEN (headless use)')
    .action((opts) => run(async () => signupCommand(await ctx(), opts)));
  cli
    .command('upload')
    .description('process and upload files and folders (folders are walked recursively)')
    .argument('<paths...>', 'files or folders')
    .option('--album <id-or-name>', 'put the images in this album (created if the name is new)')
    .option('--max-edge <px>', 'longest edge of the stored image', integer)
    .addOption(
      new Option('--format <format>', 'output format').choices([
        'original',
        'jpeg',
        'webp',
        'avif',
      ]),
    )
    .option('--quality <1-100>', 'encoder quality', integer)
    .option('--concurrency <n>', 'parallel uploads', integer)
    .option('--keep-metadata', 'keep the ICC profile and copyright (never GPS)')
    .option('--allow-duplicates', 'upload images already in the account instead of skipping them')
    .option('--json', 'print one JSON report on stdout')
    .action((paths: string[], opts) => run(async () => uploadCommand(await ctx(), paths, opts)));
  cli
    .command('list')
    .description('list your images, newest first')
    .option('--limit <n>', 'at most this many', integer)
    .option('--q <text>', 'match file name or title')
    .option('--album <id-or-name>', 'only this album ("none": images in no album)')
    .option('--all', "admins: everyone's images")
    .option('--json', 'print JSON')
    .action((opts) => run(async () => listCommand(await ctx(), opts)));
  cli
    .command('albums')
    .description('list your albums: id, number of images, name')
    .option('--json', 'print JSON')
    .action((opts) => run(async () => albumsCommand(await ctx(), opts)));
  cli
    .command('delete')
    .description('move images to the trash (restore brings them back)')
    .argument('<ids...>', 'image ids')
    .option('--permanent', 'delete now, with their S3 objects, instead of moving to the trash')
    .option('--json', 'print JSON')
    .action((ids: string[], opts) => run(async () => deleteCommand(await ctx(), ids, opts)));
  cli
    .command('restore')
    .description('bring images back from the trash')
    .argument('<ids...>', 'image ids')
    .option('--json', 'print JSON')
    .action((ids: string[], opts) => run(async () => restoreCommand(await ctx(), ids, opts)));
  cli
    .command('logout')
    .description('sign out and remove the token from the keychain')
    .action(() => run(async () => logoutCommand(await ctx())));
  cli
    .command('password')
    .description('change your password (your other sessions end), or set one with a reset code')
    .option('--reset-code <code>', "an administrator's one-time reset code: set a new password")
    .option(
      '--password-stdin',
      'read from standard input: the current then the new password (one per line), or only the new one with --reset-code',
    )
    .action((opts) => run(async () => passwordCommand(await ctx(), opts)));
  cli
    .command('avatar')
    .description('change your profile image, or remove it with --remove')
    .argument('[file]', 'an image file')
    .option('--remove', 'remove your profile image')
    .action((file: string | undefined, opts) =>
      run(async () => avatarCommand(await ctx(), file, opts)),
    );
  addUsersCommands(cli, ctx, run);
  cli
    .command('whoami')
    .description('show the signed-in account')
    .option('--json', 'print JSON')
    .action((opts) => run(async () => whoamiCommand(await ctx(), opts)));
  return cli;
}

async function main(): Promise<void> {
  let exitCode = 0;
  const run = async (work: () => Promise<number>) => {
    exitCode = await work();
  };
  try {
    await program(run).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; anything else commander rejects is a usage error.
      exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      exitCode = 2;
    } else {
      process.stderr.write(`error: ${describeError(error)}\n`);
      exitCode = 1;
    }
  }
  process.exitCode = exitCode;
}

void main();
