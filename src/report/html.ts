import { chartValueCount, renderChartSvg } from './charts';
import { formatCell, formatNumber } from './format';
import { texts } from './i18n';
import { statusOf } from './model-common';
import { REPORT_CSS } from './report-css';
import type { AssumptionEntry, ChartSpec, ReportModel, ReportTable } from './types';

/**
 * The printable report: one self-contained HTML file (inline CSS, inline SVG charts, no script,
 * no external resource), laid out for A4. Sections in the issue's order: summary, headline table,
 * charts, yearly tables, assumptions with sources, the run's inputs, seed and version.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const NUMERIC_FORMATS = new Set([
  'kroner',
  'wholeKroner',
  'rounded',
  'count',
  'integer',
  'percent',
  'multiple',
  'decimal',
]);

/** Tables with this many columns print in a smaller type to fit A4 portrait. */
const WIDE_TABLE_COLUMNS = 9;

function tableHtml(table: ReportTable, model: ReportModel, withTitle = true): string {
  const header = table.columns
    .map(
      (c) =>
        `<th class="${NUMERIC_FORMATS.has(c.format) ? 'num' : 'text'}">${escapeHtml(c.label)}</th>`,
    )
    .join('');
  const rows = table.rows
    .map(
      (row) =>
        '<tr>' +
        row
          .map((value, i) => {
            const col = table.columns[i];
            const text = formatCell(value, col.format, model.language);
            const negative = NUMERIC_FORMATS.has(col.format) && Number(value) < 0 ? ' neg' : '';
            return `<td class="${NUMERIC_FORMATS.has(col.format) ? 'num' : 'text'}${negative}">${escapeHtml(text)}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : '';
  return (
    `<div class="table-block" id="table-${table.id}" data-table-id="${table.id}">` +
    (withTitle ? `<h3>${escapeHtml(table.title)}</h3>` : '') +
    `<table${table.columns.length >= WIDE_TABLE_COLUMNS ? ' class="wide"' : ''}><thead><tr>${header}</tr></thead><tbody>\n${rows}\n</tbody></table>${note}</div>`
  );
}

function chartHtml(spec: ChartSpec, model: ReportModel): string {
  const count = chartValueCount(spec);
  if (count === 0) throw new RangeError(`chart '${spec.id}' has no data to draw`);
  const note = spec.note ? `<p class="note">${escapeHtml(spec.note)}</p>` : '';
  return (
    `<figure class="chart ${spec.size ?? 'full'}" data-chart-id="${spec.id}" data-chart-kind="${spec.kind}" data-values="${count}">` +
    `<figcaption>${escapeHtml(spec.title)}</figcaption>` +
    renderChartSvg(spec, model.language) +
    `${note}</figure>`
  );
}

/** A number from a data file with all its decimals, grouped: "25000000" → "25.000.000". */
function exactNumber(value: string, language: ReportModel['language']): string {
  const decimals = /^-?\d+\.(\d+)$/.exec(value)?.[1].length ?? 0;
  return /^-?\d+(\.\d+)?$/.test(value) ? formatNumber(value, decimals, language) : value;
}

function assumptionsHtml(model: ReportModel): string {
  const t = texts(model.language);
  const entries = model.assumptions;
  const count = (pick: (e: AssumptionEntry) => boolean) => entries.filter(pick).length;
  const tally =
    model.language === 'da'
      ? `${entries.length} tal fra vidensdatabasen, kontraktskabelonen og scenariet; ${count((e) => e.assumption)} er antagelser, ${count((e) => e.calibrated)} er kalibrerede, ${count((e) => e.unsourced)} har ingen kilde angivet.`
      : `${entries.length} numbers from the knowledge base, the contract template and the scenario; ${count((e) => e.assumption)} are assumptions, ${count((e) => e.calibrated)} are calibrated, ${count((e) => e.unsourced)} have no source recorded.`;
  const rows = entries
    .map((e, i) => {
      const status = statusOf(e, model.language);
      const cls = e.unsourced
        ? 'unsourced'
        : e.assumption
          ? 'assumption'
          : e.calibrated
            ? 'calibrated'
            : 'sourced';
      const explanation = [e.source, e.reason]
        .filter(Boolean)
        .map((s) => escapeHtml(s as string))
        .join('<br>');
      return (
        `<tr class="${cls}"><td class="num">${i + 1}</td>` +
        `<td class="text">${escapeHtml(e.label)}<div class="where">${escapeHtml(t.origins[e.origin])}: ${escapeHtml(e.file)}#${escapeHtml(e.pointer)}</div></td>` +
        `<td class="num">${escapeHtml(exactNumber(e.value, model.language))}${e.unit ? ' ' + escapeHtml(e.unit) : ''}</td>` +
        `<td class="text"><span class="flag ${cls}">${escapeHtml(status)}</span></td>` +
        `<td class="text source">${explanation}</td></tr>`
      );
    })
    .join('\n');
  return (
    `<p class="tally">${escapeHtml(tally)}</p>` +
    `<table class="assumptions"><thead><tr><th class="num">#</th><th class="text">${escapeHtml(t.columns.what)}</th>` +
    `<th class="num">${escapeHtml(t.columns.value)}</th><th class="text">${escapeHtml(t.columns.flags)}</th>` +
    `<th class="text">${escapeHtml(t.columns.source)} / ${escapeHtml(t.columns.reason)}</th></tr></thead>` +
    `<tbody>\n${rows}\n</tbody></table>`
  );
}

function reproductionHtml(model: ReportModel): string {
  const items = model.reproduction
    .map((item) => `<dt>${escapeHtml(item.label)}</dt><dd>${escapeHtml(item.value)}</dd>`)
    .join('');
  return `<dl class="reproduction">${items}</dl>${tableHtml(model.inputs, model)}`;
}

/** The whole report as one HTML document. */
export function renderReportHtml(model: ReportModel): string {
  const t = texts(model.language);
  const section = (id: string, title: string, body: string) =>
    `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
  return `<!doctype html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<meta name="generator" content="DSI simulator">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body data-report-kind="${model.kind}">
<header><h1>${escapeHtml(model.title)}</h1><p class="subtitle">${escapeHtml(model.subtitle)}</p></header>
${section('summary', t.sections.summary, `<p class="summary">${escapeHtml(model.summary)}</p>`)}
${section('headline', t.sections.headline, tableHtml(model.headline, model, false))}
${section('charts', t.sections.charts, `<div class="chart-grid">${model.charts.map((c) => chartHtml(c, model)).join('\n')}</div>`)}
${section(
  'tables',
  t.sections.tables,
  model.tables
    .filter((x) => x.printed !== false)
    .map((x) => tableHtml(x, model))
    .join('\n'),
)}
${section('assumptions', t.sections.assumptions, assumptionsHtml(model))}
${section('reproduction', t.sections.reproduction, reproductionHtml(model))}
<footer><p>${escapeHtml(t.common.generated)}</p></footer>
</body>
</html>
`;
}
