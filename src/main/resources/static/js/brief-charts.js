// Draws a brief's charts with ECharts from the brief's own JSON: the hot topics (this period against the previous one)
// and the demands and achievements per chain node or per chain. The tables beside them are the script-free form.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  const briefs = {};
  const load = (url) => {
    briefs[url] = briefs[url] || fetch(url, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null));
    return briefs[url];
  };
  const bars = (element, names, series) => {
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
    });
    element.classList.add('drawn');
    window.addEventListener('resize', () => chart.resize());
  };
  document.querySelectorAll('.brief-chart').forEach(async (element) => {
    const brief = await load(element.dataset.briefUrl);
    if (!brief) {
      return;
    }
    if (element.dataset.chart === 'topics') {
      bars(element, brief.topics.map((t) => t.term), [
        { name: element.dataset.labelDemands, data: brief.topics.map((t) => t.demands) },
        { name: element.dataset.labelPrevious, data: brief.topics.map((t) => t.previous) },
      ]);
    } else {
      bars(element, brief.breakdown.map((s) => s.name), [
        { name: element.dataset.labelDemands, data: brief.breakdown.map((s) => s.demands) },
        { name: element.dataset.labelAchievements, data: brief.breakdown.map((s) => s.achievements) },
      ]);
    }
  });
});
