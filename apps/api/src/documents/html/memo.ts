import { formatDanishDateTime, formatDanishDay } from '@aftalerum/dates';
import type { BlockChange } from '@aftalerum/editor';
import { blockChangeLabel, MemoBlockChange, MemoComment, MemoModel, OUTCOME_LABELS } from '../memo';
import { xmlSafe } from '../safe-text';
import { escapeHtml } from './escape';

const dateTime = { format: (instant: Date) => formatDanishDateTime(instant) };
const date = { format: (instant: Date) => formatDanishDay(instant) };

const escape = escapeHtml;
const paragraphs = (value: string) => value.split(/\n+/).map((line) => `<p>${escape(line)}</p>`).join('');
const excerpt = (value: string, length = 240) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

/** The hearing memo as a complete HTML page; every text is escaped. */
export function memoHtml(given: MemoModel): string {
  // People's text enters here: no control characters in the page (they are parse errors in HTML).
  const model = xmlSafe(given);
  const comment = (c: MemoComment) => `
      <article class="point">
        <h4>${escape(c.organisationName)} <span class="ref">(${escape(c.reference)})</span></h4>
        ${c.quote ? `<blockquote>${escape(c.quote)}</blockquote>` : ''}
        <div class="said">${paragraphs(c.text)}</div>
        <div class="reply"><strong>Sekretariatets svar:</strong> ${c.reply ? paragraphs(c.reply) : '<em>Ikke besvaret endnu.</em>'}
        ${c.outcome ? `<p class="outcome">Udfald: ${escape(OUTCOME_LABELS[c.outcome])}</p>` : ''}</div>
      </article>`;
  // What became of the block, under its replies: for a changed one the redline.
  const blockChange = (change: MemoBlockChange, comparedWith: string) =>
    `<div class="became"><p class="ref">${escape(blockChangeLabel(change, comparedWith))}</p>${
      change.kind === 'CHANGED'
        ? `<p class="redline">${change.words.map((w) => (w.kind === 'ADDED' ? `<ins>${escape(w.text)}</ins>` : w.kind === 'REMOVED' ? `<del>${escape(w.text)}</del>` : escape(w.text))).join('')}</p>`
        : ''
    }</div>`;
  const campaign = (c: MemoModel['campaigns'][number]) => `
      <article class="point campaign">
        <h4>Kampagne: ${c.size} enslydende høringssvar</h4>
        <p class="ref">Afsendere: ${escape(c.senders.join(', '))}</p>
        <div class="said">${paragraphs(c.text)}</div>
        <div class="reply"><strong>Sekretariatets svar:</strong> ${c.reply ? paragraphs(c.reply) : '<em>Ikke besvaret endnu.</em>'}
        ${c.outcome ? `<p class="outcome">Udfald: ${escape(OUTCOME_LABELS[c.outcome])}</p>` : ''}</div>
      </article>`;
  const changeRow = (c: BlockChange) =>
    `<tr><td>${escape(c.sectionTitle ?? '')}</td><td>${escape({ ADDED: 'Tilføjet', REMOVED: 'Fjernet', CHANGED: 'Ændret' }[c.change])}</td><td>${escape(excerpt(c.before ?? ''))}</td><td>${escape(excerpt(c.after ?? ''))}</td></tr>`;
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Høringsnotat – ${escape(model.agreementTitle)}</title>
<style>
  @page { size: A4; margin: 2.2cm; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #1b1f24; line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 1rem; }
  h1, h2, h3, h4 { font-family: system-ui, sans-serif; }
  .ref { color: #565e68; font-weight: normal; }
  blockquote { border-left: 3px solid #1d4f91; margin: .5rem 0; padding-left: .75rem; color: #333; }
  .reply { background: #f1f5fb; padding: .5rem .75rem; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border: 1px solid #c5ccd4; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  .point { break-inside: avoid; margin-bottom: 1rem; }
</style></head>
<body>
<header>
  <h1>Høringsnotat</h1>
  <p><strong>${escape(model.agreementTitle)}</strong></p>
  <p>${escape(model.hearingTitle)} – høringsudkast: ${escape(model.versionLabel)}. Høringsperiode ${escape(date.format(model.opensAt))} til ${escape(date.format(model.closesAt))}.</p>
  <p>Udarbejdet ${escape(dateTime.format(model.generatedAt))}.</p>
</header>
<section><h2>1. Hvem har svaret</h2>
  <p>${model.respondents.length} høringssvar er modtaget.</p>
  <table><thead><tr><th>Organisation</th><th>Type</th><th>Kvitteringsnummer</th><th>Modtaget</th><th>Kommentarer</th></tr></thead><tbody>
  ${model.respondents
    .map((r) => `<tr><td>${escape(r.organisationName)}</td><td>${escape(r.kindLabel)}</td><td>${escape(r.reference)}</td><td>${escape(dateTime.format(r.receivedAt))}${r.late ? ' (sent)' : ''}</td><td>${r.comments}</td></tr>`)
    .join('')}
  </tbody></table>
  ${model.notAnswered.length ? `<p class="not-answered"><strong>Ikke svaret:</strong> ${model.notAnswered.map(escape).join(', ')}.</p>` : ''}
</section>
<section><h2>2. Bemærkninger og svar, ordnet efter aftalens opbygning</h2>
${model.sections
  .map(
    (s) => `<section><h3>${escape(s.title)}</h3>${s.blocks
      .map((b) => `<p class="ref">Til afsnittet: »${escape(excerpt(b.text, 160))}«</p>${b.comments.map(comment).join('')}${blockChange(b.change, model.comparedWith)}`)
      .join('')}</section>`,
  )
  .join('')}
${model.general.length ? `<section><h3>Generelle bemærkninger</h3>${model.general.map(comment).join('')}</section>` : ''}
${model.campaigns.length ? `<section><h3>Kampagner</h3>${model.campaigns.map(campaign).join('')}</section>` : ''}
</section>
<section><h2>3. Ændringer fra høringsudkast til ${escape(model.comparedWith)}</h2>
${model.changes.length ? `<table><thead><tr><th>Afsnit</th><th>Ændring</th><th>Før</th><th>Efter</th></tr></thead><tbody>${model.changes.map(changeRow).join('')}</tbody></table>` : '<p>Ingen ændringer.</p>'}
</section>
</body></html>`;
}
