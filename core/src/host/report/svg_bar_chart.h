#pragma once

#include <string>

#include "host/report/report.h"

namespace hamhub::host {

/// The chart as an inline SVG element: horizontal bars, one group per subject (its name on the
/// left) and one bar per series in the legend's colours, each with its value at the end and a
/// tooltip; an axis from 0 to the chart's scale. Empty when there is nothing to draw.
std::string svgBarChart(const ScoreChart& chart, char decimalSeparator);

}  // namespace hamhub::host
