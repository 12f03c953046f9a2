"""The indicator trees: the Qt model, the view, delegates, pastes and the tab."""
