// "Bedrock Customizer: Clean Up...": discover → checklist → preview or delete → confirm by tier → run with
// progress and cancel → verification report in the log and a summary notification → refresh the explorer.
// The plan of the last run is kept in workspace state, so the next run finishes what is left and says what is gone.
// Proof of what the work created: our tag, and the ledger (the global-storage mirror ticks; an entry only in the
// workspace's file is offered unticked, and ignored in an untrusted workspace). Prefixes in the setting are offered
// unticked: only one the user adds in this checklist comes ticked. The plan is proved again right before it runs.
import * as vscode from 'vscode';
import type { AwsSession } from '../../aws/index';
import { confirmationFor } from '../../core/cleanup/confirm';
import { runSucceeded, type RunReport } from '../../core/cleanup/executor';
import type { LedgerInput, ManualPrefix } from '../../core/cleanup/ownership';
import { parseS3Prefix, type CleanupPlan } from '../../core/cleanup/plan';
import { parsePlan, serializePlan } from '../../core/cleanup/planFile';
import { withSelection } from '../../core/cleanup/planner';
import { checklist, leftoversOf, withLeftovers } from '../../core/cleanup/presentation';
import { formatPlan, formatRun, summarizeRun } from '../../core/cleanup/report';
import type { InputDriver } from '../../core/lifecycle/steps';
import { CREATED_BY_TAG } from '../../core/lifecycle/tags';
import { COMMANDS } from '../commands/ids';
import { loadAws } from '../shell/awsLoader';
import type { Services } from '../shell/services';
import { askAction, askChecklist, askConfirm, askTypedName } from './questions';

export const LAST_PLAN_KEY = 'bedrockCustomizer.cleanup.lastPlan';

export interface CleanupOutcome {
  status: 'nothing' | 'dismissed' | 'previewed' | 'declined' | 'ran';
  plan?: CleanupPlan;
  report?: RunReport;
  /** Resources of the previous run's plan re-read now and found gone. */
  previousGone?: number;
  preview?: vscode.TextDocument;
}

const sameEntry = (a: LedgerInput['entry'], b: LedgerInput['entry']): boolean =>
  a.kind === b.kind && a.account === b.account && a.region === b.region && JSON.stringify(a.identity) === JSON.stringify(b.identity);

/** The ledger as proof: mirrored entries confirm; workspace-only ones are offered, and only in a trusted workspace. */
export function ledgerInputs(services: Services): LedgerInput[] {
  const { workspace, mirrored, problems } = services.ledger.read();
  for (const p of problems) services.log.warn(`Clean-up ledger: ${p}`);
  const confirmed = mirrored.map((entry) => ({ entry, confirmed: true }));
  if (!vscode.workspace.isTrusted) return confirmed;
  return [...confirmed, ...workspace.filter((w) => !mirrored.some((m) => sameEntry(m, w))).map((entry) => ({ entry, confirmed: false }))];
}

function manualPrefixes(services: Services, justAdded: string | undefined): ManualPrefix[] {
  const uris = [...new Set([...services.config.get('cleanup.s3Prefixes'), ...(justAdded ? [justAdded] : [])])];
  return uris.flatMap((uri) => {
    const p = parseS3Prefix(uri);
    if (!p?.prefix) return [];
    const now = uri === justAdded;
    return [{ ...p, ticked: now, detail: now ? 'added by you' : 'in your setting bedrockCustomizer.cleanup.s3Prefixes: tick it to delete it' }];
  });
}

async function buildPlan(services: Services, session: AwsSession, justAdded: string | undefined): Promise<{ plan: CleanupPlan; previousGone: number; hadPrevious: boolean }> {
  const aws = loadAws();
  const { plan, notes } = await aws.discoverPlan(session, { ledger: ledgerInputs(services), manual: manualPrefixes(services, justAdded) });
  for (const n of notes) services.log.warn(`Clean-up discovery: ${n}`);
  const stored = services.context.workspaceState.get<string>(LAST_PLAN_KEY);
  const previous = stored ? parsePlan(stored).plan : undefined;
  const leftovers = leftoversOf(previous, plan);
  if (!previous || !leftovers) return { plan, previousGone: 0, hadPrevious: false };
  const presence = await aws.checkPresence(session, leftovers);
  for (const u of presence.unknown) services.log.warn(`Clean-up: could not re-read ${u.resource.label}: ${u.error}`);
  const still = [...presence.present, ...presence.unknown.map((u) => u.resource)];
  return { plan: withLeftovers(plan, still, previous.createdAt.slice(0, 16).replace('T', ' ')), previousGone: presence.gone.length, hadPrevious: true };
}

/** One Clean Up; every question goes to `services.input.driver()` (run it inside `services.input.invocation`). */
export async function runCleanup(services: Services, justAdded?: string): Promise<CleanupOutcome> {
  const { log, config, context } = services;
  const ask = (): InputDriver => services.input.driver(); // asked per question: the invocation's driver
  const session = await services.aws.session();
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Clean Up: finding what the work created...' },
    () => buildPlan(services, session, justAdded),
  );
  let plan = found.plan;
  const region = plan.region;
  const previousGone = found.previousGone;
  if (found.hadPrevious) {
    const left = plan.resources.filter((r) => r.reasons.some((x) => x.source === 'previous-plan')).length;
    const message = `Your last clean-up: ${previousGone} resource(s) re-read and verified gone${left > 0 ? `, ${left} still there (listed again)` : ''}.`;
    log.info(message);
    if (left === 0) await context.workspaceState.update(LAST_PLAN_KEY, undefined);
    void vscode.window.showInformationMessage(message);
  }
  if (plan.resources.length === 0) {
    const message = `Nothing to clean up in ${region}: nothing tagged ${CREATED_BY_TAG.key}=${CREATED_BY_TAG.value} or recorded in this work's ledger exists. Add S3 prefixes of your own with the checklist's + button.`;
    log.info(message);
    void vscode.window.showInformationMessage(message);
    return { status: 'nothing', previousGone };
  }

  const answer = await askChecklist(ask(), checklist(plan, new Date()), region);
  if (answer && !Array.isArray(answer)) {
    // Added by hand: remembered in the workspace settings, then the plan is built again with it.
    const prefixes = config.get('cleanup.s3Prefixes');
    const added = parseS3Prefix(answer.added);
    const uri = added ? `s3://${added.bucket}/${added.prefix}` : answer.added;
    if (!prefixes.includes(uri)) await config.update('cleanup.s3Prefixes', [...prefixes, uri], vscode.ConfigurationTarget.Workspace);
    return runCleanup(services, uri);
  }
  const keys = answer;
  if (!keys || keys.length === 0) return { status: 'dismissed', plan, previousGone };
  plan = withSelection(plan, new Set(keys));
  const action = await askAction(ask(), keys.length);
  if (!action) return { status: 'dismissed', plan, previousGone };
  log.info(formatPlan(plan, new Date()));

  if (action === 'preview') {
    const preview = await vscode.workspace.openTextDocument({ language: 'json', content: serializePlan(plan) });
    await vscode.window.showTextDocument(preview, { preview: false });
    void vscode.window.showInformationMessage(`Preview: ${keys.length} resource(s) would be deleted, in the order shown in the log; nothing was touched.`);
    return { status: 'previewed', plan, preview };
  }

  const confirmation = confirmationFor(plan, new Date(), config.get('cleanup.typeNameObjectThreshold'));
  if (!(await askConfirm(ask(), confirmation))) return { status: 'declined', plan };
  for (const check of confirmation.typeName) {
    if (!(await askTypedName(ask(), check))) {
      void vscode.window.showInformationMessage(`Nothing was deleted: ${check.name} was not confirmed.`);
      return { status: 'declined', plan };
    }
  }

  // Proved again just before anything is deleted: the account, each resource's tag or ledger entry, S3 growth.
  const verified = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Clean Up: checking each resource is still this work\'s...' },
    () => loadAws().verifyPlan(session, plan, { ledger: ledgerInputs(services) }),
  );
  for (const d of verified.dropped) log.warn(`Clean-up: ${d}`);
  if (verified.grown.length > 0) {
    const detail = verified.grown.map((g) => `${g.label}: ${g.now} object(s) now, ${g.planned} when you ticked it`).join('\n');
    if (!(await askConfirm(ask(), { message: 'Some S3 prefixes hold more objects than when you ticked them. Delete them all?', detail, typeName: [] }))) return { status: 'declined', plan };
  }
  plan = verified.plan;
  if (!plan.resources.some((r) => r.selected)) {
    void vscode.window.showWarningMessage(`Nothing was deleted: ${verified.dropped.join(' ')}`);
    return { status: 'declined', plan };
  }

  // Saved before running: if the window closes half way, the next Clean Up finishes the rest.
  await context.workspaceState.update(LAST_PLAN_KEY, serializePlan(plan));
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Clean Up', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await loadAws().runPlan(session, plan, {
          signal: controller.signal,
          onProgress: (p) => {
            const pct = p.total === 0 ? 100 : (100 * p.done) / p.total;
            progress.report({ message: `${p.done}/${p.total} ${p.message}`, increment: pct - reported });
            reported = pct;
            log.debug(`Clean-up: ${p.message}`);
          },
        });
      } finally {
        sub.dispose();
      }
    },
  );
  log.info(formatRun(report));
  const summary = summarizeRun(report);
  if (runSucceeded(report)) {
    void vscode.window.showInformationMessage(summary);
  } else {
    void vscode.window.showWarningMessage(summary, 'Show Log').then((b) => { if (b) log.show(); });
  }
  await vscode.commands.executeCommand(COMMANDS.explorerRefresh);
  return { status: 'ran', plan, report };
}
