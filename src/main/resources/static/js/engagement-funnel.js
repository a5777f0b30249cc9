// Draws the brokerage funnel with ECharts from the table beside it (the script-free form, in the page's language);
// a click on a step opens the records behind its count, as the table's links do.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('funnel-chart');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  const steps = Array.from(document.querySelectorAll('#funnel-table tbody tr')).map((row) => {
    const link = row.querySelector('a.funnel-count');
    return { name: row.cells[0].textContent.trim(), value: Number(link.textContent), link: link.href };
  });
  const chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${p.value}` },
    series: [{
      type: 'funnel',
      sort: 'none',
      minSize: '10%',
      left: '10%',
      width: '80%',
      label: { show: true, position: 'inside', formatter: (p) => `${p.name} ${p.value}` },
      data: steps,
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
