// The lifecycle commands: launch (wizard or spec file), provision, stop, delete. Prompts go through one driver so
// a test (Test mode only) can answer them (ExtensionApi.testing.answerNextCommandWith) and everything else stays the
// real code path. The command registry runs each as one `services.input.invocation` (a test's driver answers that
// invocation and no other) and presents its failures.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseJobSpec, specToJson } from '../../core/lifecycle/jobSpec';
import { roleFromFileName } from '../../core/manifest/role';
import { runSteps, type InputDriver } from '../../core/lifecycle/steps';
import { COMMANDS } from '../commands/ids';
import type { Commands } from '../commands/registry';
import { arnFromArg, nodeFromArg } from '../explorer/args';
import { COLLECT_RESULTS, OPEN_SPEC, type Explorer } from '../explorer/explorer';
import type { JobDetailsPanels } from '../explorer/jobDetails';
import type { Services } from '../shell/services';
import { placeWrite } from '../shell/writeGuard';
import { deleteModel, deleteThroughput, stopBatchJob, stopJob } from './destructive';
import { Launcher, type LaunchOutcome } from './launcher';
import { launchSteps, wizardResult, type WizardState } from './launchWizard';
import { provisionThroughput } from './provision';
import { roleOffer } from './roleStep';
import { JOB_SPEC_SELECTOR, JobSpecLens } from './specLens';

const LAST_ROLE = 'bedrockCustomizer.lastRoleArn';

type LifecycleCommand = 'launchJob' | 'provisionThroughput' | 'stopJob' | 'stopBatchJob' | 'deleteModel' | 'deleteThroughput';

export interface LifecycleFeature {
  readonly disposables: vscode.Disposable[];
  readonly commands: Commands<LifecycleCommand>;
}

export function registerLifecycle(services: Services, explorer: Explorer, details: JobDetailsPanels): LifecycleFeature {
  const { log, config, context } = services;
  const driver = (): InputDriver => services.input.driver();
  const launcher = new Launcher(explorer, config, log, driver, services.ledger, services.errors);

  async function launchFromSpecFile(uri: vscode.Uri): Promise<LaunchOutcome> {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const { spec, problems } = parseJobSpec(text);
    if (!spec) {
      const list = problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('\n');
      services.errors.present(new Error(`${path.basename(uri.fsPath)} cannot be launched:\n${list}`));
      return { error: list };
    }
    // The attempt is the file: launching the same unchanged spec again reuses its token (no second job).
    return launcher.launch(spec, uri.toString(), [], vscode.workspace.asRelativePath(uri));
  }

  /** `manifest`: started from a manifest's CodeLens; it fills the training (or validation) step. */
  async function launchWizard(manifest?: vscode.Uri): Promise<LaunchOutcome> {
    const state: WizardState = { tags: {} };
    if (manifest) {
      const role = roleFromFileName(manifest.path) === 'validation' ? 'validation' : 'training';
      state.preset = role;
      state[role] = manifest.toString();
    }
    const env = {
      workspaceManifests: async () => (await vscode.workspace.findFiles('**/*.jsonl', '**/node_modules/**', 200))
        .map((u) => ({ uri: u.toString(), name: vscode.workspace.asRelativePath(u) })),
      lastRoleArn: () => context.workspaceState.get<string>(LAST_ROLE),
      serviceRoles: () => roleOffer(async () => (await explorer.host.current()).listRoles()),
    };
    if (!(await runSteps(launchSteps(env), state, driver()))) return { cancelled: true };
    const result = wizardResult(state);
    await context.workspaceState.update(LAST_ROLE, result.spec.roleArn);
    if (result.finish !== 'launch') {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      if (folder) {
        // An existing spec of that name is the user's (or an earlier run's they may have edited): asked first.
        const target = await placeWrite(vscode.Uri.joinPath(folder, `${result.spec.jobName}.bedrock-job.json`), {
          root: folder.fsPath, isOurs: () => false, what: 'the job spec', driver: driver(), filters: { 'Job spec': ['json'] },
        });
        if (target) {
          await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(specToJson(result.spec)));
          if (result.uploads.length > 0) log.info(`Saved spec ${target.fsPath}: its manifests must be in S3 (${result.uploads.map((u) => u.s3Uri).join(', ')}) before it is launched from the file.`);
          void vscode.window.showTextDocument(target, { preview: false });
        } else {
          log.info(`Job spec ${result.spec.jobName}.bedrock-job.json not saved: replacing the existing file was not approved.`);
        }
      } else {
        void vscode.window.showWarningMessage('Open a folder to save the job spec.');
      }
      if (result.finish === 'save') return { cancelled: true };
    }
    return launcher.launch(result.spec, randomUUID(), result.uploads, 'Launch Fine-Tuning wizard');
  }

  explorer.onNotificationAction = (action, jobArn, spec) =>
    (async () => {
      // The comparison re-attaches to its finished job by the jobs file: no new submission, then the report opens.
      if (action === COLLECT_RESULTS && spec) await vscode.commands.executeCommand(COMMANDS.compareModels, vscode.Uri.file(spec));
      else if (action === OPEN_SPEC && spec) await vscode.window.showTextDocument(vscode.Uri.file(spec));
      else if (action === 'Show Details' || action === 'Show Failure') await details.show(jobArn);
      else if (action === 'Show Log') log.show();
      else if (action === 'Provision Throughput') {
        const job = await (await explorer.host.current()).getJob(jobArn);
        if (job.outputModelArn) await vscode.commands.executeCommand(COMMANDS.provisionThroughput, job.outputModelArn);
      }
    })().catch((err: unknown) => log.error(String(err)));

  const commands: Commands<LifecycleCommand> = {
    launchJob: async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg
        : arg === undefined && vscode.window.activeTextEditor?.document.fileName.endsWith('.bedrock-job.json')
          ? vscode.window.activeTextEditor.document.uri : undefined;
      if (uri?.path.endsWith('.jsonl')) return launchWizard(uri);
      return uri ? launchFromSpecFile(uri) : launchWizard();
    },
    provisionThroughput: async (arg?: unknown) => {
      const arn = arnFromArg(arg);
      if (!arn) { void vscode.window.showInformationMessage('Pick a custom model in the Custom Models view, then "Provision Throughput".'); return undefined; }
      return provisionThroughput(arn, explorer, config, log, driver(), services.ledger);
    },
    stopJob: async (arg?: unknown) => {
      const arn = arnFromArg(arg);
      return arn ? stopJob(arn, explorer, driver()) : false;
    },
    stopBatchJob: async (arg?: unknown) => {
      const arn = arnFromArg(arg);
      return arn ? stopBatchJob(arn, explorer, driver()) : false;
    },
    deleteModel: async (arg?: unknown) => {
      const arn = arnFromArg(arg);
      return arn ? deleteModel(arn, explorer, driver()) : false;
    },
    deleteThroughput: async (arg?: unknown) => {
      const node = nodeFromArg(arg, 'throughput');
      const arn = arnFromArg(arg);
      if (!arn) return false;
      const t = node?.data ?? await (await explorer.host.current()).getThroughput(arn);
      return deleteThroughput(t, explorer, driver());
    },
  };
  return { commands, disposables: [vscode.languages.registerCodeLensProvider(JOB_SPEC_SELECTOR, new JobSpecLens())] };
}
