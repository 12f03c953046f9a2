"""The funds tab: the grid of amounts, its keys and pastes."""
