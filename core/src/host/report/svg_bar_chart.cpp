#include "host/report/svg_bar_chart.h"

#include <algorithm>

#include "host/report/cell_text.h"
#include "host/util/markup_escape.h"

namespace hamhub::host {

namespace {

// Distinguishable for the common colour-vision deficiencies, and in greyscale print by lightness.
constexpr const char* kColours[] = {"#1f5f9e", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6b6b6b"};
constexpr int kLabelWidth = 230;
constexpr int kPlotWidth = 460;
constexpr int kValueWidth = 50;
constexpr int kBar = 12;
constexpr int kBarGap = 2;
constexpr int kGroupGap = 10;
constexpr int kLegend = 26;
constexpr int kAxis = 22;

std::string num(double v) { return fixedNumber(v, 1, '.'); }

}  // namespace

std::string svgBarChart(const ScoreChart& chart, char decimalSeparator) {
  if (chart.groups.empty() || chart.series.empty() || chart.scale <= 0) return {};
  const std::size_t colours = std::size(kColours);
  const int groupHeight = static_cast<int>(chart.series.size()) * (kBar + kBarGap) + kGroupGap;
  const int plotTop = kLegend;
  const int plotHeight = static_cast<int>(chart.groups.size()) * groupHeight;
  const int width = kLabelWidth + kPlotWidth + kValueWidth;
  const int height = plotTop + plotHeight + kAxis;
  const auto x = [&](double value) { return kLabelWidth + std::clamp(value / chart.scale, 0.0, 1.0) * kPlotWidth; };

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"" + escapeMarkup(chart.title) + "\">";
  svg += "<title>" + escapeMarkup(chart.title) + "</title>";
  double legendX = kLabelWidth;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    svg += "<rect x=\"" + num(legendX) + "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" + kColours[s % colours] +
           "\"/><text x=\"" + num(legendX + 16) + "\" y=\"16\">" + escapeMarkup(chart.series[s]) + "</text>";
    legendX += 28 + 7.0 * static_cast<double>(chart.series[s].size());
  }
  for (int tick = 0; tick <= 4; ++tick) {
    const double value = chart.scale * tick / 4;
    const std::string tx = num(x(value));
    svg += "<line x1=\"" + tx + "\" y1=\"" + std::to_string(plotTop) + "\" x2=\"" + tx + "\" y2=\"" +
           std::to_string(plotTop + plotHeight) + "\" class=\"grid\"/><text x=\"" + tx + "\" y=\"" +
           std::to_string(plotTop + plotHeight + 15) + "\" text-anchor=\"middle\">" +
           fixedNumber(value, 0, decimalSeparator) + "</text>";
  }
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    const auto& group = chart.groups[g];
    const int top = plotTop + static_cast<int>(g) * groupHeight + kGroupGap / 2;
    svg += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + std::to_string(top + groupHeight / 2) +
           "\" text-anchor=\"end\">" + escapeMarkup(group.label) + "</text>";
    for (std::size_t s = 0; s < chart.series.size() && s < group.values.size(); ++s) {
      if (!group.values[s]) continue;
      const double value = *group.values[s];
      const int y = top + static_cast<int>(s) * (kBar + kBarGap);
      const std::string shown = fixedNumber(value, 2, decimalSeparator);
      svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
             num(x(value) - kLabelWidth) + "\" height=\"" + std::to_string(kBar) + "\" fill=\"" + kColours[s % colours] +
             "\"><title>" + escapeMarkup(group.label + " — " + chart.series[s] + ": " + shown) + "</title></rect>";
      svg += "<text x=\"" + num(x(value) + 4) + "\" y=\"" + std::to_string(y + kBar - 2) + "\" class=\"value\">" +
             shown + "</text>";
    }
  }
  return svg + "</svg>";
}

}  // namespace hamhub::host
