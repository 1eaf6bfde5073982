/**
 * The report's stylesheet, inlined into the HTML. Print first: A4 with margins that leave room
 * for the PDF's page footer, table headers repeated on every page, no figure or table row split
 * across pages, tabular digits so columns of kroner line up.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 13mm 16mm 13mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  font-family: 'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif;
  font-size: 9pt; line-height: 1.35; color: #1a1a1a; margin: 0 auto; max-width: 184mm;
}
header { border-bottom: 2px solid #1f4e79; margin-bottom: 4mm; }
h1 { font-size: 16pt; margin: 0 0 1mm; color: #1f4e79; }
.subtitle { margin: 0 0 2mm; color: #555; }
h2 { font-size: 12pt; color: #1f4e79; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 9.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p.summary { font-size: 10pt; margin: 0; }
p.note, p.tally { color: #555; font-size: 7.5pt; margin: 1mm 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 7.3pt; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { background: #e8eef5; font-weight: bold; border-bottom: 1px solid #8fa8c4; padding: 1.2mm 1.2mm; vertical-align: bottom; }
td { border-bottom: 0.5px solid #d6dde6; padding: 0.8mm 1.2mm; vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
th.num { white-space: normal; overflow-wrap: anywhere; }
table.wide { font-size: 6.6pt; }
table.wide th, table.wide td { padding-left: 0.8mm; padding-right: 0.8mm; }
.text { text-align: left; }
td.neg { color: #a50021; }
.table-block { break-inside: auto; }
#headline table { font-size: 8.5pt; }
figure.chart { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: bold; font-size: 9pt; margin-bottom: 1mm; }
.chart-grid { display: flex; flex-wrap: wrap; justify-content: space-between; }
figure.chart.full { width: 100%; }
figure.chart.half { width: 49.3%; }
figure.chart.half figcaption { font-size: 8pt; }
figure.chart svg { display: block; width: 100%; height: auto; }
table.assumptions td.source { font-size: 6.8pt; color: #333; word-break: break-word; }
table.assumptions .where { color: #666; font-size: 6.3pt; word-break: break-all; }
.flag { display: inline-block; padding: 0 1mm; border-radius: 1mm; white-space: nowrap; }
.flag.assumption { background: #fde9c9; }
.flag.calibrated { background: #e2d6f0; }
.flag.unsourced { background: #f8d0d6; font-weight: bold; }
.flag.sourced { background: #dcefd6; }
dl.reproduction { display: grid; grid-template-columns: 38mm 1fr; gap: 0.8mm 3mm; margin: 0 0 3mm; }
dl.reproduction dt { font-weight: bold; }
dl.reproduction dd { margin: 0; word-break: break-all; font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; }
#table-inputs td { word-break: break-all; }
footer { margin-top: 6mm; color: #777; font-size: 7.5pt; }
@media screen { body { padding: 10mm; } }
`;
