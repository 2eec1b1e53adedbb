import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  model,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  type Scenario,
  type ScenarioProblem,
  type Scene,
  type SimulationContent,
  type SimulationSettings,
  validateScenario,
} from '@siantar/scenario';
import { confirmAction } from '@siantar/web-core';
import type { Point } from './graph-layout';
import { ScenarioImportDialogComponent } from './import-dialog.component';
import { focusProblemField, problemsByScene } from './problem-focus';
import { downloadText, scenarioFileName, scenarioJson } from './scenario-file';
import {
  addChoice,
  addScene,
  addSceneForChoice,
  autoLayout,
  deleteScene,
  incomingCount,
  moveChoice,
  moveScene,
  removeChoice,
  replaceScene,
  setPosition,
  setStart,
} from './scenario-graph-ops';
import { type PreviewStart, ScenarioPreviewComponent } from './scenario-preview.component';
import { ScenarioSettingsComponent } from './scenario-settings.component';
import { SceneFormComponent } from './scene-form.component';
import { SceneGraphComponent } from './scene-graph.component';
import { SceneListComponent } from './scene-list.component';
import { starterContent } from './starter-content';
import { ValidationPanelComponent } from './validation-panel.component';

export type EditorTab = 'scene' | 'scenario' | 'problems' | 'preview';
const TABS: EditorTab[] = ['scene', 'scenario', 'problems', 'preview'];
const ZOOMS = [0.5, 0.75, 1, 1.25];

let nextEditorId = 0;

/**
 * The visual scenario editor (issue 8): the scenes as a graph (or a list), the selected
 * scene's form, the scenario's settings, the live validation and a preview that plays from
 * any scene; JSON import and export. `content` is the simulation lesson's content (null for
 * a new one, which starts from a start scene and one ending); every edit sets it anew.
 */
@Component({
  selector: 'sb-scenario-editor',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    TranslatePipe,
    SceneGraphComponent,
    SceneListComponent,
    SceneFormComponent,
    ScenarioSettingsComponent,
    ValidationPanelComponent,
    ScenarioPreviewComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="top">
      <h2 class="title">{{ scenario().title || ('simulation.editor.untitled' | translate) }}</h2>
      <button
        mat-button
        type="button"
        class="count"
        [class.has]="problems().length > 0"
        (click)="openTab('problems')"
        data-testid="problem-count"
      >
        {{ 'simulation.editor.problems.count' | translate: { count: problems().length } }}
      </button>
      <span class="spacer"></span>
      <button mat-stroked-button type="button" (click)="openImport()" data-testid="import-open">
        {{ 'simulation.editor.import.open' | translate }}
      </button>
      <button mat-stroked-button type="button" (click)="exportFile()" data-testid="export">
        {{ 'simulation.editor.export' | translate }}
      </button>
    </div>
    <p class="sb-visually-hidden" role="status" aria-live="polite">{{ announcement() }}</p>

    <div class="body">
      <section class="map" [attr.aria-label]="'simulation.editor.scenes' | translate">
        <div
          class="tools"
          role="toolbar"
          [attr.aria-label]="'simulation.editor.scenesTools' | translate"
        >
          <button
            mat-flat-button
            type="button"
            (click)="addNewScene(false)"
            data-testid="add-scene"
          >
            {{ 'simulation.editor.addScene' | translate }}
          </button>
          <button
            mat-stroked-button
            type="button"
            (click)="addNewScene(true)"
            data-testid="add-ending"
          >
            {{ 'simulation.editor.addEnding' | translate }}
          </button>
          <mat-button-toggle-group
            class="view"
            [value]="view()"
            (change)="view.set($event.value)"
            [attr.aria-label]="'simulation.editor.view' | translate"
            hideSingleSelectionIndicator
          >
            <mat-button-toggle value="graph">{{
              'simulation.editor.viewGraph' | translate
            }}</mat-button-toggle>
            <mat-button-toggle value="list">{{
              'simulation.editor.viewList' | translate
            }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (view() === 'graph') {
            <label class="zoom">
              {{ 'simulation.editor.zoom' | translate }}
              <select [value]="zoom()" (change)="setZoom($event)">
                @for (z of zooms; track z) {
                  <option [value]="z" [selected]="z === zoom()">{{ z * 100 }}%</option>
                }
              </select>
            </label>
            <button mat-button type="button" (click)="arrange()">
              {{ 'simulation.editor.autoLayout' | translate }}
            </button>
          }
        </div>
        <sb-scene-graph
          class="graph"
          [class.off]="view() !== 'graph'"
          [scenario]="scenario()"
          [selectedId]="selectedId()"
          [problems]="byScene()"
          [zoom]="zoom()"
          (selectScene)="select($event)"
          (moved)="moveBox($event.id, $event.position)"
        />
        <sb-scene-list
          class="list"
          [class.off]="view() !== 'list'"
          [scenario]="scenario()"
          [selectedId]="selectedId()"
          [problems]="byScene()"
          (selectScene)="select($event)"
          (move)="reorder($event.index, $event.delta)"
        />
      </section>

      <section class="side">
        <div class="tabs" role="tablist" [attr.aria-label]="'simulation.editor.panels' | translate">
          @for (t of tabs; track t) {
            <button
              type="button"
              role="tab"
              class="tab"
              [id]="uid + '-tab-' + t"
              [attr.aria-selected]="tab() === t"
              [attr.aria-controls]="uid + '-panel'"
              [tabindex]="tab() === t ? 0 : -1"
              (click)="openTab(t)"
              (keydown)="onTabKey($event)"
              [attr.data-tab]="t"
            >
              {{ 'simulation.editor.tab.' + t | translate }}
              @if (t === 'problems') {
                <span class="badge" [class.zero]="problems().length === 0">{{
                  problems().length
                }}</span>
              }
            </button>
          }
        </div>
        <div
          class="panel"
          role="tabpanel"
          [id]="uid + '-panel'"
          [attr.aria-labelledby]="uid + '-tab-' + tab()"
        >
          @switch (tab()) {
            @case ('scene') {
              @if (selected(); as sc) {
                <sb-scene-form
                  [scene]="sc"
                  [scenario]="scenario()"
                  [isStart]="sc.id === scenario().startSceneId"
                  [problems]="byScene().get(sc.id) ?? []"
                  (sceneChange)="updateScene($event)"
                  (remove)="removeScene(sc)"
                  (makeStart)="commit(setStart(scenario(), sc.id))"
                  (preview)="previewFrom(sc.id)"
                  (addChoice)="commit(addChoice(scenario(), sc.id).scenario)"
                  (removeChoice)="commit(removeChoice(scenario(), sc.id, $event))"
                  (moveChoice)="commit(moveChoice(scenario(), sc.id, $event.index, $event.delta))"
                  (createTarget)="newTarget(sc.id, $event)"
                  (goTo)="select($event)"
                />
              } @else {
                <p class="sb-empty">{{ 'simulation.editor.pickScene' | translate }}</p>
              }
            }
            @case ('scenario') {
              <sb-scenario-settings
                [scenario]="scenario()"
                [settings]="doc().settings"
                (scenarioChange)="commit($event)"
                (settingsChange)="commitSettings($event)"
              />
            }
            @case ('problems') {
              <sb-validation-panel
                [problems]="problems()"
                [scenario]="scenario()"
                (pick)="goToProblem($event)"
              />
            }
            @case ('preview') {
              <sb-scenario-preview
                [scenario]="scenario()"
                [settings]="doc().settings"
                [start]="previewStart()"
              />
            }
          }
        </div>
      </section>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      height: 100%;
      gap: 8px;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .title {
      font: var(--mat-sys-title-large);
      margin: 0;
      overflow-wrap: anywhere;
    }
    .spacer {
      flex: 1;
    }
    .count.has {
      color: var(--mat-sys-error);
    }
    .body {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(0, 1.15fr) minmax(340px, 1fr);
      gap: 12px;
    }
    .map,
    .side {
      min-height: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .zoom {
      display: inline-flex;
      gap: 4px;
      align-items: center;
      font: var(--mat-sys-body-medium);
    }
    .zoom select {
      font: inherit;
      padding: 4px;
    }
    .graph,
    .list {
      flex: 1;
      min-height: 240px;
    }
    .off {
      display: none;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .tab {
      border: 0;
      background: none;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
      padding: 10px 14px;
      border-bottom: 3px solid transparent;
      cursor: pointer;
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .tab[aria-selected='true'] {
      color: var(--mat-sys-primary);
      border-bottom-color: var(--mat-sys-primary);
    }
    .badge {
      min-width: 20px;
      padding: 0 6px;
      border-radius: 10px;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 20px;
      text-align: center;
    }
    .badge.zero {
      background: #1b6e2a;
      color: #fff;
    }
    .panel {
      flex: 1;
      min-height: 0;
      overflow: auto;
      padding: 4px 4px 16px;
    }
    @media (max-width: 1023.98px) {
      .body {
        display: flex;
        flex-direction: column;
      }
      .graph,
      .list {
        flex: none;
        height: 45vh;
      }
      .panel {
        overflow: visible;
      }
    }
    @media (max-width: 599.98px) {
      .view,
      .zoom {
        display: none;
      }
      .graph {
        display: none;
      }
      .list {
        display: block;
        height: auto;
        max-height: 40vh;
      }
    }
  `,
})
export class ScenarioEditorComponent {
  /** The lesson's content; null starts a new scenario. Set again on every edit. */
  readonly content = model<SimulationContent | null>(null);

  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly uid = `sb-scenario-editor-${nextEditorId++}`;
  protected readonly tabs = TABS;
  protected readonly zooms = ZOOMS;

  protected readonly doc = linkedSignal(() => this.content() ?? starterContent());
  protected readonly scenario = computed(() => this.doc().scenario);
  protected readonly problems = computed(() => validateScenario(this.scenario()));
  protected readonly byScene = computed(() => problemsByScene(this.problems()));

  readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => {
    const s = this.scenario();
    const id = this.selectedId() ?? s.startSceneId;
    return s.scenes.find((sc) => sc.id === id) ?? null;
  });
  readonly tab = signal<EditorTab>('scene');
  protected readonly view = signal<'graph' | 'list'>('graph');
  protected readonly zoom = signal(1);
  protected readonly previewStart = signal<PreviewStart | null>(null);
  protected readonly announcement = signal('');

  // Pure edits, usable from the template.
  protected readonly setStart = setStart;
  protected readonly addChoice = addChoice;
  protected readonly removeChoice = removeChoice;
  protected readonly moveChoice = moveChoice;

  /** Replaces the scenario (keeping the settings) and publishes the new content. */
  commit(scenario: Scenario): void {
    this.publish({ ...this.doc(), scenario });
  }

  protected commitSettings(settings: SimulationSettings): void {
    this.publish({ ...this.doc(), settings });
  }

  private publish(next: SimulationContent): void {
    this.doc.set(next);
    this.content.set(next);
  }

  private announce(key: string, params?: Record<string, unknown>): void {
    this.announcement.set(this.translate.instant(key, params) as string);
  }

  select(id: string): void {
    this.selectedId.set(id);
    this.tab.set('scene');
  }

  protected openTab(t: EditorTab): void {
    this.tab.set(t);
  }

  /** Arrow keys, Home and End move between the tabs (the WAI-ARIA tabs pattern). */
  protected onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab());
    const to: Record<string, number> = {
      ArrowRight: (i + 1) % TABS.length,
      ArrowLeft: (i - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    const t = TABS[to[e.key]];
    this.tab.set(t);
    this.host.nativeElement.querySelector<HTMLElement>(`[data-tab="${t}"]`)?.focus();
  }

  protected setZoom(e: Event): void {
    const z = Number((e.target as HTMLSelectElement).value);
    if (ZOOMS.includes(z)) this.zoom.set(z);
  }

  protected addNewScene(ending: boolean): void {
    const near = this.selected()?.id;
    const { scenario, sceneId } = addScene(this.scenario(), { ending, near });
    this.commit(scenario);
    this.select(sceneId);
    this.announce('simulation.editor.announce.added');
    this.focusField('title');
  }

  protected newTarget(sceneId: string, choiceId: string): void {
    const added = addSceneForChoice(this.scenario(), sceneId, choiceId);
    this.commit(added.scenario);
    this.select(added.sceneId);
    this.announce('simulation.editor.announce.added');
    this.focusField('title');
  }

  protected updateScene(scene: Scene): void {
    this.commit(replaceScene(this.scenario(), scene));
  }

  protected moveBox(id: string, position: Point): void {
    this.commit(setPosition(this.scenario(), id, position));
  }

  protected reorder(index: number, delta: number): void {
    const s = this.scenario();
    const id = s.scenes[index]?.id;
    this.commit(moveScene(s, index, delta));
    if (id) {
      this.announce('simulation.editor.announce.moved', { position: index + delta + 1 });
      afterNextRender(
        () =>
          this.host.nativeElement
            .querySelector<HTMLElement>(
              `sb-scene-list [data-scene="${id}"] ~ .moves button:not([disabled])`,
            )
            ?.focus(),
        { injector: this.injector },
      );
    }
  }

  protected arrange(): void {
    confirmAction(this.dialog, {
      title: 'simulation.editor.autoLayoutTitle',
      message: 'simulation.editor.autoLayoutMessage',
      confirm: 'simulation.editor.autoLayout',
    }).subscribe((yes) => {
      if (yes) this.commit(autoLayout(this.scenario()));
    });
  }

  protected removeScene(scene: Scene): void {
    confirmAction(this.dialog, {
      title: 'simulation.editor.deleteTitle',
      message: 'simulation.editor.deleteMessage',
      params: {
        title: scene.title || scene.id,
        incoming: incomingCount(this.scenario(), scene.id),
      },
      confirm: 'simulation.editor.scene.delete',
    }).subscribe((yes) => {
      if (!yes) return;
      this.commit(deleteScene(this.scenario(), scene.id));
      this.selectedId.set(this.scenario().startSceneId || null);
      this.announce('simulation.editor.announce.deleted', { title: scene.title || scene.id });
    });
  }

  previewFrom(sceneId: string): void {
    this.previewStart.update((p) => ({ sceneId, nonce: (p?.nonce ?? 0) + 1 }));
    this.tab.set('preview');
  }

  /** Selects the problem's scene (or the scenario tab) and focuses its field. */
  goToProblem(p: ScenarioProblem): void {
    const inScene = p.sceneId !== null && this.scenario().scenes.some((sc) => sc.id === p.sceneId);
    if (inScene && p.sceneId !== null) this.select(p.sceneId);
    else this.tab.set('scenario');
    // A problem about the whole scene (unreachable, no way out) lands on its title.
    this.focusField(p.path, inScene ? 'title' : undefined);
  }

  private focusField(path: string, fallback?: string): void {
    afterNextRender(
      () => {
        const panel = this.host.nativeElement.querySelector<HTMLElement>('.panel');
        if (panel && !focusProblemField(panel, path) && fallback)
          focusProblemField(panel, fallback);
      },
      { injector: this.injector },
    );
  }

  protected openImport(): void {
    this.dialog
      .open<ScenarioImportDialogComponent, void, Scenario>(ScenarioImportDialogComponent, {
        width: '760px',
        maxWidth: '100vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((scenario) => {
        if (!scenario) return;
        this.commit(scenario);
        this.selectedId.set(scenario.startSceneId);
        this.tab.set('scene');
        this.announce('simulation.editor.announce.imported', { title: scenario.title });
      });
  }

  protected exportFile(): void {
    const s = this.scenario();
    downloadText(scenarioJson(s), scenarioFileName(s.title));
  }
}
