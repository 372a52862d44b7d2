import * as vscode from 'vscode';

/** The extension's one log channel ("Bedrock Customizer"), a LogOutputChannel so users can pick the level. */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(name = 'Bedrock Customizer') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  trace(message: string): void { this.channel.trace(message); }
  debug(message: string): void { this.channel.debug(message); }
  info(message: string): void { this.channel.info(message); }
  warn(message: string): void { this.channel.warn(message); }
  error(message: string | Error): void { this.channel.error(message); }

  show(): void { this.channel.show(true); }

  dispose(): void { this.channel.dispose(); }
}
