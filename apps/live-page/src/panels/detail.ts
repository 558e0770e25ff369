/** The selected station's detail: its devices' reports, the commission's protocol, its flags and faults. */
import { precinct, PrecinctDetail } from '../api';
import { $, esc, num } from '../format';
import { Word } from '../i18n';
import { state, t } from '../state';
import { coalesced } from '../schedule';

/** A list item per device that reported, and the commission's protocol; "waiting" where there is none yet. */
function devices(p: PrecinctDetail): string {
  const ident = p.identificationReports
    .map(
      (r) =>
        `<li>${esc(t('identification'))} <code>${esc(r.deviceId)}</code>: ${num(r.identifiedByFingerprint + r.identifiedByFace)} ${esc(t('identified'))}</li>`,
    )
    .join('');
  const boxes = p.boxResults.map((r) => `<li>${esc(t('box'))} <code>${esc(r.deviceId)}</code>: ${num(r.ballotsInBox)} ${esc(t('ballotsInBox'))}</li>`).join('');
  const protocol = p.manualProtocol
    ? `<li>${esc(t('commission'))} <code>${esc(p.manualProtocol.deviceId)}</code>: ${esc(t('state.protocol'))}${p.manualProtocol.boxFailed ? ` — ${esc(t('state.hand-count'))}` : ''}</li>`
    : `<li>${esc(t('commission'))}: ${esc(t('waiting'))}</li>`;
  return `${ident || `<li>${esc(t('identification'))}: ${esc(t('waiting'))}</li>`}${boxes || `<li>${esc(t('box'))}: ${esc(t('waiting'))}</li>`}${protocol}`;
}

export async function renderDetail(): Promise<void> {
  const box = $('detail');
  if (!state.selected || !state.electionId) {
    box.hidden = true;
    return;
  }
  const p = await precinct(state.electionId, state.selected);
  const flags = p.flags.map((f) => `<span class="badge">${esc(t(`flag.${f.kind}`))}</span>`).join(' ');
  const faults = (state.faulted.get(p.precinctId) ?? []).map((k) => `<span class="badge">${esc(t(`fault.${k}` as Word))}</span>`).join(' ');
  box.innerHTML = `<h3>${esc(p.name)}</h3><p>${esc(t('registered'))}: ${num(p.registeredVoters)} ${flags} ${faults}</p><ul>${devices(p)}</ul>`;
  box.hidden = false;
}

export const scheduleDetail = coalesced(() => void renderDetail(), 500);
