"""Where small bars would vanish beside large ones on one axis (400万元 beside 39.9亿元), the figures are cut
into magnitude bands, each drawn on its own axis: a small multiple per band, never a bar too short to see.
"""

from __future__ import annotations

import pandas as pd

VANISH = 40  # a bar under 1/40 of the axis (2.5%) cannot be read: it gets an axis of its own


def magnitude_bands(rows: pd.DataFrame, ratio: float = VANISH) -> list[pd.DataFrame]:
    """rows split into bands, largest first, in which no bar is under 1/ratio of the band's largest;
    each band keeps the rows' order."""
    low = rows["base_value"].fillna(rows["base_value_low"]).astype(float).abs()
    top = pd.concat([low, rows["base_value_high"].astype(float).abs()], axis=1).max(axis=1)
    band = pd.Series(0, index=rows.index)
    number, ceiling = 0, None
    for index in top.sort_values(ascending=False, kind="stable").index:
        if ceiling is None:
            ceiling = top[index]
        elif top[index] * ratio < ceiling:  # would vanish beside the band's largest: start a smaller band
            number, ceiling = number + 1, top[index]
        band[index] = number
    return [rows[band == b] for b in range(number + 1)]
