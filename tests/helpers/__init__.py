"""Helpers the tests share: forms built through the API, reference forms, hostile files, GUI typing."""
