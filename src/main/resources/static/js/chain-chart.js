// Draws each industry chain as a tree (chain → upstream / midstream / downstream → nodes) with ECharts.
// The table beside it stays the accessible, script-free form of the same data.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.chain-chart').forEach(async (element) => {
    const response = await fetch(element.dataset.chainUrl, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      return;
    }
    const chain = await response.json();
    const english = element.dataset.english === 'true';
    const label = (item) => (english && item.nameEn ? item.nameEn : item.name);
    const stageNames = {
      UPSTREAM: element.dataset.stageUpstream,
      MIDSTREAM: element.dataset.stageMidstream,
      DOWNSTREAM: element.dataset.stageDownstream,
    };
    const tree = {
      name: label(chain),
      children: chain.stages.map((stage) => ({
        name: stageNames[stage.stage] || stage.stage,
        children: stage.nodes.map((node) => ({ name: label(node), value: node.code })),
      })),
    };
    const leaves = chain.stages.reduce((count, stage) => count + stage.nodes.length, 0);
    element.classList.add('drawn');
    element.style.height = `${Math.max(240, leaves * 26)}px`;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: (params) => (params.value ? `${params.name} (${params.value})` : params.name) },
      series: [{
        type: 'tree',
        data: [tree],
        orient: 'LR',
        top: 10, bottom: 10, left: '12%', right: '28%',
        symbolSize: 8,
        initialTreeDepth: 2,
        itemStyle: { color: '#b3261e', borderColor: '#b3261e' },
        label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13 },
        leaves: { label: { position: 'right', align: 'left' } },
        expandAndCollapse: true,
        animationDuration: 300,
      }],
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
