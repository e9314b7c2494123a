// Draws the report's charts with ECharts from the data in #report-charts, in the reader's colour scheme (and again
// when it changes), then writes into #report-status how many charts drew and which errors the page met.
(function () {
  'use strict';
  var PALETTE = ['#5470c6', '#ee6666', '#91cc75', '#fac858', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
  var specs = JSON.parse(document.getElementById('report-charts').textContent);
  var status = document.getElementById('report-status');
  var errors = window.__reportErrors || [];
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  var charts = [];
  var pending = 0;
  var checkTimer = null;

  function colour(i) {
    return PALETTE[i % PALETTE.length];
  }

  function number(v, digits) {
    return v.toLocaleString('en-US', {maximumFractionDigits: digits});
  }

  function bytes(v) {
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (u === 0 ? number(v, 0) : number(v, 1)) + ' ' + units[u];
  }

  function format(unit, v) {
    if (v === null || v === undefined || v === '-' || isNaN(v)) {
      return '—';
    }
    switch (unit) {
      case 'ms':
        return (v >= 100 ? number(v, 0) : v >= 1 ? number(v, 2) : number(v, 4)) + ' ms';
      case 'rate':
        return number(v, v >= 10 ? 0 : 2) + '/s';
      case 'bytesRate':
        return bytes(v) + '/s';
      case 'percent':
        return number(v, 1) + '%';
      default:
        return number(v, 0);
    }
  }

  // x = 1/(1-p): 1 is 0%, 10 is 90%, 100 is 99%, 1000 is 99.9%...
  function ninesLabel(x) {
    if (x <= 1.0000001) {
      return '0%';
    }
    var digits = Math.max(0, Math.round(Math.log(x) / Math.LN10) - 2);
    return (100 * (1 - 1 / x)).toFixed(digits) + '%';
  }

  function percentile(x) {
    var digits = Math.min(6, Math.max(1, Math.ceil(Math.log(x) / Math.LN10)));
    return (100 * (1 - 1 / x)).toFixed(digits) + '%';
  }

  function lineType(style) {
    return style === 'dashed' || style === 'step' ? 'dashed' : style === 'dotted' ? 'dotted' : 'solid';
  }

  function baseOption(spec) {
    return {
      backgroundColor: 'transparent',
      animation: false,
      color: PALETTE,
      legend: {type: 'scroll', bottom: 0, left: 0, right: 0, textStyle: {fontSize: 12}},
      grid: {left: 8, right: 24, top: 28, bottom: 44, containLabel: true},
      tooltip: {trigger: 'axis', confine: true, valueFormatter: function (v) { return format(spec.unit, v); }}
    };
  }

  function valueAxis(spec) {
    return {type: 'value', scale: false, axisLabel: {formatter: function (v) { return format(spec.unit, v); }},
      splitLine: {lineStyle: {opacity: 0.5}}};
  }

  function lineSeries(s) {
    var scatter = s.style === 'scatter';
    var series = {
      name: s.name,
      type: scatter ? 'scatter' : 'line',
      data: s.data,
      itemStyle: {color: colour(s.colour)},
      symbolSize: scatter ? 7 : 4,
      showSymbol: scatter || s.data.length < 40,
      emphasis: {focus: 'series'}
    };
    if (!scatter) {
      series.lineStyle = {width: s.style === 'line' ? 2 : 1.5, type: lineType(s.style)};
      series.step = s.style === 'step' ? 'end' : false;
    }
    return series;
  }

  function timeOption(spec) {
    var option = baseOption(spec);
    option.xAxis = {type: 'value', name: 's', nameGap: 4, min: 0, axisLabel: {formatter: function (v) { return number(v, 1); }}};
    option.yAxis = valueAxis(spec);
    option.series = spec.series.map(lineSeries);
    option.tooltip.axisPointer = {type: 'line'};
    option.tooltip.formatter = function (params) {
      var lines = [number(params[0].value[0], 2) + ' s'];
      params.forEach(function (p) {
        lines.push(p.marker + p.seriesName + ': <b>' + format(spec.unit, p.value[1]) + '</b>');
      });
      return lines.join('<br>');
    };
    delete option.tooltip.valueFormatter;
    if (spec.warmup && option.series.length > 0) {
      option.series[0].markArea = {
        silent: true,
        itemStyle: {color: 'rgba(128, 128, 128, 0.14)'},
        label: {show: true, position: 'insideTop', color: '#888', fontSize: 11},
        data: [[{name: 'warm-up', xAxis: 0}, {xAxis: spec.warmup}]]
      };
    }
    return option;
  }

  function ninesOption(spec) {
    var option = baseOption(spec);
    var maxX = 10;
    spec.series.forEach(function (s) {
      s.data.forEach(function (p) { maxX = Math.max(maxX, p[0]); });
    });
    option.xAxis = {type: 'log', logBase: 10, min: 1, max: Math.pow(10, Math.ceil(Math.log(maxX) / Math.LN10 - 1e-9)),
      name: 'percentile', nameLocation: 'middle', nameGap: 26,
      axisLabel: {formatter: ninesLabel}, splitLine: {show: true, lineStyle: {opacity: 0.5}}};
    option.yAxis = valueAxis(spec);
    option.yAxis.name = 'latency';
    option.grid.bottom = 64;
    option.series = spec.series.map(lineSeries);
    option.tooltip.formatter = function (params) {
      var lines = [percentile(params[0].value[0])];
      params.forEach(function (p) {
        lines.push(p.marker + p.seriesName + ': <b>' + format(spec.unit, p.value[1]) + '</b>');
      });
      return lines.join('<br>');
    };
    delete option.tooltip.valueFormatter;
    return option;
  }

  function barsOption(spec) {
    var option = baseOption(spec);
    option.tooltip.axisPointer = {type: 'shadow'};
    option.xAxis = {type: 'category', data: spec.categories};
    option.yAxis = valueAxis(spec);
    option.series = spec.series.map(function (s) {
      return {name: s.name, type: 'bar', itemStyle: {color: colour(s.colour)}, barMaxWidth: 48,
        data: s.data.map(function (v) { return v === null ? '-' : v; })};
    });
    return option;
  }

  // Warm colours, the same for a frame's name on every graph.
  function frameColour(name) {
    var hash = 0;
    for (var i = 0; i < name.length; i++) {
      hash = (hash * 31 + name.charCodeAt(i)) | 0;
    }
    var h = Math.abs(hash);
    return 'hsl(' + (h % 50) + ', ' + (70 + (h >> 8) % 25) + '%, ' + (56 + (h >> 16) % 14) + '%)';
  }

  function flameOption(spec) {
    var frames = spec.frames; // [start, end, depth, name, samples], in samples
    var option = baseOption(spec);
    delete option.legend;
    option.grid = {left: 2, right: 2, top: 4, bottom: 40};
    option.tooltip = {trigger: 'item', confine: true, formatter: function (p) {
      var f = frames[p.dataIndex];
      var div = document.createElement('div');
      div.textContent = f[3];
      return div.innerHTML + '<br><b>' + number(f[4], 0) + '</b> samples (' + number(100 * f[4] / spec.total, 2) + '%)';
    }};
    option.xAxis = {type: 'value', min: 0, max: spec.total, show: false};
    option.yAxis = {type: 'value', min: 0, max: spec.maxDepth + 1, show: false};
    option.dataZoom = [
      {type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', height: 18, bottom: 8, showDetail: false},
      {type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter'}
    ];
    option.series = [{
      type: 'custom',
      encode: {x: [0, 1], y: 2},
      data: frames.map(function (f, i) { return [f[0], f[1], f[2], f[4], i]; }),
      renderItem: function (params, api) {
        var f = frames[params.dataIndex];
        var bottomLeft = api.coord([f[0], f[2]]);
        var topRight = api.coord([f[1], f[2] + 1]);
        var rect = echarts.graphic.clipRectByRect(
          {x: bottomLeft[0], y: topRight[1], width: topRight[0] - bottomLeft[0], height: bottomLeft[1] - topRight[1] - 1},
          {x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height});
        if (!rect || rect.width < 0.5) {
          return null;
        }
        var item = {type: 'rect', shape: rect, style: {fill: frameColour(f[3])}};
        if (rect.width > 30) {
          item.textContent = {style: {text: f[3], fill: '#1d1d1d', fontSize: 11, width: rect.width - 6,
            overflow: 'truncate', ellipsis: '…'}};
          item.textConfig = {position: 'insideLeft', distance: 3};
        }
        return item;
      }
    }];
    return option;
  }

  var BUILDERS = {time: timeOption, nines: ninesOption, bars: barsOption, flame: flameOption};

  // A canvas counts as drawn when enough of its pixels are not transparent (the background is).
  function inkedPixels(canvas) {
    var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 3; i < data.length; i += 4) {
      if (data[i] !== 0) {
        n++;
      }
    }
    return n;
  }

  function check() {
    checkTimer = null;
    var ok = 0;
    var failed = [];
    charts.forEach(function (chart, i) {
      var canvas = chart.getDom().querySelector('canvas');
      var option = chart.getOption();
      var drawn = false;
      try {
        drawn = !!canvas && canvas.width > 0 && canvas.height > 0 && option && option.series.length > 0 &&
          inkedPixels(canvas) > 200;
      } catch (e) {
        errors.push('cannot check chart ' + specs[i].id + ': ' + e);
      }
      if (drawn) {
        ok++;
      } else {
        failed.push(specs[i].id);
      }
    });
    var resources = window.performance && performance.getEntriesByType ? performance.getEntriesByType('resource') : [];
    status.setAttribute('data-charts-expected', String(specs.length));
    status.setAttribute('data-charts-ok', String(ok));
    status.setAttribute('data-charts-failed', failed.join(' '));
    status.setAttribute('data-resources', String(resources.length));
    status.setAttribute('data-theme', darkQuery && darkQuery.matches ? 'dark' : 'light');
    status.setAttribute('data-overflow-x', String(document.documentElement.scrollWidth > window.innerWidth));
    status.setAttribute('data-viewport-width', String(window.innerWidth));
    status.setAttribute('data-errors', JSON.stringify(errors.concat(resources.map(function (r) {
      return 'requested ' + r.name;
    }))));
    status.setAttribute('data-done', 'true');
  }

  function scheduleCheck(delay) {
    if (checkTimer !== null) {
      clearTimeout(checkTimer);
    }
    checkTimer = setTimeout(check, delay);
  }

  function drawAll() {
    var theme = darkQuery && darkQuery.matches ? 'dark' : null;
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    pending = specs.length;
    specs.forEach(function (spec) {
      var dom = document.getElementById('chart-' + spec.id);
      var chart = echarts.init(dom, theme, {renderer: 'canvas'});
      chart.on('finished', function () {
        if (!chart.__reportFinished) {
          chart.__reportFinished = true;
          pending--;
          if (pending === 0) {
            scheduleCheck(0);
          }
        }
      });
      try {
        chart.setOption(BUILDERS[spec.kind](spec));
      } catch (e) {
        errors.push('chart ' + spec.id + ': ' + e);
      }
      charts.push(chart);
    });
    // In case a chart never reports that it finished, check anyway.
    scheduleCheck(pending === 0 ? 0 : 5000);
  }

  drawAll();
  if (darkQuery) {
    var redraw = function () { drawAll(); };
    if (darkQuery.addEventListener) {
      darkQuery.addEventListener('change', redraw);
    } else if (darkQuery.addListener) {
      darkQuery.addListener(redraw);
    }
  }
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 100);
  });
})();
