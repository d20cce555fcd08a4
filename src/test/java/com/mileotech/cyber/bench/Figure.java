package com.mileotech.cyber.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured figure: median and 95th percentile (nearest rank) over its samples (rounds,
 * requests, timers...), the maximum, how many samples, the target and whether it is met.
 */
record Figure(String scenario, String name, String unit, double median, double p95, double max, int samples,
    String target, Boolean met) {

  /** The target is checked on the p95 (latencies, lags), on the median (rates, ratios) or on the max (counts). */
  enum Check { NONE, P95_AT_MOST, MEDIAN_AT_MOST, MEDIAN_AT_LEAST, MAX_AT_MOST }

  static Figure of(String scenario, String name, String unit, List<? extends Number> values, Check check, double limit,
      String target) {
    List<Double> sorted = new ArrayList<>();
    values.forEach(v -> sorted.add(v.doubleValue()));
    Collections.sort(sorted);
    double median = percentile(sorted, 50);
    double p95 = percentile(sorted, 95);
    double max = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1);
    Boolean met = sorted.isEmpty() ? Boolean.FALSE : switch (check) {
      case NONE -> null;
      case P95_AT_MOST -> p95 <= limit;
      case MEDIAN_AT_MOST -> median <= limit;
      case MEDIAN_AT_LEAST -> median >= limit;
      case MAX_AT_MOST -> max <= limit;
    };
    return new Figure(scenario, name, unit, median, p95, max, sorted.size(), target, met);
  }

  static Figure info(String scenario, String name, String unit, List<? extends Number> values) {
    return of(scenario, name, unit, values, Check.NONE, 0, "");
  }

  static double percentile(List<Double> sorted, double percent) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("scenario", scenario);
    map.put("name", name);
    map.put("unit", unit);
    map.put("median", round(median));
    map.put("p95", round(p95));
    map.put("max", round(max));
    map.put("samples", samples);
    map.put("target", target);
    map.put("met", met);
    return map;
  }

  static Object round(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100.0;
  }

  String cell(double value) {
    Object rounded = round(value);
    return rounded == null ? "–" : rounded.toString();
  }

  String verdict() {
    return met == null ? "" : met ? "met" : "**missed**";
  }
}
