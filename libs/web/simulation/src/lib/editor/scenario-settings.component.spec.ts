import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { Scenario, SimulationSettings } from '@siantar/scenario';
import { counterContent, editorStrings } from './editor.fixtures';
import { ScenarioSettingsComponent } from './scenario-settings.component';

describe('ScenarioSettingsComponent', () => {
  let fixture: ComponentFixture<ScenarioSettingsComponent>;
  let el: HTMLElement;
  let scenarios: Scenario[];
  let settings: SimulationSettings[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ScenarioSettingsComponent],
      providers: [provideTranslateService({ fallbackLang: 'id' })],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', editorStrings('id'));
    translate.use('id');
    fixture = TestBed.createComponent(ScenarioSettingsComponent);
    const c = counterContent();
    fixture.componentRef.setInput('scenario', c.scenario);
    fixture.componentRef.setInput('settings', c.settings);
    scenarios = [];
    settings = [];
    fixture.componentInstance.scenarioChange.subscribe((s) => {
      scenarios.push(s);
      fixture.componentRef.setInput('scenario', s);
    });
    fixture.componentInstance.settingsChange.subscribe((s) => {
      settings.push(s);
      fixture.componentRef.setInput('settings', s);
    });
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  async function change(sel: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>(sel);
    expect(input).not.toBeNull();
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it('renames a variable key everywhere it is used', async () => {
    await change('[data-path="variables[0].key"]', 'kesabaran');
    const s = scenarios.at(-1);
    expect(s?.variables[0].key).toBe('kesabaran');
    expect(s?.scenes[2].choices[1].condition).toEqual({
      variable: 'kesabaran',
      op: 'gte',
      value: 1,
    });
  });

  it('refuses a key already taken, puts the old one back and says why', async () => {
    await change('[data-path="competencies[1].key"]', 'empati');
    expect(scenarios).toEqual([]);
    expect(el.querySelector<HTMLInputElement>('[data-path="competencies[1].key"]')?.value).toBe(
      'prosedur',
    );
    expect(el.querySelector('[role=alert]')?.textContent).toContain('belum dipakai');
  });

  it('shows the minimum score only for the min-score completion, and drops it otherwise', async () => {
    expect(el.querySelector('[data-path="settings.minScore"]')).not.toBeNull();
    const ending = el.querySelector<HTMLInputElement>('mat-radio-button[value=ending] input');
    ending?.click();
    await fixture.whenStable();
    expect(settings.at(-1)).toEqual({ completion: 'ending', counts: 'best' });
    expect(el.querySelector('[data-path="settings.minScore"]')).toBeNull();
  });
});
