// Everything one running sandbox holds. Stores are rebuilt on reset; configuration,
// clock, tokens and faults live here so every handler reaches them through ctx.state.
import type { SandboxConfig } from "./config";
import { makeDataContext, type DataContext } from "./data/context";
import { FaultController } from "./faults";
import { JumioCallbacks } from "./jumio/callbacks";
import { ExecutionStore } from "./jumio/store";
import { Quirks } from "./quirks/pick";
import { Clock } from "./runtime/clock";
import { Scheduler } from "./runtime/scheduler";
import { RouteStats } from "./runtime/routeStats";
import { Stats } from "./runtime/stats";
import { TokenStore } from "./runtime/tokens";
import { FlowEngine } from "./trulioo/flowEngine";
import { ProfileStore } from "./trulioo/store";
import { UploadStore } from "./trulioo/uploads";
import { TruliooWebhooks } from "./trulioo/webhooks";
import { TrustxStore } from "./trustx/store";

export interface ConnectorToken {
  clientId: string;
  flowId: string;
  test: boolean;
  expiresAt: number;
}

interface TruliooState {
  store: ProfileStore;
  uploads: UploadStore;
  webhooks: TruliooWebhooks;
  flows: FlowEngine;
  connectorTokens: Map<string, ConnectorToken>;
}

export class SandboxState {
  readonly data: DataContext;
  readonly clock = new Clock();
  readonly scheduler = new Scheduler();
  readonly tokens = new TokenStore();
  readonly stats = new Stats();
  readonly faults: FaultController;
  readonly routes: RouteStats;
  readonly quirks: Quirks;
  baseUrl = "";
  trulioo!: TruliooState;
  jumio!: { store: ExecutionStore; callbacks: JumioCallbacks };
  trustx!: { store: TrustxStore };

  constructor(readonly cfg: SandboxConfig) {
    this.data = makeDataContext(cfg);
    this.routes = new RouteStats(cfg.trackReads);
    this.quirks = new Quirks(cfg.quirks, cfg.seed);
    this.faults = new FaultController(cfg.hangMs, this.stats, (p) => this.tokens.revokeAll(this.clock.now(), p));
    this.build();
  }

  private build(): void {
    const now = (): number => this.clock.now();
    const store = new ProfileStore(this.data, now);
    const uploads = new UploadStore(this.cfg.uploadStoreBytes);
    const webhooks = new TruliooWebhooks(this.cfg, this.scheduler, this.stats, () => Math.floor(now() / 1000));
    const flows = new FlowEngine({ cfg: this.cfg, store, uploads, webhooks, scheduler: this.scheduler });
    this.trulioo = { store, uploads, webhooks, flows, connectorTokens: new Map() };
    this.jumio = {
      store: new ExecutionStore(this.data, now),
      callbacks: new JumioCallbacks(this.cfg, this.scheduler, this.stats, () => this.baseUrl, () => this.clock.iso()),
    };
    this.trustx = { store: new TrustxStore(this.data) };
    for (const f of this.cfg.faults) this.faults.configure(f);
    webhooks.setTargets(this.cfg.truliooWebhookUrls);
  }

  /** Back to the configured state: generated data only, no tokens, no faults, real time. */
  reset(): void {
    this.scheduler.cancelAll();
    this.trulioo.webhooks.setTargets([]);
    this.tokens.clear();
    this.faults.clear();
    this.clock.reset();
    this.stats.clear();
    this.routes.clear();
    this.build();
  }

  stop(): void {
    this.scheduler.cancelAll();
    this.trulioo.webhooks.setTargets([]);
  }
}
