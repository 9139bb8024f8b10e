"""The base of every model of the brief."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base of every model: unknown keys are errors, numbers are finite, values do not change once made."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
