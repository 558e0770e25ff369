/**
 * The trainer's console, shown while a simulation drives the server: its clock and pace, pause and
 * speed, and faults injected on the selected station or region (an operator's calls, with a token).
 */
import { postCommand, simulation } from '../api';
import { $, bishkekTime, esc } from '../format';
import { REGION_NAMES, Word } from '../i18n';
import { Simulation, state, t } from '../state';

/** The speed choices, with the simulation's own speed added where it is none of them. */
function renderSpeed(sim: Simulation): void {
  const speed = $('speed') as HTMLSelectElement;
  if (typeof sim.speed === 'number' && ![...speed.options].some((o) => o.value === String(sim.speed))) speed.add(new Option(String(sim.speed)));
  if (document.activeElement !== speed) speed.value = String(sim.speed);
}

/** The fault kinds the simulation offers, keeping the one chosen. */
function renderKinds(sim: Simulation): void {
  const kinds = $('fault-kind') as HTMLSelectElement;
  const chosen = kinds.value;
  kinds.innerHTML = sim.kinds.map((k) => `<option value="${esc(k)}">${esc(t(`fault.${k}` as Word))}</option>`).join('');
  if (chosen) kinds.value = chosen;
}

export function renderConsole(): void {
  const sim = state.simulation;
  const panel = $('console');
  panel.hidden = !sim;
  if (!sim) return;
  $('h-console').textContent = t('console');
  $('clock-label').textContent = t('clock');
  $('clock').textContent = bishkekTime(sim.virtualMs);
  $('pace').textContent = sim.paused ? `(${t('paused')})` : `(×${sim.speed})`;
  $('token-label').textContent = t('token');
  $('pause').textContent = sim.paused ? t('resume') : t('pause');
  $('speed-label').textContent = t('speed');
  renderSpeed(sim);
  $('fault-label').textContent = t('fault');
  $('target-label').textContent = t('target');
  $('inject').textContent = t('inject');
  renderKinds(sim);
  const station = state.selected ? state.stations.get(state.selected)?.name : null;
  $('target').textContent = station ?? (state.region ? (REGION_NAMES[state.region]?.[state.lang] ?? state.region) : t('chooseTarget'));
  $('console-status').textContent = state.consoleStatus;
}

/** The simulation's state, every second while one drives the server. */
export async function pollSimulation(): Promise<void> {
  state.simulation = await simulation();
  state.simulationReadAt = Date.now();
  renderConsole();
  if (state.simulation) setTimeout(() => void pollSimulation(), 1000);
}

/** An operator's call of the console, with the token typed in (kept for this tab only). */
async function command(path: string, body: unknown = {}): Promise<void> {
  const token = ($('token') as HTMLInputElement).value.trim();
  sessionStorage.setItem('shailoo-token', token);
  const { ok, status, answer } = await postCommand(path, token, body);
  state.consoleStatus = ok ? '' : `${t('refused')}: ${status} ${answer.message ?? ''}`;
  if (ok && 'paused' in answer) [state.simulation, state.simulationReadAt] = [answer, Date.now()];
  renderConsole();
}

/** The console's controls: the token kept for this tab, pause or resume, the speed, a fault on the target. */
export function wireConsole(): void {
  ($('token') as HTMLInputElement).value = sessionStorage.getItem('shailoo-token') ?? '';
  $('pause').addEventListener('click', () => void command(state.simulation?.paused ? 'resume' : 'pause'));
  $('speed').addEventListener('change', (e) => void command('speed', { speed: Number((e.target as HTMLSelectElement).value) }));
  $('inject').addEventListener('click', () => {
    const kind = ($('fault-kind') as HTMLSelectElement).value;
    if (state.selected) void command('faults', { kind, precinctId: state.selected });
    else if (state.region) void command('faults', { kind, regionId: state.region });
    else {
      state.consoleStatus = t('chooseTarget');
      renderConsole();
    }
  });
}
