// Draws the brokerage funnel with ECharts from the funnel's own JSON; the table beside it is the script-free form,
// and a click on a step opens the records behind its count, as the table's links do.
document.addEventListener('DOMContentLoaded', async () => {
  const element = document.getElementById('funnel-chart');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  const response = await fetch(element.dataset.funnelUrl, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return;
  }
  const funnel = await response.json();
  const chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${p.value}` },
    series: [{
      type: 'funnel',
      sort: 'none',
      minSize: '10%',
      left: '10%',
      width: '80%',
      label: { show: true, position: 'inside', formatter: (p) => `${p.name} ${p.value}` },
      data: funnel.steps.map((s) => ({ name: s.label, value: s.count, link: s.link })),
    }],
  });
  chart.on('click', (p) => {
    if (p.data && p.data.link) {
      window.location.assign(p.data.link);
    }
  });
  element.classList.add('drawn');
  window.addEventListener('resize', () => chart.resize());
});
