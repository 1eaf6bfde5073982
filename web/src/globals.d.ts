import type * as Echarts from 'echarts';

/** echarts is loaded by a <script> tag from vendor/echarts.min.js (copied from node_modules). */
declare global {
  const echarts: typeof Echarts;
}
