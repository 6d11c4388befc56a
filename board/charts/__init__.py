"""Chart builders: figures table → Plotly figure plus the rows behind it (for its table and downloads).

Pure functions, no Streamlit: `charts.overview` counts figures by theme and section; `charts.theme` draws a
theme's figures, one axis per kind of quantity, grouped where the reply compares things.
"""

from board.charts.axes import MAX_COUNT_AXES, AxisGroup, axis_groups, family, split_label
from board.charts.base import PLOTLY_CONFIG, Chart, section_order, selected_keys, source_caption, theme_colors
from board.charts.overview import by_section, by_theme
from board.charts.theme import LEGEND_NOTE, chart_data, comparison_chart, group_chart, theme_charts
from board.formatting import measure_word  # what count axes are split by

__all__ = [
    "LEGEND_NOTE",
    "MAX_COUNT_AXES",
    "PLOTLY_CONFIG",
    "AxisGroup",
    "Chart",
    "axis_groups",
    "by_section",
    "by_theme",
    "chart_data",
    "comparison_chart",
    "family",
    "group_chart",
    "measure_word",
    "section_order",
    "selected_keys",
    "source_caption",
    "split_label",
    "theme_charts",
    "theme_colors",
]
