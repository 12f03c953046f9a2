"""Validation in the window: the findings dock and the revalidation after edits."""
