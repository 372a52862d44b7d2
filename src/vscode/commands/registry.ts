// Registers the command table (features.ts builds it): each handler runs as ONE `input.invocation` (a scripted
// answer belongs to that invocation and no other) and every failure goes to the one error presenter, so no command
// repeats its own try/catch, and nothing throws back into VS Code. This is the only `registerCommand` call.
import * as vscode from 'vscode';
import type { Services } from '../shell/services';
import { COMMANDS, type CommandName, type TestOnlyCommand } from './ids';

/** A command handler: VS Code passes whatever the caller gave; what it returns is `executeCommand`'s result. */
export type CommandHandler = (...args: never[]) => unknown;

/** Handlers for the commands `K` (what each feature contributes to the table). */
export type Commands<K extends CommandName> = { readonly [P in K]: CommandHandler };

/** Every command: a user's (all required, so a missing handler does not compile) and the Test-mode-only ones. */
export type CommandTable = Commands<Exclude<CommandName, TestOnlyCommand>> & Partial<Commands<TestOnlyCommand>>;

export function registerCommands({ input, errors }: Pick<Services, 'input' | 'errors'>, table: CommandTable): vscode.Disposable[] {
  return (Object.keys(table) as CommandName[]).flatMap((name) => {
    const handler = table[name];
    if (!handler) return [];
    return [vscode.commands.registerCommand(COMMANDS[name], async (...args: unknown[]) => {
      try {
        return await input.invocation(async () => handler(...(args as never[])));
      } catch (err) {
        errors.present(err);
        return undefined;
      }
    })];
  });
}
