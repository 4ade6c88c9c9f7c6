import { CHART, type ChartCutOff, type ChartSpec, type GutterLabel, layoutChart } from './chartLayout';

/**
 * A measure's totals over time, drawn in SVG with nothing from the network (system
 * fonts, no chart library): severity bands shaded and named in words, or a screen's
 * cut-off line with its label; the dates given along the bottom, score ticks up the
 * side, one point per administration with its date and result in a <title>. The whole
 * picture is one image to assistive technology, named by `summary`; the table beside
 * it holds the same numbers.
 */

export type LinePoint = ChartSpec['points'][number] & {
  /** The point's tooltip: "12 Nov 2026: 14, moderate". */
  title: string;
  /** Drawn as a diamond (PHQ-9 item 9 answered above 0), explained under the chart. */
  marked?: boolean;
};

type Props = {
  summary: string;
  maxTotal: number;
  bands: ChartSpec['bands'];
  cutOffs: readonly ChartCutOff[];
  points: readonly LinePoint[];
  formatTick: (date: string, withYear: boolean) => string;
};

export function LineChart({ summary, maxTotal, bands, cutOffs, points, formatTick }: Props) {
  const layout = layoutChart({ maxTotal, bands, cutOffs, points });
  const { plot } = layout;
  const byId = new Map(points.map((point) => [point.id, point]));
  const gutterX = plot.right + 10;
  return (
    <svg
      className="measure-chart"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={summary}
      preserveAspectRatio="xMinYMin meet"
    >
      {/* Bands, shaded from the lightest (lowest) to the strongest, each named in the gutter. */}
      {layout.bands.map((band) => (
        <rect
          key={band.label}
          className={`chart-band band-${band.index}`}
          x={plot.left}
          y={band.top}
          width={plot.right - plot.left}
          height={band.bottom - band.top}
        />
      ))}
      {layout.bands.slice(1).map((band) => (
        <line
          key={`edge-${band.label}`}
          className="chart-band-edge"
          x1={plot.left}
          x2={plot.right + 6}
          y1={band.bottom}
          y2={band.bottom}
        />
      ))}
      {layout.bandLabels.map((label) => (
        <GutterText key={label.lines.join()} label={label} x={gutterX} className="chart-band-label" />
      ))}

      {/* A screen: the positive side lightly shaded, the cut-off line named. */}
      {layout.cutOffs.length > 0 && (
        <rect
          className="chart-positive"
          x={plot.left}
          y={plot.top}
          width={plot.right - plot.left}
          height={Math.max(...layout.cutOffs.map((cutOff) => cutOff.y)) - plot.top}
        />
      )}
      {layout.cutOffs.map((cutOff) => (
        <line
          key={cutOff.value}
          className="chart-cut-off"
          x1={plot.left}
          x2={plot.right + 6}
          y1={cutOff.y}
          y2={cutOff.y}
        />
      ))}
      {layout.cutOffLabels.map((label) => (
        <GutterText key={label.lines.join()} label={label} x={gutterX} className="chart-cut-off-label" />
      ))}

      {/* Axes: score ticks up the side, the frame of the plot. */}
      {layout.yTicks.map((tick) => (
        <g key={tick.value}>
          {/* Gridlines only without bands: the band edges already divide the scale. */}
          {layout.bands.length === 0 && (
            <line className="chart-grid" x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} />
          )}
          <line className="chart-axis" x1={plot.left - 5} x2={plot.left} y1={tick.y} y2={tick.y} />
          <text className="chart-tick" x={plot.left - 8} y={tick.y} textAnchor="end" dominantBaseline="middle">
            {tick.value}
          </text>
        </g>
      ))}
      <rect
        className="chart-frame"
        x={plot.left}
        y={plot.top}
        width={plot.right - plot.left}
        height={plot.bottom - plot.top}
      />
      <text
        className="chart-axis-title"
        transform={`translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        dominantBaseline="middle"
      >
        Total
      </text>

      {/* Dates given. */}
      {layout.xLabels.map((label) => (
        <g key={label.date}>
          <line
            className="chart-axis"
            x1={layout.points.find((point) => point.date === label.date)?.x ?? label.x}
            x2={layout.points.find((point) => point.date === label.date)?.x ?? label.x}
            y1={plot.bottom}
            y2={plot.bottom + 5}
          />
          <text
            className="chart-tick"
            x={label.x}
            y={plot.bottom + 16 + label.row * CHART.rowHeight}
            textAnchor="middle"
          >
            {formatTick(label.date, label.withYear)}
          </text>
        </g>
      ))}

      {/* The totals, joined in date order. */}
      {layout.points.length > 1 && <path className="chart-line" d={layout.path} />}
      {layout.points.map((point) => {
        const source = byId.get(point.id);
        return (
          <g key={point.id} className={source?.marked ? 'chart-point marked' : 'chart-point'}>
            <title>{source?.title ?? `${point.date}: ${point.total}`}</title>
            {source?.marked ? (
              <rect
                x={point.x - 5.5}
                y={point.y - 5.5}
                width={11}
                height={11}
                transform={`rotate(45 ${point.x} ${point.y})`}
              />
            ) : (
              <circle cx={point.x} cy={point.y} r={5} />
            )}
            {point.showValue && (
              <text className="chart-value" x={point.x} y={point.labelY} textAnchor="middle">
                {point.total}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function GutterText({ label, x, className }: { label: GutterLabel; x: number; className: string }) {
  const top = label.y - (label.lines.length * 12) / 2;
  return (
    <g className={className}>
      {Math.abs(label.y - label.anchorY) > 3 && (
        <line className="chart-leader" x1={x - 8} x2={x - 2} y1={label.anchorY} y2={label.y} />
      )}
      <text x={x} y={top} dominantBaseline="hanging">
        {label.lines.map((line, index) => (
          <tspan key={line} x={x} dy={index === 0 ? 0 : 12} className={index === 0 ? 'first' : 'rest'}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
