import { renderReportHtml } from './html';
import type { ReportModel, ReportTable } from './types';

function table(id: string): ReportTable {
  return {
    id,
    title: `Table ${id}`,
    columns: [
      { key: 'year', label: 'År', format: 'year' },
      { key: 'net', label: 'Netto', format: 'kroner' },
    ],
    rows: [[2024, '-1234567.89']],
  };
}

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    kind: 'contractProjection',
    language: 'da',
    title: 'Kontrakt <A & B>',
    subtitle: 'Kontraktfremskrivning',
    summary: 'Kommunen når break-even i år 4.',
    headline: table('headline'),
    charts: [
      {
        id: 'line',
        kind: 'line',
        title: 'Kumuleret',
        categories: ['2024', '2025'],
        series: [{ name: 'Kommune', values: [-1, 2] }],
        valueUnit: 'kr.',
      },
    ],
    tables: [table('net'), { ...table('long'), printed: false }],
    assumptions: [
      {
        origin: 'template',
        file: 'contracts/x.json',
        pointer: '/intervention/participants',
        label: 'intervention › participants',
        value: '180',
        assumption: false,
        calibrated: false,
        source: 'DSI',
        unsourced: false,
      },
      {
        origin: 'template',
        file: 'contracts/x.json',
        pointer: '/intervention/intake/0',
        label: 'intervention › intake › 0',
        value: '0.5',
        assumption: true,
        calibrated: false,
        reason: 'even intake',
        unsourced: false,
      },
    ],
    reproduction: [{ label: 'Softwareversion', value: '0.1.0' }],
    inputs: {
      ...table('inputs'),
      columns: [{ key: 'pointer', label: 'JSON-sti', format: 'text' }],
      rows: [['/a']],
    },
    ...overrides,
  };
}

describe('the report HTML', () => {
  it('puts the sections in the order the issue asks for', () => {
    const html = renderReportHtml(model());
    const order = ['summary', 'headline', 'charts', 'tables', 'assumptions', 'reproduction'].map(
      (id) => html.indexOf(`<section id="${id}">`),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('prints money with its øre in Danish and marks negative amounts', () => {
    expect(renderReportHtml(model())).toContain('<td class="num neg">-1.234.567,89</td>');
  });

  it('escapes text from the data files', () => {
    const html = renderReportHtml(model());
    expect(html).toContain('<h1>Kontrakt &lt;A &amp; B&gt;</h1>');
    expect(html).not.toContain('<A & B>');
  });

  it('marks assumptions and shows their reasons', () => {
    const html = renderReportHtml(model());
    expect(html).toContain('<tr class="assumption">');
    expect(html).toContain('<span class="flag assumption">antagelse</span>');
    expect(html).toContain('even intake');
    expect(html).toContain('<tr class="sourced">');
  });

  it('leaves tables meant only for the workbook out of the print', () => {
    const html = renderReportHtml(model());
    expect(html).toContain('data-table-id="net"');
    expect(html).not.toContain('data-table-id="long"');
  });

  it('has no script and loads nothing from the network', () => {
    // url(#…) inside the charts' SVG points at clip paths in the same document.
    expect(renderReportHtml(model())).not.toMatch(/<script|<link |<img |src=|url\((?!#)/);
  });

  it('refuses to draw a chart without data', () => {
    const empty = model({
      charts: [
        {
          id: 'empty',
          kind: 'line',
          title: 'Tom',
          categories: ['2024'],
          series: [{ name: 'Kommune', values: [null] }],
          valueUnit: 'kr.',
        },
      ],
    });
    expect(() => renderReportHtml(empty)).toThrow("chart 'empty' has no data to draw");
  });
});
