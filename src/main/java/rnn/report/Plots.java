package rnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import rnn.eval.ClassificationReport;
import rnn.eval.SpanReport;
import rnn.util.AtomicFiles;

/** The report's PNG plots, drawn with XChart; each method writes one file. */
final class Plots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;

    static {
        // drawing needs no display; without this AWT may look for one
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Train loss (left axis) and the dev metric (right axis) per epoch; the kept epoch marked. */
    static void learningCurve(Path file, String model, TrainingHistory history, String metric) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(model + ": learning curve")
                .xAxisTitle("epoch").yAxisTitle("train loss").build();
        List<Integer> epochs = history.epochs().stream().map(TrainingHistory.Epoch::epoch).toList();
        chart.addSeries("train loss", epochs, history.epochs().stream().map(TrainingHistory.Epoch::trainLoss).toList());
        List<Double> dev = history.epochs().stream().map(e -> e.dev().getOrDefault(metric, Double.NaN)).toList();
        XYSeries devSeries = chart.addSeries("dev " + metric, epochs, dev);
        devSeries.setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "dev " + metric);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        if (history.bestEpoch() > 0 && history.bestEpoch() <= dev.size()) {
            XYSeries best = chart.addSeries("kept (epoch " + history.bestEpoch() + ")", List.of(history.bestEpoch()),
                    List.of(dev.get(history.bestEpoch() - 1)));
            best.setYAxisGroup(1);
            best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            best.setMarker(SeriesMarkers.DIAMOND);
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("#");
        save(chart, file);
    }

    /** Counts by gold (rows) and predicted (columns) label. */
    static void confusion(Path file, String model, ClassificationReport report) throws IOException {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(model + ": confusion matrix").xAxisTitle("predicted").yAxisTitle("gold").build();
        List<Number[]> cells = new ArrayList<>();
        int k = report.labels().size();
        for (int gold = 0; gold < k; gold++) {
            for (int predicted = 0; predicted < k; predicted++) {
                // y runs upwards: the first gold label goes on the top row, as in the table
                cells.add(new Number[] {predicted, k - 1 - gold, report.confusion()[gold][predicted]});
            }
        }
        List<String> reversed = new ArrayList<>(report.labels());
        java.util.Collections.reverse(reversed);
        chart.addSeries("examples", report.labels(), reversed, cells);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setLegendVisible(false);
        save(chart, file);
    }

    /** Accuracy against mean predicted probability per probability bin; the diagonal is perfect calibration. */
    static void reliability(Path file, String model, ClassificationReport report) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(java.util.Locale.ROOT, "%s: reliability (ECE %.3f)", model, report.ece()))
                .xAxisTitle("predicted class's probability").yAxisTitle("accuracy").build();
        XYSeries perfect = chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        perfect.setMarker(SeriesMarkers.NONE);
        perfect.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        perfect.setLineColor(Color.GRAY);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (ClassificationReport.CalibrationBin bin : report.calibration()) {
            if (bin.examples() > 0) {
                x.add(bin.confidence());
                y.add(bin.accuracy());
            }
        }
        if (!x.isEmpty()) {
            chart.addSeries("bins with examples", x, y);
        }
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        save(chart, file);
    }

    /** Entity F1 per type. */
    static void typeF1(Path file, String model, SpanReport report) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(model + ": F1 per type")
                .xAxisTitle("entity type").yAxisTitle("F1").build();
        List<String> types = new ArrayList<>(report.types().keySet());
        chart.addSeries("F1", types, types.stream().map(t -> report.types().get(t).f1()).toList());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendVisible(false);
        save(chart, file);
    }

    /**
     * One metric across models, each a point with its 95% interval drawn as a vertical bar
     * (intervals are not symmetric, so they are drawn, not given as error bars).
     *
     * @param points per model label: value, low, high (low and high NaN when there is no interval)
     */
    static void comparison(Path file, String title, String metric, Map<String, double[]> points) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("model")
                .yAxisTitle(metric).build();
        List<String> names = new ArrayList<>(points.keySet());
        Map<Object, Object> ticks = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            double[] p = points.get(names.get(i));
            ticks.put((double) (i + 1), names.get(i));
            if (!Double.isNaN(p[1])) {
                XYSeries ci = chart.addSeries(names.get(i) + " 95% CI", new double[] {i + 1, i + 1},
                        new double[] {p[1], p[2]});
                ci.setMarker(SeriesMarkers.NONE);
                ci.setLineColor(Color.DARK_GRAY);
                ci.setShowInLegend(false);
            }
            XYSeries value = chart.addSeries(names.get(i), new double[] {i + 1}, new double[] {p[0]});
            value.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            value.setMarker(SeriesMarkers.CIRCLE);
        }
        chart.setCustomXAxisTickLabelsFormatter(x -> String.valueOf(ticks.getOrDefault(x, "")));
        chart.getStyler().setXAxisMin(0.5).setXAxisMax(names.size() + 0.5);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        save(chart, file);
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        AtomicFiles.write(file, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
